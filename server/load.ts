/*
 * The loader: writes an event and its attendance (as the video platform exported it, bad records
 * included) into the database, replacing what was stored for that event, and builds the
 * aggregates the push-down routes answer from (server/aggregate.ts) — all in one transaction.
 * `appendDailyReport` adds one daily report (the day's views, the new reportedThrough) to a
 * stored event and updates the aggregates by what it touches, without reloading.
 *
 * Every record is read the way core reads it — with core's own functions — so the typed columns
 * mean exactly what core would compute: `lead_id` (readLeadId), `status` (normalizeStatus, NULL
 * when unknown), `viewed_at` (parseInstant, NULL when unparsable), and, computed here once and
 * never again: a view's `day` in the event's zone (core's createDayInZone: Node's Intl, not the
 * database's time zone data) and its `milliseconds` (core's minutesToMilliseconds). Records whose
 * fields have the wrong JSON type are refused, as the REST adapter refuses them on the wire: they
 * are another schema, not bad records.
 *
 * Why multi-row INSERT … SELECT FROM unnest($arrays) and not COPY: `pg` alone cannot stream
 * COPY … FROM STDIN (that needs the extra pg-copy-streams package); one INSERT per batch of
 * 20 000 rows with one array parameter per column is a single round trip and a single plan, is
 * fully parameterized, and needs no second dependency.
 */
import {
  type Attendance,
  type CalendarDay,
  type CheckedEvent,
  checkWebinarEvent,
  createDayInZone,
  isCalendarDay,
  isRecord,
  MAX_VIEW_MINUTES,
  minutesToMilliseconds,
  normalizeStatus,
  parseInstant,
  readLeadId,
  type View,
  type WebinarEvent,
} from '../src/core/index.ts';
// Core's own rules, from their modules: not (yet) in the public ./core entry, whose bundle size is budgeted.
import { addToAggregates, buildAggregates } from './aggregate.ts';
import { inTransaction, type Pool, type PoolClient } from './db.ts';

