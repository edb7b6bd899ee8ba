import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AdapterError, type ClockedRequestOptions, type DataAdapter } from '../../adapters/adapter.ts';
import '../data-provider/data-provider.ts';
import {
  CRITERIA_KINDS,
  selectAudience,
  TIME_FRAMES,
  WATCH_DATE_OPERATORS,
  WATCH_DURATION_OPERATORS,
  type Attendance,
  type AttendanceCriteria,
  type EventMode,
  type WatchDateConstraint,
  type WatchDurationConstraint,
} from '../../core/index.ts';
import { cleanup, mount, shadowText, waitForShadow } from '../../../test/fixtures/dom.ts';
import { testAdapter, type TestAdapter } from '../../../test/fixtures/test-adapter.ts';
import { afterEnd, registrant, view } from '../../../test/fixtures/core-fixtures.ts';
import { amsterdamEvent, clock, widgetAttendance } from '../../../test/fixtures/widget-data.ts';
import { OdwEventModePicker as OdwEventModePickerElement, type CriteriaChangeDetail, type OdwEventModePicker } from './event-mode-picker.ts';

afterEach(cleanup);

// ---------------------------------------------------------------------------------------------
// Helpers

function createPicker(criteria?: unknown, setup: (picker: OdwEventModePicker) => void = () => {}): OdwEventModePicker {
  const picker = document.createElement('odw-event-mode-picker');
  if (criteria !== undefined) picker.setAttribute('criteria', typeof criteria === 'string' ? criteria : JSON.stringify(criteria));
  setup(picker);
  return picker;
}

async function mountPicker(criteria?: unknown, setup?: (picker: OdwEventModePicker) => void): Promise<OdwEventModePicker> {
  const picker = mount(createPicker(criteria, setup));
  await picker.updateComplete;
  return picker;
}

/** A picker with data: the spring event, its attendance, day 5 of the window. */
function withData(adapter: DataAdapter = eventAdapter()) {
  return (picker: OdwEventModePicker) => {
    picker.adapter = adapter;
    picker.eventId = amsterdamEvent.id;
    picker.now = clock.day5;
  };
}

function eventAdapter(attendance: Attendance = widgetAttendance()): TestAdapter {
  return testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance } });
}

function control<T extends HTMLElement = HTMLInputElement>(picker: OdwEventModePicker, selector: string): T {
  const found = picker.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in: ${shadowText(picker).slice(0, 300)}`);
  return found;
}

const select = (picker: OdwEventModePicker, id: string) => control<HTMLSelectElement>(picker, `select#${id}`);

/** What a user does with a select: pick an option, the browser fires `change`. */
async function choose(picker: OdwEventModePicker, id: string, value: string): Promise<void> {
  const element = select(picker, id);
  element.value = value;
  element.dispatchEvent(new Event('change', { bubbles: true }));
  await picker.updateComplete;
}

/** What a user does with a text-like input: type, the browser fires `input`. */
async function type(picker: OdwEventModePicker, id: string, text: string): Promise<void> {
  const element = control(picker, `input#${id}`);
  element.value = text;
  element.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await picker.updateComplete;
}

async function click(picker: OdwEventModePicker, selector: string): Promise<void> {
  control(picker, selector).click();
  await picker.updateComplete;
}

const modeRadio = (mode: EventMode | undefined) => `input[name="mode"][value="${mode ?? ''}"]`;

function changes(picker: OdwEventModePicker): CriteriaChangeDetail[] {
  const details: CriteriaChangeDetail[] = [];
  picker.addEventListener('odw-criteria-change', (event) => details.push(event.detail));
  return details;
}

/** What the picker's controls show, as criteria. */
function shownCriteria(picker: OdwEventModePicker): Record<string, unknown> {
  const root = picker.shadowRoot as ShadowRoot;
  const value = (selector: string) => root.querySelector<HTMLInputElement | HTMLSelectElement>(selector)?.value;
  const checked = root.querySelector<HTMLInputElement>('input[name="mode"]:checked');
  const shown: Record<string, unknown> = { kind: value('#kind') };
  if (checked?.value) shown.eventMode = checked.value;
  if (root.querySelector<HTMLInputElement>('#watchDate')?.checked) {
    const operator = value('#watchDate-operator');
    shown.watchDate = { operator, date: value('#watchDate-date'), to: value('#watchDate-to'), days: value('#watchDate-days'), frame: value('#watchDate-frame') };
  }
  if (root.querySelector<HTMLInputElement>('#watchDuration')?.checked) {
    shown.watchDuration = { operator: value('#watchDuration-operator'), minutes: value('#watchDuration-minutes'), to: value('#watchDuration-to') };
  }
  return JSON.parse(JSON.stringify(shown)) as Record<string, unknown>;
}

/** Criteria as the controls show them: every value as text. */
function asShown(criteria: AttendanceCriteria): Record<string, unknown> {
  const text = (constraint: object | undefined) =>
    constraint === undefined ? undefined : Object.fromEntries(Object.entries(constraint).map(([key, value]) => [key, String(value)]));
  return JSON.parse(JSON.stringify({ kind: criteria.kind, eventMode: criteria.eventMode, watchDate: text(criteria.watchDate), watchDuration: text(criteria.watchDuration) })) as Record<
    string,
    unknown
  >;
}

/** The text of the messages tied to a control through aria-describedby. */
function describedBy(picker: OdwEventModePicker, selector: string): string {
  const ids = control(picker, selector).getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => picker.shadowRoot?.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? `(missing #${id})`).join(' | ');
}

function invalidControls(picker: OdwEventModePicker): string[] {
  return [...(picker.shadowRoot?.querySelectorAll('[aria-invalid="true"]') ?? [])].map((element) => element.id);
}

