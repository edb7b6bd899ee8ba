/*
 * The audience list's request and paging, `POST …/events/{id}/audience/members`: the count's body
 * plus `cursor`, `limit` and `sort`. One reader of the body for every backend (the mock and the
 * reference server answer the problem it returns as is), and one cursor.
 *
 * A cursor names the 0-based position, in the request's sort order, of the next page's first
 * person, and the `reportedThrough` day the first page was computed from: text
 * `p<position>@<day>` (`p100@2026-03-18`). A backend whose data has since been reported further
 * answers 409 `stale-cursor` (read again from the first page) — never a page of other data.
 * Clients treat it as opaque and send back `nextCursor` exactly as given, with the same criteria,
 * `now` and sort.
 */
import { isAudienceSort, isCalendarDay, type AudienceMember, type AudienceSort, type CalendarDay } from '../core/index.ts';
import { describeValue } from '../core/errors.ts';
import { parsed, problem, refused, type Parsed, type Problem } from './errors.ts';
import { checkJsonContentType, parseAudienceCountBody, type AudienceCountQuery } from './parameters.ts';
import { MAX_CURSOR_POSITION } from './cursor.ts';

/** The most people one page holds. */
export const MAX_AUDIENCE_PAGE_LIMIT = 1000;
/** People per page when the request gives no `limit`. */
export const DEFAULT_AUDIENCE_PAGE_LIMIT = 100;
/** The order when the request gives no `sort`: by lead id, ascending. */
export const DEFAULT_AUDIENCE_SORT: AudienceSort = { by: 'leadId', direction: 'ascending' };

/** Where the next page of an audience list starts. */
export interface AudienceCursor {
  position: number;
  reportedThrough: CalendarDay;
}

const CURSOR = /^p(0|[1-9]\d{0,9})@(\d{4}-\d\d-\d\d)$/;

/** @example encodeAudienceCursor({ position: 100, reportedThrough: '2026-03-18' }) // 'p100@2026-03-18' */
export function encodeAudienceCursor(cursor: AudienceCursor): string {
  const { position, reportedThrough } = cursor;
  if (!Number.isInteger(position) || position < 0 || position > MAX_CURSOR_POSITION || !isCalendarDay(reportedThrough)) {
    throw new RangeError(`Not an audience cursor: ${JSON.stringify(cursor)}.`);
  }
  return `p${position}@${reportedThrough}`;
}

/** The cursor `text` spells, or `null`. */
export function decodeAudienceCursor(text: unknown): AudienceCursor | null {
  const match = typeof text === 'string' ? CURSOR.exec(text) : null;
  if (match === null) return null;
  const position = Number(match[1]);
  const reportedThrough = match[2] as string;
  return position > MAX_CURSOR_POSITION || !isCalendarDay(reportedThrough) ? null : { position, reportedThrough };
}

/** The body of `POST …/audience/members` (sent as `application/json`). */
export interface AudienceMembersRequest {
  criteria: unknown;
  now?: string;
  /** `nextCursor` of the previous page; absent for the first. */
  cursor?: string;
  /** 1 … 1000; default 100. */
  limit?: number;
  /** Default by lead id, ascending. */
  sort?: AudienceSort;
}

/** What `POST …/audience/members` asks for, read. */
export interface AudienceMembersQuery extends AudienceCountQuery {
  cursor: AudienceCursor | undefined;
  limit: number;
  sort: AudienceSort;
}

/** `POST …/audience/members`: one page of the people the criteria select. */
export interface AudienceMembersPayload {
  members: AudienceMember[];
  /** `null` on the last page. */
  nextCursor: string | null;
  /** How many people the criteria select in all (every page). */
  total: number;
  /** The day views are reported through: the on-demand totals include views through it. */
  reportedThrough: CalendarDay;
}

/**
 * The parsed JSON body of `POST …/audience/members`: the count's body (criteria, then `now`), then
 * `cursor` (absent, or one this kit gave out: else 400 `invalid-cursor`), `limit` (absent, or a
 * whole number 1 … 1000) and `sort` (absent, or `{ by, direction }`), else 400 `invalid-request`.
 */
export function parseAudienceMembersBody(body: unknown): Parsed<AudienceMembersQuery> {
  const count = parseAudienceCountBody(body);
  if (!count.ok) return count;
  const { cursor, limit, sort } = body as { cursor?: unknown; limit?: unknown; sort?: unknown };
  let at: AudienceCursor | undefined;
  if (cursor !== undefined) {
    const decoded = decodeAudienceCursor(cursor);
    if (decoded === null) return refused(problem('invalid-cursor', `The cursor ${JSON.stringify(cursor)} is not one this server gave out.`, { field: 'cursor' }));
    at = decoded;
  }
  if (limit !== undefined && !(Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= MAX_AUDIENCE_PAGE_LIMIT)) {
    return refused(problem('invalid-request', `limit must be a whole number from 1 to ${MAX_AUDIENCE_PAGE_LIMIT}, got ${describeValue(limit)}.`, { field: 'limit' }));
  }
  if (sort !== undefined && !isAudienceSort(sort)) {
    return refused(problem('invalid-request', 'sort must be { "by": a column (leadId, name, email, status, firstWatched, lastWatched, onDemandMinutes, onDemandViews), "direction": "ascending" or "descending" }.', { field: 'sort' }));
  }
  return parsed({
    ...count.value,
    cursor: at,
    limit: (limit as number | undefined) ?? DEFAULT_AUDIENCE_PAGE_LIMIT,
    sort: sort === undefined ? DEFAULT_AUDIENCE_SORT : { by: sort.by, direction: sort.direction },
  });
}

/** The whole `POST …/audience/members` request as received: media type, JSON, then the body. */
export function parseAudienceMembersRequest(contentType: string | null | undefined, text: string): Parsed<AudienceMembersQuery> {
  const media = checkJsonContentType(contentType);
  if (!media.ok) return media;
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    return refused(problem('invalid-request', 'The body must be a JSON object: { "criteria": …, "now": …, "cursor": …, "limit": …, "sort": … } (all but criteria optional).'));
  }
  return parseAudienceMembersBody(body);
}

/** The 409 of a cursor given out before the data was reported further. */
export function staleAudienceCursorProblem(eventId: string, reportedThrough: CalendarDay): Problem {
  return problem(
    'stale-cursor',
    `The attendance of event "${eventId}" changed (now reported through ${reportedThrough}) after this cursor was given out; read the list again from the first page.`,
    { field: 'cursor' },
  );
}

/**
 * One page cut from the whole list, already in the request's order: `total` is the list's
 * length; the cursor of the next page is `null` after the last person. A cursor from other data
 * (another `reportedThrough`) is a 409.
 */
export function audiencePageOf(
  sorted: readonly AudienceMember[],
  query: Pick<AudienceMembersQuery, 'cursor' | 'limit'>,
  reportedThrough: CalendarDay,
  eventId: string,
): Parsed<AudienceMembersPayload> {
  const { cursor, limit } = query;
  if (cursor !== undefined && cursor.reportedThrough !== reportedThrough) return refused(staleAudienceCursorProblem(eventId, reportedThrough));
  const from = cursor?.position ?? 0;
  const to = Math.min(sorted.length, from + limit);
  return parsed({
    members: sorted.slice(from, to),
    nextCursor: to < sorted.length ? encodeAudienceCursor({ position: to, reportedThrough }) : null,
    total: sorted.length,
    reportedThrough,
  });
}
