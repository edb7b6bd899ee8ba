/*
 * Audience criteria compiled to parameterized SQL. Only criteria that core's validateCriteria
 * returned get here; every operator maps to a fixed piece of SQL text, and every value the user
 * chose (dates, day counts, minutes) travels as a bind parameter — nothing from the input is
 * ever spliced into the statement.
 *
 * The predicates are over one daily on-demand activity `a` (`a.day date`, `a.minutes float8`, the
 * day's total) and the clock `clock` (`clock.today date`: `now`'s day in the event's zone),
 * mirroring core's compileCriteria: a lead matches when ONE activity satisfies ALL constraints
 * together. The Watch Date test needs only the day, so it can filter views before they are
 * summed per day; the Watch Duration test needs the day's total.
 */
import type { AttendanceCriteria, TimeFrame, WatchDateConstraint, WatchDurationConstraint } from '../src/core/index.ts';

export interface CompiledCriteria {
  /** Live attendance (status Attended) matches: Event Mode live or unset. */
  live: boolean;
  /** On-demand activity can match: Event Mode on-demand or unset. */
  onDemand: boolean;
  /** The Watch Date test, a SQL boolean over `a.day` and `clock.today`; `true` without one. */
  watchDate: string;
  /** The Watch Duration test, a SQL boolean over `a.minutes`; undefined without one. */
  watchDuration: string | undefined;
  /** Values of the placeholders `$firstParameter`, `$firstParameter + 1`, … used in the tests. */
  parameters: string[];
}

// Monday of today's ISO week; date_trunc on a timestamp WITHOUT zone, so no session zone applies.
const MONDAY = "date_trunc('week', clock.today::timestamp)::date";
const MONTH_START = "date_trunc('month', clock.today::timestamp)::date";

/** Inclusive [from, to] of a named time frame, as SQL date expressions over `clock.today`. */
const TIME_FRAME_SQL: Readonly<Record<TimeFrame, readonly [string, string]>> = {
  today: ['clock.today', 'clock.today'],
  yesterday: ['clock.today - 1', 'clock.today - 1'],
  'this-week': [MONDAY, `${MONDAY} + 6`],
  'last-week': [`${MONDAY} - 7`, `${MONDAY} - 1`],
  'this-month': [MONTH_START, `(${MONTH_START} + interval '1 month')::date - 1`],
  'last-month': [`(${MONTH_START} - interval '1 month')::date`, `${MONTH_START} - 1`],
};

/** Adds a bind parameter and returns its placeholder. */
type Bind = (value: string) => string;

function watchDateSql(constraint: WatchDateConstraint, bind: Bind): string {
  switch (constraint.operator) {
    case 'is': return `a.day = ${bind(constraint.date)}::date`;
    case 'is-not': return `a.day <> ${bind(constraint.date)}::date`;
    case 'before': return `a.day < ${bind(constraint.date)}::date`;
    case 'after': return `a.day > ${bind(constraint.date)}::date`;
    case 'on-or-before': return `a.day <= ${bind(constraint.date)}::date`;
    case 'on-or-after': return `a.day >= ${bind(constraint.date)}::date`;
    case 'between': return `a.day BETWEEN ${bind(constraint.date)}::date AND ${bind(constraint.to)}::date`;
    // Today and the N − 1 days before it. Counted in whole days (date − date is an integer), so a
    // huge N cannot overflow a date.
    case 'in-past': return `(clock.today - a.day) BETWEEN 0 AND ${bind(String(constraint.days))}::numeric - 1`;
    case 'in-time-frame': {
      const [from, to] = TIME_FRAME_SQL[constraint.frame];
      return `a.day BETWEEN ${from} AND ${to}`;
    }
  }
}

function watchDurationSql(constraint: WatchDurationConstraint, bind: Bind): string {
  // Minutes of the day's activity (a float8 sum) against whole minutes, compared as float8 like core's JS numbers.
  const limit = () => `${bind(String(constraint.minutes))}::float8`;
  switch (constraint.operator) {
    case 'is': return `a.minutes = ${limit()}`;
    case 'is-not': return `a.minutes <> ${limit()}`;
    case 'greater-than': return `a.minutes > ${limit()}`;
    case 'less-than': return `a.minutes < ${limit()}`;
    case 'at-least': return `a.minutes >= ${limit()}`;
    case 'at-most': return `a.minutes <= ${limit()}`;
    case 'between': return `a.minutes BETWEEN ${limit()} AND ${bind(String(constraint.to))}::float8`;
  }
}

/**
 * Compiles VALID criteria (from core's validateCriteria) to SQL tests with placeholders
 * numbered from `firstParameter`.
 *
 * @example
 * compileCriteria({ version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'at-least', minutes: 10 } }, 5)
 * // { live: false, onDemand: true, watchDate: 'true', watchDuration: 'a.minutes >= $5::float8', parameters: ['10'] }
 */
export function compileCriteria(criteria: AttendanceCriteria, firstParameter: number): CompiledCriteria {
  const parameters: string[] = [];
  const bind: Bind = (value) => {
    parameters.push(value);
    return `$${firstParameter + parameters.length - 1}`;
  };
  const { eventMode } = criteria;
  return {
    // Watch constraints exist only with Event Mode on-demand (validated), so they never apply to live attendance.
    live: eventMode !== 'on-demand',
    onDemand: eventMode !== 'live',
    watchDate: criteria.watchDate === undefined ? 'true' : watchDateSql(criteria.watchDate, bind),
    watchDuration: criteria.watchDuration === undefined ? undefined : watchDurationSql(criteria.watchDuration, bind),
    parameters,
  };
}
