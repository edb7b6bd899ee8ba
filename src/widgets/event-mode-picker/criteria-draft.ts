/*
 * The picker's editing model, DOM-free. A draft holds what the user sees, including what is
 * not (yet) valid: a half-typed number, a date outside the window, Watch Date while Event Mode
 * is Live, fields this version of the kit does not know. Nothing the picker is given is dropped
 * silently: `toCriteria(fromCriteria(x))` gives `x` back (up to a `null` Event Mode, which means
 * unset). Validity is always core's `validateCriteria`; `describeProblems` only sorts core's
 * errors onto the picker's fields and gives each a code the element can put into words.
 */
import {
  addDays,
  CRITERIA_VERSION,
  isCalendarDay,
  WATCH_DATE_FIELDS,
  WATCH_DATE_OPERATORS,
  WATCH_DURATION_OPERATORS,
  watchDurationFieldsOf,
  type AttendanceCriteria,
  type CalendarDay,
  type CriteriaError,
  type CriteriaKind,
  type EventMode,
  type TimeFrame,
  type WatchDateOperator,
  type WatchDurationOperator,
} from '../../core/index.ts';

type Fields = Record<string, unknown>;

export type WatchDateField = 'date' | 'to' | 'days' | 'frame';
export type WatchDurationField = 'minutes' | 'to';

/** Watch Date as edited: every field the user filled in, kept while they switch operators. */
export interface WatchDateDraft {
  operator: unknown;
  date?: unknown;
  to?: unknown;
  days?: unknown;
  frame?: unknown;
  /** Fields the operator does not use, as they were given: kept (and reported) until removed. */
  extra: Fields;
}

/** Watch Duration as edited. */
export interface WatchDurationDraft {
  operator: unknown;
  minutes?: unknown;
  to?: unknown;
  extra: Fields;
}

/** Criteria as edited; the values are `unknown` because loaded criteria may be anything. */
export interface CriteriaDraft {
  version: unknown;
  kind: unknown;
  /** `undefined` = unset = live or on-demand. */
  eventMode: unknown;
  /** Whether the Watch Date constraint is part of the criteria; its inputs are remembered either way. */
  watchDateOn: boolean;
  watchDate: WatchDateDraft;
  watchDurationOn: boolean;
  watchDuration: WatchDurationDraft;
  /** Top-level fields this kit does not know, kept (and reported) until removed. */
  extra: Fields;
}

/** Values used to fill in fields an operator needs and the user has not filled in yet. */
export interface DraftDefaults {
  /** Today in the event's zone. */
  today: CalendarDay;
  /** The event's on-demand window, when the event is known. */
  firstDay?: CalendarDay | undefined;
  lastDay?: CalendarDay | undefined;
}

export const DEFAULT_KIND: CriteriaKind = 'has-attended';
export const DEFAULT_PAST_DAYS = 7;
export const DEFAULT_TIME_FRAME: TimeFrame = 'this-week';
export const DEFAULT_MINUTES = 10;
/** How much wider than its minimum a new "between" duration range starts. */
export const DEFAULT_MINUTES_SPAN = 30;


function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isWatchDateOperator(value: unknown): value is WatchDateOperator {
  return WATCH_DATE_OPERATORS.includes(value as WatchDateOperator);
}

export function isWatchDurationOperator(value: unknown): value is WatchDurationOperator {
  return WATCH_DURATION_OPERATORS.includes(value as WatchDurationOperator);
}

/** The fields a Watch Date operator uses (none for an unknown operator). */
export function watchDateFields(operator: unknown): readonly WatchDateField[] {
  return isWatchDateOperator(operator) ? WATCH_DATE_FIELDS[operator] : [];
}

/** The fields a Watch Duration operator uses (none for an unknown operator). */
export function watchDurationFields(operator: unknown): readonly WatchDurationField[] {
  return isWatchDurationOperator(operator) ? watchDurationFieldsOf(operator) : [];
}

function defaultWatchDate(): WatchDateDraft {
  return { operator: 'in-past', days: DEFAULT_PAST_DAYS, extra: {} };
}

function defaultWatchDuration(): WatchDurationDraft {
  return { operator: 'at-least', minutes: DEFAULT_MINUTES, extra: {} };
}

/** Splits a loaded constraint into the fields its operator uses and everything else. */
function readConstraint<Draft extends { operator: unknown; extra: Fields }>(input: Fields, used: readonly string[]): Draft {
  const draft: Fields = { operator: input.operator, extra: {} };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'operator') continue;
    if (used.includes(key)) draft[key] = value;
    else (draft.extra as Fields)[key] = value;
  }
  return draft as Draft;
}

