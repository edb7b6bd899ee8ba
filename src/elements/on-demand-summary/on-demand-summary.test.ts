import { afterEach, describe, expect, it, vi } from 'vitest';
import { dailyOnDemandVisitors } from '../../core/index.ts';
import { cleanup, expectAccessible, mount, shadowText, waitForShadow } from '../../../test/fixtures/dom.ts';
import { testAdapter, type TestAdapter } from '../../../test/fixtures/test-adapter.ts';
import { amsterdamEvent, clock, eventNamed, widgetAttendance } from '../../../test/fixtures/widget-data.ts';
import './on-demand-summary.ts';
import type { DaySelectDetail, OdwOnDemandSummary } from './on-demand-summary.ts';

afterEach(cleanup);

function adapterWith(attendance = widgetAttendance()): TestAdapter {
  return testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance } });
}

function summaryElement(adapter = adapterWith(), now = clock.day5, setup: (element: OdwOnDemandSummary) => void = () => {}): OdwOnDemandSummary {
  const element = document.createElement('odw-on-demand-summary');
  element.adapter = adapter;
  element.eventId = amsterdamEvent.id;
  element.now = now;
  setup(element);
  return mount(element);
}

const bars = (element: Element) => [...(element.shadowRoot?.querySelectorAll('rect.bar:not(.rewatch)') ?? [])];
const loaded = (element: Element) => waitForShadow(element, (root) => root.querySelector('.total'));

