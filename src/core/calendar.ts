/*
 * Calendar days ('YYYY-MM-DD') and the mapping of instants to days in an IANA time zone.
 * Days are plain strings so they sort, compare and serialize without any time zone attached.
 */
import { invalidInput, InvalidInputError, type InputOrigin } from './errors.ts';

/** A calendar day, `YYYY-MM-DD`. */
export type CalendarDay = string;

export const MILLISECONDS_PER_DAY = 86_400_000;

/** What messages call a valid `CalendarDay`. */
export const A_CALENDAR_DAY = 'a calendar day YYYY-MM-DD';

/** True when `text` is a real calendar day in `YYYY-MM-DD` form (no 2026-02-30). */
export function isCalendarDay(text: unknown): text is CalendarDay {
  // Date.UTC rolls a day the month does not have over into the next month, so it reads back differently.
  return typeof text === 'string' && /^\d{4}-\d\d-\d\d$/.test(text) && utcMidnightToDay(dayToUtcMidnight(text)) === text;
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
  return epochDayOfDay(to) - epochDayOfDay(from);
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(day: CalendarDay): number {
  return new Date(dayToUtcMidnight(day)).getUTCDay() || 7;
}

/** First and last day of the month containing `day`. */
export function monthOf(day: CalendarDay): [first: CalendarDay, last: CalendarDay] {
  const [year, month] = day.split('-').map(Number) as [number, number];
  // Day 0 of the next month is the last day of this one.
  return [`${day.slice(0, 7)}-01`, utcMidnightToDay(Date.UTC(year, month, 0))];
}

/** Every day from `from` to `to`, both included. */
export function daysFromTo(from: CalendarDay, to: CalendarDay): CalendarDay[] {
  const days: CalendarDay[] = [];
  // One Date per day, from epoch days: parsing each day back (addDays) cost more than the rest of a small analysis.
  for (let day = epochDayOfDay(from), last = epochDayOfDay(to); day <= last; day++) days.push(utcMidnightToDay(day * MILLISECONDS_PER_DAY));
  return days;
}

const AN_IANA_ZONE = 'an IANA time zone name such as "Europe/Amsterdam"';

/** Throws `InvalidInputError` (of `origin`) naming `field` unless `timeZone` is an IANA zone `Intl` knows. */
export function assertTimeZone(timeZone: unknown, field: string, origin: InputOrigin): asserts timeZone is string {
  // Blank text would silently mean the runtime's own zone.
  if (typeof timeZone !== 'string' || timeZone.trim() === '') throw invalidInput(origin, field, AN_IANA_ZONE, timeZone);
  try {
    createDayInZone(timeZone);
  } catch {
    // Intl throws a RangeError for a zone it does not know.
    throw new InvalidInputError(field, `${field} "${timeZone}" is not a time zone this runtime knows; it must be ${AN_IANA_ZONE}.`, origin);
  }
}

/**
 * Time zone offsets, and so local midnights and DST switches, fall on whole quarter hours of
 * UTC for every modern zone: inside one UTC quarter hour the local day cannot change.
 */
export const QUARTER_HOUR = 900_000;

/**
 * One `Intl.DateTimeFormat` per zone (and kind), made on first use: constructing one costs far
 * more than formatting with it, and every core call checks its event's zone. Formatters are
 * immutable, so sharing them keeps the functions pure.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

/** en-US writes MM/DD/YYYY (and `, HH:MM:SS` with `clock`), in Latin digits and the Gregorian calendar. */
function formatIn(timeZone: string, clock: boolean): Intl.DateTimeFormat {
  const key = clock ? `${timeZone}\n` : timeZone;
  let format = formats.get(key);
  if (format === undefined) {
    const day = { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    format = new Intl.DateTimeFormat('en-US', clock ? { ...day, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' } : day);
    formats.set(key, format);
  }
  return format;
}

/**
 * Returns a function mapping an instant (epoch ms) to its calendar day in `timeZone`.
 * Memoized per UTC quarter hour, so a million views cost a few thousand `Intl` calls.
 * The memo lives in the returned function only: no shared state.
 */
export function createDayInZone(timeZone: string): (instant: number) => CalendarDay {
  const format = formatIn(timeZone, false);
  const memo = new Map<number, CalendarDay>();
  return (instant) => {
    const bucket = Math.floor(instant / QUARTER_HOUR);
    let day = memo.get(bucket);
    if (day === undefined) {
      const [month, date, year = ''] = format.format(instant).split('/');
      day = `${year.padStart(4, '0')}-${month}-${date}`;
      memo.set(bucket, day);
    }
    return day;
  };
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (any year ≥ 0), by arithmetic alone
 * (H. Hinnant's `days_from_civil`): no `Date.UTC`, which reads the years 0–99 as 1900–1999.
 */
export function epochDayOf(year: number, month: number, date: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + date - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** The epoch day of a calendar day. @example epochDayOfDay('1970-01-02') // 1 */
export function epochDayOfDay(day: CalendarDay): number {
  return epochDayOf(digitsAt(day, 0, 4), digitsAt(day, 5, 7), digitsAt(day, 8, 10));
}

/**
 * Where the calendar day changes in a zone: from `at[k]` (epoch ms) on, up to `at[k + 1]`, an
 * instant's day is epoch day `day[k]`. A view's day is then a binary search over the few dozen
 * local midnights of a window instead of an `Intl` call.
 */
export interface DayBreaks {
  at: Float64Array;
  day: Int32Array;
}

/** The index `k` of the last `breaks.at[k] ≤ instant` (0 for an instant before the first). */
export function breakIndexOf(at: Float64Array, instant: number): number {
  let low = 0;
  let high = at.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((at[middle] as number) <= instant) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Offsets are sampled this often to find their changes (no zone changes twice within a day and back). */
const OFFSET_SAMPLE = MILLISECONDS_PER_DAY;

/** The last few day breaks computed, by zone and span: an event analysed again reuses its own. */
const recentBreaks = new Map<string, DayBreaks>();

/**
 * The day breaks of `timeZone` over the instants `from` … `to` (epoch ms, `from` ≤ `to`): the
 * zone's UTC offset is read with `Intl` once a day, each change of offset is found by a binary
 * search over UTC quarter hours (where they fall), and between changes local midnights are plain
 * arithmetic: about 32 + 8 per change `Intl` calls for a 30-day window, instead of one per
 * quarter hour that holds a view. The day may step back (a DST end at midnight): each piece is
 * exact. The result is shared with later calls for the same span: do not modify it.
 *
 * @example localDayBreaks('UTC', 0, 86_400_000) // { at: [0, 86 400 000], day: [0, 1] }
 */
export function localDayBreaks(timeZone: string, from: number, to: number): DayBreaks {
  const key = `${timeZone} ${from} ${to}`;
  let breaks = recentBreaks.get(key);
  if (breaks === undefined) {
    if (recentBreaks.size >= 16) recentBreaks.clear();
    recentBreaks.set(key, (breaks = findDayBreaks(timeZone, from, to)));
  }
  return breaks;
}

function findDayBreaks(timeZone: string, from: number, to: number): DayBreaks {
  const format = formatIn(timeZone, true);
  /** Local wall clock minus UTC at `instant`, whole seconds. */
  const offsetAt = (instant: number): number => {
    const whole = Math.floor(instant / 1000) * 1000;
    const [month, date, year, hour, minute, second] = format.format(whole).split(/\D+/).map(Number) as number[];
    return epochDayOf(year!, month!, date!) * MILLISECONDS_PER_DAY + ((hour! * 60 + minute!) * 60 + second!) * 1000 - whole;
  };
  const starts = [from];
  const offsets = [offsetAt(from)];
  for (let previous = from; previous < to; ) {
    const sample = Math.min(previous + OFFSET_SAMPLE, to);
    const offset = offsetAt(sample);
    const before = offsets[offsets.length - 1] as number;
    if (offset !== before) {
      // The change is on a UTC quarter hour in (previous, sample]: the first one with another offset.
      let low = Math.floor(previous / QUARTER_HOUR);
      let high = Math.floor(sample / QUARTER_HOUR);
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offsetAt(middle * QUARTER_HOUR) === before) low = middle;
        else high = middle;
      }
      starts.push(high * QUARTER_HOUR);
      offsets.push(offset);
    }
    previous = sample;
  }
  const at: number[] = [];
  const day: number[] = [];
  for (let piece = 0; piece < starts.length; piece++) {
    const start = starts[piece] as number;
    const end = piece + 1 < starts.length ? (starts[piece + 1] as number) : to + 1;
    const offset = offsets[piece] as number;
    let current = Math.floor((start + offset) / MILLISECONDS_PER_DAY);
    if (day[day.length - 1] !== current) {
      at.push(start);
      day.push(current);
    }
    for (let midnight = (current + 1) * MILLISECONDS_PER_DAY - offset; midnight < end; midnight += MILLISECONDS_PER_DAY) {
      at.push(midnight);
      day.push(++current);
    }
  }
  return { at: Float64Array.from(at), day: Int32Array.from(day) };
}

// `YYYY-MM-DDTHH:MM[:SS[.fraction]]` then `Z` or `±HH:MM` (`±HHMM`), with every field in range
// except the day of the month, which depends on the month and year (checked after).
// Groups do not capture: `test` is then markedly faster.
const INSTANT = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

/** The number the digits `text[start]` … `text[end − 1]` spell (known to be digits). */
function digitsAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index++) value = value * 10 + text.charCodeAt(index) - 48;
  return value;
}

/** What messages call a valid instant for `parseInstant`. */
export const AN_INSTANT = 'an ISO-8601 instant with an offset';

/**
 * Parses an ISO-8601 instant that carries its offset to epoch ms, or returns `null`:
 * `YYYY-MM-DDTHH:MM[:SS[.fraction]]` then `Z` or `±HH:MM` (`±HHMM`). A Date is taken as is.
 * Strings without an offset are refused on purpose: `Date.parse` would read them in the
 * runtime's own zone, and the browser's zone must never leak into the numbers. It runs once
 * per view, so the shape is checked by one regular expression test (no match array) and the
 * fields are read at their fixed positions: several times faster than `Date.parse`.
 *
 * @example parseInstant('2026-03-21T10:00:00+01:00') // Date.UTC(2026, 2, 21, 9)
 */
export function parseInstant(value: unknown): number | null {
  if (value instanceof Date) {
    const time = timeOfDate(value);
    return Number.isFinite(time) ? time : null;
  }
  if (typeof value !== 'string' || !INSTANT.test(value)) return null;
  const day = digitsAt(value, 8, 10);
  let second = 0;
  let milliseconds = 0;
  if (value[16] === ':') {
    second = digitsAt(value, 17, 19);
    // Milliseconds are the first three digits of the fraction; Date.parse drops finer ones too.
    for (let index = 20, scale = 100; value[19] === '.' && scale >= 1; index++, scale /= 10) {
      const digit = value.charCodeAt(index) - 48;
      if (digit < 0 || digit > 9) break;
      milliseconds += digit * scale;
    }
  }
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  // A day the month does not have (2026-02-29, 04-31) is refused.
  if (day > 28 && day > (month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : 30 + ((month + (month >> 3)) & 1))) return null;
  // Arithmetic, not Date.UTC: faster, and exact for the years 0–99 that Date.UTC reads as 1900–1999.
  const wallClock = epochDayOf(year, month, day) * MILLISECONDS_PER_DAY + ((digitsAt(value, 11, 13) * 60 + digitsAt(value, 14, 16)) * 60 + second) * 1000 + milliseconds;
  const end = value.length;
  if (value[end - 1] === 'Z' || value[end - 1] === 'z') return wallClock;
  const hoursAt = end - (value[end - 3] === ':' ? 5 : 4);
  const offset = (digitsAt(value, hoursAt, hoursAt + 2) * 60 + digitsAt(value, end - 2, end)) * 60_000;
  return value[hoursAt - 1] === '-' ? wallClock + offset : wallClock - offset;
}

/**
 * The calendar day of an instant in an IANA time zone.
 *
 * @example calendarDayOf(new Date('2026-03-29T22:30:00Z'), 'Europe/Amsterdam') // '2026-03-30'
 */
export function calendarDayOf(instant: Date, timeZone: string): CalendarDay {
  // An invalid Date would make Intl throw an untyped RangeError.
  const time = checkNow(instant, 'instant');
  assertTimeZone(timeZone, 'timeZone', 'request');
  return createDayInZone(timeZone)(time);
}

// Years 1000–9999: calendar days are four-digit 'YYYY-MM-DD' text, and day arithmetic must
// stay far inside Date's range.
const EARLIEST_CLOCK = /* @__PURE__ */ Date.UTC(1000, 0, 1);
const LATEST_CLOCK = /* @__PURE__ */ Date.UTC(9999, 11, 31);

/**
 * The epoch ms of `now` (a clock, or another instant named by `field`). Throws (origin `request`:
 * the clock is always the caller's) unless it is a valid Date in the years 1000–9999.
 */
export function checkNow(now: Date, field = 'now'): number {
  const time = timeOfDate(now);
  // NaN (not a Date, or an invalid one) fails both comparisons. An invalid Date is named as
  // such (JSON would show null); anything else as it is (String() throws for some objects).
  if (!(time >= EARLIEST_CLOCK && time <= LATEST_CLOCK)) throw invalidInput('request', field, 'a valid Date in the years 1000 to 9999', now instanceof Date && Number.isNaN(time) ? 'Invalid Date' : now);
  return time;
}

/** The epoch ms of a real Date; NaN for anything else, a Date in name only (`Object.create(Date.prototype)`) included. */
function timeOfDate(value: unknown): number {
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return Number.NaN;
  }
}