function countText(picker: OdwEventModePicker): string {
  return picker.shadowRoot?.querySelector('[part="count"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

async function waitForCount(picker: OdwEventModePicker, pattern: RegExp = /match|voldo|trigger/): Promise<string> {
  return vi.waitFor(
    () => {
      const text = countText(picker);
      if (!pattern.test(text) || /Counting|tellen/.test(text)) throw new Error(`count not yet: "${text}"`);
      return text;
    },
    // A count loads core's analysis chunk and analyzes: well under a second here, several on a CI
    // machine with busy CPUs (a 1 s wait elsewhere failed there).
    { timeout: 10_000, interval: 10 },
  );
}

async function expectAxeClean(element: Element): Promise<void> {
  const results = await axe.run(element, { resultTypes: ['violations'] });
  const violations = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect(violations).toEqual([]);
}

const onDemand = (extra: Partial<AttendanceCriteria> = {}): AttendanceCriteria => ({ version: 1, kind: 'has-attended', eventMode: 'on-demand', ...extra });

/** A sample Watch Date for each operator (all days inside the spring event's window). */
function watchDateFor(operator: (typeof WATCH_DATE_OPERATORS)[number], index: number): WatchDateConstraint {
  switch (operator) {
    case 'between':
      return { operator, date: '2026-03-21', to: '2026-03-25' };
    case 'in-past':
      return { operator, days: 3 + index };
    case 'in-time-frame':
      return { operator, frame: TIME_FRAMES[index % TIME_FRAMES.length] as (typeof TIME_FRAMES)[number] };
    default:
      return { operator, date: `2026-03-${String(21 + index).padStart(2, '0')}` };
  }
}

function watchDurationFor(operator: (typeof WATCH_DURATION_OPERATORS)[number], index: number): WatchDurationConstraint {
  return operator === 'between' ? { operator, minutes: 5, to: 30 } : { operator, minutes: index * 4 };
}

// ---------------------------------------------------------------------------------------------

describe('<odw-event-mode-picker>: value and JSON', () => {
  const modes: (EventMode | undefined)[] = [undefined, 'live', 'on-demand'];
  const cases = CRITERIA_KINDS.flatMap((kind) => modes.map((mode) => [kind, mode ?? 'unset'] as const));

  it.each(cases)('%s × %s: every Watch Date and Watch Duration operator round-trips through the criteria attribute', async (kind, modeName) => {
    const eventMode = modeName === 'unset' ? undefined : (modeName as EventMode);
    const base: AttendanceCriteria = eventMode === undefined ? { version: 1, kind } : { version: 1, kind, eventMode };
    const all: AttendanceCriteria[] = [
      base,
      // Also every time frame, each with a Watch Duration operator.
      ...TIME_FRAMES.map((frame, index) => ({
        ...base,
        watchDate: { operator: 'in-time-frame' as const, frame },
        watchDuration: watchDurationFor(WATCH_DURATION_OPERATORS[index] as (typeof WATCH_DURATION_OPERATORS)[number], index),
      })),
      ...WATCH_DATE_OPERATORS.map((operator, index) => ({ ...base, watchDate: watchDateFor(operator, index) })),
      ...WATCH_DURATION_OPERATORS.map((operator, index) => ({ ...base, watchDuration: watchDurationFor(operator, index) })),
    ];
    const picker = await mountPicker();
    for (const criteria of all) {
      picker.setAttribute('criteria', JSON.stringify(criteria));
      await picker.updateComplete;
      expect(picker.draft).toEqual(criteria);
      expect(shownCriteria(picker)).toEqual(asShown(criteria));
      const constrained = criteria.watchDate !== undefined || criteria.watchDuration !== undefined;
      // Watch constraints outside On-Demand are kept and shown as invalid, never dropped.
      const valid = eventMode === 'on-demand' || !constrained;
      expect(picker.validity.valid).toBe(valid);
      expect(picker.value).toEqual(valid ? criteria : null);
      if (!valid) {
        const field = criteria.watchDate !== undefined ? 'watchDate' : 'watchDuration';
        expect(invalidControls(picker)).toContain(field);
        expect(describedBy(picker, `#${field}`)).toMatch(/only applies to on-demand viewing/);
      }
    }
  });

  it('takes criteria through the value property, and hands out copies', async () => {
    const criteria = onDemand({ watchDate: { operator: 'in-past', days: 5 }, watchDuration: { operator: 'at-most', minutes: 20 } });
    const picker = await mountPicker(undefined, (element) => (element.value = criteria));
    expect(picker.value).toEqual(criteria);
    expect(shownCriteria(picker)).toEqual(asShown(criteria));
    (picker.value as AttendanceCriteria).kind = 'attends-event';
    (picker.draft as { kind: string }).kind = 'attends-event';
    expect(picker.value?.kind).toBe('has-attended');
    expect(picker.draft.kind).toBe('has-attended');
    picker.value = { version: 1, kind: 'has-not-attended', eventMode: 'live' };
    await picker.updateComplete;
    expect(shownCriteria(picker)).toEqual({ kind: 'has-not-attended', eventMode: 'live' });
  });

  it('starts as "has attended, live or on-demand" and says so', async () => {
    const picker = await mountPicker();
    expect(picker.value).toEqual({ version: 1, kind: 'has-attended' });
    const unset = control(picker, modeRadio(undefined));
    expect(unset.checked).toBe(true);
    expect(unset.closest('label')?.textContent?.trim()).toBe('Live or on-demand');
    // Watch constraints are offered only for On-Demand.
    expect(picker.shadowRoot?.querySelector('#watchDate')).toBeNull();
    expect(shadowText(picker)).toContain('Choose On-demand to filter by watch date or watch duration.');
  });

  it('a value set before the element is defined is kept', async () => {
    const tag = 'odw-event-mode-picker-late';
    const early = mount(document.createElement(tag)) as HTMLElement & { value?: unknown };
    early.value = onDemand({ watchDuration: { operator: 'is', minutes: 2 } });
    customElements.define(tag, class extends OdwEventModePickerElement {});
    const picker = early as unknown as OdwEventModePicker;
    await picker.updateComplete;
    expect(picker.value).toEqual(onDemand({ watchDuration: { operator: 'is', minutes: 2 } }));
    expect(select(picker, 'watchDuration-operator').value).toBe('is');
  });

  it('shows JSON it cannot read as an error and starts empty', async () => {
    const picker = await mountPicker('{"version":1, kind: oops');
    expect(picker.validity.valid).toBe(false);
    expect(shadowText(picker)).toContain('not valid JSON');
    expect(select(picker, 'kind').value).toBe('');
    expect(invalidControls(picker)).toContain('kind');
    await choose(picker, 'kind', 'has-not-attended');
    expect(picker.validity.valid).toBe(true);
    expect(picker.value).toEqual({ version: 1, kind: 'has-not-attended' });
  });

  it('keeps unsupported settings, reports them, and removes them only when asked', async () => {
    const criteria = { version: 2, kind: 'has-attended', eventMode: 'on-demand', segment: '<img src=x onerror=alert(1)>', watchDuration: { operator: 'is', minutes: 3 } };
    const picker = await mountPicker(criteria);
    expect(picker.draft).toEqual(criteria);
    expect(picker.value).toBeNull();
    expect(picker.validity.valid).toBe(false);
    const text = shadowText(picker);
    expect(text).toContain('Unsupported setting “segment”');
    expect(text).toContain('These criteria are version 2; this picker reads version 1.');
    expect(picker.shadowRoot?.querySelector('img')).toBeNull();
    await click(picker, 'button#general');
    expect(picker.value).toEqual({ version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'is', minutes: 3 } });
    expect(picker.validity.valid).toBe(true);
  });
});

describe('<odw-event-mode-picker>: building criteria in the UI', () => {
  it('every control builds the right criteria and reports each change', async () => {
    const picker = await mountPicker(undefined, withData());
    const details = changes(picker);
    await waitForCount(picker);

    await choose(picker, 'kind', 'attends-event');
    await click(picker, modeRadio('on-demand'));
    expect(picker.value).toEqual({ version: 1, kind: 'attends-event', eventMode: 'on-demand' });

    await click(picker, '#watchDate');
    expect(picker.value?.watchDate).toEqual({ operator: 'in-past', days: 7 });
    await type(picker, 'watchDate-days', '3');
    expect(picker.value?.watchDate).toEqual({ operator: 'in-past', days: 3 });
    // Today is 2026-03-25 in Amsterdam; the window opens 2026-03-20.
    await choose(picker, 'watchDate-operator', 'between');
    expect(picker.value?.watchDate).toEqual({ operator: 'between', date: '2026-03-20', to: '2026-03-25' });
    await type(picker, 'watchDate-to', '2026-03-24');
    await type(picker, 'watchDate-date', '2026-03-21');
    expect(picker.value?.watchDate).toEqual({ operator: 'between', date: '2026-03-21', to: '2026-03-24' });
    await choose(picker, 'watchDate-operator', 'in-time-frame');
    await choose(picker, 'watchDate-frame', 'last-week');
    expect(picker.value?.watchDate).toEqual({ operator: 'in-time-frame', frame: 'last-week' });
    await choose(picker, 'watchDate-operator', 'on-or-before');
    expect(picker.value?.watchDate).toEqual({ operator: 'on-or-before', date: '2026-03-21' });

    await click(picker, '#watchDuration');
    expect(picker.value?.watchDuration).toEqual({ operator: 'at-least', minutes: 10 });
    await choose(picker, 'watchDuration-operator', 'greater-than');
    await type(picker, 'watchDuration-minutes', '12');
    expect(picker.value?.watchDuration).toEqual({ operator: 'greater-than', minutes: 12 });
    await choose(picker, 'watchDuration-operator', 'between');
    await type(picker, 'watchDuration-to', '45');
    expect(picker.value?.watchDuration).toEqual({ operator: 'between', minutes: 12, to: 45 });

    await click(picker, '#watchDate');
    const expected = { version: 1, kind: 'attends-event', eventMode: 'on-demand', watchDuration: { operator: 'between', minutes: 12, to: 45 } };
    expect(picker.value).toEqual(expected);
    expect(details).toHaveLength(16); // one per user action above
    expect(details.every((detail) => detail.valid && detail.errors.length === 0)).toBe(true);
    expect(details.at(-1)?.criteria).toEqual(expected);
  });

  it('the change event bubbles out of shadow roots and carries a copy', async () => {
    const wrapper = mount(document.createElement('div'));
    const picker = mount(createPicker(), wrapper);
    await picker.updateComplete;
    const seen: CustomEvent<CriteriaChangeDetail>[] = [];
    wrapper.addEventListener('odw-criteria-change', (event) => seen.push(event));
    await choose(picker, 'kind', 'has-not-attended');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.composed).toBe(true);
    (seen[0]?.detail.criteria as { kind: string }).kind = 'mutated';
    expect(picker.value?.kind).toBe('has-not-attended');
  });

  it('does not report programmatic changes', async () => {
    const picker = await mountPicker();
    const details = changes(picker);
    picker.value = onDemand();
    picker.setAttribute('criteria', JSON.stringify({ version: 1, kind: 'attends-event' }));
    await picker.updateComplete;
    expect(details).toEqual([]);
  });

  it('works with the keyboard alone', async () => {
    const before = mount(document.createElement('button'));
    before.textContent = 'before';
    const picker = await mountPicker(undefined);
    const details = changes(picker);
    before.focus();
    const focused = () => picker.shadowRoot?.activeElement?.id;
    await userEvent.tab();
    expect(focused()).toBe('kind');
    await userEvent.tab();
    expect(focused()).toBe('mode-any');
    await userEvent.keyboard('{ArrowRight}{ArrowRight}'); // to On-demand
    await picker.updateComplete;
    expect(focused()).toBe('mode-on-demand');
    expect(picker.value?.eventMode).toBe('on-demand');
    await userEvent.tab();
    expect(focused()).toBe('watchDate');
    await userEvent.keyboard(' ');
    await picker.updateComplete;
    expect(picker.value?.watchDate).toEqual({ operator: 'in-past', days: 7 });
    await userEvent.tab();
    expect(focused()).toBe('watchDate-operator');
    await userEvent.tab();
    expect(focused()).toBe('watchDate-days');
    await userEvent.keyboard('{ArrowUp}');
    await picker.updateComplete;
    expect(picker.value?.watchDate).toEqual({ operator: 'in-past', days: 8 });
    await userEvent.tab();
    expect(focused()).toBe('watchDuration');
    expect(details.length).toBeGreaterThanOrEqual(3);
  });
});

