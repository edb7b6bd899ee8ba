/*
 * The attendance cursor: where the next page starts, and the snapshot the read started from.
 *
 * Pages list every registrant, then every view, in the order the source recorded them; a
 * cursor names the list and the 0-based position in it of the next page's first record (the
 * mock's array index, the server's `ord` column: the same number for the same data), and the
 * `reportedThrough` day of the first page. That day is the guard against data changing between
 * pages: a backend serves the cursor's snapshot (the mock) or answers 409 `stale-cursor` when it
 * no longer has it (the server) — never a page of other data under an old cursor.
 *
 * Text form: `r<position>@<day>` or `v<position>@<day>` (`r0@2026-03-18`, `v4200@2026-03-18`),
 * position in plain decimal digits without leading zeros. Clients treat it as opaque: they send
 * back `nextCursor` exactly as given.
 */
import { isCalendarDay, type CalendarDay } from '../core/index.ts';
import { parsed, problem, refused, type Parsed, type Problem } from './errors.ts';

/** Where the next attendance page starts. */
export interface AttendanceCursor {
  /** The list the next page starts in; after the registrants come the views. */
  list: 'registrants' | 'views';
  /** 0-based position in that list. */
  position: number;
  /** The snapshot: `reportedThrough` of the read's first page. */
  reportedThrough: CalendarDay;
}

/** The largest position a cursor carries (PostgreSQL `integer`, far beyond any array a page is cut from). */
export const MAX_CURSOR_POSITION = 2_147_483_647;

const CURSOR = /^([rv])(0|[1-9]\d{0,9})@(\d{4}-\d\d-\d\d)$/;

/**
 * The text of a cursor. Throws a RangeError for a position that is not a whole number from 0
 * to `MAX_CURSOR_POSITION` or a day that is not a calendar day (a bug of the backend, not input).
 *
 * @example encodeCursor({ list: 'views', position: 120, reportedThrough: '2026-03-18' }) // 'v120@2026-03-18'
 */
export function encodeCursor(cursor: AttendanceCursor): string {
  const { list, position, reportedThrough } = cursor;
  if (!Number.isInteger(position) || position < 0 || position > MAX_CURSOR_POSITION || !isCalendarDay(reportedThrough) || (list !== 'registrants' && list !== 'views')) {
    throw new RangeError(`Not an attendance cursor: ${JSON.stringify(cursor)}.`);
  }
  return `${list === 'registrants' ? 'r' : 'v'}${position}@${reportedThrough}`;
}

/** The cursor `text` spells, or `null` when it is not one a backend of this kit gives out. */
export function decodeCursor(text: string): AttendanceCursor | null {
  const match = CURSOR.exec(text);
  if (match === null) return null;
  const position = Number(match[2]);
  const reportedThrough = match[3] as string;
  if (position > MAX_CURSOR_POSITION || !isCalendarDay(reportedThrough)) return null;
  return { list: match[1] === 'r' ? 'registrants' : 'views', position, reportedThrough };
}

/**
 * The `cursor` query parameter: `undefined` for the first page (absent), a cursor, or an
 * `invalid-cursor` problem (also for an empty one).
 */
export function parseCursor(text: string | null | undefined): Parsed<AttendanceCursor | undefined> {
  if (text === null || text === undefined) return parsed(undefined);
  const cursor = decodeCursor(text);
  return cursor === null ? refused(problem('invalid-cursor', `The cursor ${JSON.stringify(text)} is not one this server gave out.`, { field: 'cursor' })) : parsed(cursor);
}

/** The 409 of a backend that cannot serve a cursor's snapshot any more (the data was reloaded). */
export function staleCursorProblem(eventId: string, reportedThrough: CalendarDay): Problem {
  return problem(
    'stale-cursor',
    `The attendance of event "${eventId}" was reloaded (now reported through ${reportedThrough}) after this cursor was given out; read it again from the first page.`,
    { field: 'cursor' },
  );
}
