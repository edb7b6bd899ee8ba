import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FormAssociatedController } from '../../controllers/form-associated-controller.ts';
import type { EventDataSource } from '../../data/event-data-source.ts';
import { audienceCountFrom, prefetchAudienceCount } from '../../data/audience-count.ts';
// Core's window module, not its index (criteria-draft.ts says why).
import { onDemandWindow } from '../../core/window.ts';
import type { AttendanceCriteria, CriteriaKind, WebinarEvent } from '../../core/index.ts';
import { formatDay, pickStrings, plural } from '../../i18n/locale.ts';
import { DataElement } from '../data-element.ts';
import { defineElement } from '../define.ts';
import { emit } from '../emit.ts';
import { cardStyles, tokenStyles } from '../../styles/tokens.styles.ts';
import { defaultDraft, draftDefaults, readCriteria, removeUnsupported, type ConstraintInput, type CriteriaDraft, type CriteriaJson, type Unreadable } from './criteria-draft.ts';
import { changeDetail, lastCheck, UNSUPPORTED_KEYS, type CriteriaChangeDetail, type DraftCheck, type Problem } from './criteria-problems.ts';
import { eventModePickerStyles } from './event-mode-picker.styles.ts';
import { eventModePickerStrings, type EventModePickerStringOverrides, type EventModePickerStrings } from './event-mode-picker.strings.ts';
import { controlId, problemText, RenderScope } from './picker-controls.ts';
import { countRow, kind, modes, watchDate, watchDuration, type CountState, type Sections } from './picker-sections.ts';

// The picker's public types, for the `./picker` entry.
export type { CriteriaChangeDetail, CriteriaJson, EventModePickerStringOverrides, EventModePickerStrings };

/** Detail of `odw-show-people`: the event and the (valid) criteria whose people to list. */
export interface ShowPeopleDetail {
  eventId: string;
  criteria: AttendanceCriteria;
}

declare module '../emit.ts' {
  interface OdwEventMap {
    'odw-criteria-change': CriteriaChangeDetail;
    'odw-show-people': ShowPeopleDetail;
  }
}

/**
 * What the picker loads: the event (its window and zone, for checking the criteria) and, for
 * valid criteria, how many people they select.
 */
interface Loaded {
  source: EventDataSource;
  event: WebinarEvent;
  preview?: { count: number; kind: CriteriaKind };
}

/** Quiet time after the last change before the audience is counted. */
const COUNT_DEBOUNCE_MS = 250;

