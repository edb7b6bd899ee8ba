/*
 * Audience criteria built by the event-mode picker: plain, versioned JSON that a portal can
 * store and send to its backend. `validateCriteria` is the single gate: everything that
 * evaluates criteria accepts only what it returns.
 */
import { isCalendarDay, type CalendarDay } from './calendar.ts';
import { describeValue, type CriteriaError } from './errors.ts';
import type { WebinarEvent } from './types.ts';
import { onDemandWindow } from './window.ts';

export const CRITERIA_VERSION = 1;

/** Filter *Has attended event*, inactivity filter *Has not attended an event*, trigger *Attends Event*. */
export type CriteriaKind = 'has-attended' | 'has-not-attended' | 'attends-event';
export const CRITERIA_KINDS: readonly CriteriaKind[] = ['has-attended', 'has-not-attended', 'attends-event'];

/** Event Mode; unset means live or on-demand. */
export type EventMode = 'live' | 'on-demand';
export const EVENT_MODES: readonly EventMode[] = ['live', 'on-demand'];

export type SingleDateOperator = 'is' | 'is-not' | 'before' | 'after' | 'on-or-before' | 'on-or-after';
export type WatchDateOperator = SingleDateOperator | 'between' | 'in-past' | 'in-time-frame';
export const WATCH_DATE_OPERATORS: readonly WatchDateOperator[] = [
  'is', 'is-not', 'before', 'after', 'on-or-before', 'on-or-after', 'between', 'in-past', 'in-time-frame',
];

/** Named time frames; weeks start on Monday (ISO 8601). */
export type TimeFrame = 'today' | 'yesterday' | 'this-week' | 'last-week' | 'this-month' | 'last-month';
export const TIME_FRAMES: readonly TimeFrame[] = ['today', 'yesterday', 'this-week', 'last-week', 'this-month', 'last-month'];

/** Watch Date (days in the event's zone, inclusive). `in-past` N = today and the N − 1 days before. */
export type WatchDateConstraint =
  | { operator: SingleDateOperator; date: CalendarDay }
  | { operator: 'between'; date: CalendarDay; to: CalendarDay }
  | { operator: 'in-past'; days: number }
  | { operator: 'in-time-frame'; frame: TimeFrame };

export type SingleMinutesOperator = 'is' | 'is-not' | 'greater-than' | 'less-than' | 'at-least' | 'at-most';
export type WatchDurationOperator = SingleMinutesOperator | 'between';
export const WATCH_DURATION_OPERATORS: readonly WatchDurationOperator[] = [
  'is', 'is-not', 'greater-than', 'less-than', 'at-least', 'at-most', 'between',
];

/** Watch Duration in whole minutes ≥ 0; `between` is inclusive. */
export type WatchDurationConstraint =
  | { operator: SingleMinutesOperator; minutes: number }
  | { operator: 'between'; minutes: number; to: number };

/**
 * Audience criteria. Watch Date and Watch Duration are valid only with Event Mode `on-demand`.
 *
 * @example
 * const criteria: AttendanceCriteria = { version: 1, kind: 'has-attended', eventMode: 'on-demand',
 *   watchDate: { operator: 'in-past', days: 7 }, watchDuration: { operator: 'at-least', minutes: 10 } };
 */
export interface AttendanceCriteria {
  version: 1;
  kind: CriteriaKind;
  eventMode?: EventMode;
  watchDate?: WatchDateConstraint;
  watchDuration?: WatchDurationConstraint;
}

export type CriteriaValidation =
  | { valid: true; criteria: AttendanceCriteria }
  | { valid: false; errors: CriteriaError[] };

export interface ValidateCriteriaOptions {
  /** When given, Watch Date days must lie inside this event's on-demand window. */
  event?: WebinarEvent;
}

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quoteList(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}