/** The input to load is structurally wrong; `field` names it (`views[3].minutes`). */
export class LoadError extends Error {
  override readonly name = 'LoadError';
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

export interface LoadInput {
  event: WebinarEvent;
  attendance: Attendance;
}

export interface LoadOptions {
  /** Rows per INSERT. Default 20 000. */
  batchSize?: number;
  /**
   * Refresh the planner's statistics after the load (ANALYZE, a sample: fast even for a million
   * rows). Without them PostgreSQL guesses "one row" for fresh tables and picks nested loops
   * that rescan the views per registrant. Default true.
   */
  analyze?: boolean;
}

export interface LoadReport {
  eventId: string;
  registrants: number;
  views: number;
  milliseconds: number;
}

/** The lead id as given, kept only when it is text that differs from the key ('' or blanks). */
function leadGiven(value: unknown, key: string | null): string | null {
  return typeof value === 'string' && value !== key ? value : null;
}

function checkLeadIdType(value: unknown, field: string): void {
  if (value != null && typeof value !== 'string' && typeof value !== 'number') throw new LoadError(field, `must be a string or a number, got ${typeof value}.`);
}

function checkFinite(value: number, field: string): void {
  // JSON cannot carry NaN or Infinity; a column holding one could not be served on the contract.
  if (!Number.isFinite(value)) throw new LoadError(field, `must be a finite number, got ${String(value)}.`);
}

/** A value that is not an object, as JSON for the `malformed` column (undefined has no JSON: null). */
function malformedJson(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

interface RegistrantColumns {
  ord: number[];
  leadId: (string | null)[];
  leadIdGiven: (string | null)[];
  statusText: (string | null)[];
  status: (string | null)[];
  hasLiveMinutes: boolean[];
  liveMinutes: (number | null)[];
  malformed: (string | null)[];
  /** `name` and `email` as JSON text when the record has them (any JSON value: core diagnoses non-text). */
  name: (string | null)[];
  email: (string | null)[];
}

interface ViewColumns {
  ord: number[];
  leadId: (string | null)[];
  leadIdGiven: (string | null)[];
  viewedAt: (string | null)[];
  viewedAtText: (string | null)[];
  minutes: (number | null)[];
  malformed: (string | null)[];
  day: (CalendarDay | null)[];
  milliseconds: (number | null)[];
}

function registrantColumns(records: readonly unknown[]): RegistrantColumns {
  const columns: RegistrantColumns = { ord: [], leadId: [], leadIdGiven: [], statusText: [], status: [], hasLiveMinutes: [], liveMinutes: [], malformed: [], name: [], email: [] };
  records.forEach((record, index) => {
    const at = `registrants[${index}]`;
    columns.ord.push(index);
    if (!isRecord(record)) {
      columns.leadId.push(null);
      columns.leadIdGiven.push(null);
      columns.statusText.push(null);
      columns.status.push(null);
      columns.hasLiveMinutes.push(false);
      columns.liveMinutes.push(null);
      columns.malformed.push(malformedJson(record));
      columns.name.push(null);
      columns.email.push(null);
      return;
    }
    checkLeadIdType(record.leadId, `${at}.leadId`);
    if (typeof record.status !== 'string') throw new LoadError(`${at}.status`, `must be a string, got ${record.status === null ? 'null' : typeof record.status}.`);
    const { liveMinutes } = record;
    if (liveMinutes !== undefined && liveMinutes !== null) {
      if (typeof liveMinutes !== 'number') throw new LoadError(`${at}.liveMinutes`, `must be a number or null, got ${typeof liveMinutes}.`);
      checkFinite(liveMinutes, `${at}.liveMinutes`);
    }
    const key = readLeadId(record.leadId);
    let status: string | null;
    try {
      status = normalizeStatus(record.status);
    } catch {
      status = null;
    }
    columns.leadId.push(key);
    columns.leadIdGiven.push(leadGiven(record.leadId, key));
    columns.statusText.push(record.status);
    columns.status.push(status);
    columns.hasLiveMinutes.push(liveMinutes !== undefined);
    columns.liveMinutes.push((liveMinutes as number | null | undefined) ?? null);
    columns.malformed.push(null);
    columns.name.push(record.name === undefined ? null : (JSON.stringify(record.name) ?? 'null'));
    columns.email.push(record.email === undefined ? null : (JSON.stringify(record.email) ?? 'null'));
  });
  return columns;
}

/** `viewed_at`'s ISO form as the database renders it back (4-digit years only). */
function canonicalInstant(time: number): string | null {
  const iso = new Date(time).toISOString();
  return /^\d{4}-/.test(iso) ? iso : null;
}

/**
 * The view records as columns, positions from `firstOrd`; `dayOf` is core's day of an instant in
 * the event's zone.
 */
function viewColumns(records: readonly unknown[], dayOf: (instant: number) => CalendarDay, firstOrd = 0): ViewColumns {
  const columns: ViewColumns = { ord: [], leadId: [], leadIdGiven: [], viewedAt: [], viewedAtText: [], minutes: [], malformed: [], day: [], milliseconds: [] };
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    const at = `views[${index}]`;
    columns.ord.push(firstOrd + index);
    if (!isRecord(record)) {
      columns.leadId.push(null);
      columns.leadIdGiven.push(null);
      columns.viewedAt.push(null);
      columns.viewedAtText.push(null);
      columns.minutes.push(null);
      columns.malformed.push(malformedJson(record));
      columns.day.push(null);
      columns.milliseconds.push(null);
      continue;
    }
    checkLeadIdType(record.leadId, `${at}.leadId`);
    if (typeof record.viewedAt !== 'string') throw new LoadError(`${at}.viewedAt`, `must be a string, got ${record.viewedAt === null ? 'null' : typeof record.viewedAt}.`);
    if (typeof record.minutes !== 'number') throw new LoadError(`${at}.minutes`, `must be a number, got ${record.minutes === null ? 'null' : typeof record.minutes}.`);
    checkFinite(record.minutes, `${at}.minutes`);
    const key = readLeadId(record.leadId);
    const time = parseInstant(record.viewedAt);
    const canonical = time === null ? null : canonicalInstant(time);
    columns.leadId.push(key);
    columns.leadIdGiven.push(leadGiven(record.leadId, key));
    // Sent to PostgreSQL in canonical UTC form: exact to the millisecond, no parsing rules of its own.
    columns.viewedAt.push(time === null ? null : new Date(time).toISOString());
    columns.viewedAtText.push(canonical !== null && canonical === record.viewedAt ? null : record.viewedAt);
    columns.minutes.push(record.minutes);
    columns.malformed.push(null);
    // Computed once, by core: the day in the event's zone, and the minutes as whole milliseconds
    // when they are a valid duration (0 … MAX_VIEW_MINUTES); other minutes are diagnosed.
    columns.day.push(time === null ? null : dayOf(time));
    columns.milliseconds.push(record.minutes >= 0 && record.minutes <= MAX_VIEW_MINUTES ? minutesToMilliseconds(record.minutes) : null);
  }
  return columns;
}

function slice<T>(values: T[], from: number, to: number): T[] {
  return values.slice(from, to);
}

async function insertRegistrants(client: PoolClient, eventId: string, columns: RegistrantColumns, batchSize: number): Promise<void> {
  for (let from = 0; from < columns.ord.length; from += batchSize) {
    const to = Math.min(columns.ord.length, from + batchSize);
    await client.query(
      `INSERT INTO odw.registrants (event_id, ord, lead_id, lead_id_given, status_text, status, has_live_minutes, live_minutes, malformed, name, email)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::float8[], $9::jsonb[], $10::jsonb[], $11::jsonb[])`,
      [
        eventId,
        slice(columns.ord, from, to),
        slice(columns.leadId, from, to),
        slice(columns.leadIdGiven, from, to),
        slice(columns.statusText, from, to),
        slice(columns.status, from, to),
        slice(columns.hasLiveMinutes, from, to),
        slice(columns.liveMinutes, from, to),
        slice(columns.malformed, from, to),
        slice(columns.name, from, to),
        slice(columns.email, from, to),
      ],
    );
  }
}

async function insertViews(client: PoolClient, eventId: string, columns: ViewColumns, batchSize: number): Promise<void> {
  for (let from = 0; from < columns.ord.length; from += batchSize) {
    const to = Math.min(columns.ord.length, from + batchSize);
    await client.query(
      `INSERT INTO odw.views (event_id, ord, lead_id, lead_id_given, viewed_at, viewed_at_text, minutes, malformed, day, milliseconds)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::float8[], $8::jsonb[], $9::date[], $10::bigint[])`,
      [
        eventId,
        slice(columns.ord, from, to),
        slice(columns.leadId, from, to),
        slice(columns.leadIdGiven, from, to),
        slice(columns.viewedAt, from, to),
        slice(columns.viewedAtText, from, to),
        slice(columns.minutes, from, to),
        slice(columns.malformed, from, to),
        slice(columns.day, from, to),
        slice(columns.milliseconds, from, to),
      ],
    );
  }
}

/** The tables a load fills: the planner's statistics of all of them are refreshed after. */
const TABLES = 'odw.events, odw.registrants, odw.views, odw.leads, odw.daily_activity, odw.event_days, odw.day_pairs, odw.event_totals, odw.diagnostics';

/**
 * Starts a load or append of one event: one writer per event at a time (a second waits), and no
 * statement timeout — the server's pool may have a short one, and a million rows take seconds.
 */
async function lockEvent(client: PoolClient, eventId: string): Promise<void> {
  await client.query('SET LOCAL statement_timeout = 0');
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended('odw-event:' || $1, 0))", [eventId]);
}

