/*
 * The loader: writes an event and its attendance (as the video platform exported it, bad records
 * included) into the database, replacing what was stored for that event, in one transaction.
 *
 * Why multi-row INSERT … SELECT FROM unnest($arrays) and not COPY: `pg` alone cannot stream
 * COPY … FROM STDIN (that needs the extra pg-copy-streams package); one INSERT per batch of
 * 20 000 rows with one array parameter per column is a single round trip and a single plan, runs
 * at a few hundred thousand rows a second here (see `npm run db:seed -- --scenario huge`), is
 * fully parameterized, and needs no second dependency.
 *
 * Every record is read the way core reads it — with core's own functions — so the typed columns
 * mean exactly what core would compute: `lead_id` (readLeadId), `status` (normalizeStatus, NULL
 * when unknown), `viewed_at` (parseInstant, NULL when unparsable). Records whose fields have the
 * wrong JSON type are refused, as the REST adapter refuses them on the wire: they are another
 * schema, not bad records.
 */
import {
  checkWebinarEvent,
  isCalendarDay,
  isRecord,
  normalizeStatus,
  parseInstant,
  readLeadId,
  type Attendance,
  type WebinarEvent,
} from '../src/core/index.ts';
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
}

interface ViewColumns {
  ord: number[];
  leadId: (string | null)[];
  leadIdGiven: (string | null)[];
  viewedAt: (string | null)[];
  viewedAtText: (string | null)[];
  minutes: (number | null)[];
  malformed: (string | null)[];
}

function registrantColumns(records: readonly unknown[]): RegistrantColumns {
  const columns: RegistrantColumns = { ord: [], leadId: [], leadIdGiven: [], statusText: [], status: [], hasLiveMinutes: [], liveMinutes: [], malformed: [] };
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
  });
  return columns;
}

/** `viewed_at`'s ISO form as the database renders it back (4-digit years only). */
function canonicalInstant(time: number): string | null {
  const iso = new Date(time).toISOString();
  return /^\d{4}-/.test(iso) ? iso : null;
}

function viewColumns(records: readonly unknown[]): ViewColumns {
  const columns: ViewColumns = { ord: [], leadId: [], leadIdGiven: [], viewedAt: [], viewedAtText: [], minutes: [], malformed: [] };
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    const at = `views[${index}]`;
    columns.ord.push(index);
    if (!isRecord(record)) {
      columns.leadId.push(null);
      columns.leadIdGiven.push(null);
      columns.viewedAt.push(null);
      columns.viewedAtText.push(null);
      columns.minutes.push(null);
      columns.malformed.push(malformedJson(record));
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
      `INSERT INTO odw.registrants (event_id, ord, lead_id, lead_id_given, status_text, status, has_live_minutes, live_minutes, malformed)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::float8[], $9::jsonb[])`,
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
      ],
    );
  }
}

async function insertViews(client: PoolClient, eventId: string, columns: ViewColumns, batchSize: number): Promise<void> {
  for (let from = 0; from < columns.ord.length; from += batchSize) {
    const to = Math.min(columns.ord.length, from + batchSize);
    await client.query(
      `INSERT INTO odw.views (event_id, ord, lead_id, lead_id_given, viewed_at, viewed_at_text, minutes, malformed)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::float8[], $8::jsonb[])`,
      [
        eventId,
        slice(columns.ord, from, to),
        slice(columns.leadId, from, to),
        slice(columns.leadIdGiven, from, to),
        slice(columns.viewedAt, from, to),
        slice(columns.viewedAtText, from, to),
        slice(columns.minutes, from, to),
        slice(columns.malformed, from, to),
      ],
    );
  }
}

/**
 * Stores an event with its attendance, replacing the event if it exists (one transaction: readers
 * see the old data or the new, never a mix). Throws `LoadError` naming the field for structurally
 * wrong input, and core's `InvalidInputError` for an invalid event.
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
  const views = viewColumns(attendance.views);
  const batchSize = options.batchSize ?? 20_000;
  await inTransaction(pool, async (client) => {
    // Intl and PostgreSQL each carry a time zone database: the event's zone must be in both.
    const zone = await client.query('SELECT 1 FROM pg_timezone_names WHERE name = $1', [checked.timeZone]);
    if (zone.rowCount === 0) throw new LoadError('event.timeZone', `PostgreSQL does not know the time zone ${JSON.stringify(checked.timeZone)}.`);
    await client.query('DELETE FROM odw.events WHERE id = $1', [checked.id]);
    await client.query(
      'INSERT INTO odw.events (id, name, starts_at, ends_at, time_zone, reported_through) VALUES ($1, $2, $3, $4, $5, $6)',
      [checked.id, checked.name, new Date(checked.startsAt).toISOString(), new Date(checked.endsAt).toISOString(), checked.timeZone, attendance.reportedThrough],
    );
    await insertRegistrants(client, checked.id, registrants, batchSize);
    await insertViews(client, checked.id, views, batchSize);
  });
  if (options.analyze ?? true) await pool.query('ANALYZE odw.events, odw.registrants, odw.views');
  return { eventId: checked.id, registrants: registrants.ord.length, views: views.ord.length, milliseconds: performance.now() - started };
}

/** Refreshes the planner's statistics (and the visibility map, for index-only scans) after a big load. */
export async function vacuumAnalyze(pool: Pool): Promise<void> {
  await pool.query('VACUUM (ANALYZE) odw.events, odw.registrants, odw.views');
}
