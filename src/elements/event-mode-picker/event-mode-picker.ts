import { TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { asAdapterError, type EventDataSource } from '../../data/event-data-source.ts';
import {
  audienceOf,
  calendarDayOf,
  onDemandWindow,
  TIME_FRAMES,
  validateCriteria,
  WATCH_DATE_OPERATORS,
  WATCH_DURATION_OPERATORS,
  type AttendanceCriteria,
  type CalendarDay,
  type CriteriaError,
  type CriteriaKind,
  type EventMode,
  type WebinarEvent,
} from '../../core/index.ts';
import { isRecord } from '../../core/errors.ts';
import { fillMessage, formatDay, pickStrings, plural } from '../../i18n/locale.ts';
import { DataElement } from '../data-element.ts';
import { defineElement } from '../define.ts';
import { emit } from '../emit.ts';
import { cardStyles, tokenStyles } from '../../styles/tokens.styles.ts';
import {
  defaultDraft,
  describeProblems,
  fromCriteria,
  hasUnsupported,
  inputValue,
  removeUnsupported,
  setConstraintOn,
  setEventMode,
  setInput,
  setKind,
  setWatchDateOperator,
  setWatchDurationOperator,
  toCriteria,
  UNSUPPORTED_CODES,
  watchDateFields,
  watchDurationFields,
  type Constraint,
  type ConstraintInput,
  type CriteriaDraft,
  type DraftDefaults,
  type Problem,
  type ProblemField,
  type WatchDateField,
  type WatchDurationField,
} from './criteria-draft.ts';
import { eventModePickerStyles } from './event-mode-picker.styles.ts';
import { eventModePickerStrings, type EventModePickerStrings } from './event-mode-picker.strings.ts';

/** Detail of `odw-criteria-change`. */
export interface CriteriaChangeDetail {
  /** The criteria as the user built them: plain JSON, possibly invalid (see `valid`). */
  criteria: AttendanceCriteria;
  /** Whether core's `validateCriteria` accepts them (with the event's window once the event is known). */
  valid: boolean;
  /** Core's errors, with dotted paths such as `watchDate.to`; empty when valid. */
  errors: CriteriaError[];
}

declare module '../emit.ts' {
  interface OdwEventMap {
    'odw-criteria-change': CriteriaChangeDetail;
  }
}

/** Overrides for the built-in text: any string, and any subset of a grouped one. */
export type EventModePickerStringOverrides = {
  [Key in keyof EventModePickerStrings]?: EventModePickerStrings[Key] extends string ? string : Partial<EventModePickerStrings[Key]>;
};

/** What the audience preview shows. */
type Preview = { state: 'invalid' } | { state: 'count'; count: number; kind: CriteriaKind };

/** Why the given criteria could not be read at all. */
type SourceProblem = 'not-json' | 'not-an-object';

interface Check {
  criteria: AttendanceCriteria;
  valid: boolean;
  errors: CriteriaError[];
  problems: Problem[];
}

/** Options of a select; a group with a label is an `<optgroup>`. */
type OptionGroup<Value extends string> = readonly [label: string | undefined, values: readonly Value[]];

/** Quiet time after the last change before the audience is counted. */
export const COUNT_DEBOUNCE_MS = 250;

/** The Event Mode radios, in order; `undefined` is "live or on-demand". */
const MODES = [
  [undefined, 'modeAny'],
  ['live', 'modeLive'],
  ['on-demand', 'modeOnDemand'],
] as const satisfies readonly (readonly [EventMode | undefined, keyof EventModePickerStrings])[];

const DAY_FORMAT: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

/** Element ids of the controls and of the messages tied to them. */
const controlId = (field: ProblemField): string => field.replace('.', '-');
const messageId = (field: ProblemField): string => `message-${controlId(field)}`;

/**
 * @tag odw-event-mode-picker
 * @summary Event-mode picker: builds *Has attended event* / *Has not attended an event* filters
 * and the *Attends Event* trigger with Event Mode (live, on-demand, or either) and, for
 * on-demand, Watch Date and Watch Duration constraints — as versioned criteria JSON, with a
 * live "N people match" preview.
 *
 * A form control: inside a `<form>` it submits its criteria JSON under its `name`, takes part
 * in form validation, `reset()`, a disabled `<fieldset>` and browser state restore. Invalid
 * criteria (also loaded ones, such as Watch Date with Event Mode Live) are shown with the reason
 * on the field concerned, never dropped. Validity is core's `validateCriteria`, with the
 * event's on-demand window once the event is known.
 *
 * The audience preview appears when the picker has data (an `adapter` + `event-id`, or a
 * surrounding `<odw-data-provider>`): it uses the adapter's `countAudience` push-down when
 * there is one, core's `audienceOf` otherwise; debounced, and a newer count always replaces an
 * older one.
 *
 * @event odw-criteria-change - On every change the user makes. Detail: `{ criteria, valid, errors }` (`errors` are core's, with dotted paths). Not fired for programmatic changes or form reset.
 *
 * @csspart base - The picker's frame.
 * @csspart kind - The filter-or-trigger field.
 * @csspart mode - The Event Mode radio group.
 * @csspart watch-date - The Watch Date constraint.
 * @csspart watch-duration - The Watch Duration constraint.
 * @csspart error - Every validation message (next to its field, and the list of problems that belong to no field).
 * @csspart count - The audience preview line.
 * @csspart count-error - The preview's error message with its retry button.
 * @csspart retry - The preview's retry button.
 *
 * @cssproperty --odw-color-surface - Background, and of the inputs.
 * @cssproperty --odw-color-surface-raised - Background of the constraints.
 * @cssproperty --odw-color-text - Text color.
 * @cssproperty --odw-color-text-muted - Hints and secondary text.
 * @cssproperty --odw-color-border - Borders of the frame and inputs.
 * @cssproperty --odw-color-accent - Checked radios and checkboxes, the count.
 * @cssproperty --odw-color-danger - Validation messages and invalid inputs.
 * @cssproperty --odw-color-focus - Focus ring.
 * @cssproperty --odw-font-family - Font.
 * @cssproperty --odw-font-size - Base font size.
 * @cssproperty --odw-radius - Corner radius.
 * @cssproperty --odw-spacing - Base spacing.
 *
 * @example
 * ```html
 * <form>
 *   <odw-data-provider event-id="evt-42">
 *     <odw-event-mode-picker name="audience"
 *       criteria='{"version":1,"kind":"has-attended","eventMode":"on-demand","watchDuration":{"operator":"at-least","minutes":10}}'>
 *     </odw-event-mode-picker>
 *   </odw-data-provider>
 *   <button>Save</button>
 * </form>
 * <script type="module">
 *   import 'on-demand-webinar-widgets/picker';
 *   const picker = document.querySelector('odw-event-mode-picker');
 *   picker.addEventListener('odw-criteria-change', (event) => console.log(event.detail.valid, event.detail.criteria));
 *   // on submit: new FormData(form).get('audience') is the criteria JSON
 * </script>
 * ```
 */
export class OdwEventModePicker extends DataElement<Preview> {
  static formAssociated = true;

  static override styles = [tokenStyles, cardStyles, eventModePickerStyles];

  protected readonly catalog = eventModePickerStrings;

  /** The form field name the criteria JSON is submitted under. */
  @property({ reflect: true }) name: string | undefined;

  /** Disables every control (as does a disabled `<fieldset>` around the picker). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Overrides for any built-in text. */
  @property({ attribute: false }) strings: EventModePickerStringOverrides | undefined;

  @state() private draft: CriteriaDraft = defaultDraft();
  @state() private sourceProblem: SourceProblem | undefined;
  @state() private fieldsetDisabled = false;
  @state() private loadedEvent: { source: EventDataSource; event: WebinarEvent } | undefined;
  /** Read out after a change: the first problem, if any. */
  @state() private announcement = '';

  readonly #internals: ElementInternals;
  #criteriaText: string | null = null;
  /** The value `form.reset()` restores: from the `criteria` attribute, else the first `value` set. */
  #initial: { set: boolean; value: unknown } = { set: false, value: undefined };
  #focusModeAfterUpdate = false;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    this.#syncForm();
  }

  /**
   * The criteria as JSON text (attribute `criteria`). Setting it replaces the value and
   * becomes what `form.reset()` restores. Text that is not JSON shows an error and starts empty.
   */
  @property({ attribute: 'criteria' })
  get criteria(): string | null {
    return this.#criteriaText;
  }
  set criteria(text: string | null) {
    this.#criteriaText = text;
    this.#initial = { set: text !== null, value: text };
    this.#apply(text);
  }

  /**
   * The criteria (versioned JSON object, see core's `AttendanceCriteria`); a fresh copy on every
   * read. It may be invalid — check `validity.valid`, or the `valid` of `odw-criteria-change`.
   * Setting it never drops anything: what the picker cannot use is shown as invalid.
   */
  @property({ attribute: false })
  get value(): AttendanceCriteria {
    return toCriteria(this.draft);
  }
  set value(criteria: AttendanceCriteria | string | null | undefined) {
    if (!this.#initial.set) this.#initial = { set: true, value: typeof criteria === 'object' && criteria !== null ? structuredClone(criteria) : criteria };
    this.#apply(criteria);
  }

  /** The `<form>` the picker belongs to. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get validity(): ValidityState {
    return this.#internals.validity;
  }

  /** The first problem, in the picker's language; empty when valid. */
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.#internals.willValidate;
  }

  /** The element's type for form code that inspects controls. */
  get type(): string {
    return this.localName;
  }

  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  /** Like `checkValidity()`, and shows the problem at the field concerned. */
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  formResetCallback(): void {
    this.#apply(this.#initial.set ? this.#initial.value : undefined);
    this.announcement = '';
  }

  formDisabledCallback(disabled: boolean): void {
    this.fieldsetDisabled = disabled;
    // This arrives in the middle of an update when our own `disabled` is reflected, where Lit
    // would not render again: ask for another render once the current one is done.
    queueMicrotask(() => this.requestUpdate());
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.#apply(state);
  }

  /** Loads criteria given from outside (attribute, property, reset, restore): no change event. */
  #apply(input: unknown): void {
    let parsed = input;
    let problem: SourceProblem | undefined;
    if (typeof input === 'string') {
      try {
        parsed = input.trim() === '' ? undefined : JSON.parse(input);
      } catch {
        problem = 'not-json';
      }
    }
    // Nothing given means the default criteria; what cannot be read starts empty (without a kind).
    if (parsed === undefined || parsed === null) this.draft = defaultDraft();
    else {
      this.draft = fromCriteria(parsed);
      if (!isRecord(parsed)) problem ??= 'not-an-object';
    }
    this.sourceProblem = problem;
    this.#syncForm();
  }

  /** A change by the user: update, tell the page, announce the first problem. */
  #edit(draft: CriteriaDraft): void {
    this.draft = draft;
    this.sourceProblem = undefined;
    const check = this.#syncForm();
    this.announcement = check.valid ? '' : this.#problemText(check.problems[0] as Problem);
    emit(this, 'odw-criteria-change', { criteria: check.criteria, valid: check.valid, errors: check.errors });
  }

  /** The event, once loaded for the current data source. */
  #event(): WebinarEvent | undefined {
    const loaded = this.loadedEvent;
    return loaded !== undefined && loaded.source === this.source ? loaded.event : undefined;
  }

  #check(): Check {
    const criteria = toCriteria(this.draft);
    const event = this.#event();
    const result = validateCriteria(criteria, event === undefined ? {} : { event });
    const errors = result.valid ? [] : result.errors;
    const problems = describeProblems(errors, criteria, event === undefined ? undefined : onDemandWindow(event));
    // Unreadable input has no error of core's: its text is the picker's own (`problems` strings).
    if (this.sourceProblem !== undefined) problems.unshift({ field: 'general', code: this.sourceProblem, values: {}, error: { path: '', message: '' } });
    return { criteria, valid: result.valid && this.sourceProblem === undefined, errors, problems };
  }

  /** Hands the form its value and validity; the anchor is the control of the first problem. */
  #syncForm(): Check {
    const check = this.#check();
    const json = JSON.stringify(check.criteria);
    this.#internals.setFormValue(json, json);
    const first = check.problems[0];
    if (check.valid || first === undefined) {
      this.#internals.setValidity({});
    } else {
      const anchor = this.renderRoot?.querySelector<HTMLElement>(`#${controlId(first.field)}`) ?? undefined;
      this.#internals.setValidity({ customError: true }, this.#problemText(first), anchor);
    }
    return check;
  }

  protected override loadArguments(): readonly unknown[] {
    return [JSON.stringify(toCriteria(this.draft)), this.sourceProblem];
  }

  protected override async load(source: EventDataSource, now: Date, signal: AbortSignal): Promise<Preview> {
    const criteria = toCriteria(this.draft);
    const unreadable = this.sourceProblem !== undefined;
    const event = await source.event(signal);
    onDemandWindow(event); // a malformed event fails here, as an error of the preview
    this.followClock(event);
    if (this.loadedEvent?.source !== source || this.loadedEvent.event !== event) this.loadedEvent = { source, event };
    const check = validateCriteria(criteria, { event });
    if (!check.valid || unreadable) return { state: 'invalid' };
    await new Promise((resolve) => setTimeout(resolve, COUNT_DEBOUNCE_MS));
    signal.throwIfAborted(); // a newer change came in meanwhile: its own run counts instead
    const count = source.adapter.countAudience
      ? await source.adapter.countAudience(source.eventId, check.criteria, { now, signal })
      : audienceOf(await source.analysis(signal), check.criteria, now.getTime()).length;
    return { state: 'count', count, kind: check.criteria.kind };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Again after rendering: the validity anchor exists now, and the event may have brought its window.
    this.#syncForm();
    if (this.#focusModeAfterUpdate) {
      this.#focusModeAfterUpdate = false;
      const radios = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[name="mode"]')];
      (radios.find((radio) => radio.checked) ?? radios[0])?.focus();
    }
  }

  #strings(): EventModePickerStrings {
    const base = pickStrings(eventModePickerStrings, this.currentLocale());
    const overrides = this.strings ?? {};
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(overrides)) {
      const builtIn = (base as unknown as Record<string, unknown>)[key];
      merged[key] = typeof value === 'object' && value !== null && typeof builtIn === 'object' ? { ...builtIn, ...value } : value;
    }
    return merged as unknown as EventModePickerStrings;
  }

  #day(day: CalendarDay): string {
    return formatDay(day, this.currentLocale(), DAY_FORMAT);
  }

  #problemText(problem: Problem, strings = this.#strings()): string {
    const { constraint, first, last } = problem.values;
    return fillMessage(strings.problems[problem.code], {
      ...problem.values,
      constraint: constraint === 'watchDate' || constraint === 'watchDuration' ? strings[constraint] : '',
      first: first === undefined ? '' : this.#day(first),
      last: last === undefined ? '' : this.#day(last),
      message: problem.error.message,
    });
  }

  #defaults(): DraftDefaults {
    const event = this.#event();
    // Until the event (and with it its zone) is known, today is the browser's.
    const today = calendarDayOf(this.currentTime(), event?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (event === undefined) return { today };
    const { firstDay, lastDay } = onDemandWindow(event);
    return { today, firstDay, lastDay };
  }

  protected override render(): TemplateResult {
    const strings = this.#strings();
    const check = this.#check();
    const scope = new RenderScope(strings, this.disabled || this.fieldsetDisabled, check.problems, (problem) => this.#problemText(problem, strings));
    const { draft } = this;
    const onDemand = draft.eventMode === 'on-demand';
    // Outside On-Demand the constraints are offered only while they are (invalidly) in use.
    const needsOnDemandHint = !onDemand && !draft.watchDateOn && !draft.watchDurationOn;
    const kindLabels: Record<CriteriaKind, string> = {
      'has-attended': strings.kindHasAttended,
      'has-not-attended': strings.kindHasNotAttended,
      'attends-event': strings.kindAttendsEvent,
    };
    const kindGroups: OptionGroup<CriteriaKind>[] = [
      [strings.kindFilters, ['has-attended', 'has-not-attended']],
      [strings.kindTriggers, ['attends-event']],
    ];
    return html`
      <div part="base" class="card picker" role="group" aria-label=${strings.label}>
        ${this.#renderGeneral(scope)}
        <div class="top">
          ${this.#selectField(scope, 'kind', strings.kind, draft.kind, kindGroups, kindLabels, (kind) => setKind(this.draft, kind), 'kind')}
          ${this.#renderModes(scope, needsOnDemandHint)}
        </div>
        ${onDemand || draft.watchDateOn ? this.#renderWatchDate(scope) : nothing}
        ${onDemand || draft.watchDurationOn ? this.#renderWatchDuration(scope) : nothing}
        ${this.#renderCount(scope, check.valid)}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
    `;
  }

  /** Event Mode: radios in a fieldset, and the hint that the constraints need On-demand. */
  #renderModes(scope: RenderScope, needsOnDemandHint: boolean): TemplateResult {
    const radio = ([mode, label]: (typeof MODES)[number]) => html`
      <label class="option">
        <input type="radio" name="mode" id=${`mode-${mode ?? 'any'}`} value=${mode ?? ''} .checked=${live(this.draft.eventMode === mode)}
          ?disabled=${scope.disabled} aria-invalid=${scope.invalid('eventMode')} aria-describedby=${scope.describedBy('eventMode')}
          @change=${() => this.#edit(setEventMode(this.draft, mode))} />
        <span>${scope.strings[label]}</span>
      </label>
    `;
    return html`
      <fieldset part="mode" class="mode" aria-describedby=${scope.describedBy('eventMode', needsOnDemandHint ? ['mode-hint'] : [])}>
        <legend>${scope.strings.eventMode}</legend>
        <div class="options">${MODES.map(radio)}</div>
        ${scope.messages('eventMode')}
        ${needsOnDemandHint ? html`<p class="hint" id="mode-hint">${scope.strings.constraintsNeedOnDemand}</p>` : nothing}
      </fieldset>
    `;
  }

  /** The problems that belong to no field, with a way out when they are unsupported settings. */
  #renderGeneral(scope: RenderScope): TemplateResult | typeof nothing {
    const problems = scope.problemsOf('general');
    if (problems.length === 0) return nothing;
    const removable = hasUnsupported(this.draft) && problems.some((problem) => UNSUPPORTED_CODES.includes(problem.code));
    return html`
      <div part="error" class="error problems" id=${messageId('general')}>
        <ul>${problems.map((problem) => html`<li>${scope.text(problem)}</li>`)}</ul>
        ${removable
          ? html`<button id="general" type="button" ?disabled=${scope.disabled} @click=${() => this.#edit(removeUnsupported(this.draft))}>${scope.strings.removeUnsupported}</button>`
          : nothing}
      </div>
    `;
  }

  /** A constraint: its checkbox and, while checked, its condition, inputs and `more`. */
  #renderConstraint(scope: RenderScope, constraint: Constraint, label: string, inputs: TemplateResult[], more: unknown = nothing): TemplateResult {
    const on = constraint === 'watchDate' ? this.draft.watchDateOn : this.draft.watchDurationOn;
    const toggle = (event: Event) => {
      const checked = (event.target as HTMLInputElement).checked;
      // Unchecked outside On-Demand, the constraint is no longer offered: keep focus in the picker.
      if (!checked && this.draft.eventMode !== 'on-demand') this.#focusModeAfterUpdate = true;
      this.#edit(setConstraintOn(this.draft, constraint, checked, this.#defaults()));
    };
    return html`
      <fieldset part=${constraint === 'watchDate' ? 'watch-date' : 'watch-duration'} class="constraint">
        <legend>
          <input type="checkbox" id=${constraint} .checked=${live(on)}
            ?disabled=${scope.disabled} aria-invalid=${scope.invalid(constraint)} aria-describedby=${scope.describedBy(constraint)} @change=${toggle} />
          <label for=${constraint}>${label}</label>
        </legend>
        ${scope.messages(constraint)} ${on ? html`<div class="inputs">${inputs}</div>${more}` : nothing}
      </fieldset>
    `;
  }

  #renderWatchDate(scope: RenderScope): TemplateResult {
    const { strings } = scope;
    const { operator, frame } = this.draft.watchDate;
    const event = this.#event();
    const window = event === undefined ? undefined : onDemandWindow(event);
    const hint =
      window === undefined || event === undefined
        ? undefined
        : fillMessage(strings.windowHint, { first: this.#day(window.firstDay), last: this.#day(window.lastDay), timeZone: event.timeZone });
    const labels: Record<WatchDateField, string> = {
      date: operator === 'between' ? strings.fromDate : strings.date,
      to: strings.toDate,
      days: strings.days,
      frame: strings.timeFrame,
    };
    const inputs = watchDateFields(operator).map((name) => {
      const field = `watchDate.${name}` as const;
      if (name === 'days') return this.#inputField(scope, field, labels[name], 'number', 1);
      if (name === 'frame') return this.#selectField(scope, field, labels[name], frame, [[undefined, TIME_FRAMES]], strings.timeFrames, (value) => setInput(this.draft, field, value));
      return this.#inputField(scope, field, labels[name], 'date', window?.firstDay, window?.lastDay, hint === undefined ? [] : ['watchDate-hint']);
    });
    const condition = this.#selectField(scope, 'watchDate.operator', strings.condition, operator, [[undefined, WATCH_DATE_OPERATORS]], strings.dateOperators, (value) =>
      setWatchDateOperator(this.draft, value, this.#defaults()),
    );
    return this.#renderConstraint(scope, 'watchDate', strings.watchDate, [condition, ...inputs], hint === undefined ? nothing : html`<p class="hint" id="watchDate-hint">${hint}</p>`);
  }

  #renderWatchDuration(scope: RenderScope): TemplateResult {
    const { strings } = scope;
    const { operator } = this.draft.watchDuration;
    const labels: Record<WatchDurationField, string> = { minutes: operator === 'between' ? strings.minMinutes : strings.minutes, to: strings.maxMinutes };
    const condition = this.#selectField(scope, 'watchDuration.operator', strings.condition, operator, [[undefined, WATCH_DURATION_OPERATORS]], strings.durationOperators, (value) =>
      setWatchDurationOperator(this.draft, value),
    );
    const inputs = watchDurationFields(operator).map((name) => this.#inputField(scope, `watchDuration.${name}`, labels[name], 'number', 0));
    return this.#renderConstraint(scope, 'watchDuration', strings.watchDuration, [condition, ...inputs]);
  }

  /** A labelled control with the messages of its field below it. */
  #field(scope: RenderScope, field: ProblemField, label: string, control: TemplateResult, part?: string): TemplateResult {
    return html`<div part=${part ?? nothing} class="field"><label for=${controlId(field)}>${label}</label>${control}${scope.messages(field)}</div>`;
  }


  /** A select; a value it does not offer (loaded criteria may hold anything) shows as "Choose…". */
  #selectField<Value extends string>(
    scope: RenderScope,
    field: ProblemField,
    label: string,
    current: unknown,
    groups: readonly OptionGroup<Value>[],
    labels: Readonly<Record<Value, string>>,
    change: (value: Value) => CriteriaDraft,
    part?: string,
  ): TemplateResult {
    const option = (value: Value) => html`<option value=${value} .selected=${live(current === value)}>${labels[value]}</option>`;
    const offered = groups.some(([, values]) => values.includes(current as Value));
    const select = html`
      <select id=${controlId(field)}
        ?disabled=${scope.disabled} aria-invalid=${scope.invalid(field)} aria-describedby=${scope.describedBy(field)}
        @change=${(event: Event) => this.#edit(change((event.target as HTMLSelectElement).value as Value))}>
        ${offered ? nothing : html`<option value="" disabled .selected=${live(true)}>${scope.strings.choose}</option>`}
        ${groups.map(([group, values]) => (group === undefined ? values.map(option) : html`<optgroup label=${group}>${values.map(option)}</optgroup>`))}
      </select>
    `;
    return this.#field(scope, field, label, select, part);
  }

  /**
   * A date or whole-number input; emptied, its field is unset. A number keeps the text as typed
   * ("1.0", "-") while it still means the value in the draft.
   */
  #inputField(scope: RenderScope, field: ConstraintInput, label: string, type: 'date' | 'number', min: string | number | undefined, max?: string, hintIds: string[] = []): TemplateResult {
    const value = inputValue(this.draft, field);
    const input = this.renderRoot?.querySelector<HTMLInputElement>(`#${controlId(field)}`) ?? null;
    let text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value : '';
    if (type === 'number' && input !== null && (input.value === '' ? value === undefined : Number(input.value) === value)) text = input.value;
    const onInput = (event: Event) => {
      const typed = (event.target as HTMLInputElement).value;
      this.#edit(setInput(this.draft, field, typed === '' ? undefined : type === 'number' ? Number(typed) : typed));
    };
    const control = html`
      <input type=${type} id=${controlId(field)} inputmode=${type === 'number' ? 'numeric' : nothing} min=${min ?? nothing} max=${max ?? nothing} step=${type === 'number' ? 1 : nothing}
        .value=${live(text)} ?disabled=${scope.disabled} aria-invalid=${scope.invalid(field)} aria-describedby=${scope.describedBy(field, hintIds)} @input=${onInput} />
    `;
    return this.#field(scope, field, label, control);
  }

  #renderCount(scope: RenderScope, valid: boolean): TemplateResult | typeof nothing {
    if (this.source === undefined) return nothing;
    const { strings } = scope;
    const { status, value: preview } = this.task;
    const pending = status === TaskStatus.PENDING || status === TaskStatus.INITIAL;
    const failure = status === TaskStatus.ERROR ? asAdapterError(this.task.error) : undefined;
    let text: TemplateResult | typeof nothing = html`<span class="muted">${strings.countNeedsValid}</span>`;
    if (failure !== undefined) text = nothing;
    else if (valid && pending) text = html`<span class="muted">${strings.counting}</span>`;
    else if (valid && preview?.state === 'count') {
      text = html`<strong>${plural(preview.count, this.currentLocale(), preview.kind === 'attends-event' ? strings.countTrigger : strings.count)}</strong>`;
    }
    const error =
      failure === undefined
        ? nothing
        : html`
            <div part="count-error" class="error" role="alert">
              <span>${strings.countErrorPrefix} ${failure.message}</span>
              <button part="retry" type="button" ?disabled=${scope.disabled} @click=${() => this.reload()}>${strings.retry}</button>
            </div>
          `;
    return html`<div class="count-row"><p part="count" class="count" role="status" aria-busy=${valid && pending ? 'true' : 'false'}>${text}</p>${error}</div>`;
  }
}

/** What the controls of one render share: the strings, whether they are disabled, and the problems by field. */
class RenderScope {
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
}

defineElement('odw-event-mode-picker', OdwEventModePicker);

declare global {
  interface HTMLElementTagNameMap {
    'odw-event-mode-picker': OdwEventModePicker;
  }
  interface HTMLElementEventMap {
    'odw-criteria-change': CustomEvent<CriteriaChangeDetail>;
  }
}