/**
 * Stores an event with its attendance, replacing the event if it exists, and builds its
 * aggregates — one transaction: readers see the old data or the new, never a mix. Throws
 * `LoadError` naming the field for structurally wrong input, and core's `InvalidInputError` for
 * an invalid event.
 *
 * @example
 * await loadWebinar(pool, { event, attendance: generated.attendanceAt(now) });
 */
export async function loadWebinar(pool: Pool, input: LoadInput, options: LoadOptions = {}): Promise<LoadReport> {
  const started = performance.now();
  const checked = checkWebinarEvent(input.event);
  const { attendance } = input;
  if (!isRecord(attendance)) throw new LoadError('attendance', 'must be an object with registrants, views and reportedThrough.');
  if (!Array.isArray(attendance.registrants)) throw new LoadError('attendance.registrants', 'must be an array.');
  if (!Array.isArray(attendance.views)) throw new LoadError('attendance.views', 'must be an array.');
  if (!isCalendarDay(attendance.reportedThrough)) throw new LoadError('attendance.reportedThrough', `must be a day YYYY-MM-DD, got ${JSON.stringify(attendance.reportedThrough)}.`);
  const registrants = registrantColumns(attendance.registrants);
  const views = viewColumns(attendance.views, createDayInZone(checked.timeZone));
  const batchSize = options.batchSize ?? 20_000;
  const event = storedForm(checked);
  await inTransaction(pool, async (client) => {
    await lockEvent(client, event.id);
    await client.query('DELETE FROM odw.events WHERE id = $1', [event.id]);
    const inserted = await client.query<{ key: number }>(
      'INSERT INTO odw.events (id, name, starts_at, ends_at, time_zone, reported_through) VALUES ($1, $2, $3, $4, $5, $6) RETURNING key',
      [event.id, event.name, event.startsAt, event.endsAt, event.timeZone, attendance.reportedThrough],
    );
    await insertRegistrants(client, event.id, registrants, batchSize);
    await insertViews(client, event.id, views, batchSize);
    await buildAggregates(client, { key: (inserted.rows[0] as { key: number }).key, event, reportedThrough: attendance.reportedThrough });
  });
  if (options.analyze ?? true) await pool.query(`ANALYZE ${TABLES}`);
  return { eventId: event.id, registrants: registrants.ord.length, views: views.ord.length, milliseconds: performance.now() - started };
}

