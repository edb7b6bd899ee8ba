/*
 * Audience criteria built by the event-mode picker: plain, versioned JSON that a portal can
 * store and send to its backend. `validateCriteria` is the single gate: everything that
 * evaluates criteria accepts only what it returns.
 */
import { A_CALENDAR_DAY, isCalendarDay, type CalendarDay } from './calendar.ts';
import { describeValue, isRecord, mustBe, type CriteriaError } from './errors.ts';
import type { WebinarEvent } from './types.ts';
import { onDemandWindow, outsideWindow, type OnDemandWindow } from './window.ts';

export const CRITERIA_VERSION = 1;

/** Filter *Has attended event*, inactivity filter *Has not attended an event*, trigger *Attends Event*. */
export type CriteriaKind = 'has-attended' | 'has-not-attended' | 'attends-event';
export const CRITERIA_KINDS: readonly CriteriaKind[] = ['has-attended', 'has-not-attended', 'attends-event'];

/** Event Mode; unset means live or on-demand. */
export type EventMode = 'live' | 'on-demand';
export const EVENT_MODES: readonly EventMode[] = ['live', 'on-demand'];

export type SingleDateOperator = 'is' | 'is-not' | 'before' | 'after' | 'on-or-before' | 'on-or-after';
export type WatchDateOperator = SingleDateOperator | 'between' | 'in-past' | 'in-time-frame';

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

/** The fields each Watch Date operator takes besides `operator` (in the order the picker lists operators). */
export const WATCH_DATE_FIELDS: Readonly<Record<WatchDateOperator, readonly ('date' | 'to' | 'days' | 'frame')[]>> = {
  is: ['date'], 'is-not': ['date'], before: ['date'], after: ['date'], 'on-or-before': ['date'], 'on-or-after': ['date'],
  between: ['date', 'to'], 'in-past': ['days'], 'in-time-frame': ['frame'],
};

/** Watch Date operators, in the order the picker lists them. */
export const WATCH_DATE_OPERATORS = Object.keys(WATCH_DATE_FIELDS) as readonly WatchDateOperator[];

/** The fields each Watch Duration operator takes besides `operator`. */
export function watchDurationFieldsOf(operator: WatchDurationOperator): readonly ('minutes' | 'to')[] {
  return operator === 'between' ? ['minutes', 'to'] : ['minutes'];
}

type Fields = Record<string, unknown>;

/** The problem of a field that is not what it must be, named by its path. */
function problem(path: string, expected: string, value: unknown): CriteriaError {
  return { path, message: mustBe(path, expected, value) };
}

/** `one of "a", "b"` for a message. */
function oneOf(values: readonly string[]): string {
  return `one of ${values.map((value) => `"${value}"`).join(', ')}`;
}

function rejectUnknownFields(fields: Fields, allowed: readonly string[], prefix: string, why: string, errors: CriteriaError[]): void {
  for (const key of Object.keys(fields)) {
    if (!allowed.includes(key)) errors.push({ path: prefix + key, message: `Unknown field "${key}"${why}.` });
  }
}

/** Watch Date or Watch Duration: its display name and operators. */
const CONSTRAINTS = {
  watchDate: { label: 'Watch Date', operators: WATCH_DATE_OPERATORS },
  watchDuration: { label: 'Watch Duration', operators: WATCH_DURATION_OPERATORS },
} as const;

/**
 * Checks one constraint: an object with a known operator and exactly that operator's fields,
 * each of the right kind; `between` needs its ends in order. Returns it, or undefined after
 * pushing its problems.
 */