/** The draft of the built-in default criteria: `{ version: 1, kind: 'has-attended' }`. */
export function defaultDraft(): CriteriaDraft {
  return {
    version: CRITERIA_VERSION,
    kind: DEFAULT_KIND,
    eventMode: undefined,
    watchDateOn: false,
    watchDate: defaultWatchDate(),
    watchDurationOn: false,
    watchDuration: defaultWatchDuration(),
    extra: {},
  };
}

/**
 * The draft of any input. A non-object gives a draft without a kind (the caller reports why);
 * every field of an object is kept, known or not.
 */
export function fromCriteria(input: unknown): CriteriaDraft {
  if (!isFields(input)) return { ...defaultDraft(), kind: undefined };
  const draft = defaultDraft();
  draft.version = input.version;
  draft.kind = input.kind;
  // null is how some serializers write an unset optional field (core reads it the same way).
  draft.eventMode = input.eventMode ?? undefined;
  const watchDate = input.watchDate ?? undefined;
  if (watchDate !== undefined) {
    draft.watchDateOn = true;
    draft.watchDate = isFields(watchDate) ? readConstraint<WatchDateDraft>(watchDate, watchDateFields(watchDate.operator)) : { operator: undefined, extra: {} };
  }
  const watchDuration = input.watchDuration ?? undefined;
  if (watchDuration !== undefined) {
    draft.watchDurationOn = true;
    draft.watchDuration = isFields(watchDuration)
      ? readConstraint<WatchDurationDraft>(watchDuration, watchDurationFields(watchDuration.operator))
      : { operator: undefined, extra: {} };
  }
  for (const [key, value] of Object.entries(input)) {
    if (!['version', 'kind', 'eventMode', 'watchDate', 'watchDuration'].includes(key)) draft.extra[key] = value;
  }
  return draft;
}

function writeConstraint(draft: { operator: unknown; extra: Fields } & Fields, used: readonly string[]): Fields {
  const constraint: Fields = {};
  if (draft.operator !== undefined) constraint.operator = draft.operator;
  for (const field of used) if (draft[field] !== undefined) constraint[field] = draft[field];
  for (const [key, value] of Object.entries(draft.extra)) if (!(key in constraint)) constraint[key] = value;
  return constraint;
}

/**
 * The criteria JSON a draft stands for: plain, fresh, and possibly invalid (check it with
 * `validateCriteria`). Missing inputs are left out, so core names them.
 */
export function toCriteria(draft: CriteriaDraft): AttendanceCriteria {
  const criteria: Fields = {};
  if (draft.version !== undefined) criteria.version = draft.version;
  if (draft.kind !== undefined) criteria.kind = draft.kind;
  if (draft.eventMode !== undefined) criteria.eventMode = draft.eventMode;
  if (draft.watchDateOn) {
    criteria.watchDate = writeConstraint(draft.watchDate as WatchDateDraft & Fields, watchDateFields(draft.watchDate.operator));
  }
  if (draft.watchDurationOn) {
    criteria.watchDuration = writeConstraint(draft.watchDuration as WatchDurationDraft & Fields, watchDurationFields(draft.watchDuration.operator));
  }
  for (const [key, value] of Object.entries(draft.extra)) if (!(key in criteria)) criteria[key] = value;
  return structuredClone(criteria) as unknown as AttendanceCriteria;
}

export function setKind(draft: CriteriaDraft, kind: CriteriaKind): CriteriaDraft {
  return { ...draft, kind };
}

/** `undefined` = live or on-demand. Watch constraints stay as they are (invalid unless on-demand). */
export function setEventMode(draft: CriteriaDraft, eventMode: EventMode | undefined): CriteriaDraft {
  return { ...draft, eventMode };
}

export function setWatchDateOn(draft: CriteriaDraft, on: boolean): CriteriaDraft {
  return { ...draft, watchDateOn: on };
}

export function setWatchDurationOn(draft: CriteriaDraft, on: boolean): CriteriaDraft {
  return { ...draft, watchDurationOn: on };
}

function clampDay(day: CalendarDay, defaults: DraftDefaults): CalendarDay {
  if (defaults.firstDay !== undefined && day < defaults.firstDay) return defaults.firstDay;
  if (defaults.lastDay !== undefined && day > defaults.lastDay) return defaults.lastDay;
  return day;
}