/** The event as stored: instants in canonical UTC form. */
function storedForm(event: CheckedEvent): WebinarEvent {
  return { id: event.id, name: event.name, startsAt: new Date(event.startsAt).toISOString(), endsAt: new Date(event.endsAt).toISOString(), timeZone: event.timeZone };
}

/** One daily report of the video platform: the views it adds, and the day it is complete through. */
export interface DailyReport {
  /** The new `reportedThrough`: not before the stored one. */
  reportedThrough: CalendarDay;
  /** The report's views, in the kit's format; stored after the event's views, in this order. */
  views: View[];
}

export interface AppendReport {
  eventId: string;
  views: number;
  previousReportedThrough: CalendarDay;
  reportedThrough: CalendarDay;
  milliseconds: number;
}

/**
 * Adds a daily report to a stored event: stores its views after the event's (so positions and
 * diagnostics' indexes stay those of the joined export), moves `reportedThrough`, and updates the
 * aggregates by what the report touches — views stored earlier whose day is now reported become
 * counted. One transaction, like a load. Throws `LoadError` for an unknown event, a
 * `reportedThrough` before the stored one, or views of the wrong JSON types.
 *
 * @example
 * await appendDailyReport(pool, 'evt-42', { reportedThrough: '2026-03-25', views: reportOf25March });
 */
