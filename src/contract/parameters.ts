/*
 * Reading what a request sends — query parameters and the audience count's body — the same way
 * on every backend: the mock and the reference server call these and answer the problem they
 * return as is, so both accept and refuse exactly the same requests, with the same 400.
 *
 * Only the form is checked here (an instant, a day, digits, JSON). Whether a value fits the
 * event (a range inside its window, a threshold of at most 30 days) is core's rule: backends
 * ask core and turn its refusal into a problem with `inputProblem`.
 */
import { describeValue, isCalendarDay, parseInstant, validateCriteria, type AttendanceCriteria, type DayRange } from '../core/index.ts';
import { parsed, problem, refused, type ErrorCode, type Parsed } from './errors.ts';

function invalid(code: ErrorCode, field: string, expected: string, value: unknown): Parsed<never> {
  return refused(problem(code, `${field} must be ${expected}, got ${describeValue(value)}.`, { field }));
}

/**
 * `now` from a query parameter or a body field: `undefined` when absent (the backend uses its own
 * clock), else core's `parseInstant` — ISO-8601 text with an offset. Anything else present is a
 * 400 (`invalid-request`), never "use the server clock": text without an offset, a bare day,
 * a number, `null`, ''.
 *
 * @example parseNow('2026-03-19T14:00:00Z') // { ok: true, value: Date(2026-03-19T14:00:00Z) }
 */
export function parseNow(value: unknown): Parsed<Date | undefined> {
  if (value === undefined) return parsed(undefined);
  const time = typeof value === 'string' ? parseInstant(value) : null;
  return time === null ? invalid('invalid-request', 'now', 'an ISO-8601 instant with an offset (…Z or …+01:00)', value) : parsed(new Date(time));
}

/**
 * `closingThreshold`: `undefined` when absent (core's default), else a whole number written in
 * plain decimal digits — '', '0x5', '1e1', '-1', '5.5', ' 5' are 400 (`invalid-request`).
 * Its range (0 to 30 days) is core's rule, checked when the statistics are computed.
 */
export function parseClosingThreshold(text: string | null | undefined): Parsed<number | undefined> {
  if (text === null || text === undefined) return parsed(undefined);
  return /^\d+$/.test(text) ? parsed(Number(text)) : invalid('invalid-request', 'closingThreshold', 'a whole number of days in decimal digits', text);
}

/**
 * `from` and `to` of the summary: both or neither (`undefined`: the whole window), each a
 * calendar day `YYYY-MM-DD`; else 400 (`invalid-range`). That the range lies inside the window
 * and is not backwards is core's `checkDayRange`.
 */
export function parseDayRange(from: string | null | undefined, to: string | null | undefined): Parsed<DayRange | undefined> {
  const given = (text: string | null | undefined): text is string => text !== null && text !== undefined;
  if (!given(from) && !given(to)) return parsed(undefined);
  if (!given(from) || !given(to)) {
    return refused(problem('invalid-range', 'Give both from and to, or neither for the whole window.', { field: given(from) ? 'to' : 'from' }));
  }
  if (!isCalendarDay(from)) return invalid('invalid-range', 'from', 'a calendar day YYYY-MM-DD', from);
  if (!isCalendarDay(to)) return invalid('invalid-range', 'to', 'a calendar day YYYY-MM-DD', to);
  return parsed({ from, to });
}

/** The query of `GET …/on-demand/summary`. */
export function parseSummaryQuery(query: URLSearchParams): Parsed<DayRange | undefined> {
  return parseDayRange(query.get('from'), query.get('to'));
}

/** What `GET …/on-demand/statistics` asks for; `undefined` = the backend's clock, core's default threshold. */
export interface StatisticsQuery {
  now: Date | undefined;
  closingThreshold: number | undefined;
}

/** The query of `GET …/on-demand/statistics`: `now` first, then `closingThreshold`. */
export function parseStatisticsQuery(query: URLSearchParams): Parsed<StatisticsQuery> {
  const now = parseNow(query.get('now') ?? undefined);
  if (!now.ok) return now;
  const closingThreshold = parseClosingThreshold(query.get('closingThreshold'));
  if (!closingThreshold.ok) return closingThreshold;
  return parsed({ now: now.value, closingThreshold: closingThreshold.value });
}

