/*
 * Core's verdict on a draft, placed on the picker's fields. Which rule failed is core's error
 * `code` and `params`; this module only decides where a problem shows and which of the picker's
 * messages says it. It checks nothing itself.
 */
// Core's modules, not its index (criteria-draft.ts says why).
import { validateCriteria } from '../../core/criteria.ts';
import { describeValue } from '../../core/errors.ts';
import type { AttendanceCriteria, CriteriaError, WebinarEvent } from '../../core/index.ts';
import { toCriteria, type Constraint, type ConstraintInput, type CriteriaDraft, type CriteriaJson, type Unreadable } from './criteria-draft.ts';

/** The picker's fields a problem can belong to; `general` is the picker as a whole. */
export type ProblemField = 'general' | 'kind' | 'eventMode' | Constraint | `${Constraint}.operator` | ConstraintInput;

/** The picker's validation messages: the keys of `strings.problems`. */
export type ProblemKey =
  | Unreadable
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

/** A problem as the picker shows it: where, which message, and the values for its placeholders. */
export interface Problem {
  field: ProblemField;
  key: ProblemKey;
  /**
   * Placeholder values: `constraint`, `field`, `version`, `supported`, `least`, `first`, `last`
   * (days as `YYYY-MM-DD`), `message`, and the rest of core's `params`.
   */
  values: Readonly<Record<string, unknown>>;
}

/** What "Remove unsupported settings" resolves. */
export const UNSUPPORTED_KEYS: readonly ProblemKey[] = ['unsupported-version', 'unknown-field'];

/** The paths that have a control of their own: kind, mode, each constraint, its operator and inputs. */
const OWN_CONTROL = /^(kind|eventMode|watch(Date|Duration)(\.\w+)?)$/;

/**
 * The picker's message for one of core's errors on `field`. Codes that always mean the same to
 * the user share their name with a message; the others depend on the field.
 */
function keyOf({ code }: CriteriaError, field: ProblemField): ProblemKey {
  if (code === 'unknown-field' || code === 'unsupported-version' || code === 'needs-on-demand') return code;
  if (field === 'general') return code === 'not-an-object' ? code : 'other';
  const [constraint, input] = field.split('.');
  if (code === 'not-an-object') return 'constraint-not-an-object';
  if (code === 'not-one-of') return field === 'kind' ? 'choose-kind' : field === 'eventMode' ? 'choose-event-mode' : input === 'operator' ? 'choose-operator' : 'frame-invalid';
  if (code === 'not-a-whole-number') return input === 'days' ? 'days-invalid' : 'minutes-invalid';
  if (code === 'range-reversed') return constraint === 'watchDate' ? 'date-order' : 'minutes-order';
  return code === 'outside-window' ? 'date-outside-window' : 'date-missing';
}

/**
 * One of core's errors for `criteria`, as the picker shows it. Unknown fields and the version
 * belong to the picker as a whole (they have no control); anything the picker has no words for
 * is shown in core's.
 */
export function problemOf(error: CriteriaError, criteria: CriteriaJson): Problem {
  const { code, path, params } = error;
  const field = (code !== 'unknown-field' && OWN_CONTROL.test(path) ? path : 'general') as ProblemField;
  // Core's params (`supported`, `least`, …), the window's days as `first` and `last`, then what
  // every message may name: the constraint, the field's path, the version given, core's wording.
  const window = code === 'outside-window' ? { first: params.firstDay, last: params.lastDay } : {};
  const values = { ...params, ...window, constraint: path.split('.')[0] ?? '', field: path, version: describeValue(criteria.version ?? null), message: error.message };
  return { field, key: keyOf(error, field), values };
}

/** A draft checked by core: its JSON, core's criteria when valid, core's errors and the picker's problems. */
export interface DraftCheck {
  /** What the draft stands for, valid or not (what the form submits). */
  json: CriteriaJson;
  /** Core's criteria, when they are valid (and the input was readable). */
  criteria: AttendanceCriteria | undefined;
  errors: CriteriaError[];
  /** In the order core reports them, after the picker's own. */
  problems: Problem[];
}

/** Checks a draft with core, with the event's window once the event is known. */
export function checkDraft(draft: CriteriaDraft, event: WebinarEvent | undefined, unreadable: Unreadable | undefined): DraftCheck {
  const json = toCriteria(draft);
  const result = validateCriteria(json, event === undefined ? {} : { event });
  const errors = result.valid ? [] : result.errors;
  const problems = errors.map((error) => problemOf(error, json));
  if (unreadable !== undefined) problems.unshift({ field: 'general', key: unreadable, values: {} });
  return { json, criteria: result.valid && unreadable === undefined ? result.criteria : undefined, errors, problems };
}

/**
 * `checkDraft` remembering its last answer: the element asks on every render, form sync and
 * change event, and core validates once per draft (and event).
 */
export function lastCheck(): typeof checkDraft {
  let last: { args: Parameters<typeof checkDraft>; check: DraftCheck } | undefined;
  return (...args) => {
    if (last === undefined || args.some((arg, index) => arg !== last?.args[index])) last = { args, check: checkDraft(...args) };
    return last.check;
  };
}

/**
 * Detail of `odw-criteria-change`: the criteria the user built and core's verdict on them
 * (with the event's window once the event is known). Narrow on `valid` to get typed criteria.
 *
 * @example
 * picker.addEventListener('odw-criteria-change', ({ detail }) => {
 *   if (detail.valid) save(detail.criteria); // AttendanceCriteria
 *   else console.warn(detail.errors.map((error) => `${error.path}: ${error.code}`));
 * });
 */
export type CriteriaChangeDetail =
  | { valid: true; criteria: AttendanceCriteria; errors: [] }
  | { valid: false; criteria: CriteriaJson; errors: CriteriaError[] };

/** The detail of `odw-criteria-change` for a check: copies, so that no listener can change the picker's state. */
export function changeDetail({ criteria, json, errors }: DraftCheck): CriteriaChangeDetail {
  return criteria ? { valid: true, criteria: structuredClone(criteria), errors: [] } : { valid: false, criteria: structuredClone(json), errors: structuredClone(errors) };
}