function rejectUnknownFields(fields: Fields, allowed: readonly string[], prefix: string, why: string, errors: CriteriaError[]): void {
  for (const key of Object.keys(fields)) {
    if (!allowed.includes(key)) errors.push({ path: prefix + key, message: `Unknown field "${key}"${why}.` });
  }
}

/** The fields each Watch Date operator takes besides `operator`. */
export const WATCH_DATE_FIELDS: Readonly<Record<WatchDateOperator, readonly ('date' | 'to' | 'days' | 'frame')[]>> = {
  is: ['date'], 'is-not': ['date'], before: ['date'], after: ['date'], 'on-or-before': ['date'], 'on-or-after': ['date'],
  between: ['date', 'to'], 'in-past': ['days'], 'in-time-frame': ['frame'],
};

/** The fields each Watch Duration operator takes besides `operator`. */
export function watchDurationFieldsOf(operator: WatchDurationOperator): readonly ('minutes' | 'to')[] {
  return operator === 'between' ? ['minutes', 'to'] : ['minutes'];
}

function readWatchDate(input: unknown, errors: CriteriaError[], window: { firstDay: string; lastDay: string } | undefined): WatchDateConstraint | undefined {
  if (!isFields(input)) {
    errors.push({ path: 'watchDate', message: 'Watch Date must be an object with an operator.' });
    return undefined;
  }
  const operator = input.operator as WatchDateOperator;
  if (!WATCH_DATE_OPERATORS.includes(operator)) {
    errors.push({ path: 'watchDate.operator', message: `Watch Date operator must be one of ${quoteList(WATCH_DATE_OPERATORS)}.` });
    return undefined;
  }
  const fields = WATCH_DATE_FIELDS[operator];
  const before = errors.length;
  rejectUnknownFields(input, ['operator', ...fields], 'watchDate.', ` for Watch Date operator "${operator}"`, errors);
  for (const field of fields.filter((name) => name === 'date' || name === 'to')) {
    const day = input[field];
    if (!isCalendarDay(day)) {
      errors.push({ path: `watchDate.${field}`, message: `Watch Date needs a valid date (YYYY-MM-DD) here, got ${describeValue(day ?? null)}.` });
    } else if (window !== undefined && (day < window.firstDay || day > window.lastDay)) {
      errors.push({ path: `watchDate.${field}`, message: `${day} is outside the event's on-demand window (${window.firstDay} to ${window.lastDay}).` });
    }
  }
  if (operator === 'between' && errors.length === before && (input.date as string) > (input.to as string)) {
    errors.push({ path: 'watchDate.to', message: 'The end date must be on or after the start date.' });
  }
  if (operator === 'in-past' && !(Number.isInteger(input.days) && (input.days as number) >= 1)) {
    errors.push({ path: 'watchDate.days', message: `"In past N days" needs a whole number of days of at least 1, got ${describeValue(input.days ?? null)}.` });
  }
  if (operator === 'in-time-frame' && !TIME_FRAMES.includes(input.frame as TimeFrame)) {
    errors.push({ path: 'watchDate.frame', message: `Time frame must be one of ${quoteList(TIME_FRAMES)}.` });
  }
  if (errors.length > before) return undefined;
  const constraint: Fields = { operator };
  for (const field of fields) constraint[field] = input[field];
  return constraint as WatchDateConstraint;
}

