/*
 * Checks of what a backend sends, before anything uses it. Hand-written and tiny on purpose
 * (no schema library: the ./adapters entry has a size budget). Payload types: src/contract/.
 *
 * Where the line is — the adapter checks the JSON shape of the contract; the meaning of the
 * values is core's, checked once, by core, where they are used:
 *
 * - `invalid-response` (the answer cannot be trusted; the message names the field and index):
 *   a payload that is not an object; `registrants`/`views`/`days`/`diagnostics` not arrays;
 *   `reportedThrough` not a YYYY-MM-DD day; `nextCursor` neither a string nor null; an event
 *   field that is missing or not a string; and, inside a record that IS an object, a field of
 *   the wrong JSON type (`views[17].minutes` a string, `viewedAt` missing, `status` missing).
 *   Wrong types mean the backend speaks another schema (renamed fields, another API version):
 *   counting what is left would show plausible but wrong numbers. Push-down results are not
 *   computed again by core, so their numbers are checked here too (counts, phase, days left,
 *   the funnel's stages nested, a projection's band in order).
 * - Left to core: an event whose `startsAt`/`endsAt` is not an instant with an offset or whose
 *   `timeZone` is unknown (core refuses it with an `InvalidInputError` of origin `data`, which
 *   the data layer reports as `invalid-response`); and the bad records core leaves out with a
 *   diagnostic (never blanking the dashboard): a record that is not an object at all (`null`, a
 *   string), a missing or empty lead id, an unknown status text, a duplicate registrant,
 *   negative minutes, an unparsable `viewedAt` string, a view outside the window,
 *   `liveMinutes` that is null or negative.
 */
// Core's modules, not its index: a bundler assigns whole modules to chunks, and the index would
// put core's analysis engine up front on pages that load it only on demand (the picker's).
import { isCalendarDay } from '../core/calendar.ts';
import { isRecord } from '../core/errors.ts';
import { PROGRAM_STATUS_STEPS } from '../core/statuses.ts';
import { ON_DEMAND_TRACKING_DAYS, WINDOW_PHASES } from '../core/window.ts';
import type { AudienceMember, DailyOnDemandVisitorsResult, OnDemandProjection, OnDemandStatistics, WebinarEvent } from '../core/index.ts';
import type { AttendancePage, FunnelPayload } from '../contract/payloads.ts';
import type { AudienceMembersPayload } from '../contract/audience.ts';
import { AdapterError } from './adapter.ts';

type Fields = Record<string, unknown>;

/** A short, safe rendering of a bad value for a message (never a whole payload). */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** An `invalid-response` AdapterError; `where` names the payload, `problem` the field. */
export function invalidResponse(where: string, problem: string): AdapterError {
  return new AdapterError('invalid-response', `The reporting service sent data the widgets cannot read: ${where}: ${problem}.`);
}

function fail(where: string, path: string, expected: string, value: unknown): never {
  throw invalidResponse(where, `${path} must be ${expected}, got ${shown(value)}`);
}

function expectObject(value: unknown, where: string, path: string): Fields {
  if (!isRecord(value)) fail(where, path, 'an object', value);
  return value;
}

function expectArray(value: unknown, where: string, path: string): unknown[] {
  if (!Array.isArray(value)) fail(where, path, 'an array', value);
  return value;
}

function expectDay(value: unknown, where: string, path: string): string {
  if (!isCalendarDay(value)) fail(where, path, 'a day YYYY-MM-DD', value);
  return value;
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function expectCount(value: unknown, where: string, path: string, nullable = false): number | null {
  if (nullable && value === null) return null;
  if (!isCount(value)) fail(where, path, `a whole number ≥ 0${nullable ? ' or null' : ''}`, value);
  return value;
}

function expectNumber(value: unknown, where: string, path: string, nullable = false): number | null {
  if (nullable && value === null) return null;
  if (!isNumber(value)) fail(where, path, `a number${nullable ? ' or null' : ''}`, value);
  return value;
}

/**
 * Checks that an event has the contract's shape and returns a clean copy with exactly the fields
 * of `WebinarEvent`. Their values (instants with an offset, a known time zone) are core's to
 * check, where the event is used.
 *
 * @example checkEvent(await response.json(), 'event') // throws AdapterError 'invalid-response' naming the field
 */
export function checkEvent(value: unknown, where = 'event'): WebinarEvent {
  const event = expectObject(value, where, 'the event');
  const copy: Fields = {};
  for (const key of ['id', 'name', 'startsAt', 'endsAt', 'timeZone']) {
    if (typeof event[key] !== 'string') fail(where, key, 'a string', event[key]);
    copy[key] = event[key];
  }
  return copy as unknown as WebinarEvent;
}

/** Record fields that must have a JSON type when the record is an object. */
const REGISTRANT_FIELDS = [['status', 'string']] as const;
const VIEW_FIELDS = [
  ['viewedAt', 'string'],
  ['minutes', 'number'],
] as const;

function checkRecords(records: unknown[], where: string, name: string, required: readonly (readonly [string, 'string' | 'number'])[]): void {
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    // Not an object: core reports it (registrant-malformed / view-malformed).
    if (!isRecord(record)) continue;
    for (const [key, type] of required) {
      if (typeof record[key] !== type) fail(where, `${name}[${index}].${key}`, `a ${type}`, record[key]);
    }
    const { leadId, liveMinutes } = record;
    if (leadId != null && typeof leadId !== 'string' && typeof leadId !== 'number') fail(where, `${name}[${index}].leadId`, 'a string or a number', leadId);
    if (liveMinutes != null && typeof liveMinutes !== 'number') fail(where, `${name}[${index}].liveMinutes`, 'a number', liveMinutes);
  }
}