function readConstraint(name: keyof typeof CONSTRAINTS, input: unknown, errors: CriteriaError[], window: OnDemandWindow | undefined): Fields | undefined {
  const { label, operators } = CONSTRAINTS[name];
  if (!isRecord(input)) {
    errors.push(problem(name, 'an object with an operator', input));
    return undefined;
  }
  const operator = input.operator;
  if (!(operators as readonly unknown[]).includes(operator)) {
    errors.push(problem(`${name}.operator`, oneOf(operators), operator));
    return undefined;
  }
  const fields: readonly string[] = name === 'watchDate' ? WATCH_DATE_FIELDS[operator as WatchDateOperator] : watchDurationFieldsOf(operator as WatchDurationOperator);
  const before = errors.length;
  rejectUnknownFields(input, ['operator', ...fields], `${name}.`, ` for ${label} operator "${String(operator)}"`, errors);
  const constraint: Fields = { operator };
  for (const field of fields) {
    const path = `${name}.${field}`;
    const value = (constraint[field] = input[field]);
    if (field === 'frame') {
      if (!TIME_FRAMES.includes(value as TimeFrame)) errors.push(problem(path, oneOf(TIME_FRAMES), value));
    } else if (name === 'watchDuration' || field === 'days') {
      // Minutes are whole and may be 0; "in past N days" needs N ≥ 1 (today counts as one).
      const least = field === 'days' ? 1 : 0;
      if (!(Number.isInteger(value) && (value as number) >= least)) errors.push(problem(path, `a whole number of at least ${least}`, value));
    } else if (!isCalendarDay(value)) {
      errors.push(problem(path, A_CALENDAR_DAY, value));
    } else if (window !== undefined) {
      const outside = outsideWindow(path, value, window);
      if (outside !== undefined) errors.push({ path, message: outside });
    }
  }
  if (errors.length > before) return undefined;
  const from = fields[0] as string;
  if (operator === 'between' && (constraint[from] as number | string) > (constraint.to as number | string)) {
    errors.push({ path: `${name}.to`, message: `${name}.to must not be less than ${name}.${from}.` });
    return undefined;
  }
  return constraint;
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
  if (!isRecord(input)) {
    return { valid: false, errors: [{ path: '', message: mustBe('Criteria', 'an object such as { "version": 1, "kind": "has-attended" }', input) }] };
  }
  const errors: CriteriaError[] = [];
  rejectUnknownFields(input, ['version', 'kind', 'eventMode', ...Object.keys(CONSTRAINTS)], '', '', errors);
  if (input.version !== CRITERIA_VERSION) errors.push(problem('version', `${CRITERIA_VERSION}, the criteria version this kit reads`, input.version));
  const kind = input.kind as CriteriaKind;
  if (!CRITERIA_KINDS.includes(kind)) errors.push(problem('kind', oneOf(CRITERIA_KINDS), kind));
  // null is how some serializers write an unset optional field: it means "live or on-demand".
  const eventMode = input.eventMode ?? undefined;
  if (eventMode !== undefined && !EVENT_MODES.includes(eventMode as EventMode)) {
    errors.push(problem('eventMode', `${oneOf(EVENT_MODES)}, or left out for both`, eventMode));
  }
  const window = options.event === undefined ? undefined : onDemandWindow(options.event);
  const criteria: AttendanceCriteria = { version: CRITERIA_VERSION, kind };
  if (eventMode !== undefined) criteria.eventMode = eventMode as EventMode;
  for (const name of ['watchDate', 'watchDuration'] as const) {
    const value = input[name] ?? undefined;
    if (value === undefined) continue;
    if (eventMode !== 'on-demand') {
      errors.push({
        path: name,
        message: `${CONSTRAINTS[name].label} is only available when Event Mode is On-Demand (Event Mode is ${eventMode === undefined ? 'unset, meaning live or on-demand' : describeValue(eventMode)}).`,
      });
    }
    const constraint = readConstraint(name, value, errors, window);
    // Checked field by field above: the operator's own fields, of the right kind.
    if (constraint !== undefined) (criteria as unknown as Fields)[name] = constraint;
  }
  return errors.length > 0 ? { valid: false, errors } : { valid: true, criteria };
}