const DAY_FORMAT: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

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
 * event's on-demand window once the event is known; the messages are the picker's own, per
 * core's error code.
 *
 * The audience preview appears when the picker has data (an `adapter` + `event-id`, or a
 * surrounding `<odw-data-provider>`): the data source counts (the adapter's `countAudience`
 * push-down when there is one, core otherwise); debounced, and a newer count always replaces an
 * older one.
 *
 * @event odw-criteria-change - On every change the user makes. Detail: `{ criteria, valid, errors }` (`errors` are core's, with dotted paths and codes). Not fired for programmatic changes or form reset.
 * @event odw-show-people - With `show-people`: the person pressed "Show people" beside the count. Detail: `{ eventId, criteria }`; e.g. set an `<odw-audience-list>`'s `criteria` from it.
 *
 * @csspart base - The picker's frame.
 * @csspart kind - The filter-or-trigger field.
 * @csspart mode - The Event Mode radio group.
 * @csspart watch-date - The Watch Date constraint.
 * @csspart watch-duration - The Watch Duration constraint.
 * @csspart error - Every validation message (next to its field, and the list of problems that belong to no field).
 * @csspart count - The audience preview line.
 * @csspart show-people - The "Show people" button beside the count (with `show-people`).
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
export class OdwEventModePicker extends DataElement<Loaded> {
  static formAssociated = true;

  static override styles = [tokenStyles, cardStyles, eventModePickerStyles];

  protected readonly catalog = eventModePickerStrings;

  /** The form field name the criteria JSON is submitted under. */
  @property({ reflect: true }) name: string | undefined;

  /** Disables every control (as does a disabled `<fieldset>` around the picker). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Offers a "Show people" button beside the count that fires `odw-show-people` (for an audience list). */
  @property({ type: Boolean, attribute: 'show-people', reflect: true }) showPeople = false;

  /** Overrides for any built-in text (any part of a grouped one). */
  @property({ attribute: false }) strings: EventModePickerStringOverrides | undefined;

  @state() private edited: CriteriaDraft = defaultDraft();
  @state() private unreadable: Unreadable | undefined;
  /** Read out after a change: the first problem, if any. */
  @state() private announcement = '';

  readonly #check = lastCheck();
  readonly #form = new FormAssociatedController(this, {
    value: () => JSON.stringify(this.#checked().json),
    problem: () => {
      const first = this.#checked().problems[0];
      return first && { message: this.#problemText(first), anchor: this.renderRoot?.querySelector<HTMLElement>(`#${controlId(first.field)}`) };
    },
    reset: () => {
      this.#apply(this.#initial.set ? this.#initial.value : undefined);
      this.announcement = '';
    },
    restore: (saved) => this.#apply(saved),
  });

  #criteriaText: string | null = null;
  /** The value `form.reset()` restores: from the `criteria` attribute, else the first `value` set. */
  #initial: { set: boolean; value: unknown } = { set: false, value: undefined };
  /** What the user last typed per input, shown while it still means the draft's value. */
  #typed: Partial<Record<ConstraintInput, string>> = {};
  #focusModeAfterUpdate = false;

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
   * The criteria when core accepts them (with the event's window once it is known), a fresh
   * copy on every read; `null` while what the picker holds is not valid (`draft` has it then).
   * Set criteria as an object or JSON text: nothing is dropped, what the picker cannot use is
   * shown as invalid.
   *
   * @example
   * picker.value = { version: 1, kind: 'has-attended', eventMode: 'live' };
   * picker.value?.kind; // 'has-attended'
   */
  @property({ attribute: false })
  get value(): AttendanceCriteria | null {
    const { criteria } = this.#checked();
    return criteria === undefined ? null : structuredClone(criteria);
  }
  set value(criteria: AttendanceCriteria | CriteriaJson | string | null | undefined) {
    if (!this.#initial.set) this.#initial = { set: true, value: typeof criteria === 'object' && criteria !== null ? structuredClone(criteria) : criteria };
    this.#apply(criteria);
  }

  /**
   * The criteria as the picker holds them, valid or not — what the form submits: a fresh plain
   * object on every read.
   *
   * @example
   * picker.value = { version: 1, kind: 'has-attended', eventMode: 'live', watchDuration: { operator: 'is', minutes: 5 } };
   * picker.value; // null: Watch Duration needs Event Mode On-demand
   * picker.draft.watchDuration; // { operator: 'is', minutes: 5 }
   */
  get draft(): CriteriaJson {
    return structuredClone(this.#checked().json);
  }

  /** The `<form>` the picker belongs to. */
  get form(): HTMLFormElement | null {
    return this.#form.internals.form;
  }

  get validity(): ValidityState {
    return this.#form.internals.validity;
  }

  /** The first problem, in the picker's language; empty when valid. */
  get validationMessage(): string {
    return this.#form.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.#form.internals.willValidate;
  }

  /** The element's type for form code that inspects controls. */
  get type(): string {
    return this.localName;
  }

  checkValidity(): boolean {
    return this.#form.internals.checkValidity();
  }

  /** Like `checkValidity()`, and shows the problem at the field concerned. */
  reportValidity(): boolean {
    return this.#form.internals.reportValidity();
  }

  formResetCallback(): void {
    this.#form.formResetCallback();
  }

  formDisabledCallback(disabled: boolean): void {
    this.#form.formDisabledCallback(disabled);
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    this.#form.formStateRestoreCallback(state);
  }

  /** Loads criteria given from outside (attribute, property, reset, restore): no change event. */
  #apply(input: unknown): void {
    ({ draft: this.edited, unreadable: this.unreadable } = readCriteria(input));
    this.#typed = {};
    this.#form.sync();
  }

  /** A change by the user: update, tell the page, announce the first problem. */
  #edit(draft: CriteriaDraft): void {
    this.edited = draft;
    this.unreadable = undefined;
    const check = this.#checked();
    this.announcement = check.problems[0] === undefined ? '' : this.#problemText(check.problems[0]);
    this.#form.sync(); // a listener may ask for the validity at once
    emit(this, 'odw-criteria-change', changeDetail(check));
  }

  /** The event, once loaded for the current data source (kept while the next count runs). */
  #loadedEvent(): WebinarEvent | undefined {
    const loaded = this.task.value;
    return loaded?.source === this.source ? loaded?.event : undefined;
  }

  /** Core's verdict on the draft: computed once per draft, unreadable input and event. */
  #checked(): DraftCheck {
    return this.#check(this.edited, this.#loadedEvent(), this.unreadable);
  }

  protected override loadArguments(): readonly unknown[] {
    return [JSON.stringify(this.#checked().json), this.unreadable];
  }

  /** Only computes: the event, core's verdict with its window (shared with the view), then the count. */
  protected override async load(source: EventDataSource, now: Date, signal: AbortSignal): Promise<Loaded> {
    // The attendance downloads while the event does and the edits settle (one round trip, not two).
    prefetchAudienceCount(source, signal);
    const event = await source.event(signal);
    onDemandWindow(event); // a malformed event fails here, as an error of the preview
    const { criteria } = this.#check(this.edited, event, this.unreadable);
    if (criteria === undefined) return { source, event };
    await new Promise((resolve) => setTimeout(resolve, COUNT_DEBOUNCE_MS));
    signal.throwIfAborted(); // a newer change came in meanwhile: its own run counts instead
    return { source, event, preview: { count: await audienceCountFrom(source, criteria, now, signal), kind: criteria.kind } };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const event = this.#loadedEvent();
    if (event !== undefined) this.followClock(event);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusModeAfterUpdate) {
      this.#focusModeAfterUpdate = false;
      const radios = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[name="mode"]')];
      (radios.find((radio) => radio.checked) ?? radios[0])?.focus();
    }
  }

  #strings(): EventModePickerStrings {
    return pickStrings(eventModePickerStrings, this.currentLocale(), this.strings);
  }

  #problemText(problem: Problem, strings = this.#strings()): string {
    return problemText(problem, strings, (day) => formatDay(day, this.currentLocale(), DAY_FORMAT));
  }

  protected override render(): TemplateResult {
    const strings = this.#strings();
    const check = this.#checked();
    const scope = new RenderScope(strings, this.disabled || this.#form.formDisabled, check.problems, (problem) => this.#problemText(problem, strings));
    const draft = this.edited;
    const event = this.#loadedEvent();
    // Not shorthand: the manifest analyzer would list shorthand properties as module variables.
    const view: Sections = {
      scope: scope,
      draft: draft,
      window: event && { ...onDemandWindow(event), timeZone: event.timeZone },
      typed: this.#typed,
      day: (day) => formatDay(day, this.currentLocale(), DAY_FORMAT),
      defaults: () => draftDefaults(this.currentTime(), event),
      edit: (next) => this.#edit(next),
      typedInto: (field, text) => (this.#typed = { ...this.#typed, [field]: text }),
      keepFocus: () => (this.#focusModeAfterUpdate = true),
    };
    const onDemand = draft.eventMode === 'on-demand';
    // Outside On-Demand the constraints are offered only while they are (invalidly) in use.
    const needsOnDemandHint = !onDemand && !draft.watchDateOn && !draft.watchDurationOn;
    const removable = check.problems.some((problem) => problem.field === 'general' && UNSUPPORTED_KEYS.includes(problem.key));
    return html`
      <div part="base" class="card picker" role="group" aria-label=${strings.label}>
        ${scope.general(
          removable
            ? html`<button id="general" type="button" ?disabled=${scope.disabled} @click=${() => this.#edit(removeUnsupported(this.edited))}>${strings.removeUnsupported}</button>`
            : nothing,
        )}
        <div class="top">${kind(view)} ${modes(view, needsOnDemandHint)}</div>
        ${onDemand || draft.watchDateOn ? watchDate(view) : nothing}
        ${onDemand || draft.watchDurationOn ? watchDuration(view) : nothing}
        ${this.source ? countRow(scope, this.#count(strings, check.criteria, scope.disabled)) : this.context ? countRow(scope, undefined) : nothing}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
    `;
  }

  /** Where the audience preview stands: failed, waiting for valid criteria, counting, or the count. */
  #count(strings: EventModePickerStrings, criteria: AttendanceCriteria | undefined, disabled: boolean): CountState {
    const valid = criteria !== undefined;
    const { status, value, error } = this.task;
    const preview = status === 'complete' ? value?.preview : undefined;
    if (status === 'error') return { state: 'failed', view: this.renderProblem(error, strings.countErrorPrefix, strings.retry, 'count-error', disabled) };
    if (!valid || preview === undefined) return { state: valid ? 'counting' : 'needs-valid' };
    const source = this.source;
    const show = this.showPeople && source && criteria ? () => emit(this, 'odw-show-people', { eventId: source.eventId, criteria }) : undefined;
    return { state: 'count', text: plural(preview.count, this.currentLocale(), preview.kind === 'attends-event' ? strings.countTrigger : strings.count), show };
  }
}

defineElement('odw-event-mode-picker', OdwEventModePicker);

declare global {
  interface HTMLElementTagNameMap {
    'odw-event-mode-picker': OdwEventModePicker;
  }
  interface HTMLElementEventMap {
    'odw-criteria-change': CustomEvent<CriteriaChangeDetail>;
    'odw-show-people': CustomEvent<ShowPeopleDetail>;
  }
}
