/*
 * The picker's editing model, DOM-free. A draft holds what the user sees, including what is
 * not (yet) valid: a half-typed number, a date outside the window, Watch Date while Event Mode
 * is Live, fields this version of the kit does not know. Nothing the picker is given is dropped
 * silently: `toCriteria(fromCriteria(x))` gives `x` back (up to a `null` Event Mode, which means
 * unset). The draft never judges itself: validity is core's `validateCriteria`, and which fields
 * an operator takes is core's table.
 *
 * The picker's modules import core's modules directly, not core's index: a bundler splitting code
 * puts whole modules into chunks, and through the index core's analysis engine would count as
 * part of the picker and load up front, when the picker only loads it on demand
 * (data/audience-count.ts). Types may come from the index (they leave no code).
 */
import { addDays, calendarDayOf, isCalendarDay } from '../../core/calendar.ts';
import { CRITERIA_VERSION, WATCH_DATE_FIELDS, WATCH_DATE_OPERATORS, WATCH_DURATION_OPERATORS, watchDurationFieldsOf } from '../../core/criteria.ts';
import { isRecord } from '../../core/errors.ts';
import { onDemandWindow } from '../../core/window.ts';
import type { CalendarDay, CriteriaKind, EventMode, TimeFrame, WatchDateOperator, WatchDurationOperator, WebinarEvent } from '../../core/index.ts';

type Fields = Record<string, unknown>;

/** The two optional constraints of the criteria. */
export type Constraint = 'watchDate' | 'watchDuration';
export type WatchDateField = 'date' | 'to' | 'days' | 'frame';
export type WatchDurationField = 'minutes' | 'to';
/** An input of a constraint, named by its path in the criteria: `watchDate.to`, `watchDuration.minutes`, … */
export type ConstraintInput = `watchDate.${WatchDateField}` | `watchDuration.${WatchDurationField}`;

