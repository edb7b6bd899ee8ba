/*
 * Calendar days ('YYYY-MM-DD') and the mapping of instants to days in an IANA time zone.
 * Days are plain strings so they sort, compare and serialize without any time zone attached.
 */
import { InvalidInputError } from './errors.ts';

/** A calendar day, `YYYY-MM-DD`. */
export type CalendarDay = string;

export const MILLISECONDS_PER_DAY = 86_400_000;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar day in `YYYY-MM-DD` form (no 2026-02-30). */
export function isCalendarDay(text: unknown): text is CalendarDay {
  if (typeof text !== 'string') return false;
  const match = DAY_PATTERN.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function dayToUtcMidnight(day: CalendarDay): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date);
}

function utcMidnightToDay(milliseconds: number): CalendarDay {
  return new Date(milliseconds).toISOString().slice(0, 10);
}

/** The day `count` calendar days after `day` (negative goes back). */
export function addDays(day: CalendarDay, count: number): CalendarDay {
  return utcMidnightToDay(dayToUtcMidnight(day) + count * MILLISECONDS_PER_DAY);
}

/** Calendar days from `from` to `to` (0 when equal, negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((dayToUtcMidnight(to) - dayToUtcMidnight(from)) / MILLISECONDS_PER_DAY);
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(day: CalendarDay): number {
  return new Date(dayToUtcMidnight(day)).getUTCDay() || 7;
}

/** First and last day of the month containing `day`. */
export function monthOf(day: CalendarDay): { first: CalendarDay; last: CalendarDay } {
  const first = `${day.slice(0, 7)}-01`;
  const [year, month] = first.split('-').map(Number) as [number, number];
  return { first, last: utcMidnightToDay(Date.UTC(year, month, 0)) };
}

/** Every day from `from` to `to`, both included. */
export function daysFromTo(from: CalendarDay, to: CalendarDay): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** Throws `InvalidInputError` naming `field` unless `timeZone` is an IANA zone `Intl` knows. */
export function assertTimeZone(timeZone: unknown, field: string): asserts timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') {
    throw new InvalidInputError(field, `${field} must be an IANA time zone name such as "Europe/Amsterdam".`);
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new InvalidInputError(field, `${field} "${timeZone}" is not a time zone this runtime knows (expected an IANA name such as "Europe/Amsterdam").`);
  }
}

// Time zone offsets, and so local midnights and DST switches, fall on whole quarter hours of
// UTC for every modern zone: inside one UTC quarter hour the local day cannot change.
const QUARTER_HOUR = 900_000;

/**
 * Returns a function mapping an instant (epoch ms) to its calendar day in `timeZone`.
 * Memoized per UTC quarter hour, so a million views cost a few thousand `Intl` calls.
 * The memo lives in the returned function only: no shared state.
 */
export function createDayInZone(timeZone: string): (instant: number) => CalendarDay {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    calendar: 'gregory',
    numberingSystem: 'latn',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const memo = new Map<number, CalendarDay>();
  return (instant) => {
    const bucket = Math.floor(instant / QUARTER_HOUR);
    let day = memo.get(bucket);
    if (day === undefined) {
      let year = '';
      let month = '';
      let date = '';
      for (const part of format.formatToParts(instant)) {
        if (part.type === 'year') year = part.value.padStart(4, '0');
        else if (part.type === 'month') month = part.value;
        else if (part.type === 'day') date = part.value;
      }
      day = `${year}-${month}-${date}`;
      memo.set(bucket, day);
    }
    return day;
  };
}

function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let index = start; index < start + count; index++) {
    const code = text.charCodeAt(index) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses an ISO-8601 instant that carries its offset to epoch ms, or returns `null`:
 * `YYYY-MM-DDTHH:MM[:SS[.fraction]]` then `Z` or `±HH:MM` (`±HHMM`). A Date is taken as is.
 * Strings without an offset are refused on purpose: `Date.parse` would read them in the
 * runtime's own zone, and the browser's zone must never leak into the numbers. Hand-written
 * because it runs once per view and is several times faster than `Date.parse`.
 */
export function parseInstant(value: unknown): number | null {
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isFinite(time) ? time : null;
  }
  if (typeof value !== 'string' || value.length < 17) return null;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  const hour = digitsAt(value, 11, 2);
  const minute = digitsAt(value, 14, 2);
  const separator = value[10];
  if (
    year < 0 || value[4] !== '-' || value[7] !== '-' || (separator !== 'T' && separator !== 't') || value[13] !== ':' ||
    month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] as number) || hour < 0 || hour > 23 || minute < 0 || minute > 59
  ) return null;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return null;
  let index = 16;
  let milliseconds = 0;
  let second = 0;
  if (value[index] === ':') {
    second = digitsAt(value, index + 1, 2);
    if (second < 0 || second > 59) return null;
    index += 3;
    if (value[index] === '.') {
      const fractionStart = ++index;
      while (index < value.length && index - fractionStart < 9 && digitsAt(value, index, 1) >= 0) index++;
      if (index === fractionStart) return null;
      milliseconds = Number(value.slice(fractionStart, Math.min(index, fractionStart + 3)).padEnd(3, '0'));
    }
  }
  let offsetMinutes = 0;
  const sign = value[index];
  if (sign === 'Z' || sign === 'z') index++;
  else if (sign === '+' || sign === '-') {
    const offsetHours = digitsAt(value, index + 1, 2);
    const colon = value[index + 3] === ':' ? 1 : 0;
    const offsetRest = digitsAt(value, index + 3 + colon, 2);
    if (offsetHours < 0 || offsetHours > 23 || offsetRest < 0 || offsetRest > 59) return null;
    offsetMinutes = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetRest);
    index += 5 + colon;
  } else return null;
  if (index !== value.length) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, milliseconds) - offsetMinutes * 60_000;
}

/**
 * The calendar day of an instant in an IANA time zone.
 *
 * @example calendarDayOf(new Date('2026-03-29T22:30:00Z'), 'Europe/Amsterdam') // '2026-03-30'
 */
export function calendarDayOf(instant: Date, timeZone: string): CalendarDay {
  assertTimeZone(timeZone, 'timeZone');
  return createDayInZone(timeZone)(instant.getTime());
}