/** A field value from the draft or, when the user had not filled it in, from its extra fields. */
function adopt<Draft extends { extra: Fields } & Fields>(draft: Draft, field: string): Draft {
  if (draft[field] !== undefined || !(field in draft.extra)) return draft;
  const { [field]: value, ...extra } = draft.extra;
  return { ...draft, [field]: value, extra };
}

/**
 * Switches the Watch Date operator. Fields the new operator needs keep what the user entered
 * before; missing ones get a valid default: today (inside the window), the window's first day
 * for the start of `between`, 7 days, this week.
 */
export function setWatchDateOperator(draft: CriteriaDraft, operator: WatchDateOperator, defaults: DraftDefaults): CriteriaDraft {
  let watchDate: WatchDateDraft & Fields = { ...draft.watchDate, operator, extra: { ...draft.watchDate.extra } };
  for (const field of WATCH_DATE_FIELDS[operator]) watchDate = adopt(watchDate, field);
  const today = clampDay(defaults.today, defaults);
  if (operator === 'between') {
    if (watchDate.date === undefined) watchDate.date = clampDay(defaults.firstDay ?? addDays(today, -(DEFAULT_PAST_DAYS - 1)), defaults);
    if (watchDate.to === undefined) {
      watchDate.to = isCalendarDay(watchDate.date) && watchDate.date > today ? watchDate.date : today;
    }
  } else if (operator === 'in-past') {
    watchDate.days ??= DEFAULT_PAST_DAYS;
  } else if (operator === 'in-time-frame') {
    watchDate.frame ??= DEFAULT_TIME_FRAME;
  } else {
    watchDate.date ??= today;
  }
  return { ...draft, watchDate };
}

export function setWatchDateField(draft: CriteriaDraft, field: WatchDateField, value: unknown): CriteriaDraft {
  return { ...draft, watchDate: { ...draft.watchDate, [field]: value } };
}

/** Switches the Watch Duration operator, keeping the minutes entered; `between` starts 0–30 min wide. */
export function setWatchDurationOperator(draft: CriteriaDraft, operator: WatchDurationOperator): CriteriaDraft {
  let watchDuration: WatchDurationDraft & Fields = { ...draft.watchDuration, operator, extra: { ...draft.watchDuration.extra } };
  for (const field of watchDurationFields(operator)) watchDuration = adopt(watchDuration, field);
  watchDuration.minutes ??= DEFAULT_MINUTES;
  if (operator === 'between' && watchDuration.to === undefined) {
    watchDuration.to = (typeof watchDuration.minutes === 'number' && Number.isFinite(watchDuration.minutes) ? watchDuration.minutes : 0) + DEFAULT_MINUTES_SPAN;
  }
  return { ...draft, watchDuration };
}

export function setWatchDurationField(draft: CriteriaDraft, field: WatchDurationField, value: unknown): CriteriaDraft {
  return { ...draft, watchDuration: { ...draft.watchDuration, [field]: value } };
}

/** True when the draft holds something this kit cannot use: another version, or unknown fields. */
export function hasUnsupported(draft: CriteriaDraft): boolean {
  return (
    draft.version !== CRITERIA_VERSION ||
    Object.keys(draft.extra).length > 0 ||
    (draft.watchDateOn && Object.keys(draft.watchDate.extra).length > 0) ||
    (draft.watchDurationOn && Object.keys(draft.watchDuration.extra).length > 0)
  );
}

/** What the user asked for with "Remove unsupported settings": version 1, unknown fields gone. */
export function removeUnsupported(draft: CriteriaDraft): CriteriaDraft {
  return {
    ...draft,
    version: CRITERIA_VERSION,
    extra: {},
    watchDate: { ...draft.watchDate, extra: {} },
    watchDuration: { ...draft.watchDuration, extra: {} },
  };
}

/** The picker's fields a problem can belong to; `general` is the picker as a whole. */
export type ProblemField =
  | 'general'
  | 'kind'
  | 'eventMode'
  | 'watchDate'
  | 'watchDate.operator'
  | 'watchDate.date'
  | 'watchDate.to'
  | 'watchDate.days'
  | 'watchDate.frame'
  | 'watchDuration'
  | 'watchDuration.operator'
  | 'watchDuration.minutes'
  | 'watchDuration.to';

export type ProblemCode =
  | 'not-json'
  | 'not-an-object'
  | 'unsupported-version'
  | 'unknown-field'
  | 'choose-kind'
  | 'choose-event-mode'
  | 'needs-on-demand'
  | 'constraint-not-an-object'
  | 'choose-operator'
  | 'date-missing'
  | 'date-outside-window'
  | 'date-order'
  | 'days-invalid'
  | 'frame-invalid'
  | 'minutes-invalid'
  | 'minutes-order'
  | 'other';