/** A constraint as edited: every field the user filled in, kept while they switch operators. */
export interface ConstraintDraft {
  operator: unknown;
  /** The operator's fields (`date`, `days`, `minutes`, …), as entered. */
  [field: string]: unknown;
  /** Fields the operator does not use, as they were given: kept (and reported) until removed. */
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
  watchDate: ConstraintDraft;
  watchDurationOn: boolean;
  watchDuration: ConstraintDraft;
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

/** The defaults at `now`: today in the event's zone and its window once the event is known, else today in the browser's zone. */
export function draftDefaults(now: Date, event: WebinarEvent | undefined): DraftDefaults {
  const today = calendarDayOf(now, event?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  if (event === undefined) return { today };
  const { firstDay, lastDay } = onDemandWindow(event);
  return { today, firstDay, lastDay };
}

const DEFAULT_PAST_DAYS = 7;
const DEFAULT_TIME_FRAME: TimeFrame = 'this-week';
const DEFAULT_MINUTES = 10;
/** How much wider than its minimum a new "between" duration range starts. */
const DEFAULT_MINUTES_SPAN = 30;

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

function fieldsOf(constraint: Constraint, operator: unknown): readonly string[] {
  return constraint === 'watchDate' ? watchDateFields(operator) : watchDurationFields(operator);
}

/** The draft of the built-in default criteria: `{ version: 1, kind: 'has-attended' }`. */
export function defaultDraft(): CriteriaDraft {
  return {
    version: CRITERIA_VERSION,
    kind: 'has-attended' satisfies CriteriaKind,
    eventMode: undefined,
    watchDateOn: false,
    watchDate: { operator: 'in-past', days: DEFAULT_PAST_DAYS, extra: {} },
    watchDurationOn: false,
    watchDuration: { operator: 'at-least', minutes: DEFAULT_MINUTES, extra: {} },
    extra: {},
  };
}

/** Splits a loaded constraint into the fields its operator uses and everything else. */
function readConstraint(constraint: Constraint, input: unknown): ConstraintDraft {
  if (!isRecord(input)) return { operator: undefined, extra: {} };
  const draft: ConstraintDraft = { operator: input.operator, extra: {} };
  const used = fieldsOf(constraint, input.operator);
  for (const [key, value] of Object.entries(input)) {
    if (key === 'operator') continue;
    if (used.includes(key)) draft[key] = value;
    else draft.extra[key] = value;
  }
  return draft;
}

/**
 * The draft of any input. A non-object gives a draft without a kind (the caller reports why);
 * every field of an object is kept, known or not.
 */
export function fromCriteria(input: unknown): CriteriaDraft {
  const draft = defaultDraft();
  if (!isRecord(input)) return { ...draft, kind: undefined };
  const { version, kind, eventMode, watchDate, watchDuration, ...extra } = input;
  // null is how some serializers write an unset optional field (core reads it the same way).
  return {
    version,
    kind,
    eventMode: eventMode ?? undefined,
    watchDateOn: watchDate != null,
    watchDate: watchDate == null ? draft.watchDate : readConstraint('watchDate', watchDate),
    watchDurationOn: watchDuration != null,
    watchDuration: watchDuration == null ? draft.watchDuration : readConstraint('watchDuration', watchDuration),
    extra,
  };
}

/** Why criteria given to the picker could not be read at all. */
export type Unreadable = 'not-json' | 'not-an-object';

/**
 * The draft of criteria given from outside: an object, JSON text, or nothing (the default
 * criteria). What cannot be read gives a draft without a kind, and says why.
 */
export function readCriteria(input: unknown): { draft: CriteriaDraft; unreadable: Unreadable | undefined } {
  let parsed = input;
  if (typeof input === 'string') {
    try {
      parsed = input.trim() === '' ? undefined : JSON.parse(input);
    } catch {
      return { draft: fromCriteria(input), unreadable: 'not-json' };
    }
  }
  if (parsed === undefined || parsed === null) return { draft: defaultDraft(), unreadable: undefined };
  return { draft: fromCriteria(parsed), unreadable: isRecord(parsed) ? undefined : 'not-an-object' };
}

/** Sets the fields that are not `undefined`, then the extra ones that do not clash. */
function assignDefined(target: Fields, source: Fields, extra: Fields): Fields {
  for (const [key, value] of Object.entries(source)) if (value !== undefined) target[key] = value;
  for (const [key, value] of Object.entries(extra)) if (!(key in target)) target[key] = value;
  return target;
}

function writeConstraint(constraint: Constraint, draft: ConstraintDraft): Fields {
  const used = Object.fromEntries(fieldsOf(constraint, draft.operator).map((field) => [field, draft[field]]));
  return assignDefined({}, { operator: draft.operator, ...used }, draft.extra);
}

/** Criteria as JSON that may not be valid: what a draft stands for, before core has checked it. */
export type CriteriaJson = Record<string, unknown>;

/**
 * The criteria JSON a draft stands for: plain, fresh, and possibly invalid (check it with
 * `validateCriteria`). Missing inputs are left out, so core names them.
 */
export function toCriteria(draft: CriteriaDraft): CriteriaJson {
  const criteria = assignDefined(
    {},
    {
      version: draft.version,
      kind: draft.kind,
      eventMode: draft.eventMode,
      watchDate: draft.watchDateOn ? writeConstraint('watchDate', draft.watchDate) : undefined,
      watchDuration: draft.watchDurationOn ? writeConstraint('watchDuration', draft.watchDuration) : undefined,
    },
    draft.extra,
  );
  return structuredClone(criteria);
}

export function setKind(draft: CriteriaDraft, kind: CriteriaKind): CriteriaDraft {
  return { ...draft, kind };
}

/** `undefined` = live or on-demand. Watch constraints stay as they are (invalid unless on-demand). */
export function setEventMode(draft: CriteriaDraft, eventMode: EventMode | undefined): CriteriaDraft {
  return { ...draft, eventMode };
}

/** The value of one constraint input, as entered. */
export function inputValue(draft: CriteriaDraft, input: ConstraintInput): unknown {
  const [constraint, field] = input.split('.') as [Constraint, string];
  return draft[constraint][field];
}

export function setInput(draft: CriteriaDraft, input: ConstraintInput, value: unknown): CriteriaDraft {
  const [constraint, field] = input.split('.') as [Constraint, string];
  return { ...draft, [constraint]: { ...draft[constraint], [field]: value } };
}

function clampDay(day: CalendarDay, defaults: DraftDefaults): CalendarDay {
  if (defaults.firstDay !== undefined && day < defaults.firstDay) return defaults.firstDay;
  if (defaults.lastDay !== undefined && day > defaults.lastDay) return defaults.lastDay;
  return day;
}

/**
 * A constraint with a new operator. The fields it needs keep what the user entered before (also
 * from the extra fields, where a loaded field the previous operator did not use waits).
 */
function withOperator(constraint: Constraint, draft: ConstraintDraft, operator: unknown): ConstraintDraft {
  const next: ConstraintDraft = { ...draft, operator, extra: { ...draft.extra } };
  for (const field of fieldsOf(constraint, operator)) {
    if (next[field] === undefined && field in next.extra) {
      next[field] = next.extra[field];
      delete next.extra[field];
    }
  }
  return next;
}

/**
 * Switches the Watch Date operator. Fields the new operator needs keep what the user entered
 * before; missing ones get a valid default: today (inside the window), the window's first day
 * for the start of `between`, 7 days, this week.
 */
export function setWatchDateOperator(draft: CriteriaDraft, operator: WatchDateOperator, defaults: DraftDefaults): CriteriaDraft {
  const watchDate = withOperator('watchDate', draft.watchDate, operator);
  const today = clampDay(defaults.today, defaults);
  if (operator === 'between') {
    if (watchDate.date === undefined) watchDate.date = clampDay(defaults.firstDay ?? addDays(today, -(DEFAULT_PAST_DAYS - 1)), defaults);
    if (watchDate.to === undefined) watchDate.to = isCalendarDay(watchDate.date) && watchDate.date > today ? watchDate.date : today;
  } else if (operator === 'in-past') {
    watchDate.days ??= DEFAULT_PAST_DAYS;
  } else if (operator === 'in-time-frame') {
    watchDate.frame ??= DEFAULT_TIME_FRAME;
  } else {
    watchDate.date ??= today;
  }
  return { ...draft, watchDate };
}

/** Switches the Watch Duration operator, keeping the minutes entered; `between` starts 30 min wide. */
export function setWatchDurationOperator(draft: CriteriaDraft, operator: WatchDurationOperator): CriteriaDraft {
  const watchDuration = withOperator('watchDuration', draft.watchDuration, operator);
  watchDuration.minutes ??= DEFAULT_MINUTES;
  const { minutes } = watchDuration;
  if (operator === 'between' && watchDuration.to === undefined) {
    watchDuration.to = (typeof minutes === 'number' && Number.isFinite(minutes) ? minutes : 0) + DEFAULT_MINUTES_SPAN;
  }
  return { ...draft, watchDuration };
}

/**
 * Turns a constraint on or off; its inputs are remembered either way. Turned on with a known
 * operator, fields that operator needs and lacks get their defaults, as when it was chosen.
 */
export function setConstraintOn(draft: CriteriaDraft, constraint: Constraint, on: boolean, defaults: DraftDefaults): CriteriaDraft {
  const next = constraint === 'watchDate' ? { ...draft, watchDateOn: on } : { ...draft, watchDurationOn: on };
  const { operator } = next[constraint];
  if (!on) return next;
  if (constraint === 'watchDate' && isWatchDateOperator(operator)) return setWatchDateOperator(next, operator, defaults);
  if (constraint === 'watchDuration' && isWatchDurationOperator(operator)) return setWatchDurationOperator(next, operator);
  return next;
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
