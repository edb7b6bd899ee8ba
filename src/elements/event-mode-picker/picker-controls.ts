/*
 * The picker's controls as templates: labelled selects and inputs, each tied to the messages of
 * its field (`aria-invalid`, `aria-describedby`). Pure view: everything they show comes in as
 * arguments, and what the user does goes out through the callbacks.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CalendarDay } from '../../core/index.ts';
import { fillMessage } from '../../i18n/locale.ts';
import type { Problem, ProblemField } from './criteria-problems.ts';
import type { EventModePickerStrings } from './event-mode-picker.strings.ts';

/** Element ids of the controls and of the messages tied to them. */
export const controlId = (field: ProblemField): string => field.replace('.', '-');
const messageId = (field: ProblemField): string => `message-${controlId(field)}`;

/** A problem in the picker's words (`day` formats the window's days). */
export function problemText(problem: Problem, strings: EventModePickerStrings, day: (day: CalendarDay) => string): string {
  const { constraint, first, last } = problem.values;
  return fillMessage(strings.problems[problem.key], {
    ...problem.values,
    constraint: constraint === 'watchDate' || constraint === 'watchDuration' ? strings[constraint] : '',
    first: typeof first === 'string' ? day(first) : '',
    last: typeof last === 'string' ? day(last) : '',
  });
}

/** What the controls of one render share: the strings, whether they are disabled, and the problems by field. */
export class RenderScope {
  readonly strings: EventModePickerStrings;
  readonly disabled: boolean;
  readonly text: (problem: Problem) => string;
  readonly #byField = new Map<ProblemField, Problem[]>();

  constructor(strings: EventModePickerStrings, disabled: boolean, problems: readonly Problem[], text: (problem: Problem) => string) {
    this.strings = strings;
    this.disabled = disabled;
    this.text = text;
    for (const problem of problems) this.#byField.set(problem.field, [...this.problemsOf(problem.field), problem]);
  }

  problemsOf(field: ProblemField): Problem[] {
    return this.#byField.get(field) ?? [];
  }

  invalid(field: ProblemField): 'true' | typeof nothing {
    return this.problemsOf(field).length > 0 ? 'true' : nothing;
  }

  /** The field's messages, if any, then `more` (hints). */
  describedBy(field: ProblemField, more: readonly string[] = []): string | typeof nothing {
    const ids = [...(this.problemsOf(field).length > 0 ? [messageId(field)] : []), ...more];
    return ids.length > 0 ? ids.join(' ') : nothing;
  }

  messages(field: ProblemField): TemplateResult | typeof nothing {
    const problems = this.problemsOf(field);
    if (problems.length === 0) return nothing;
    return html`<p part="error" class="message" id=${messageId(field)}>${problems.map((problem) => html`<span>${this.text(problem)}</span>`)}</p>`;
  }

  /** The problems that belong to no field, as a list (`more`: a way out). */
  general(more: unknown = nothing): TemplateResult | typeof nothing {
    const problems = this.problemsOf('general');
    if (problems.length === 0) return nothing;
    return html`
      <div part="error" class="error problems" id=${messageId('general')}>
        <ul>${problems.map((problem) => html`<li>${this.text(problem)}</li>`)}</ul>
        ${more}
      </div>
    `;
  }
}

/** A labelled control with the messages of its field below it. */
function field(scope: RenderScope, name: ProblemField, label: string, control: TemplateResult, part?: string): TemplateResult {
  return html`<div part=${part ?? nothing} class="field"><label for=${controlId(name)}>${label}</label>${control}${scope.messages(name)}</div>`;
}

/** Options of a select; a group with a label is an `<optgroup>`. */
export type OptionGroup<Value extends string> = readonly [label: string | undefined, values: readonly Value[]];

export interface SelectOptions<Value extends string> {
  field: ProblemField;
  label: string;
  current: unknown;
  groups: readonly OptionGroup<Value>[];
  labels: Readonly<Record<Value, string>>;
  change: (value: Value) => void;
  part?: string;
}

/** A select; a value it does not offer (loaded criteria may hold anything) shows as "Choose…". */
export function selectField<Value extends string>(scope: RenderScope, options: SelectOptions<Value>): TemplateResult {
  const { current, labels } = options;
  const option = (value: Value) => html`<option value=${value} .selected=${live(current === value)}>${labels[value]}</option>`;
  const offered = options.groups.some(([, values]) => values.includes(current as Value));
  const select = html`
    <select id=${controlId(options.field)}
      ?disabled=${scope.disabled} aria-invalid=${scope.invalid(options.field)} aria-describedby=${scope.describedBy(options.field)}
      @change=${(event: Event) => options.change((event.target as HTMLSelectElement).value as Value)}>
      ${offered ? nothing : html`<option value="" disabled .selected=${live(true)}>${scope.strings.choose}</option>`}
      ${options.groups.map(([group, values]) => (group === undefined ? values.map(option) : html`<optgroup label=${group}>${values.map(option)}</optgroup>`))}
    </select>
  `;
  return field(scope, options.field, options.label, select, options.part);
}

export interface InputOptions {
  field: ProblemField;
  label: string;
  type: 'date' | 'number';
  /** The text to show (see `shownText`). */
  text: string;
  min?: string | number | undefined;
  max?: string | undefined;
  hintIds?: readonly string[];
  /** What the user typed; `''` when the input is empty (or holds no number). */
  input: (text: string) => void;
}

/** A date or whole-number input. */
export function inputField(scope: RenderScope, options: InputOptions): TemplateResult {
  const { type } = options;
  const control = html`
    <input type=${type} id=${controlId(options.field)} inputmode=${type === 'number' ? 'numeric' : nothing} min=${options.min ?? nothing} max=${options.max ?? nothing}
      step=${type === 'number' ? 1 : nothing} .value=${live(options.text)} ?disabled=${scope.disabled}
      aria-invalid=${scope.invalid(options.field)} aria-describedby=${scope.describedBy(options.field, options.hintIds)}
      @input=${(event: Event) => options.input((event.target as HTMLInputElement).value)} />
  `;
  return field(scope, options.field, options.label, control);
}

/**
 * The text an input shows for a value of the draft. What the user typed last is kept while it
 * still means that value, so "1.0" or "-" are not rewritten under their cursor.
 */
export function shownText(value: unknown, typed: string | undefined): string {
  if (typed !== undefined && (typed === '' ? value === undefined : Number(typed) === value)) return typed;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value : '';
}
