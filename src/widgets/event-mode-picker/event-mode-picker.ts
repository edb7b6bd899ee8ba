import { TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { asAdapterError, type EventDataSource } from '../../context/event-data-source.ts';
import {
  audienceOf,
  calendarDayOf,
  CRITERIA_KINDS,
  onDemandWindow,
  TIME_FRAMES,
  validateCriteria,
  WATCH_DATE_OPERATORS,
  WATCH_DURATION_OPERATORS,
  type AttendanceCriteria,
  type CriteriaError,
  type CriteriaKind,
  type EventMode,
  type TimeFrame,
  type WatchDateOperator,
  type WatchDurationOperator,
  type WebinarEvent,
} from '../../core/index.ts';
import { fillMessage, formatDay, pickStrings, plural } from '../../i18n/locale.ts';
import { DataElement } from '../../internal/data-element.ts';
import { defineElement } from '../../internal/define.ts';
import { emit } from '../../internal/emit.ts';
import { cardStyles, tokenStyles } from '../../styles/tokens.styles.ts';
import {
  defaultDraft,
  describeProblems,
  fromCriteria,
  hasUnsupported,
  isWatchDateOperator,
  isWatchDurationOperator,
  removeUnsupported,
  setEventMode,
  setKind,
  setWatchDateField,
  setWatchDateOn,
  setWatchDateOperator,
  setWatchDurationField,
  setWatchDurationOn,
  setWatchDurationOperator,
  toCriteria,
  UNSUPPORTED_CODES,
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

declare module '../../internal/emit.ts' {
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

/** Quiet time after the last change before the audience is counted. */
export const COUNT_DEBOUNCE_MS = 250;

const MODES: readonly (EventMode | undefined)[] = [undefined, 'live', 'on-demand'];

/** Resolves after `ms`, or rejects at once when `signal` aborts. */
function abortableWait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The browser's own date, only to prefill a date input when the event's zone is not known yet. */
function localDay(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

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
    this.sourceProblem = undefined;
    if (typeof input === 'string') {
      if (input.trim() === '') parsed = undefined;
      else {
        try {
          parsed = JSON.parse(input);
        } catch {
          this.draft = fromCriteria(undefined);
          this.sourceProblem = 'not-json';
          this.#syncForm();
          return;
        }
      }
    }
    if (parsed === undefined || parsed === null) {
      this.draft = defaultDraft();
    } else {
      this.draft = fromCriteria(parsed);
      if (!isObject(parsed)) this.sourceProblem = 'not-an-object';
    }
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
    if (this.sourceProblem !== undefined) {
      const message = this.sourceProblem === 'not-json' ? 'The criteria are not valid JSON.' : 'The criteria must be an object.';
      problems.unshift({ field: 'general', code: this.sourceProblem, values: {}, error: { path: '', message } });
    }
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
      const anchor = this.renderRoot?.querySelector<HTMLElement>(`#${first.field === 'general' ? 'general' : controlId(first.field)}`) ?? undefined;
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
    try {
      const event = await source.event(signal);
      onDemandWindow(event); // a malformed event fails here, as an error of the preview
      this.followClock(event);
      if (this.loadedEvent?.source !== source || this.loadedEvent.event !== event) this.loadedEvent = { source, event };
      const check = validateCriteria(criteria, { event });
      if (!check.valid || unreadable) return { state: 'invalid' };
      await abortableWait(COUNT_DEBOUNCE_MS, signal);
      const count = source.adapter.countAudience
        ? await source.adapter.countAudience(source.eventId, check.criteria, { now, signal })
        : audienceOf(await source.analysis(signal), check.criteria, now.getTime()).length;
      return { state: 'count', count, kind: check.criteria.kind };
    } catch (error) {
      throw asAdapterError(error);
    }
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

  #problemText(problem: Problem, strings = this.#strings()): string {
    const locale = this.currentLocale();
    const day = (value: string | undefined) => (value === undefined ? '' : formatDay(value, locale, { day: 'numeric', month: 'short', year: 'numeric' }));
    const constraint = problem.values.constraint === 'watchDate' ? strings.watchDate : problem.values.constraint === 'watchDuration' ? strings.watchDuration : '';
    return fillMessage(strings.problems[problem.code], {
      ...problem.values,
      constraint,
      first: day(problem.values.first),
      last: day(problem.values.last),
      message: problem.error.message,
    });
  }

  #defaults(): DraftDefaults {
    const event = this.#event();
    const now = this.currentTime();
    if (event === undefined) return { today: localDay(now) };
    const window = onDemandWindow(event);
    return { today: calendarDayOf(now, event.timeZone), firstDay: window.firstDay, lastDay: window.lastDay };
  }

  protected override render(): TemplateResult {
    const strings = this.#strings();
    const check = this.#check();
    const disabled = this.disabled || this.fieldsetDisabled;
    const view = new FieldView(check.problems, (problem) => this.#problemText(problem, strings));
    const { draft } = this;
    const onDemand = draft.eventMode === 'on-demand';
    const kindKnown = CRITERIA_KINDS.includes(draft.kind as CriteriaKind);
    const kindLabels: Record<CriteriaKind, string> = {
      'has-attended': strings.kindHasAttended,
      'has-not-attended': strings.kindHasNotAttended,
      'attends-event': strings.kindAttendsEvent,
    };
    const kindOption = (kind: CriteriaKind) => html`<option value=${kind} .selected=${live(draft.kind === kind)}>${kindLabels[kind]}</option>`;
    const modeLabels = [strings.modeAny, strings.modeLive, strings.modeOnDemand];
    return html`
      <div part="base" class="card picker" role="group" aria-label=${strings.label}>
        ${this.#renderGeneral(view, strings, disabled)}
        <div class="top">
          <div part="kind" class="field kind">
            <label for="kind">${strings.kind}</label>
            <select
              id="kind"
              ?disabled=${disabled}
              aria-invalid=${view.invalid('kind')}
              aria-describedby=${view.describedBy('kind')}
              @change=${(event: Event) => this.#edit(setKind(this.draft, (event.target as HTMLSelectElement).value as CriteriaKind))}
            >
              ${kindKnown ? nothing : html`<option value="" disabled .selected=${live(true)}>${strings.choose}</option>`}
              <optgroup label=${strings.kindFilters}>${kindOption('has-attended')}${kindOption('has-not-attended')}</optgroup>
              <optgroup label=${strings.kindTriggers}>${kindOption('attends-event')}</optgroup>
            </select>
            ${view.messages('kind')}
          </div>
          <fieldset part="mode" class="mode" aria-describedby=${view.describedBy('eventMode', onDemand || draft.watchDateOn || draft.watchDurationOn ? [] : ['mode-hint'])}>
            <legend>${strings.eventMode}</legend>
            <div class="options">
              ${MODES.map(
                (mode, index) => html`
                  <label class="option">
                    <input
                      type="radio"
                      name="mode"
                      id=${`mode-${mode ?? 'any'}`}
                      value=${mode ?? ''}
                      .checked=${live(draft.eventMode === mode)}
                      ?disabled=${disabled}
                      aria-invalid=${view.invalid('eventMode')}
                      aria-describedby=${view.describedBy('eventMode')}
                      @change=${() => this.#edit(setEventMode(this.draft, mode))}
                    />
                    <span>${modeLabels[index]}</span>
                  </label>
                `,
              )}
            </div>
            ${view.messages('eventMode')}
            ${onDemand || draft.watchDateOn || draft.watchDurationOn ? nothing : html`<p class="hint" id="mode-hint">${strings.constraintsNeedOnDemand}</p>`}
          </fieldset>
        </div>
        ${onDemand || draft.watchDateOn ? this.#renderWatchDate(view, strings, disabled) : nothing}
        ${onDemand || draft.watchDurationOn ? this.#renderWatchDuration(view, strings, disabled) : nothing}
        ${this.#renderCount(strings, check, disabled)}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
    `;
  }

  #renderGeneral(view: FieldView, strings: EventModePickerStrings, disabled: boolean): TemplateResult | typeof nothing {
    const problems = view.of('general');
    if (problems.length === 0) return nothing;
    const removable = hasUnsupported(this.draft) && problems.some((problem) => UNSUPPORTED_CODES.includes(problem.code));
    return html`
      <div part="error" class="problems" id=${messageId('general')}>
        <ul>
          ${problems.map((problem) => html`<li>${view.text(problem)}</li>`)}
        </ul>
        ${removable
          ? html`<button id="general" type="button" ?disabled=${disabled} @click=${() => this.#edit(removeUnsupported(this.draft))}>${strings.removeUnsupported}</button>`
          : nothing}
      </div>
    `;
  }

  #toggleConstraint(which: 'watchDate' | 'watchDuration', on: boolean): void {
    let draft = which === 'watchDate' ? setWatchDateOn(this.draft, on) : setWatchDurationOn(this.draft, on);
    if (on && which === 'watchDate' && isWatchDateOperator(draft.watchDate.operator)) {
      draft = setWatchDateOperator(draft, draft.watchDate.operator, this.#defaults());
    }
    if (on && which === 'watchDuration' && isWatchDurationOperator(draft.watchDuration.operator)) {
      draft = setWatchDurationOperator(draft, draft.watchDuration.operator);
    }
    // Unchecked outside On-Demand, the constraint is no longer offered: keep focus in the picker.
    if (!on && draft.eventMode !== 'on-demand') this.#focusModeAfterUpdate = true;
    this.#edit(draft);
  }

  #renderConstraintHeader(which: 'watchDate' | 'watchDuration', label: string, on: boolean, view: FieldView, disabled: boolean): TemplateResult {
    return html`
      <legend>
        <input
          type="checkbox"
          id=${which}
          .checked=${live(on)}
          ?disabled=${disabled}
          aria-invalid=${view.invalid(which)}
          aria-describedby=${view.describedBy(which)}
          @change=${(event: Event) => this.#toggleConstraint(which, (event.target as HTMLInputElement).checked)}
        />
        <label for=${which}>${label}</label>
      </legend>
    `;
  }

  #renderWatchDate(view: FieldView, strings: EventModePickerStrings, disabled: boolean): TemplateResult {
    const { watchDateOn: on, watchDate } = this.draft;
    const operator = watchDate.operator;
    const known = isWatchDateOperator(operator);
    const event = this.#event();
    const window = event === undefined ? undefined : onDemandWindow(event);
    const locale = this.currentLocale();
    const hint = window === undefined || event === undefined
      ? undefined
      : fillMessage(strings.windowHint, {
          first: formatDay(window.firstDay, locale, { day: 'numeric', month: 'short', year: 'numeric' }),
          last: formatDay(window.lastDay, locale, { day: 'numeric', month: 'short', year: 'numeric' }),
          timeZone: event.timeZone,
        });
    const hintIds = hint === undefined ? [] : ['watchDate-hint'];
    const dateInput = (field: 'date' | 'to', label: string) => {
      const problemField: ProblemField = field === 'date' ? 'watchDate.date' : 'watchDate.to';
      return html`
        <div class="field">
          <label for=${controlId(problemField)}>${label}</label>
          <input
            type="date"
            id=${controlId(problemField)}
            min=${window?.firstDay ?? nothing}
            max=${window?.lastDay ?? nothing}
            .value=${live(typeof watchDate[field] === 'string' ? (watchDate[field] as string) : '')}
            ?disabled=${disabled}
            aria-invalid=${view.invalid(problemField)}
            aria-describedby=${view.describedBy(problemField, hintIds)}
            @input=${(event: Event) => this.#setDate(field, (event.target as HTMLInputElement).value)}
          />
          ${view.messages(problemField)}
        </div>
      `;
    };
    let operands: TemplateResult | typeof nothing = nothing;
    if (operator === 'between') operands = html`${dateInput('date', strings.fromDate)}${dateInput('to', strings.toDate)}`;
    else if (operator === 'in-past') {
      operands = this.#numberField('watchDate.days', strings.days, watchDate.days, 1, view, disabled, (value) => this.#edit(setWatchDateField(this.draft, 'days', value)));
    } else if (operator === 'in-time-frame') {
      const frame = watchDate.frame;
      operands = html`
        <div class="field">
          <label for="watchDate-frame">${strings.timeFrame}</label>
          <select
            id="watchDate-frame"
            ?disabled=${disabled}
            aria-invalid=${view.invalid('watchDate.frame')}
            aria-describedby=${view.describedBy('watchDate.frame')}
            @change=${(event: Event) => this.#edit(setWatchDateField(this.draft, 'frame', (event.target as HTMLSelectElement).value as TimeFrame))}
          >
            ${TIME_FRAMES.includes(frame as TimeFrame) ? nothing : html`<option value="" disabled .selected=${live(true)}>${strings.choose}</option>`}
            ${TIME_FRAMES.map((value) => html`<option value=${value} .selected=${live(frame === value)}>${strings.timeFrames[value]}</option>`)}
          </select>
          ${view.messages('watchDate.frame')}
        </div>
      `;
    } else if (known) operands = dateInput('date', strings.date);
    return html`
      <fieldset part="watch-date" class="constraint ${on ? 'on' : ''}">
        ${this.#renderConstraintHeader('watchDate', strings.watchDate, on, view, disabled)}
        ${view.messages('watchDate')}
        ${on
          ? html`
              <div class="inputs">
                <div class="field">
                  <label for="watchDate-operator">${strings.condition}</label>
                  <select
                    id="watchDate-operator"
                    ?disabled=${disabled}
                    aria-invalid=${view.invalid('watchDate.operator')}
                    aria-describedby=${view.describedBy('watchDate.operator')}
                    @change=${(event: Event) =>
                      this.#edit(setWatchDateOperator(this.draft, (event.target as HTMLSelectElement).value as WatchDateOperator, this.#defaults()))}
                  >
                    ${known ? nothing : html`<option value="" disabled .selected=${live(true)}>${strings.choose}</option>`}
                    ${WATCH_DATE_OPERATORS.map((value) => html`<option value=${value} .selected=${live(operator === value)}>${strings.dateOperators[value]}</option>`)}
                  </select>
                  ${view.messages('watchDate.operator')}
                </div>
                ${operands}
              </div>
              ${hint === undefined ? nothing : html`<p class="hint" id="watchDate-hint">${hint}</p>`}
            `
          : nothing}
      </fieldset>
    `;
  }

  #setDate(field: WatchDateField, value: string): void {
    this.#edit(setWatchDateField(this.draft, field, value === '' ? undefined : value));
  }

  #renderWatchDuration(view: FieldView, strings: EventModePickerStrings, disabled: boolean): TemplateResult {
    const { watchDurationOn: on, watchDuration } = this.draft;
    const operator = watchDuration.operator;
    const known = isWatchDurationOperator(operator);
    const set = (field: WatchDurationField) => (value: number | undefined) => this.#edit(setWatchDurationField(this.draft, field, value));
    const operands = !known
      ? nothing
      : operator === 'between'
        ? html`${this.#numberField('watchDuration.minutes', strings.minMinutes, watchDuration.minutes, 0, view, disabled, set('minutes'))}${this.#numberField(
            'watchDuration.to',
            strings.maxMinutes,
            watchDuration.to,
            0,
            view,
            disabled,
            set('to'),
          )}`
        : this.#numberField('watchDuration.minutes', strings.minutes, watchDuration.minutes, 0, view, disabled, set('minutes'));
    return html`
      <fieldset part="watch-duration" class="constraint ${on ? 'on' : ''}">
        ${this.#renderConstraintHeader('watchDuration', strings.watchDuration, on, view, disabled)}
        ${view.messages('watchDuration')}
        ${on
          ? html`
              <div class="inputs">
                <div class="field">
                  <label for="watchDuration-operator">${strings.condition}</label>
                  <select
                    id="watchDuration-operator"
                    ?disabled=${disabled}
                    aria-invalid=${view.invalid('watchDuration.operator')}
                    aria-describedby=${view.describedBy('watchDuration.operator')}
                    @change=${(event: Event) =>
                      this.#edit(setWatchDurationOperator(this.draft, (event.target as HTMLSelectElement).value as WatchDurationOperator))}
                  >
                    ${known ? nothing : html`<option value="" disabled .selected=${live(true)}>${strings.choose}</option>`}
                    ${WATCH_DURATION_OPERATORS.map(
                      (value) => html`<option value=${value} .selected=${live(operator === value)}>${strings.durationOperators[value]}</option>`,
                    )}
                  </select>
                  ${view.messages('watchDuration.operator')}
                </div>
                ${operands}
              </div>
            `
          : nothing}
      </fieldset>
    `;
  }

  /** A whole-number input. While the user types, their text stays as typed ("1.0", "-"). */
  #numberField(
    field: ProblemField,
    label: string,
    value: unknown,
    min: number,
    view: FieldView,
    disabled: boolean,
    onValue: (value: number | undefined) => void,
  ): TemplateResult {
    const id = controlId(field);
    const input = this.renderRoot?.querySelector<HTMLInputElement>(`#${id}`) ?? null;
    let text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value : '';
    if (input !== null && (input.value === '' ? value === undefined : Number(input.value) === value)) text = input.value;
    return html`
      <div class="field">
        <label for=${id}>${label}</label>
        <input
          type="number"
          id=${id}
          inputmode="numeric"
          min=${min}
          step="1"
          .value=${live(text)}
          ?disabled=${disabled}
          aria-invalid=${view.invalid(field)}
          aria-describedby=${view.describedBy(field)}
          @input=${(event: Event) => {
            const raw = (event.target as HTMLInputElement).value;
            onValue(raw === '' ? undefined : Number(raw));
          }}
        />
        ${view.messages(field)}
      </div>
    `;
  }

  #renderCount(strings: EventModePickerStrings, check: Check, disabled: boolean): TemplateResult | typeof nothing {
    if (this.source === undefined) return nothing;
    const locale = this.currentLocale();
    const pending = this.task.status === TaskStatus.PENDING || this.task.status === TaskStatus.INITIAL;
    let text: TemplateResult | typeof nothing = nothing;
    let failure: unknown;
    if (this.task.status === TaskStatus.ERROR) failure = this.task.error;
    else if (!check.valid) text = html`<span class="muted">${strings.countNeedsValid}</span>`;
    else if (pending) text = html`<span class="muted">${strings.counting}</span>`;
    else {
      const preview = this.task.value;
      if (preview?.state === 'count') {
        text = html`<strong>${plural(preview.count, locale, preview.kind === 'attends-event' ? strings.countTrigger : strings.count)}</strong>`;
      } else text = html`<span class="muted">${strings.countNeedsValid}</span>`;
    }
    return html`
      <div class="count-row">
        <p part="count" class="count" role="status" aria-busy=${check.valid && pending ? 'true' : 'false'}>${text}</p>
        ${failure === undefined
          ? nothing
          : html`
              <div part="count-error" class="error" role="alert">
                <span>${strings.countErrorPrefix} ${asAdapterError(failure).message}</span>
                <button part="retry" type="button" ?disabled=${disabled} @click=${() => this.reload()}>${strings.retry}</button>
              </div>
            `}
      </div>
    `;
  }
}

/** The problems of one render, by field: messages, `aria-invalid`, `aria-describedby`. */
class FieldView {
  readonly #byField = new Map<ProblemField, Problem[]>();
  readonly #text: (problem: Problem) => string;

  constructor(problems: readonly Problem[], text: (problem: Problem) => string) {
    this.#text = text;
    for (const problem of problems) {
      const list = this.#byField.get(problem.field) ?? [];
      list.push(problem);
      this.#byField.set(problem.field, list);
    }
  }

  of(field: ProblemField): Problem[] {
    return this.#byField.get(field) ?? [];
  }

  text(problem: Problem): string {
    return this.#text(problem);
  }

  invalid(field: ProblemField): 'true' | typeof nothing {
    return this.of(field).length > 0 ? 'true' : nothing;
  }

  describedBy(field: ProblemField, more: readonly string[] = []): string | typeof nothing {
    const ids = [...(this.of(field).length > 0 ? [messageId(field)] : []), ...more];
    return ids.length > 0 ? ids.join(' ') : nothing;
  }

  messages(field: ProblemField): TemplateResult | typeof nothing {
    const problems = this.of(field);
    if (problems.length === 0) return nothing;
    return html`<p part="error" class="message" id=${messageId(field)}>${problems.map((problem) => html`<span>${this.#text(problem)}</span>`)}</p>`;
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