export async function appendDailyReport(pool: Pool, eventId: string, report: DailyReport): Promise<AppendReport> {
  const started = performance.now();
  if (!isRecord(report)) throw new LoadError('report', 'must be an object with views and reportedThrough.');
  if (!Array.isArray(report.views)) throw new LoadError('report.views', 'must be an array.');
  if (!isCalendarDay(report.reportedThrough)) throw new LoadError('report.reportedThrough', `must be a day YYYY-MM-DD, got ${JSON.stringify(report.reportedThrough)}.`);
  return inTransaction(pool, async (client) => {
    await lockEvent(client, eventId);
    const { rows } = await client.query<{ key: number; id: string; name: string; starts_at: Date; ends_at: Date; time_zone: string; reported_through: string; views: number }>(
      `SELECT e.key, e.id, e.name, e.starts_at, e.ends_at, e.time_zone, e.reported_through::text AS reported_through,
              (SELECT coalesce(max(v.ord) + 1, 0) FROM odw.views v WHERE v.event_id = e.id) AS views
       FROM odw.events e WHERE e.id = $1`,
      [eventId],
    );
    const row = rows[0];
    if (row === undefined) throw new LoadError('eventId', `there is no stored event ${JSON.stringify(eventId)}; load it first.`);
    const previous = row.reported_through;
    if (report.reportedThrough < previous) throw new LoadError('report.reportedThrough', `must not be before the stored reportedThrough ${previous}, got ${report.reportedThrough}.`);
    const event: WebinarEvent = { id: row.id, name: row.name, startsAt: row.starts_at.toISOString(), endsAt: row.ends_at.toISOString(), timeZone: row.time_zone };
    const checked = checkWebinarEvent(event);
    const firstOrd = row.views;
    const views = viewColumns(report.views, createDayInZone(checked.timeZone), firstOrd);
    await client.query('UPDATE odw.events SET reported_through = $2 WHERE id = $1', [eventId, report.reportedThrough]);
    await insertViews(client, eventId, views, 20_000);
    await addToAggregates(client, { key: row.key, event, reportedThrough: report.reportedThrough }, firstOrd);
    return { eventId, views: views.ord.length, previousReportedThrough: previous, reportedThrough: report.reportedThrough, milliseconds: performance.now() - started };
  });
}

/**
 * Reads an export file's text: JSON `{ "event": …, "attendance": … }` in the kit's format (what
 * `GET …/events/{id}` and the joined `GET …/attendance` pages answer). Throws `LoadError` naming
 * what is wrong; the event and the records are checked by `loadWebinar`.
 *
 * @example loadWebinar(pool, parseExport(readFileSync('export.json', 'utf8')))
 */
export function parseExport(text: string): LoadInput {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new LoadError('file', `is not JSON: ${(error as Error).message}`);
  }
  if (!isRecord(value) || Array.isArray(value)) throw new LoadError('file', 'must hold one JSON object { "event": …, "attendance": … }.');
  for (const field of ['event', 'attendance'] as const) {
    if (!(field in value)) throw new LoadError(field, `is missing: the file must hold { "event": { id, name, startsAt, endsAt, timeZone }, "attendance": { registrants, views, reportedThrough } }.`);
    if (!isRecord(value[field]) || Array.isArray(value[field])) throw new LoadError(field, `must be an object, got ${Array.isArray(value[field]) ? 'an array' : JSON.stringify(value[field])}.`);
  }
  return { event: value.event as WebinarEvent, attendance: value.attendance as Attendance };
}

/**
 * Reads a daily report file's text: JSON `{ "reportedThrough": "YYYY-MM-DD", "views": [ … ] }`.
 * Throws `LoadError` naming what is wrong; the views are checked by `appendDailyReport`.
 */
export function parseDailyReport(text: string): DailyReport {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new LoadError('file', `is not JSON: ${(error as Error).message}`);
  }
  if (!isRecord(value) || Array.isArray(value)) throw new LoadError('file', 'must hold one JSON object { "reportedThrough": "YYYY-MM-DD", "views": [ … ] }.');
  return value as unknown as DailyReport;
}

/** Refreshes the planner's statistics (and the visibility map, for index-only scans) after a big load. */
export async function vacuumAnalyze(pool: Pool): Promise<void> {
  await pool.query(`VACUUM (ANALYZE) ${TABLES}`);
}