describe('<odw-event-mode-picker>: validation', () => {
  it('between with the end before the start: the To date is invalid', async () => {
    const picker = await mountPicker(onDemand({ watchDate: { operator: 'between', date: '2026-03-21', to: '2026-03-25' } }));
    const details = changes(picker);
    await type(picker, 'watchDate-to', '2026-03-20');
    expect(invalidControls(picker)).toEqual(['watchDate-to']);
    expect(control(picker, '#watchDate-to').getAttribute('aria-describedby')).toBe('message-watchDate-to');
    expect(describedBy(picker, '#watchDate-to')).toBe('The end date must be on or after the start date.');
    expect(picker.validity.valid).toBe(false);
    expect(picker.validity.customError).toBe(true);
    expect(picker.validationMessage).toBe('The end date must be on or after the start date.');
    expect(picker.checkValidity()).toBe(false);
    expect(details.at(-1)).toMatchObject({ valid: false, errors: [{ path: 'watchDate.to' }] });
    await type(picker, 'watchDate-to', '2026-03-22');
    expect(invalidControls(picker)).toEqual([]);
    expect(control(picker, '#watchDate-to').hasAttribute('aria-describedby')).toBe(false);
    expect(picker.checkValidity()).toBe(true);
  });

  it('negative and fractional minutes, and a between range upside down', async () => {
    const picker = await mountPicker(onDemand({ watchDuration: { operator: 'at-least', minutes: 10 } }));
    await type(picker, 'watchDuration-minutes', '-5');
    expect(invalidControls(picker)).toEqual(['watchDuration-minutes']);
    expect(describedBy(picker, '#watchDuration-minutes')).toBe('Enter whole minutes, 0 or more.');
    expect(picker.draft.watchDuration).toEqual({ operator: 'at-least', minutes: -5 });
    expect(picker.value).toBeNull();
    await type(picker, 'watchDuration-minutes', '2.5');
    expect(invalidControls(picker)).toEqual(['watchDuration-minutes']);
    await type(picker, 'watchDuration-minutes', '');
    expect(picker.draft.watchDuration).toEqual({ operator: 'at-least' });
    expect(picker.validationMessage).toBe('Enter whole minutes, 0 or more.');
    await choose(picker, 'watchDuration-operator', 'between');
    await type(picker, 'watchDuration-minutes', '30');
    await type(picker, 'watchDuration-to', '5');
    expect(invalidControls(picker)).toEqual(['watchDuration-to']);
    expect(describedBy(picker, '#watchDuration-to')).toBe('The maximum must be at least the minimum.');
  });

  it('keeps the text typed into a number while it means the same number, and shows loaded values as they are', async () => {
    const picker = await mountPicker(onDemand({ watchDuration: { operator: 'at-least', minutes: 10 } }));
    await type(picker, 'watchDuration-minutes', '1.0');
    expect(picker.value?.watchDuration).toEqual({ operator: 'at-least', minutes: 1 });
    await choose(picker, 'watchDuration-operator', 'at-most'); // another render, same minutes
    expect(control(picker, '#watchDuration-minutes').value).toBe('1.0');
    picker.value = onDemand({ watchDuration: { operator: 'at-most', minutes: 1 } });
    await picker.updateComplete;
    expect(control(picker, '#watchDuration-minutes').value).toBe('1');
  });

  it('"in past N days" without N', async () => {
    const picker = await mountPicker(onDemand({ watchDate: { operator: 'in-past', days: 7 } }));
    const details = changes(picker);
    await type(picker, 'watchDate-days', '');
    expect(invalidControls(picker)).toEqual(['watchDate-days']);
    expect(describedBy(picker, '#watchDate-days')).toBe('Enter a whole number of days, 1 or more.');
    expect(details.at(-1)).toMatchObject({ valid: false, criteria: { watchDate: { operator: 'in-past' } }, errors: [{ path: 'watchDate.days' }] });
    await type(picker, 'watchDate-days', '0');
    expect(invalidControls(picker)).toEqual(['watchDate-days']);
  });

  it('a date outside the event’s on-demand window, once the event is known', async () => {
    const picker = await mountPicker(onDemand({ watchDate: { operator: 'on-or-after', date: '2026-01-05' } }), withData());
    await waitForShadow(picker, (root) => root.querySelector('#watchDate-date[aria-invalid="true"]'));
    expect(describedBy(picker, '#watchDate-date')).toContain('Choose a day in the on-demand window, Mar 20, 2026 – Apr 19, 2026.');
    expect(describedBy(picker, '#watchDate-date')).toContain('Europe/Amsterdam'); // the window hint
    expect(control(picker, '#watchDate-date').min).toBe('2026-03-20');
    expect(control(picker, '#watchDate-date').max).toBe('2026-04-19');
    expect(picker.validity.valid).toBe(false);
    expect(countText(picker)).toBe('Fix the settings above to see how many people match.');
    await type(picker, 'watchDate-date', '2026-03-22');
    expect(picker.validity.valid).toBe(true);
    await waitForCount(picker);
  });

  it('loaded Watch constraints with Event Mode Live are shown as invalid, and fixed by choosing On-demand', async () => {
    const criteria = { version: 1, kind: 'has-attended', eventMode: 'live', watchDate: { operator: 'is', date: '2026-03-22' }, watchDuration: { operator: 'at-most', minutes: 5 } };
    const picker = await mountPicker(criteria);
    expect(picker.draft).toEqual(criteria);
    expect(picker.value).toBeNull();
    expect(invalidControls(picker)).toEqual(['watchDate', 'watchDuration']);
    expect(describedBy(picker, '#watchDate')).toBe(
      'Watch date only applies to on-demand viewing: choose On-demand as the event mode, or uncheck Watch date to remove it.',
    );
    expect(picker.validationMessage).toMatch(/^Watch date only applies/);
    await click(picker, modeRadio('on-demand'));
    expect(picker.validity.valid).toBe(true);
    expect(picker.value).toEqual({ ...criteria, eventMode: 'on-demand' });
  });

  it('…or fixed by removing them; the picker keeps focus', async () => {
    const picker = await mountPicker({ version: 1, kind: 'has-attended', watchDuration: { operator: 'is', minutes: 5 } });
    expect(invalidControls(picker)).toEqual(['watchDuration']);
    control(picker, '#watchDuration').focus();
    await click(picker, '#watchDuration');
    await picker.updateComplete;
    expect(picker.value).toEqual({ version: 1, kind: 'has-attended' });
    expect(picker.validity.valid).toBe(true);
    expect(picker.shadowRoot?.querySelector('#watchDuration')).toBeNull(); // no longer offered
    expect(picker.shadowRoot?.activeElement?.id).toBe('mode-any');
  });

  it('switching away from On-demand keeps the constraints and asks what to do', async () => {
    const picker = await mountPicker(onDemand({ watchDuration: { operator: 'at-least', minutes: 5 } }));
    const details = changes(picker);
    await click(picker, modeRadio('live'));
    expect(picker.draft.watchDuration).toEqual({ operator: 'at-least', minutes: 5 });
    expect(details.at(-1)).toMatchObject({ valid: false, errors: [{ path: 'watchDuration' }] });
    expect(invalidControls(picker)).toEqual(['watchDuration']);
  });

  it('reportValidity points at the invalid control', async () => {
    const picker = await mountPicker(onDemand({ watchDuration: { operator: 'between', minutes: 9, to: 1 } }));
    const invalid = vi.fn();
    picker.addEventListener('invalid', invalid);
    expect(picker.reportValidity()).toBe(false);
    expect(invalid).toHaveBeenCalledOnce();
    expect(picker.shadowRoot?.activeElement?.id).toBe('watchDuration-to');
  });
});