/** What `GET …/program/funnel` asks for; `now` `undefined` = the backend's clock. */
export interface FunnelQuery {
  now: Date | undefined;
}

/** The query of `GET …/program/funnel`: `now`, as `parseNow` reads it. */
export function parseFunnelQuery(query: URLSearchParams): Parsed<FunnelQuery> {
  const now = parseNow(query.get('now') ?? undefined);
  return now.ok ? parsed({ now: now.value }) : now;
}

// A JSON number (what `String(level)` writes, `1e-7` included); the range is checked after.
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/;

/**
 * `level` of the projection: `undefined` when absent (core's default, 0.8), else a number strictly
 * between 0 and 1 written as a JSON number (`0.8`, `0.95`, `1e-3`); '', `0`, `1`, `80%`, `NaN`
 * are 400 (`invalid-request`). Checked here, not left to core: the level depends on no event, and
 * the backend answers before it reads any data.
 */
export function parseLevel(text: string | null | undefined): Parsed<number | undefined> {
  if (text === null || text === undefined) return parsed(undefined);
  const level = NUMBER.test(text) ? Number(text) : Number.NaN;
  return level > 0 && level < 1 ? parsed(level) : invalid('invalid-request', 'level', 'a probability strictly between 0 and 1, as a decimal number (0.8)', text);
}

/** What `GET …/on-demand/projection` asks for; `undefined` = the backend's clock, core's default level. */
export interface ProjectionQuery {
  now: Date | undefined;
  level: number | undefined;
}

/** The query of `GET …/on-demand/projection`: `now` first, then `level`. */
export function parseProjectionQuery(query: URLSearchParams): Parsed<ProjectionQuery> {
  const now = parseNow(query.get('now') ?? undefined);
  if (!now.ok) return now;
  const level = parseLevel(query.get('level'));
  if (!level.ok) return level;
  return parsed({ now: now.value, level: level.value });
}

/**
 * A POST body must be sent as `application/json` (a `charset` parameter is fine). Anything
 * else — none, `text/plain` (what `fetch` sets for a string body), a form — is 415
 * `unsupported-media-type`: the status that says "wrong format, resend", and a guard against
 * cross-site form posts, which cannot send `application/json` without a CORS preflight.
 */
export function checkJsonContentType(contentType: string | null | undefined): Parsed<void> {
  if (contentType && /^application\/json\s*(;|$)/i.test(contentType.trim())) return parsed(undefined);
  return refused(problem('unsupported-media-type', `The body must be sent as application/json, not ${contentType ? JSON.stringify(contentType) : 'without a content type'}.`, { field: 'content-type' }));
}

const AUDIENCE_BODY = 'The body must be a JSON object: { "criteria": …, "now": "<ISO-8601 instant>" } (now is optional).';

/** What `POST …/audience/count` asks for; `now` `undefined` = the backend's clock. */
export interface AudienceCountQuery {
  criteria: AttendanceCriteria;
  now: Date | undefined;
}

/**
 * The parsed JSON body of `POST …/audience/count`: an object (else `invalid-request`) whose
 * `criteria` core's `validateCriteria` accepts (else `invalid-criteria` with every error),
 * then `now` as `parseNow` reads it.
 */
export function parseAudienceCountBody(body: unknown): Parsed<AudienceCountQuery> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return refused(problem('invalid-request', AUDIENCE_BODY));
  const { criteria, now } = body as { criteria?: unknown; now?: unknown };
  const validation = validateCriteria(criteria);
  if (!validation.valid) return refused(problem('invalid-criteria', 'The audience criteria are not valid.', { field: 'criteria', errors: validation.errors }));
  const at = parseNow(now);
  if (!at.ok) return at;
  return parsed({ criteria: validation.criteria, now: at.value });
}

/**
 * The whole `POST …/audience/count` request as received: its `Content-Type` header and its body
 * text (a backend limits the size before). Checks, in order: the media type, JSON, the body.
 *
 * @example parseAudienceCountRequest(request.headers.get('content-type'), await request.text())
 */
export function parseAudienceCountRequest(contentType: string | null | undefined, text: string): Parsed<AudienceCountQuery> {
  const media = checkJsonContentType(contentType);
  if (!media.ok) return media;
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    return refused(problem('invalid-request', AUDIENCE_BODY));
  }
  return parseAudienceCountBody(body);
}
