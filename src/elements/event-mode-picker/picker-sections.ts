/*
 * The picker's sections as templates: Event Mode, the Watch Date and Watch Duration constraints,
 * and the audience preview. Pure view over the draft: what the user does goes back as a new
 * draft through `edit` (the draft model decides what the new draft is).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
// Core's criteria module, not its index (criteria-draft.ts says why).
import { TIME_FRAMES, WATCH_DATE_OPERATORS, WATCH_DURATION_OPERATORS } from '../../core/criteria.ts';
import type { CalendarDay, CriteriaKind, EventMode } from '../../core/index.ts';
import { fillMessage } from '../../i18n/locale.ts';
import {
  inputValue,
  setConstraintOn,
  setEventMode,
  setInput,
  setKind,
  setWatchDateOperator,
  setWatchDurationOperator,
  watchDateFields,
  watchDurationFields,
  type Constraint,
  type ConstraintInput,
  type CriteriaDraft,
  type DraftDefaults,
  type WatchDateField,
  type WatchDurationField,
} from './criteria-draft.ts';
import type { EventModePickerStrings } from './event-mode-picker.strings.ts';
import { inputField, selectField, shownText, type OptionGroup, type RenderScope } from './picker-controls.ts';

/** What the sections of one render need from the element. */
export interface Sections {
  scope: RenderScope;
  draft: CriteriaDraft;
  /** The event's window and zone, once the event is known. */
  window: { firstDay: CalendarDay; lastDay: CalendarDay; timeZone: string } | undefined;
  /** What the user last typed per input (see `shownText`). */
  typed: Partial<Record<ConstraintInput, string>>;
  /** A day for display. */
  day: (day: CalendarDay) => string;
  /** Values for fields an operator needs and the user has not filled in. */
  defaults: () => DraftDefaults;
  /** The user changed the draft. */
  edit: (draft: CriteriaDraft) => void;
  /** The user typed into an input (before `edit`, with the draft this means). */
  typedInto: (field: ConstraintInput, text: string) => void;
  /** A control with focus is about to go: focus the Event Mode after the update. */
  keepFocus: () => void;
}

/** Filter or trigger: a select with the two filters and the trigger in their groups. */
export function kind({ scope, draft, edit }: Sections): TemplateResult {
  const { strings } = scope;
  const groups: OptionGroup<CriteriaKind>[] = [
    [strings.kindFilters, ['has-attended', 'has-not-attended']],
    [strings.kindTriggers, ['attends-event']],
  ];
  const labels = { 'has-attended': strings.kindHasAttended, 'has-not-attended': strings.kindHasNotAttended, 'attends-event': strings.kindAttendsEvent };
  return selectField(scope, { field: 'kind', label: strings.kind, current: draft.kind, groups, labels, change: (value) => edit(setKind(draft, value)), part: 'kind' });
}

/** The Event Mode radios, in order; `undefined` is "live or on-demand". */
const MODES = [
  [undefined, 'modeAny'],
  ['live', 'modeLive'],
  ['on-demand', 'modeOnDemand'],
] as const satisfies readonly (readonly [EventMode | undefined, keyof EventModePickerStrings])[];

