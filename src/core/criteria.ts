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

/**
 * What each criteria error code means and what its `params` carry: everything a message in
 * another language needs besides the path. Codes are stable; the English `message` is not an
 * API (it names the value that was given, which `params` leave out).
 */
export interface CriteriaErrorParams {
  /**
   * The criteria (path `''`) or a constraint (path `watchDate`, `watchDuration`) is not a plain object.
   * @example { path: 'watchDuration', code: 'not-an-object', params: {} }
   */
  'not-an-object': Record<string, never>;
  /**
   * A field this version of the criteria does not have, at the top level or for the
   * constraint's operator (then `operator` names it).
   * @example { path: 'watchDate.days', code: 'unknown-field', params: { field: 'days', operator: 'is' } }
   */
  'unknown-field': { field: string; operator?: WatchDateOperator | WatchDurationOperator };
  /**
   * `version` is not the one this kit reads.
   * @example { path: 'version', code: 'unsupported-version', params: { supported: 1 } }
   */
  'unsupported-version': { supported: typeof CRITERIA_VERSION };
  /**
   * A value that must be one of a list is not (or is missing): `kind`, `eventMode` (which may
   * also be left out), an operator, a time frame.
   * @example { path: 'kind', code: 'not-one-of', params: { allowed: ['has-attended', 'has-not-attended', 'attends-event'] } }
   */
  'not-one-of': { allowed: readonly string[] };
  /**
   * Watch Duration minutes, or the N of "in past N days", is not a whole number of at least
   * `least` (or is missing).
   * @example { path: 'watchDate.days', code: 'not-a-whole-number', params: { least: 1 } }
   */
  'not-a-whole-number': { least: number };
  /**
   * A Watch Date day is not a real `YYYY-MM-DD` day (or is missing).
   * @example { path: 'watchDate.to', code: 'not-a-calendar-day', params: {} }
   */
  'not-a-calendar-day': Record<string, never>;
  /**
   * A Watch Date day lies outside the event's on-demand window (checked only when
   * `validateCriteria` is given the event).
   * @example { path: 'watchDate.date', code: 'outside-window', params: { firstDay: '2026-03-20', lastDay: '2026-04-19' } }
   */
  'outside-window': { firstDay: CalendarDay; lastDay: CalendarDay };
  /**
   * A `between` range ends before it starts. The error is on `to`; `from` is the path of the start.
   * @example { path: 'watchDuration.to', code: 'range-reversed', params: { from: 'watchDuration.minutes' } }
   */
  'range-reversed': { from: string };
  /**
   * Watch Date or Watch Duration while Event Mode is not `on-demand`. `eventMode` is the mode
   * given: `'live'`, `null` when unset, or an unknown value (which has its own error too).
   * @example { path: 'watchDate', code: 'needs-on-demand', params: { eventMode: 'live' } }
   */
  'needs-on-demand': { eventMode: unknown };
}

/** Which rule of the criteria an error breaks; see `CriteriaErrorParams` for each. */
export type CriteriaErrorCode = keyof CriteriaErrorParams;

/** Every `CriteriaErrorCode`, e.g. to check that a translation covers them all. */
export const CRITERIA_ERROR_CODES: readonly CriteriaErrorCode[] = [
  'not-an-object',
  'unknown-field',
  'unsupported-version',
  'not-one-of',
  'not-a-whole-number',
  'not-a-calendar-day',
  'outside-window',
  'range-reversed',
  'needs-on-demand',
];

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

/** Adds one error to `errors`: the rule it breaks (`code`, `params`) and the English message. */
function fail<Code extends CriteriaErrorCode>(errors: CriteriaError[], path: string, code: Code, params: CriteriaErrorParams[Code], message: string): undefined {
  // The union cannot be narrowed from a generic code; the signature ties code and params together.
  errors.push({ path, code, params, message } as CriteriaError);
  return undefined;
}

/** Adds the error of a field that is not what it must be, named by its path. */
function problem<Code extends CriteriaErrorCode>(errors: CriteriaError[], path: string, code: Code, params: CriteriaErrorParams[Code], expected: string, value: unknown): undefined {
  return fail(errors, path, code, params, mustBe(path, expected, value));
}

/** Adds a `not-one-of` error unless `value` is one of `allowed` (`more` ends the wording); true when it is. */
function isOneOf(errors: CriteriaError[], path: string, allowed: readonly string[], value: unknown, more = ''): boolean {
  if (allowed.includes(value as string)) return true;
  problem(errors, path, 'not-one-of', { allowed }, `one of ${allowed.map((item) => `"${item}"`).join(', ')}${more}`, value);
  return false;
}