describe('<odw-event-mode-picker>: forms', () => {
  function formWith(picker: OdwEventModePicker, wrap?: (form: HTMLFormElement) => HTMLElement): HTMLFormElement {
    const form = document.createElement('form');
    (wrap ? wrap(form) : form).append(picker);
    mount(form);
    return form;
  }

  it('submits its criteria JSON under its name and blocks submission while invalid', async () => {
    const criteria = onDemand({ watchDuration: { operator: 'at-least', minutes: 10 } });
    const picker = createPicker(criteria);
    picker.setAttribute('name', 'audience');
    const form = formWith(picker);
    await picker.updateComplete;
    expect(picker.form).toBe(form);
    expect(picker.name).toBe('audience');
    expect(new FormData(form).get('audience')).toBe(JSON.stringify(criteria));
    await type(picker, 'watchDuration-minutes', '25');
    expect(JSON.parse(new FormData(form).get('audience') as string)).toEqual(onDemand({ watchDuration: { operator: 'at-least', minutes: 25 } }));

    const submitted = vi.fn((event: Event) => event.preventDefault());
    form.addEventListener('submit', submitted);
    form.requestSubmit();
    expect(submitted).toHaveBeenCalledOnce();
    await type(picker, 'watchDuration-minutes', '-1');
    expect(form.checkValidity()).toBe(false);
    form.requestSubmit();
    expect(submitted).toHaveBeenCalledOnce();
    expect(form.querySelector(':invalid')).toBe(picker);
  });

  it('the name property names the field too', async () => {
    const picker = createPicker();
    picker.name = 'who';
    const form = formWith(picker);
    await picker.updateComplete;
    expect(new FormData(form).get('who')).toBe('{"version":1,"kind":"has-attended"}');
  });

  it('form.reset() restores the criteria attribute', async () => {
    const initial = onDemand({ watchDate: { operator: 'in-past', days: 3 } });
    const picker = createPicker(initial);
    picker.name = 'audience';
    const form = formWith(picker);
    await picker.updateComplete;
    await choose(picker, 'kind', 'has-not-attended');
    await click(picker, modeRadio('live'));
    picker.value = { version: 1, kind: 'attends-event' };
    await picker.updateComplete;
    form.reset();
    await picker.updateComplete;
    expect(picker.value).toEqual(initial);
    expect(shownCriteria(picker)).toEqual(asShown(initial));
    expect(new FormData(form).get('audience')).toBe(JSON.stringify(initial));
  });

  it('form.reset() restores the first value set when there is no attribute', async () => {
    const first = onDemand({ watchDuration: { operator: 'less-than', minutes: 4 } });
    const picker = createPicker(undefined, (element) => (element.value = first));
    const form = formWith(picker);
    await picker.updateComplete;
    picker.value = { version: 1, kind: 'has-not-attended' };
    await picker.updateComplete;
    await choose(picker, 'kind', 'attends-event');
    form.reset();
    await picker.updateComplete;
    expect(picker.value).toEqual(first);
  });

  it('a disabled fieldset disables every control and leaves the picker out of the form data', async () => {
    const picker = createPicker(onDemand({ watchDate: { operator: 'between', date: '2026-03-21', to: '2026-03-22' }, watchDuration: { operator: 'is', minutes: 1 } }));
    picker.name = 'audience';
    let fieldset!: HTMLFieldSetElement;
    const form = formWith(picker, (formElement) => {
      fieldset = document.createElement('fieldset');
      formElement.append(fieldset);
      return fieldset;
    });
    await picker.updateComplete;
    const controls = () => [...(picker.shadowRoot?.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select, button') ?? [])];
    expect(controls().length).toBeGreaterThan(8);
    expect(controls().every((element) => !element.disabled)).toBe(true);
    fieldset.disabled = true;
    await vi.waitFor(() => expect(controls().every((element) => element.disabled)).toBe(true));
    expect(picker.matches(':disabled')).toBe(true);
    expect(new FormData(form).has('audience')).toBe(false);
    await expectAxeClean(picker);
    fieldset.disabled = false;
    await vi.waitFor(() => expect(controls().every((element) => !element.disabled)).toBe(true));
    expect(new FormData(form).has('audience')).toBe(true);
  });

  it('its own disabled attribute works the same', async () => {
    const picker = await mountPicker(undefined, (element) => (element.disabled = true));
    expect(select(picker, 'kind').disabled).toBe(true);
    expect(picker.matches(':disabled')).toBe(true);
    picker.disabled = false;
    await vi.waitFor(() => expect(select(picker, 'kind').disabled).toBe(false));
    expect(picker.matches(':disabled')).toBe(false);
  });

  it('restores the state the browser saved', async () => {
    const picker = await mountPicker();
    const saved = JSON.stringify(onDemand({ watchDate: { operator: 'in-time-frame', frame: 'yesterday' } }));
    picker.formStateRestoreCallback(saved);
    await picker.updateComplete;
    expect(picker.value).toEqual(JSON.parse(saved));
    expect(select(picker, 'watchDate-frame').value).toBe('yesterday');
  });
});

describe('<odw-event-mode-picker>: audience preview', () => {
  const previewCriteria: AttendanceCriteria[] = [
    { version: 1, kind: 'has-attended' },
    { version: 1, kind: 'has-attended', eventMode: 'live' },
    onDemand(),
    onDemand({ watchDuration: { operator: 'at-least', minutes: 10 } }),
    onDemand({ watchDate: { operator: 'between', date: '2026-03-21', to: '2026-03-22' } }),
    onDemand({ watchDate: { operator: 'in-past', days: 2 }, watchDuration: { operator: 'less-than', minutes: 10 } }),
    onDemand({ watchDate: { operator: 'in-time-frame', frame: 'this-week' } }),
    { version: 1, kind: 'has-not-attended', eventMode: 'on-demand', watchDuration: { operator: 'greater-than', minutes: 10 } },
  ];

  /** Bigger data: 40 registrants, mixed statuses, views across the window. */
  function busyAttendance(): Attendance {
    const statuses = ['No Show', 'Registered', 'Attended', 'No Show', 'Invited'];
    const registrants = Array.from({ length: 40 }, (_, index) => registrant(`L${index}`, statuses[index % statuses.length] as string, index % 5 === 2 ? 30 : undefined));
    const views = Array.from({ length: 90 }, (_, index) => view(`L${(index * 7) % 40}`, afterEnd((index * 3) % 12, index * 13), (index * 11) % 37));
    return { registrants, views, reportedThrough: '2026-04-01' };
  }

  it.each([
    ['the widget data', widgetAttendance()],
    ['40 registrants', busyAttendance()],
  ])("the count equals core's selectAudience (%s)", async (_name, attendance) => {
    for (const criteria of previewCriteria) {
      const picker = await mountPicker(criteria, withData(eventAdapter(attendance)));
      const expected = selectAudience(amsterdamEvent, attendance, criteria, clock.day5).length;
      expect(await waitForCount(picker)).toBe(`${expected} ${expected === 1 ? 'person matches' : 'people match'}`);
      picker.remove();
    }
  });

  it.each([
    ['live or on-demand', { version: 1 as const }],
    ['live', { version: 1 as const, eventMode: 'live' as const }],
    ['on-demand, watched 10+ minutes in the last 3 days', onDemand({ watchDate: { operator: 'in-past', days: 3 }, watchDuration: { operator: 'at-least', minutes: 10 } })],
  ])('has attended + has not attended = everybody (%s)', async (_name, criteria) => {
    for (const attendance of [widgetAttendance(), busyAttendance()]) {
      const adapter = eventAdapter(attendance);
      const attended = await mountPicker({ ...criteria, kind: 'has-attended' }, withData(adapter));
      const notAttended = await mountPicker({ ...criteria, kind: 'has-not-attended' }, withData(adapter));
      const number = async (picker: OdwEventModePicker) => Number((await waitForCount(picker)).split(' ')[0]);
      const everybody = attendance.registrants.length;
      expect((await number(attended)) + (await number(notAttended))).toBe(everybody);
      cleanup();
    }
  });

  it('the trigger says who would have set it off', async () => {
    const picker = await mountPicker({ version: 1, kind: 'attends-event', eventMode: 'live' }, withData());
    expect(await waitForCount(picker)).toBe('2 people would have set off this trigger so far');
  });

  it("uses the adapter's countAudience push-down, with the valid criteria and the clock", async () => {
    const adapter = eventAdapter();
    const countAudience = vi.fn(async (_eventId: string, _criteria: AttendanceCriteria, _options: ClockedRequestOptions) => 1234);
    const picker = await mountPicker(onDemand(), withData({ ...adapter, getEvent: adapter.getEvent, getAttendance: adapter.getAttendance, countAudience }));
    expect(await waitForCount(picker)).toBe('1,234 people match');
    expect(countAudience).toHaveBeenCalledOnce();
    expect(countAudience.mock.calls[0]?.[0]).toBe(amsterdamEvent.id);
    expect(countAudience.mock.calls[0]?.[1]).toEqual(onDemand());
    expect(countAudience.mock.calls[0]?.[2].now).toEqual(clock.day5);
    expect(adapter.calls.getAttendance).toEqual([]);
  });

  it('is debounced: quick changes count once', async () => {
    const adapter = eventAdapter();
    const countAudience = vi.fn(async () => 3);
    const picker = await mountPicker(onDemand({ watchDuration: { operator: 'at-least', minutes: 1 } }), withData({ ...adapter, getEvent: adapter.getEvent, getAttendance: adapter.getAttendance, countAudience }));
    await waitForCount(picker);
    countAudience.mockClear();
    for (const minutes of ['1', '12', '123']) await type(picker, 'watchDuration-minutes', minutes);
    await waitForCount(picker);
    expect(countAudience).toHaveBeenCalledOnce();
    expect((countAudience.mock.calls[0] as unknown[])[1]).toEqual(onDemand({ watchDuration: { operator: 'at-least', minutes: 123 } }));
  });

  it('a slow count overtaken by a newer one never shows the old number', async () => {
    const adapter = eventAdapter();
    const pending: { criteria: AttendanceCriteria; signal: AbortSignal | undefined; resolve: (count: number) => void }[] = [];
    const countAudience = (_eventId: string, criteria: AttendanceCriteria, { signal }: ClockedRequestOptions) =>
      new Promise<number>((resolve) => pending.push({ criteria, signal, resolve }));
    const picker = await mountPicker({ version: 1, kind: 'has-attended', eventMode: 'live' }, withData({ ...adapter, getEvent: adapter.getEvent, getAttendance: adapter.getAttendance, countAudience }));
    const shown: string[] = [];
    const observer = new MutationObserver(() => shown.push(countText(picker)));
    observer.observe(picker.shadowRoot as ShadowRoot, { subtree: true, childList: true, characterData: true });

    await vi.waitFor(() => expect(pending).toHaveLength(1));
    pending[0]?.resolve(11);
    expect(await waitForCount(picker)).toBe('11 people match');

    await click(picker, modeRadio('on-demand')); // count 2: slow
    expect(countText(picker)).toBe('Counting people…'); // the old number goes at once
    await vi.waitFor(() => expect(pending).toHaveLength(2));
    await choose(picker, 'kind', 'has-not-attended'); // count 3 overtakes it
    await vi.waitFor(() => expect(pending).toHaveLength(3));
    expect(pending[1]?.signal?.aborted).toBe(true);
    pending[2]?.resolve(7);
    expect(await waitForCount(picker)).toBe('7 people match');
    pending[1]?.resolve(99); // the overtaken answer arrives late
    await new Promise((resolve) => setTimeout(resolve, 50));
    await picker.updateComplete;
    observer.disconnect();
    expect(countText(picker)).toBe('7 people match');
    expect(shown.filter((text) => text.includes('99'))).toEqual([]);
    expect(pending[2]?.criteria).toEqual({ version: 1, kind: 'has-not-attended', eventMode: 'on-demand' });
  });

  it('shows loading, then an error with a Retry that counts again', async () => {
    const adapter = eventAdapter();
    adapter.hold(amsterdamEvent.id);
    const picker = await mountPicker(undefined, withData(adapter));
    const count = control<HTMLElement>(picker, '[part="count"]');
    expect(count.getAttribute('aria-busy')).toBe('true');
    expect(countText(picker)).toBe('Counting people…');
    adapter.fail(amsterdamEvent.id, new AdapterError('unavailable', 'The reporting service is down.'));
    adapter.release(amsterdamEvent.id);
    const alert = await waitForShadow(picker, (root) => root.querySelector<HTMLElement>('[part="count-error"][role="alert"]'));
    expect(alert.textContent).toContain('Could not count the people who match: the reporting service cannot be reached right now; try again in a moment.');
    expect(picker.shadowRoot?.querySelector('[part="error-details"]')?.textContent).toContain('The reporting service is down.');
    await expectAxeClean(picker);
    adapter.heal(amsterdamEvent.id);
    await click(picker, 'button[part="retry"]');
    expect(await waitForCount(picker)).toBe('5 people match');
    expect(picker.shadowRoot?.querySelector('[part="count-error"]')).toBeNull();
  });

  it('with show-people, offers "Show people" beside a count and fires odw-show-people with the event and criteria', async () => {
    const plain = await mountPicker(onDemand(), withData());
    await waitForCount(plain);
    expect(plain.shadowRoot?.querySelector('[part="show-people"]'), 'only on request').toBeNull();
    plain.remove();

    const picker = mount(
      createPicker(onDemand({ watchDuration: { operator: 'at-least', minutes: 10 } }), (element) => {
        withData()(element);
        element.showPeople = true;
      }),
    );
    await waitForCount(picker);
    expect(picker.getAttribute('show-people'), 'reflected').toBe('');
    const button = await waitForShadow(picker, (root) => root.querySelector<HTMLButtonElement>('button[part="show-people"]'));
    expect(button.textContent?.trim()).toBe('Show people');
    // Beside the live region, not in it: a new count is read without the button's text.
    expect(picker.shadowRoot?.querySelector('[role="status"][part="count"] button')).toBeNull();
    const shown: Array<{ eventId: string; criteria: AttendanceCriteria }> = [];
    picker.addEventListener('odw-show-people', (event) => shown.push(event.detail), { once: true });
    button.click();
    expect(shown).toEqual([{ eventId: amsterdamEvent.id, criteria: onDemand({ watchDuration: { operator: 'at-least', minutes: 10 } }) }]);

    // No button while the criteria are invalid: there is nobody to show.
    await type(picker, 'watchDuration-minutes', '-1');
    await waitForShadow(picker, (root) => (root.querySelector('button[part="show-people"]') ? null : root));
  });

  it('shows nothing without an adapter', async () => {
    const picker = await mountPicker(onDemand());
    expect(picker.shadowRoot?.querySelector('[part="count"]')).toBeNull();
  });

  it('inside a provider, uses its adapter, event and clock', async () => {
    const adapter = eventAdapter();
    const provider = document.createElement('odw-data-provider');
    provider.adapter = adapter;
    provider.eventId = amsterdamEvent.id;
    provider.now = clock.day5;
    const picker = createPicker(onDemand({ watchDate: { operator: 'is', date: '2026-02-01' } }));
    provider.append(picker);
    mount(provider);
    // The provider's event brings its window: the date is outside it.
    await waitForShadow(picker, (root) => root.querySelector('#watchDate-date[aria-invalid="true"]'));
    await type(picker, 'watchDate-date', '2026-03-21');
    expect(await waitForCount(picker)).toBe(`${selectAudience(amsterdamEvent, widgetAttendance(), picker.value as AttendanceCriteria, clock.day5).length} people match`);
  });
});

describe('<odw-event-mode-picker>: language, theming, accessibility', () => {
  it('speaks Dutch, with Dutch plurals', async () => {
    const picker = await mountPicker(onDemand({ watchDuration: { operator: 'at-least', minutes: 10 } }), (element) => {
      withData()(element);
      element.locale = 'nl-NL';
    });
    const text = shadowText(picker);
    for (const words of ['Filter of trigger', 'Heeft evenement bijgewoond', 'Evenementmodus', 'Live of on-demand', 'Kijkdatum', 'Kijkduur', 'Voorwaarde', 'minstens']) {
      expect(text).toContain(words);
    }
    expect(await waitForCount(picker)).toBe('3 personen voldoen');
    await choose(picker, 'watchDuration-operator', 'greater-than');
    await type(picker, 'watchDuration-minutes', '25');
    expect(await waitForCount(picker, /voldoet/)).toBe('1 persoon voldoet');
    await type(picker, 'watchDuration-minutes', '-2');
    expect(describedBy(picker, '#watchDuration-minutes')).toBe('Vul hele minuten in, 0 of meer.');
    expect(picker.validationMessage).toBe('Vul hele minuten in, 0 of meer.');
  });

  it('takes the locale from the nearest lang', async () => {
    const wrapper = mount(Object.assign(document.createElement('div'), { lang: 'nl-BE' }));
    const picker = mount(createPicker({ version: 1, kind: 'has-attended', eventMode: 'live', watchDate: { operator: 'in-past', days: 2 } }), wrapper);
    await picker.updateComplete;
    expect(describedBy(picker, '#watchDate')).toBe(
      'Kijkdatum geldt alleen voor on-demand kijken: kies On-demand als evenementmodus, of vink Kijkdatum uit om het te verwijderen.',
    );
  });

  it('every string can be overridden, one operator or plural form at a time', async () => {
    const picker = await mountPicker(onDemand({ watchDuration: { operator: 'at-least', minutes: 10 } }), (element) => {
      withData()(element);
      element.strings = { modeAny: 'Either way', durationOperators: { 'at-least': '≥' }, count: { other: '{count} leads' } };
    });
    expect(shadowText(picker)).toContain('Either way');
    expect(select(picker, 'watchDuration-operator').selectedOptions[0]?.textContent).toBe('≥');
    expect(shadowText(picker)).toContain('at most'); // the rest of the group stays
    expect(await waitForCount(picker, /leads/)).toBe('3 leads');
  });

  it('uses native, labelled controls; the modes are a radio group in a fieldset with a legend', async () => {
    const picker = await mountPicker(onDemand({ watchDate: { operator: 'between', date: '2026-03-21', to: '2026-03-22' }, watchDuration: { operator: 'between', minutes: 1, to: 2 } }));
    const root = picker.shadowRoot as ShadowRoot;
    expect(root.querySelector('fieldset[part="mode"] > legend')?.textContent?.trim()).toBe('Event mode');
    expect(root.querySelectorAll('fieldset[part="mode"] input[type="radio"]')).toHaveLength(3);
    expect(root.querySelectorAll('input[type="date"]')).toHaveLength(2);
    expect(root.querySelectorAll('input[type="number"]')).toHaveLength(2);
    for (const element of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
      expect(element.labels?.length, element.id).toBe(1);
      expect(element.labels?.[0]?.textContent?.trim(), element.id).not.toBe('');
    }
    // Strict CSP: no inline styles anywhere.
    expect(root.querySelectorAll('[style]')).toHaveLength(0);
    for (const part of ['base', 'kind', 'mode', 'watch-date', 'watch-duration']) expect(root.querySelector(`[part~="${part}"]`), part).not.toBeNull();
  });

  const states: [string, unknown, boolean][] = [
    ['default', undefined, false],
    ['live', { version: 1, kind: 'has-attended', eventMode: 'live' }, false],
    ['on-demand with both constraints', onDemand({ watchDate: { operator: 'between', date: '2026-03-21', to: '2026-03-24' }, watchDuration: { operator: 'at-least', minutes: 5 } }), true],
    ['invalid: constraints without On-demand', { version: 1, kind: 'has-attended', watchDate: { operator: 'is', date: '2026-03-22' }, watchDuration: { operator: 'is', minutes: -1 } }, true],
    ['invalid: values', onDemand({ watchDate: { operator: 'between', date: '2026-03-24', to: '2026-01-01' }, watchDuration: { operator: 'between', minutes: 9, to: 1 } }), true],
    ['invalid: unsupported settings', { version: 3, kind: 'nope', eventMode: 'hybrid', extra: true }, false],
  ];

  for (const theme of ['light', 'dark'] as const) {
    it.each(states)(`is clean for axe in the ${theme} theme: %s`, async (_name, criteria, data) => {
      const picker = await mountPicker(criteria, (element) => {
        element.theme = theme;
        if (data) withData()(element);
      });
      if (data) await vi.waitFor(() => expect(countText(picker)).not.toBe('Counting people…'), { timeout: 10_000 }); // as waitForCount
      await expectAxeClean(picker);
    });
  }

  it('narrow containers stack the controls; wide ones put them side by side', async () => {
    const criteria = onDemand({ watchDate: { operator: 'between', date: '2026-03-21', to: '2026-03-24' } });
    const box = (width: number) => mount(Object.assign(document.createElement('div'), { className: `w${width}` }));
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.w320 { width: 320px } .w720 { width: 720px }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const narrow = mount(createPicker(criteria), box(320));
    const wide = mount(createPicker(criteria), box(720));
    await Promise.all([narrow.updateComplete, wide.updateComplete]);
    const top = (picker: OdwEventModePicker, id: string) => control(picker, `#${id}`).getBoundingClientRect().top;
    expect(top(narrow, 'watchDate-to')).toBeGreaterThan(top(narrow, 'watchDate-date'));
    expect(top(narrow, 'mode-live')).toBeGreaterThan(top(narrow, 'mode-any'));
    expect(top(wide, 'watchDate-to')).toBe(top(wide, 'watchDate-date'));
    expect(top(wide, 'mode-live')).toBe(top(wide, 'mode-any'));
    expect(top(wide, 'mode-any')).toBeLessThan(top(wide, 'kind') + 40);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((entry) => entry !== sheet);
  });
});