function readWatchDuration(input: unknown, errors: CriteriaError[]): WatchDurationConstraint | undefined {
  if (!isFields(input)) {
    errors.push({ path: 'watchDuration', message: 'Watch Duration must be an object with an operator.' });
    return undefined;
  }
  const operator = input.operator as WatchDurationOperator;
  if (!WATCH_DURATION_OPERATORS.includes(operator)) {
    errors.push({ path: 'watchDuration.operator', message: `Watch Duration operator must be one of ${quoteList(WATCH_DURATION_OPERATORS)}.` });
    return undefined;
  }
  const fields = watchDurationFieldsOf(operator);
  const before = errors.length;
  rejectUnknownFields(input, ['operator', ...fields], 'watchDuration.', ` for Watch Duration operator "${operator}"`, errors);
  for (const field of fields) {
    const minutes = input[field];
    if (!(Number.isInteger(minutes) && (minutes as number) >= 0)) {
      errors.push({ path: `watchDuration.${field}`, message: `Minutes must be a whole number of at least 0, got ${describeValue(minutes ?? null)}.` });
    }
  }
  if (operator === 'between' && errors.length === before && (input.minutes as number) > (input.to as number)) {
    errors.push({ path: 'watchDuration.to', message: 'The maximum must be at least the minimum.' });
  }
  if (errors.length > before) return undefined;
  return (operator === 'between'
    ? { operator, minutes: input.minutes, to: input.to }
    : { operator, minutes: input.minutes }) as WatchDurationConstraint;
}

/**
 * Checks untrusted criteria (e.g. parsed JSON) and returns them normalized, or every problem
 * with a dotted path. Nothing is dropped silently: Watch Date or Watch Duration without Event
 * Mode `on-demand` is an error naming the field.
 *
 * @example
 * validateCriteria({ version: 1, kind: 'has-attended', eventMode: 'live', watchDuration: { operator: 'at-least', minutes: 5 } })
 * // { valid: false, errors: [{ path: 'watchDuration', message: 'Watch Duration is only available when Event Mode is On-Demand …' }] }
 */
export function validateCriteria(input: unknown, options: ValidateCriteriaOptions = {}): CriteriaValidation {
  const errors: CriteriaError[] = [];
  if (!isFields(input)) {
    return { valid: false, errors: [{ path: '', message: 'Criteria must be an object such as { "version": 1, "kind": "has-attended" }.' }] };
  }
  rejectUnknownFields(input, ['version', 'kind', 'eventMode', 'watchDate', 'watchDuration'], '', '', errors);
  if (input.version !== CRITERIA_VERSION) {
    errors.push({ path: 'version', message: `Unsupported criteria version ${describeValue(input.version ?? null)}; this kit reads version ${CRITERIA_VERSION}.` });
  }
  const kind = input.kind as CriteriaKind;
  if (!CRITERIA_KINDS.includes(kind)) {
    errors.push({ path: 'kind', message: `Kind must be one of ${quoteList(CRITERIA_KINDS)}.` });
  }
  // null is how some serializers write an unset optional field: it means "live or on-demand".
  const eventMode = input.eventMode ?? undefined;
  if (eventMode !== undefined && !EVENT_MODES.includes(eventMode as EventMode)) {
    errors.push({ path: 'eventMode', message: `Event Mode must be "live", "on-demand", or left out for both.` });
  }
  const window = options.event === undefined ? undefined : onDemandWindow(options.event);
  const criteria: AttendanceCriteria = { version: CRITERIA_VERSION, kind };
  if (eventMode !== undefined) criteria.eventMode = eventMode as EventMode;
  const constraints = [
    ['watchDate', 'Watch Date'],
    ['watchDuration', 'Watch Duration'],
  ] as const;
  for (const [field, label] of constraints) {
    const value = input[field] ?? undefined;
    if (value === undefined) continue;
    if (eventMode !== 'on-demand') {
      errors.push({
        path: field,
        message: `${label} is only available when Event Mode is On-Demand (Event Mode is ${eventMode === undefined ? 'unset, meaning live or on-demand' : describeValue(eventMode)}).`,
      });
    }
    if (field === 'watchDate') {
      const watchDate = readWatchDate(value, errors, window);
      if (watchDate !== undefined) criteria.watchDate = watchDate;
    } else {
      const watchDuration = readWatchDuration(value, errors);
      if (watchDuration !== undefined) criteria.watchDuration = watchDuration;
    }
  }
  return errors.length > 0 ? { valid: false, errors } : { valid: true, criteria };
}