describe('<odw-on-demand-summary>', () => {
  it("draws one bar per window day with core's counts, unreported days distinct", async () => {
    const element = summaryElement();
    await loaded(element);
    const expected = dailyOnDemandVisitors(amsterdamEvent, widgetAttendance());
    expect(bars(element)).toHaveLength(31);
    expect(bars(element).map((bar) => bar.classList.contains('unreported'))).toEqual(expected.days.map((day) => day.visitors === null));
    expect(shadowText(element)).toContain(`${expected.totalVisitors} unique no-show visitors in these days`);
    expect(shadowText(element)).toContain('Reported through March 25; later days are not reported yet.');
    const summary = element.shadowRoot?.querySelector('svg[role="img"]')?.getAttribute('aria-label');
    expect(summary).toBe('Unique no-show visitors per day from Mar 20 to Apr 19: 3 in all; the busiest day was Mar 21 with 2.');
  });

  it("shows the same numbers as a table", async () => {
    const element = summaryElement(adapterWith(), clock.day5, (summary) => (summary.showTable = true));
    const table = await waitForShadow(element, (root) => root.querySelector('table'));
    const expected = dailyOnDemandVisitors(amsterdamEvent, widgetAttendance());
    const cells = [...table.querySelectorAll('tbody tr')].map((row) => row.querySelector('td')?.textContent?.trim());
    expect(cells).toEqual(expected.days.map((day) => (day.visitors === null ? 'not reported yet' : String(day.visitors))));
    await expectAccessible(element);
  });

  it('toggles between chart and table with a button', async () => {
    const element = summaryElement();
    await loaded(element);
    const toggle = [...(element.shadowRoot?.querySelectorAll('button') ?? [])].find((button) => button.textContent?.includes('Show as table'));
    toggle?.click();
    await waitForShadow(element, (root) => root.querySelector('table'));
    expect(element.showTable).toBe(true);
  });

  it('reads every day by keyboard with one tab stop, and selects with Enter', async () => {
    const element = summaryElement();
    await loaded(element);
    const chart = element.shadowRoot?.querySelector('[part="chart"]') as HTMLElement;
    expect(chart.tabIndex).toBe(0);
    chart.focus();
    await element.updateComplete;
    const live = () => element.shadowRoot?.querySelector('[aria-live]')?.textContent?.trim();
    expect(live()).toBe('Wed, Mar 25: 0 visitors'); // the last reported day
    const key = async (name: string) => {
      chart.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
      await element.updateComplete;
    };
    await key('Home');
    expect(live()).toBe('Fri, Mar 20: 0 visitors');
    await key('ArrowRight');
    expect(live()).toBe('Sat, Mar 21: 2 visitors');
    expect(element.shadowRoot?.querySelector('.tooltip text')?.textContent).toBe('Sat, Mar 21: 2 visitors');
    await key('End');
    expect(live()).toBe('Sun, Apr 19: not reported yet');
    await key('Home');
    await key('ArrowRight');
    const selected = new Promise<DaySelectDetail>((resolve) => element.addEventListener('odw-day-select', (event) => resolve(event.detail), { once: true }));
    await key('Enter');
    expect(await selected).toEqual({ eventId: amsterdamEvent.id, day: '2026-03-21', visitors: 2, rewatchers: 0 });
  });

  it('picks the last 7 days or one day from its range control', async () => {
    const element = summaryElement();
    await loaded(element);
    const changes: unknown[] = [];
    element.addEventListener('odw-range-change', (event) => changes.push(event.detail));
    const select = element.shadowRoot?.querySelector('select') as HTMLSelectElement;
    select.value = 'last-days';
    select.dispatchEvent(new Event('change'));
    // Today is March 25, day 6 of the window: "last 7 days" never starts before the window.
    await vi.waitFor(() => expect(bars(element)).toHaveLength(6));
    expect(element.days).toBe(7);
    select.value = 'day';
    select.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(bars(element)).toHaveLength(1));
    expect(changes).toEqual([
      { from: undefined, to: undefined, days: 7 },
      { from: '2026-03-25', to: '2026-03-25', days: undefined },
    ]);
    const input = element.shadowRoot?.querySelector('input[type="date"]') as HTMLInputElement;
    input.value = '2026-03-21';
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(shadowText(element)).toContain('2 unique no-show visitors in these days'));
  });

  it('shows an error naming the range when from/to lie outside the window', async () => {
    const element = summaryElement(adapterWith(), clock.day5, (summary) => {
      summary.from = '2026-01-01';
      summary.to = '2026-01-05';
    });
    const alert = await waitForShadow(element, (root) => root.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('range.from 2026-01-01 is outside the on-demand window 2026-03-20 … 2026-04-19');
  });

  it('draws the rewatch series on request', async () => {
    const element = summaryElement(adapterWith(), clock.day5, (summary) => (summary.showRewatches = true));
    await loaded(element);
    expect(element.shadowRoot?.querySelectorAll('rect.rewatch').length).toBeGreaterThan(0);
    expect(shadowText(element)).toContain('1 attendee rewatched');
  });

  it('exports the shown series as CSV', async () => {
    const element = summaryElement();
    await loaded(element);
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:test'));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    try {
      [...(element.shadowRoot?.querySelectorAll('button') ?? [])].find((button) => button.textContent?.includes('CSV'))?.click();
      const text = await blobs[0]?.text();
      expect(text?.split('\r\n').slice(0, 3)).toEqual(['Day,No-show visitors,Rewatches by attendees,Minutes watched', '2026-03-20,0,0,0', '2026-03-21,2,0,42']);
      expect(click).toHaveBeenCalledOnce();
    } finally {
      create.mockRestore();
      click.mockRestore();
    }
  });

  it.each([
    ['upcoming', clock.beforeEvent, 'The recording becomes available on demand when the event ends'],
    ['closed', clock.closed, 'Tracking stopped on April 19, 2026.'],
  ])('tells the %s state', async (_, now, text) => {
    const element = summaryElement(adapterWith(widgetAttendance(_ === 'closed' ? '2026-04-19' : '2026-03-19')), now);
    await loaded(element);
    expect(shadowText(element)).toContain(text);
  });

  it('says when nobody watched yet', async () => {
    const element = summaryElement(adapterWith({ ...widgetAttendance(), views: [] }));
    await loaded(element);
    expect(shadowText(element)).toContain('No on-demand views yet.');
    expect(element.shadowRoot?.querySelector('svg')?.getAttribute('aria-label')).toBe('No on-demand visitors in these days.');
  });

  it('speaks Dutch', async () => {
    const element = summaryElement(adapterWith(), clock.day5, (summary) => (summary.locale = 'nl'));
    await loaded(element);
    expect(shadowText(element)).toContain('3 unieke no-show bezoekers in deze dagen');
    expect(shadowText(element)).toContain('Gerapporteerd tot en met 25 maart');
  });

  it('renders a hostile event name as text', async () => {
    const payload = '"><svg onload=alert(1)><img src=x onerror=alert(2)>';
    const adapter = testAdapter({ x: { event: eventNamed(payload, 'x'), attendance: widgetAttendance() } });
    const element = summaryElement(adapter, clock.day5, (summary) => (summary.eventId = 'x'));
    await loaded(element);
    expect(shadowText(element)).toContain(payload);
    expect(element.shadowRoot?.querySelector('img')).toBeNull();
  });

  it('is clean for axe while loading, on error, in light and dark', async () => {
    const holding = adapterWith();
    holding.hold(amsterdamEvent.id);
    const loading = summaryElement(holding);
    await waitForShadow(loading, (root) => root.querySelector('[aria-busy="true"]'));
    await expectAccessible(loading);
    const failing = summaryElement(adapterWith(), clock.day5, (summary) => (summary.eventId = 'missing'));
    await waitForShadow(failing, (root) => root.querySelector('[role="alert"]'));
    await expectAccessible(failing);
    for (const theme of ['light', 'dark'] as const) {
      const element = summaryElement(adapterWith(), clock.day5, (summary) => {
        summary.theme = theme;
        summary.showRewatches = true;
      });
      await loaded(element);
      await expectAccessible(element);
    }
    holding.release(amsterdamEvent.id);
  });
});