/**
 * Checks one attendance page (see the line between structural problems and bad records above).
 * `where` names the page in messages, e.g. `attendance page 2`.
 *
 * @example checkAttendancePage(body, 'attendance page 2') // 'attendance page 2: views[17].minutes must be a number, got "12"'
 */
export function checkAttendancePage(value: unknown, where = 'attendance'): AttendancePage {
  const page = expectObject(value, where, 'the page');
  const registrants = expectArray(page.registrants, where, 'registrants');
  const views = expectArray(page.views, where, 'views');
  const reportedThrough = expectDay(page.reportedThrough, where, 'reportedThrough');
  // A backend without paging may leave nextCursor out: that is the last page.
  const nextCursor = page.nextCursor ?? null;
  if (nextCursor !== null && (typeof nextCursor !== 'string' || nextCursor === '')) fail(where, 'nextCursor', 'a non-empty string or null', nextCursor);
  checkRecords(registrants, where, 'registrants', REGISTRANT_FIELDS);
  checkRecords(views, where, 'views', VIEW_FIELDS);
  return { registrants, views, reportedThrough, nextCursor } as AttendancePage;
}

function checkDiagnostics(value: unknown, where: string): void {
  const diagnostics = expectArray(value, where, 'diagnostics');
  diagnostics.forEach((item, index) => {
    const diagnostic = expectObject(item, where, `diagnostics[${index}]`);
    for (const key of ['code', 'message']) {
      if (typeof diagnostic[key] !== 'string') fail(where, `diagnostics[${index}].${key}`, 'a string', diagnostic[key]);
    }
  });
}

/** Checks the push-down daily summary: the shape `core.dailyOnDemandVisitors` returns. */
export function checkDailySummary(value: unknown, where = 'daily summary'): DailyOnDemandVisitorsResult {
  const summary = expectObject(value, where, 'the summary');
  expectArray(summary.days, where, 'days').forEach((item, index) => {
    const day = expectObject(item, where, `days[${index}]`);
    expectDay(day.day, where, `days[${index}].day`);
    expectCount(day.visitors, where, `days[${index}].visitors`, true);
    expectCount(day.rewatchers, where, `days[${index}].rewatchers`, true);
    expectNumber(day.minutes, where, `days[${index}].minutes`, true);
  });
  expectCount(summary.totalVisitors, where, 'totalVisitors');
  expectCount(summary.totalRewatchers, where, 'totalRewatchers');
  expectDay(summary.reportedThrough, where, 'reportedThrough');
  checkDiagnostics(summary.diagnostics, where);
  return summary as unknown as DailyOnDemandVisitorsResult;
}

/** Checks the push-down statistics: the shape `core.onDemandStatistics` returns. */
export function checkStatistics(value: unknown, where = 'statistics'): OnDemandStatistics {
  const statistics = expectObject(value, where, 'the statistics');
  const days = expectCount(statistics.daysRemaining, where, 'daysRemaining');
  if (days !== null && days > ON_DEMAND_TRACKING_DAYS) fail(where, 'daysRemaining', `at most ${ON_DEMAND_TRACKING_DAYS}`, days);
  if (!(WINDOW_PHASES as readonly unknown[]).includes(statistics.phase)) fail(where, 'phase', `one of ${WINDOW_PHASES.join(', ')}`, statistics.phase);
  expectCount(statistics.totalVisitors, where, 'totalVisitors');
  expectCount(statistics.rewatchers, where, 'rewatchers');
  expectNumber(statistics.averageWatchMinutes, where, 'averageWatchMinutes', true);
  expectNumber(statistics.medianWatchMinutes, where, 'medianWatchMinutes', true);
  expectNumber(statistics.noShowWatchMinutes, where, 'noShowWatchMinutes');
  expectNumber(statistics.rewatchWatchMinutes, where, 'rewatchWatchMinutes');
  expectDay(statistics.reportedThrough, where, 'reportedThrough');
  checkDiagnostics(statistics.diagnostics, where);
  return statistics as unknown as OnDemandStatistics;
}

