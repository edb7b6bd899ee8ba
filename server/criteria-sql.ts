/*
 * Audience criteria compiled for the aggregates. Only criteria that core's validateCriteria
 * returned get here. Everything that depends on the clock or the calendar is decided in Node,
 * with core's calendar, from the request's `now`: "today" in the event's zone, the Monday of its
 * ISO week, its month — a Watch Date becomes a span of days (plain dates), clipped to the
 * window's days (the only days activity can have). A Watch Duration becomes a test of one day's
 * whole milliseconds against whole minutes × 60 000, exactly core's comparison of minutes (see
 * below). Every value travels as a bind parameter: nothing from the input is spliced into SQL.
 *
 * As in core's compileCriteria, a lead matches when ONE daily activity satisfies ALL constraints.
 */
import {
  addDays,
  type AttendanceCriteria,
  type CalendarDay,
  calendarDayOf,
  daysBetween,
  minutesToMilliseconds,
  type OnDemandWindow,
  timeFrameDays,
  type WatchDateConstraint,
  type WatchDurationConstraint,
  type WatchDurationOperator,
} from '../src/core/index.ts';
// Core's own rules, from their modules: not (yet) in the public ./core entry, whose bundle size is budgeted.

/** Days `from` … `to` (inclusive) inside the window, except one day when `except` is given; `from > to` is no day. */
export interface DaySpan {
  from: CalendarDay;
  to: CalendarDay;
  except: CalendarDay | null;
}

/** A Watch Duration as a test of a day's whole milliseconds: `low` (and `high` for between). */
export interface DurationTest {
  operator: WatchDurationOperator;
  low: number;
  high: number;
}

export interface CompiledCriteria {
  /** Live attendance (status Attended) matches: Event Mode live or unset. */
  live: boolean;
  /** On-demand activity can match: Event Mode on-demand or unset. */
  onDemand: boolean;
  /** The Watch Date's days; `null` without one, or when it holds every day of the window. */
  days: DaySpan | null;
  /** The Watch Duration; `undefined` without one. */
  duration: DurationTest | undefined;
}

/**
 * A day total of milliseconds can never reach this (2^53: beyond it sums would not be exact in
 * core either). Larger limits are clipped to it so they stay integers PostgreSQL's bigint holds.
 */
const NO_DAY_REACHES = 2 ** 53;

/** Whole minutes as the milliseconds a day's total is compared with. */
function limit(minutes: number): number {
  return Math.min(minutesToMilliseconds(minutes), NO_DAY_REACHES);
}

/**
 * Core compares a day's minutes, `ms / 60 000` rounded to a double, with whole minutes `m`; here
 * the integers `ms` and `m × 60 000` are compared. The two agree for every operator: the division
 * is exact when `ms` is a multiple of 60 000, and otherwise lands at least 1/60 000 of a minute
 * away from any whole number — far more than a double's rounding error at these magnitudes.
 */
function durationTest(constraint: WatchDurationConstraint): DurationTest {
  const low = limit(constraint.minutes);
  return { operator: constraint.operator, low, high: constraint.operator === 'between' ? limit(constraint.to) : low };
}

/**
 * The days a Watch Date holds, as offsets from the window's first day (`null`: unbounded on that
 * side), computed without stepping outside the calendar: a day given in the criteria may be far
 * from the window (year 9999), and "in past N days" may reach back further than any calendar.
 */
function watchDateOffsets(constraint: WatchDateConstraint, window: OnDemandWindow, today: CalendarDay): { from: number | null; to: number | null; except: number | null } {
  const offset = (day: CalendarDay) => daysBetween(window.firstDay, day);
  switch (constraint.operator) {
    case 'is': return { from: offset(constraint.date), to: offset(constraint.date), except: null };
    case 'is-not': return { from: null, to: null, except: offset(constraint.date) };
    case 'before': return { from: null, to: offset(constraint.date) - 1, except: null };
    case 'after': return { from: offset(constraint.date) + 1, to: null, except: null };
    case 'on-or-before': return { from: null, to: offset(constraint.date), except: null };
    case 'on-or-after': return { from: offset(constraint.date), to: null, except: null };
    case 'between': return { from: offset(constraint.date), to: offset(constraint.to), except: null };
    // Today and the N − 1 days before it.
    case 'in-past': return { from: offset(today) - (constraint.days - 1), to: offset(today), except: null };
    case 'in-time-frame': {
      const [first, last] = timeFrameDays(constraint.frame, today);
      return { from: offset(first), to: offset(last), except: null };
    }
  }
}

/** The Watch Date's days clipped to the window's; `null` when that is every day of the window. */
function watchDateSpan(constraint: WatchDateConstraint, window: OnDemandWindow, today: CalendarDay): DaySpan | null {
  const lastOffset = daysBetween(window.firstDay, window.lastDay);
  const { from, to, except } = watchDateOffsets(constraint, window, today);
  const first = Math.max(0, from ?? 0);
  const last = Math.min(lastOffset, to ?? lastOffset);
  const inside = except !== null && except >= 0 && except <= lastOffset ? except : null;
  if (first === 0 && last === lastOffset && inside === null) return null;
  if (first > last) return { from: window.lastDay, to: window.firstDay, except: null };
  return { from: addDays(window.firstDay, first), to: addDays(window.firstDay, last), except: inside === null ? null : addDays(window.firstDay, inside) };
}

/**
 * Compiles VALID criteria (from core's validateCriteria) for one clock: "today" is `now`'s day in
 * the event's zone.
 *
 * @example
 * compileCriteria({ version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'at-least', minutes: 10 } }, window, 'Europe/Amsterdam', now)
 * // { live: false, onDemand: true, days: null, duration: { operator: 'at-least', low: 600000, high: 600000 } }
 */
export function compileCriteria(criteria: AttendanceCriteria, window: OnDemandWindow, timeZone: string, now: Date): CompiledCriteria {
  const { eventMode, watchDate, watchDuration } = criteria;
  return {
    // Watch constraints exist only with Event Mode on-demand (validated), so they never apply to live attendance.
    live: eventMode !== 'on-demand',
    onDemand: eventMode !== 'live',
    days: watchDate === undefined ? null : watchDateSpan(watchDate, window, calendarDayOf(now, timeZone)),
    duration: watchDuration === undefined ? undefined : durationTest(watchDuration),
  };
}

/** Adds a bind parameter and returns its placeholder. */
export type Bind = (value: string | number | null) => string;

/** The Watch Duration as SQL over the bigint `column`, values bound. */
export function durationSql(test: DurationTest, column: string, bind: Bind): string {
  const low = () => `${bind(test.low)}::bigint`;
  switch (test.operator) {
    case 'is': return `${column} = ${low()}`;
    case 'is-not': return `${column} <> ${low()}`;
    case 'greater-than': return `${column} > ${low()}`;
    case 'less-than': return `${column} < ${low()}`;
    case 'at-least': return `${column} >= ${low()}`;
    case 'at-most': return `${column} <= ${low()}`;
    case 'between': return `${column} BETWEEN ${low()} AND ${bind(test.high)}::bigint`;
  }
}

/** The Watch Date as SQL over the date `column`, values bound. */
export function daysSql(span: DaySpan, column: string, bind: Bind): string {
  const between = `${column} BETWEEN ${bind(span.from)}::date AND ${bind(span.to)}::date`;
  return span.except === null ? between : `${between} AND ${column} <> ${bind(span.except)}::date`;
}