type Operator = WatchDateOperator | WatchDurationOperator;

function rejectUnknownFields(fields: Fields, allowed: readonly string[], prefix: string, operator: Operator | undefined, why: string, errors: CriteriaError[]): void {
  for (const field of Object.keys(fields)) {
    if (!allowed.includes(field)) fail(errors, prefix + field, 'unknown-field', { field, ...(operator && { operator }) }, `Unknown field "${field}"${why}.`);
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
  if (!isRecord(input)) return problem(errors, name, 'not-an-object', {}, 'an object with an operator', input);
  const operator = input.operator;
  if (!isOneOf(errors, `${name}.operator`, operators, operator)) return undefined;
  const fields: readonly string[] = name === 'watchDate' ? WATCH_DATE_FIELDS[operator as WatchDateOperator] : watchDurationFieldsOf(operator as WatchDurationOperator);
  const before = errors.length;
  rejectUnknownFields(input, ['operator', ...fields], `${name}.`, operator as Operator, ` for ${label} operator "${String(operator)}"`, errors);
  const constraint: Fields = { operator };
  for (const field of fields) {
    const path = `${name}.${field}`;
    const value = (constraint[field] = input[field]);
    if (field === 'frame') isOneOf(errors, path, TIME_FRAMES, value);
    else if (name === 'watchDuration' || field === 'days') {
      // Minutes are whole and may be 0; "in past N days" needs N ≥ 1 (today counts as one).
      const least = field === 'days' ? 1 : 0;
      if (!(Number.isInteger(value) && (value as number) >= least)) problem(errors, path, 'not-a-whole-number', { least }, `a whole number of at least ${least}`, value);
    } else if (!isCalendarDay(value)) {
      problem(errors, path, 'not-a-calendar-day', {}, A_CALENDAR_DAY, value);
    } else if (window !== undefined) {
      const outside = outsideWindow(path, value, window);
      if (outside !== undefined) fail(errors, path, 'outside-window', { firstDay: window.firstDay, lastDay: window.lastDay }, outside);
    }
  }
  if (errors.length > before) return undefined;
  const from = fields[0] as string;
  if (operator === 'between' && (constraint[from] as number | string) > (constraint.to as number | string)) {
    return fail(errors, `${name}.to`, 'range-reversed', { from: `${name}.${from}` }, `${name}.to must not be less than ${name}.${from}.`);
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
  const errors: CriteriaError[] = [];
  if (!isRecord(input)) {
    fail(errors, '', 'not-an-object', {}, mustBe('Criteria', 'an object such as { "version": 1, "kind": "has-attended" }', input));
    return { valid: false, errors };
  }
  rejectUnknownFields(input, ['version', 'kind', 'eventMode', ...Object.keys(CONSTRAINTS)], '', undefined, '', errors);
  if (input.version !== CRITERIA_VERSION) {
    problem(errors, 'version', 'unsupported-version', { supported: CRITERIA_VERSION }, `${CRITERIA_VERSION}, the criteria version this kit reads`, input.version);
  }
  const kind = input.kind as CriteriaKind;
  isOneOf(errors, 'kind', CRITERIA_KINDS, kind);
  // null is how some serializers write an unset optional field: it means "live or on-demand".
  const eventMode = input.eventMode ?? undefined;
  if (eventMode !== undefined) isOneOf(errors, 'eventMode', EVENT_MODES, eventMode, ', or left out for both');
  const window = options.event === undefined ? undefined : onDemandWindow(options.event);
  const criteria: AttendanceCriteria = { version: CRITERIA_VERSION, kind };
  if (eventMode !== undefined) criteria.eventMode = eventMode as EventMode;
  for (const name of ['watchDate', 'watchDuration'] as const) {
    const value = input[name] ?? undefined;
    if (value === undefined) continue;
    if (eventMode !== 'on-demand') {
      const given = eventMode === undefined ? 'unset, meaning live or on-demand' : describeValue(eventMode);
      fail(errors, name, 'needs-on-demand', { eventMode: eventMode ?? null }, `${CONSTRAINTS[name].label} is only available when Event Mode is On-Demand (Event Mode is ${given}).`);
    }
    const constraint = readConstraint(name, value, errors, window);
    // Checked field by field above: the operator's own fields, of the right kind.
    if (constraint !== undefined) (criteria as unknown as Fields)[name] = constraint;
  }
  return errors.length > 0 ? { valid: false, errors } : { valid: true, criteria };
}