/** Event Mode: radios in a fieldset, and the hint that the constraints need On-demand. */
export function modes({ scope, draft, edit }: Sections, needsOnDemandHint: boolean): TemplateResult {
  const radio = ([mode, label]: (typeof MODES)[number]) => html`
    <label class="option">
      <input type="radio" name="mode" id=${`mode-${mode ?? 'any'}`} value=${mode ?? ''} .checked=${live(draft.eventMode === mode)}
        ?disabled=${scope.disabled} aria-invalid=${scope.invalid('eventMode')} aria-describedby=${scope.describedBy('eventMode')}
        @change=${() => edit(setEventMode(draft, mode))} />
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

/** A constraint: its checkbox and, while checked, its condition, inputs and `more`. */
function constraintSection(sections: Sections, constraint: Constraint, label: string, inputs: TemplateResult[], more: unknown = nothing): TemplateResult {
  const { scope, draft } = sections;
  const on = constraint === 'watchDate' ? draft.watchDateOn : draft.watchDurationOn;
  const toggle = (event: Event) => {
    const checked = (event.target as HTMLInputElement).checked;
    // Unchecked outside On-Demand, the constraint is no longer offered: keep focus in the picker.
    if (!checked && draft.eventMode !== 'on-demand') sections.keepFocus();
    sections.edit(setConstraintOn(draft, constraint, checked, sections.defaults()));
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

/** A date or whole-number input of a constraint; emptied, its field is unset. */
function constraintInput(
  sections: Sections,
  field: ConstraintInput,
  label: string,
  type: 'date' | 'number',
  bounds: { min?: string | number | undefined; max?: string | undefined; hintIds?: string[] },
): TemplateResult {
  const { draft } = sections;
  const input = (typed: string) => {
    sections.typedInto(field, typed);
    sections.edit(setInput(draft, field, typed === '' ? undefined : type === 'number' ? Number(typed) : typed));
  };
  return inputField(sections.scope, { field, label, type, text: shownText(inputValue(draft, field), sections.typed[field]), ...bounds, input });
}

export function watchDate(sections: Sections): TemplateResult {
  const { scope, draft, window, edit } = sections;
  const { strings } = scope;
  const { operator, frame } = draft.watchDate;
  const hint = window && fillMessage(strings.windowHint, { first: sections.day(window.firstDay), last: sections.day(window.lastDay), timeZone: window.timeZone });
  const labels: Record<WatchDateField, string> = { date: operator === 'between' ? strings.fromDate : strings.date, to: strings.toDate, days: strings.days, frame: strings.timeFrame };
  const inputs = watchDateFields(operator).map((name) => {
    const field = `watchDate.${name}` as const;
    if (name === 'days') return constraintInput(sections, field, labels[name], 'number', { min: 1 });
    if (name === 'frame') {
      return selectField(scope, { field, label: labels[name], current: frame, groups: [[undefined, TIME_FRAMES]], labels: strings.timeFrames, change: (value) => edit(setInput(draft, field, value)) });
    }
    return constraintInput(sections, field, labels[name], 'date', { min: window?.firstDay, max: window?.lastDay, hintIds: hint === undefined ? [] : ['watchDate-hint'] });
  });
  const condition = selectField(scope, {
    field: 'watchDate.operator',
    label: strings.condition,
    current: operator,
    groups: [[undefined, WATCH_DATE_OPERATORS]],
    labels: strings.dateOperators,
    change: (value) => edit(setWatchDateOperator(draft, value, sections.defaults())),
  });
  // The hint's line is there before the event (and its window) is known: nothing moves when it comes.
  return constraintSection(sections, 'watchDate', strings.watchDate, [condition, ...inputs], html`<p class="hint" id="watchDate-hint">${hint}</p>`);
}

export function watchDuration(sections: Sections): TemplateResult {
  const { scope, draft } = sections;
  const { strings } = scope;
  const { operator } = draft.watchDuration;
  const labels: Record<WatchDurationField, string> = { minutes: operator === 'between' ? strings.minMinutes : strings.minutes, to: strings.maxMinutes };
  const condition = selectField(scope, {
    field: 'watchDuration.operator',
    label: strings.condition,
    current: operator,
    groups: [[undefined, WATCH_DURATION_OPERATORS]],
    labels: strings.durationOperators,
    change: (value) => sections.edit(setWatchDurationOperator(draft, value)),
  });
  const inputs = watchDurationFields(operator).map((name) => constraintInput(sections, `watchDuration.${name}`, labels[name], 'number', { min: 0 }));
  return constraintSection(sections, 'watchDuration', strings.watchDuration, [condition, ...inputs]);
}

/** What the audience preview shows. */
export type CountState =
  | { state: 'needs-valid' | 'counting' }
  /** `show`: the page listens for `odw-show-people`; offer the button that fires it. */
  | { state: 'count'; text: string; show?: (() => void) | undefined }
  /** `view`: the error in plain words with Retry (DataElement.renderProblem). */
  | { state: 'failed'; view: unknown };

/**
 * The audience preview line (a live region) and, when counting failed, the error with Retry in
 * its place (both one line high where the picker is wide). `undefined`: the line's room only, for
 * a picker whose provider has no adapter yet.
 */
export function countRow(scope: RenderScope, count: CountState | undefined): TemplateResult {
  if (count === undefined) return html`<div class="count-row"><p class="count"></p></div>`;
  const { strings } = scope;
  const text =
    count.state === 'count'
      ? html`<strong>${count.text}</strong>`
      : count.state === 'failed'
        ? nothing
        : html`<span class="muted">${count.state === 'counting' ? strings.counting : strings.countNeedsValid}</span>`;
  const error = count.state === 'failed' ? count.view : nothing;
  const line = html`<p part="count" class="count" role="status" aria-busy=${count.state === 'counting' ? 'true' : 'false'}>${text}</p>`;
  // The button sits beside the live region, not in it: a new count is read without it.
  const show = count.state === 'count' ? count.show : undefined;
  return show
    ? html`<div class="count-row"><div class="count-line">${line}<button type="button" part="show-people" ?disabled=${scope.disabled} @click=${show}>${strings.showPeople}</button></div></div>`
    : html`<div class="count-row">${line}${error}</div>`;
}