/** One of core's errors, placed on a field and classified for display. `error` is core's. */
export interface Problem {
  field: ProblemField;
  code: ProblemCode;
  /** Values for the message: `constraint` (watchDate|watchDuration), `field`, `version`, `first`, `last`. */
  values: Record<string, string>;
  error: CriteriaError;
}

const CONSTRAINT_FIELDS: Record<'watchDate' | 'watchDuration', readonly string[]> = {
  watchDate: ['operator', 'date', 'to', 'days', 'frame'],
  watchDuration: ['operator', 'minutes', 'to'],
};

/**
 * Sorts core's errors for `criteria` onto the picker's fields. The classification looks at the
 * criteria themselves (never at the wording of core's messages); what it cannot place stays
 * `general` / `other` with core's message.
 */
export function describeProblems(errors: readonly CriteriaError[], criteria: unknown, window?: { firstDay: CalendarDay; lastDay: CalendarDay }): Problem[] {
  const input: Fields = isFields(criteria) ? criteria : {};
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const [head = '', sub] = error.path.split('.', 2) as [string, string | undefined];
    const problem = (field: ProblemField, code: ProblemCode, values: Record<string, string> = {}): Problem => ({ field, code, values, error });
    if (error.path === '') {
      problems.push(problem('general', 'not-an-object'));
    } else if (head === 'version' && sub === undefined) {
      problems.push(problem('general', 'unsupported-version', { version: JSON.stringify(input.version ?? null) }));
    } else if (head === 'kind' && sub === undefined) {
      problems.push(problem('kind', 'choose-kind'));
    } else if (head === 'eventMode' && sub === undefined) {
      problems.push(problem('eventMode', 'choose-event-mode'));
    } else if (head === 'watchDate' || head === 'watchDuration') {
      const value = input[head];
      const constraint: Fields = isFields(value) ? value : {};
      if (sub === undefined) {
        // Core reports the mode first, then the shape.
        const needsOnDemand = input.eventMode !== 'on-demand' && !seen.has(`${head}:mode`);
        seen.add(`${head}:mode`);
        problems.push(needsOnDemand ? problem(head, 'needs-on-demand', { constraint: head }) : problem(head, 'constraint-not-an-object', { constraint: head }));
      } else if (!CONSTRAINT_FIELDS[head].includes(sub)) {
        problems.push(problem('general', 'unknown-field', { field: error.path }));
      } else if (sub === 'operator') {
        problems.push(problem(`${head}.operator`, 'choose-operator', { constraint: head }));
      } else if (head === 'watchDate') {
        if (!watchDateFields(constraint.operator).includes(sub as WatchDateField)) {
          problems.push(problem('general', 'unknown-field', { field: error.path }));
        } else if (sub === 'days') {
          problems.push(problem('watchDate.days', 'days-invalid'));
        } else if (sub === 'frame') {
          problems.push(problem('watchDate.frame', 'frame-invalid'));
        } else {
          const day = constraint[sub];
          const field = sub === 'to' ? 'watchDate.to' : 'watchDate.date';
          if (!isCalendarDay(day)) problems.push(problem(field, 'date-missing'));
          else if (window !== undefined && (day < window.firstDay || day > window.lastDay)) {
            problems.push(problem(field, 'date-outside-window', { first: window.firstDay, last: window.lastDay }));
          } else if (sub === 'to') problems.push(problem(field, 'date-order'));
          else problems.push(problem('general', 'other'));
        }
      } else if (!watchDurationFields(constraint.operator).includes(sub as WatchDurationField)) {
        problems.push(problem('general', 'unknown-field', { field: error.path }));
      } else {
        const minutes = constraint[sub];
        const whole = Number.isInteger(minutes) && (minutes as number) >= 0;
        const field = sub === 'to' ? 'watchDuration.to' : 'watchDuration.minutes';
        problems.push(problem(field, !whole || sub !== 'to' ? 'minutes-invalid' : 'minutes-order'));
      }
    } else if (sub === undefined && !['version', 'kind', 'eventMode'].includes(head)) {
      problems.push(problem('general', 'unknown-field', { field: error.path }));
    } else {
      problems.push(problem('general', 'other'));
    }
  }
  return problems;
}

/** The problem codes that "Remove unsupported settings" resolves. */
export const UNSUPPORTED_CODES: readonly ProblemCode[] = ['unsupported-version', 'unknown-field'];