/** Checks the push-down audience count `{ "count": N }` and returns N. */
export function checkAudienceCount(value: unknown, where = 'audience count'): number {
  return expectCount(expectObject(value, where, 'the answer').count, where, 'count') as number;
}

/**
 * Checks one page of `POST …/audience/members`: `members` (each with a lead id, a known status,
 * numbers and days of the right kind; name, e-mail and live minutes of the right type when
 * present), `nextCursor` text or null, `total` a count at least the page's size, `reportedThrough` a day.
 */
export function checkAudiencePage(value: unknown, where = 'audience page'): AudienceMembersPayload {
  const page = expectObject(value, where, 'the answer');
  const members = expectArray(page.members, where, 'members');
  members.forEach((item, index) => {
    const at = `members[${index}]`;
    const member = expectObject(item, where, at);
    if (typeof member.leadId !== 'string' || member.leadId === '') fail(where, `${at}.leadId`, 'a non-empty string', member.leadId);
    if (typeof member.status !== 'string' || !Object.hasOwn(PROGRAM_STATUS_STEPS, member.status)) fail(where, `${at}.status`, 'a program status id', member.status);
    for (const field of ['name', 'email'] as const) if (member[field] !== undefined && typeof member[field] !== 'string') fail(where, `${at}.${field}`, 'a string', member[field]);
    if (member.liveMinutes !== undefined) expectNumber(member.liveMinutes, where, `${at}.liveMinutes`);
    expectNumber(member.onDemandMinutes, where, `${at}.onDemandMinutes`);
    expectCount(member.onDemandViews, where, `${at}.onDemandViews`);
    for (const field of ['firstWatched', 'lastWatched'] as const) if (member[field] !== null) expectDay(member[field], where, `${at}.${field}`);
  });
  if (page.nextCursor !== null && (typeof page.nextCursor !== 'string' || page.nextCursor === '')) fail(where, 'nextCursor', 'a non-empty string or null', page.nextCursor);
  const total = expectCount(page.total, where, 'total') as number;
  if (total < members.length) fail(where, 'total', `at least the ${members.length} people of this page`, total);
  return { members: members as AudienceMember[], nextCursor: page.nextCursor, total, reportedThrough: expectDay(page.reportedThrough, where, 'reportedThrough') };
}

const FUNNEL_STAGES = ['invited', 'registered', 'attendedLive', 'noShow', 'attendedOnDemand', 'rewatched'] as const;

/**
 * Checks the push-down program funnel: the shape `core.programFunnel` returns, plus an optional
 * `reportedThrough`. The stages must nest as core's do: the widget divides one by another, and a
 * funnel that does not nest would show shares over 100 %.
 */
export function checkFunnel(value: unknown, where = 'funnel'): FunnelPayload {
  const funnel = expectObject(value, where, 'the funnel');
  const [invited, registered, attendedLive, noShow, attendedOnDemand, rewatched] = FUNNEL_STAGES.map((key) => expectCount(funnel[key], where, key) as number) as [number, number, number, number, number, number];
  if (noShow !== registered - attendedLive) fail(where, 'noShow', `registered − attendedLive (${registered - attendedLive})`, noShow);
  if (registered > invited || attendedOnDemand > noShow || rewatched > attendedLive) throw invalidResponse(where, 'a stage counts more people than the one it comes from');
  if (funnel.reportedThrough !== undefined) expectDay(funnel.reportedThrough, where, 'reportedThrough');
  checkDiagnostics(funnel.diagnostics, where);
  return funnel as unknown as FunnelPayload;
}

/**
 * Checks the push-down projection: `null` (too early to say), or the shape
 * `core.projectOnDemandVisitors` returns — `expected`, `low`, `high` whole numbers with `low ≤ high`,
 * for the whole window and for each unreported day in `days`; `level` strictly between 0 and 1.
 */
export function checkProjection(value: unknown, where = 'projection'): OnDemandProjection | null {
  if (value === null) return null;
  const projection = expectObject(value, where, 'the projection');
  const bands = [projection, ...expectArray(projection.days, where, 'days')];
  bands.forEach((item, index) => {
    const at = index === 0 ? '' : `days[${index - 1}]`;
    const band = expectObject(item, where, at);
    if (index > 0) expectDay(band.day, where, `${at}.day`);
    const [, low, high] = ['expected', 'low', 'high'].map((key) => expectCount(band[key], where, at ? `${at}.${key}` : key) as number) as [number, number, number];
    if (low > high) fail(where, at ? `${at}.low` : 'low', `at most high (${high})`, low);
  });
  const { level } = projection;
  if (!(isNumber(level) && level > 0 && level < 1)) fail(where, 'level', 'a number strictly between 0 and 1', level);
  expectCount(projection.basedOnDays, where, 'basedOnDays');
  return projection as unknown as OnDemandProjection;
}
