import { afterEach, describe, expect, it, vi } from 'vitest';
import { dailyOnDemandVisitors, daysFromTo, type OnDemandProjection } from '../../core/index.ts';
import { AdapterError, type DataAdapter } from '../../adapters/adapter.ts';
import { cleanup, expectAccessible, mount, shadowText, waitForShadow } from '../../../test/fixtures/dom.ts';
import { testAdapter, type TestAdapter } from '../../../test/fixtures/test-adapter.ts';
import { amsterdamEvent, clock, eventNamed, widgetAttendance } from '../../../test/fixtures/widget-data.ts';
import { afterEnd, view } from '../../../test/fixtures/core-fixtures.ts';
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
/** WCAG contrast ratio of two computed rgb() colors. */
function contrast(one: string, two: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
      const value = Number(part) / 255;
      return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [light, dark] = [luminance(one), luminance(two)].sort((a, b) => b - a);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
const loaded = (element: Element) => waitForShadow(element, (root) => root.querySelector('.total'));

describe('<odw-on-demand-summary>', () => {
  it("draws one bar per window day with core's counts, unreported days distinct", async () => {
    const element = summaryElement(adapterWith(), clock.day5, (summary) => (summary.noProjection = true));
    await loaded(element);
    const expected = dailyOnDemandVisitors(amsterdamEvent, widgetAttendance());
    expect(bars(element)).toHaveLength(31);
    expect(bars(element).map((bar) => bar.classList.contains('unreported'))).toEqual(expected.days.map((day) => day.visitors === null));
    expect(shadowText(element)).toContain(`${expected.totalVisitors} unique no-show visitors in these days`);
    expect(shadowText(element)).toContain('Reported through March 25.');
    const summary = element.shadowRoot?.querySelector('svg[role="img"]')?.getAttribute('aria-label');
    expect(summary).toBe('Unique no-show visitors per day from Mar 20 to Apr 19: 3 in all; the busiest day was Mar 21 with 2.');
  });

  // Its early start of the attendance (test/browser/round-trips.test.ts) is only for adapters that do not aggregate.
  it('leaves the attendance alone when the adapter aggregates the summary', async () => {
    const adapter = adapterWith();
    const getAttendance = vi.spyOn(adapter, 'getAttendance');
    adapter.getDailySummary = async (_eventId, range) => dailyOnDemandVisitors(amsterdamEvent, widgetAttendance(), range);
    const element = summaryElement(adapter, clock.day5, (summary) => (summary.noProjection = true));
    await loaded(element);
    expect(getAttendance).not.toHaveBeenCalled();
  });

  it("shows the same numbers as a table", async () => {
    const element = summaryElement(adapterWith(), clock.day5, (summary) => ((summary.showTable = true), (summary.noProjection = true)));
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
    const element = summaryElement(adapterWith(), clock.day5, (summary) => (summary.noProjection = true));
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
    // March 25 is the last reported day, and nobody watched on it.
    await vi.waitFor(() => expect(shadowText(element)).toContain('No one watched the recording on demand in these days.'));
    expect(changes).toEqual([
      { from: undefined, to: undefined, days: 7 },
      { from: '2026-03-25', to: '2026-03-25', days: undefined },
    ]);
    const input = element.shadowRoot?.querySelector('input[type="date"]') as HTMLInputElement;
    input.value = '2026-03-21';
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(shadowText(element)).toContain('2 unique no-show visitors in these days'));
  });

  it('keeps the keyboard on the range control while the new range loads (the old chart stays, dimmed and busy)', async () => {
    // A push-down summary held open: the new range is pending for as long as the test says.
    const adapter = adapterWith();
    const gate: { held?: Promise<void> } = {};
    let release = () => {};
    const pushDown: TestAdapter = {
      ...adapter,
      async getDailySummary(eventId, range) {
        await gate.held;
        return dailyOnDemandVisitors(amsterdamEvent, widgetAttendance(), range);
      },
    };
    const element = summaryElement(pushDown, clock.day5, (summary) => (summary.noProjection = true));
    await loaded(element);
    gate.held = new Promise<void>((resolve) => (release = resolve));
    const select = element.shadowRoot?.querySelector('select') as HTMLSelectElement;
    select.focus();
    select.value = 'last-days';
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    // Pending: the same control still has the focus, the card says it is busy, the old bars stay.
    expect(element.shadowRoot?.activeElement).toBe(select);
    expect(element.shadowRoot?.querySelector('section')?.getAttribute('aria-busy')).toBe('true');
    expect(bars(element)).toHaveLength(31);
    expect(element.shadowRoot?.querySelector('.refreshing')).not.toBeNull();
    release();
    await vi.waitFor(() => expect(bars(element)).toHaveLength(6));
    expect(element.shadowRoot?.activeElement).toBe(select);
    expect(element.shadowRoot?.querySelector('.refreshing')).toBeNull();
    // Another event is not a refresh: its loading state shows at once, not the old event's chart.
    element.eventId = 'another-event';
    await element.updateComplete;
    expect(bars(element)).toHaveLength(0);
  });

  describe('a person\'s input never ends in a dead end (#16 item 1)', () => {
    const chooseOneDay = async (element: OdwOnDemandSummary) => {
      const select = element.shadowRoot?.querySelector('select') as HTMLSelectElement;
      select.value = 'day';
      select.dispatchEvent(new Event('change'));
      return waitForShadow(element, (root) => root.querySelector<HTMLInputElement>('input[type="date"]'));
    };
    const type = (input: HTMLInputElement, value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('change'));
    };

    it('refuses a day outside the window at the field, keeping the range and the card', async () => {
      const element = summaryElement(adapterWith(widgetAttendance('2026-03-24')));
      await loaded(element);
      const input = await chooseOneDay(element);
      await vi.waitFor(() => expect(bars(element)).toHaveLength(1));
      expect(input.min).toBe('2026-03-20');
      expect(input.max).toBe('2026-04-19');
      const changes: unknown[] = [];
      element.addEventListener('odw-range-change', (event) => changes.push(event.detail));
      // The first digits of a typed year: the field briefly holds a day far outside the window.
      for (const day of ['0002-03-25', '2020-03-25', '2026-04-20']) {
        type(input, day);
        await element.updateComplete;
        expect(element.shadowRoot?.querySelector('[role="alert"]')).toBeNull();
        expect(shadowText(element)).toContain('Choose a day from March 20 to April 19, 2026.');
        expect(input.getAttribute('aria-invalid')).toBe('true');
        expect(element.shadowRoot?.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toContain('Choose a day from');
        expect(element.from).toBe('2026-03-24');
        expect(bars(element)).toHaveLength(1);
      }
      expect(changes).toEqual([]);
      type(input, '2026-03-21');
      await vi.waitFor(() => expect(shadowText(element)).toContain('2 unique no-show visitors in these days'));
      expect(shadowText(element)).not.toContain('Choose a day from');
      expect(element.shadowRoot?.querySelector('input[type="date"]')?.getAttribute('aria-invalid')).toBe('false');
      expect(changes).toEqual([{ from: '2026-03-21', to: '2026-03-21', days: undefined }]);
    });

    it('switching to an event whose window does not hold the chosen day shows its whole window, then takes a new day', async () => {
      const later = { ...amsterdamEvent, id: 'later', name: 'Summer launch', startsAt: '2026-06-10T15:00:00Z', endsAt: '2026-06-10T16:00:00Z' };
      const adapter = testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() }, later: { event: later, attendance: { ...widgetAttendance('2026-06-20'), views: [] } } });
      const element = summaryElement(adapter, new Date('2026-06-21T12:00:00Z'), (summary) => {
        summary.from = '2026-03-21';
        summary.to = '2026-03-21';
      });
      await vi.waitFor(() => expect(shadowText(element)).toContain('2 unique no-show visitors in these days'));
      element.eventId = 'later';
      await vi.waitFor(() => expect(shadowText(element)).toContain('Summer launch'));
      expect(element.shadowRoot?.querySelector('[role="alert"], [part="error"]')).toBeNull();
      expect(shadowText(element)).toContain("showing the whole window");
      const select = element.shadowRoot?.querySelector('select') as HTMLSelectElement;
      expect(select.value).toBe('window');
      select.value = 'day';
      select.dispatchEvent(new Event('change'));
      expect([element.from, element.to]).toEqual(['2026-06-20', '2026-06-20']);
      await vi.waitFor(() => expect(shadowText(element)).not.toContain('showing the whole window'));
    });

    it('falls back to the whole window when from/to do not fit the event (another event chosen)', async () => {
      const element = summaryElement(adapterWith(), clock.day5, (summary) => {
        summary.from = '2026-01-01';
        summary.to = '2026-01-05';
      });
      await loaded(element);
      expect(element.shadowRoot?.querySelector('[role="alert"]')).toBeNull();
      expect(bars(element)).toHaveLength(31);
      expect((element.shadowRoot?.querySelector('select') as HTMLSelectElement).value).toBe('window');
      expect(shadowText(element)).toContain('The chosen days are outside this event\'s on-demand window; showing the whole window.');
    });
  });

  it('still names a from/to that is no day at all (the page\'s mistake, not a reader\'s)', async () => {
    const element = summaryElement(adapterWith(), clock.day5, (summary) => {
      summary.from = 'next week';
      summary.to = '2026-03-25';
    });
    const alert = await waitForShadow(element, (root) => root.querySelector('[role="alert"], [part="error"]'));
    expect(element.shadowRoot?.textContent).toContain('next week');
    expect(alert).not.toBeNull();
  });

  describe('honest empty states (#16 item 5)', () => {
    it('"One day" starts on the last reported day, not on unreported today', async () => {
      const element = summaryElement(adapterWith(widgetAttendance('2026-03-23')));
      await loaded(element);
      const changes: unknown[] = [];
      element.addEventListener('odw-range-change', (event) => changes.push(event.detail));
      const select = element.shadowRoot?.querySelector('select') as HTMLSelectElement;
      select.value = 'day';
      select.dispatchEvent(new Event('change'));
      expect(changes).toEqual([{ from: '2026-03-23', to: '2026-03-23', days: undefined }]);
      await vi.waitFor(() => expect(bars(element)).toHaveLength(1));
      expect(bars(element)[0]?.classList.contains('unreported')).toBe(false);
    });

    it('"Last 7 days" are the last 7 reported days', async () => {
      const element = summaryElement(adapterWith(widgetAttendance('2026-03-23')), clock.day5, (summary) => (summary.days = 7));
      await loaded(element);
      // Reported through March 23 (today is the 25th): March 20 … 23, every one reported.
      expect(bars(element)).toHaveLength(4);
      expect(bars(element).some((bar) => bar.classList.contains('unreported'))).toBe(false);
    });

    it('an upcoming event says when the recording opens, with no chart and no total', async () => {
      const element = summaryElement(adapterWith(widgetAttendance('2026-03-19')), clock.beforeEvent);
      await loaded(element);
      expect(element.shadowRoot?.querySelector('svg')).toBeNull();
      expect(element.shadowRoot?.querySelector('[part="value"]')?.textContent?.trim()).toBe('Opens on demand on March 20');
      expect(shadowText(element)).not.toContain('unique no-show');
      expect(shadowText(element)).toContain('The recording opens on demand when the event ends, on March 20, 2026');
      // Nothing to choose or download yet: every control is there (its room kept) but disabled.
      const controls = [...(element.shadowRoot?.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>(':not(.reserve) > [part="controls"] :is(select, input, button)') ?? [])];
      expect(controls.length).toBeGreaterThanOrEqual(4);
      expect(controls.filter((control) => !control.disabled).map((control) => control.outerHTML.slice(0, 60))).toEqual([]);
      await expectAccessible(element);
    });

    it('an event without views says so instead of drawing empty columns', async () => {
      const element = summaryElement(adapterWith({ ...widgetAttendance(), views: [] }));
      await loaded(element);
      expect(bars(element)).toHaveLength(0);
      expect(shadowText(element)).toContain('No one watched the recording on demand in these days.');
    });
  });

  it('explains daily bars that add up to more than the unique total (#16 item 6)', async () => {
    const element = summaryElement();
    await loaded(element);
    // Bars: 2 + 1 + 1 + 1 = 5 day-visits by 3 people (A came back on three days).
    expect(shadowText(element)).toContain('The bars add up to 5: a person who watched on several days counts once in the total.');
    const single = summaryElement(adapterWith(), clock.day5, (summary) => {
      summary.from = '2026-03-21';
      summary.to = '2026-03-21';
    });
    await loaded(single);
    expect(shadowText(single)).not.toContain('The bars add up');
  });

  it.each([
    ['en', 'Sun, Mar 22: 1 visitor', 'Sat, Mar 21: 2 visitors'],
    ['nl', 'zo 22 mrt: 1 bezoeker', 'za 21 mrt: 2 bezoekers'],
  ])('says "1 visitor" in the %s tooltip (#16 item 7)', async (locale, one, two) => {
    const element = summaryElement(adapterWith(), clock.day5, (summary) => (summary.locale = locale));
    await loaded(element);
    const chart = element.shadowRoot?.querySelector('[part="chart"]') as HTMLElement;
    chart.focus();
    const key = async (name: string) => {
      chart.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
      await element.updateComplete;
    };
    await key('Home');
    await key('ArrowRight');
    expect(element.shadowRoot?.querySelector('.tooltip text')?.textContent).toBe(two);
    await key('ArrowRight');
    expect(element.shadowRoot?.querySelector('.tooltip text')?.textContent).toBe(one);
  });

  describe('polish (#16 item 10)', () => {
    const inBox = (width: number, setup: (element: OdwOnDemandSummary) => void = () => {}, adapter = adapterWith()) => {
      const box = mount(document.createElement('div'));
      box.style.width = `${width}px`;
      const element = document.createElement('odw-on-demand-summary');
      Object.assign(element, { adapter, eventId: amsterdamEvent.id, now: clock.day5 });
      setup(element);
      box.append(element);
      return element;
    };

    it('draws the chart at its own width (no scaled-down text) with a ≥ 24 px tap target per day', async () => {
      const element = inBox(375);
      await loaded(element);
      const svg = element.shadowRoot?.querySelector('svg') as SVGSVGElement;
      await vi.waitFor(() => expect(Math.abs(svg.viewBox.baseVal.width - svg.getBoundingClientRect().width)).toBeLessThan(1));
      const hits = [...(element.shadowRoot?.querySelectorAll('rect.hit') ?? [])].map((rect) => rect.getBoundingClientRect());
      expect(hits).toHaveLength(31);
      for (const hit of hits) expect(hit.height).toBeGreaterThanOrEqual(24);
      // Side by side without gaps: a tap anywhere over the days lands on one.
      for (let index = 1; index < hits.length; index++) expect(hits[index]!.left).toBeCloseTo(hits[index - 1]!.right, 3);
      const selected = new Promise<string>((resolve) => element.addEventListener('odw-day-select', (event) => resolve(event.detail.day), { once: true }));
      (element.shadowRoot?.querySelectorAll('rect.hit')[1] as SVGRectElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
      expect(await selected).toBe('2026-03-21');
    });

    it('marks zero-value days and draws unreported days at ≥ 3:1 contrast in light and dark', async () => {
      for (const theme of ['light', 'dark'] as const) {
        const element = summaryElement(adapterWith(), clock.day5, (summary) => ((summary.theme = theme), (summary.noProjection = true)));
        await loaded(element);
        // March 20 and 25 had nobody.
        expect([...(element.shadowRoot?.querySelectorAll('.zero') ?? [])].length).toBe(2);
        const unreported = element.shadowRoot?.querySelector('rect.unreported') as SVGRectElement;
        const surface = getComputedStyle(element.shadowRoot?.querySelector('.card') as Element).backgroundColor;
        const style = getComputedStyle(unreported);
        expect(contrast(style.stroke, surface), theme).toBeGreaterThanOrEqual(3);
        expect(parseFloat(style.strokeWidth)).toBeGreaterThanOrEqual(1);
        expect(style.opacity).toBe('1');
      }
    });

    it('keeps the day on one line in a phone-wide table, minutes without ".0", and names every busiest day', async () => {
      const tie = { ...widgetAttendance(), views: [...widgetAttendance().views, view('B', afterEnd(2, 30), 1367)] };
      const element = inBox(375, (summary) => (summary.showTable = true), adapterWith(tie));
      const table = await waitForShadow(element, (root) => root.querySelector('table'));
      const row = table.querySelector('tbody th') as HTMLElement;
      expect(row.getBoundingClientRect().height).toBeLessThan(parseFloat(getComputedStyle(row).lineHeight) * 1.5 + 12);
      const minutes = [...table.querySelectorAll('tbody tr')].map((tr) => tr.lastElementChild?.textContent?.trim());
      expect(minutes.slice(0, 3)).toEqual(['0', '42', '1,395']);
      expect(table.querySelector('caption')?.textContent).toContain('the busiest days were Mar 21 and Mar 22, with 2 each');
    });

    it("shows the chosen day in the widget's language next to the native date field", async () => {
      const element = summaryElement(adapterWith(), clock.day5, (summary) => {
        summary.locale = 'nl';
        summary.from = '2026-03-21';
        summary.to = '2026-03-21';
      });
      await loaded(element);
      expect(element.shadowRoot?.querySelector('.controls')?.textContent).toContain('zaterdag 21 maart 2026');
      await expectAccessible(element);
    });

    it('fills the height its grid row gives it (cards side by side end together)', async () => {
      const row = mount(document.createElement('div'));
      // Taller than the card's content at half this viewport's width (the projection's key takes four lines there).
      row.style.cssText = 'display: grid; grid-template-columns: 1fr 1fr; height: 780px';
      const element = summaryElement();
      row.append(element);
      await loaded(element);
      expect(element.shadowRoot?.querySelector('.card')?.getBoundingClientRect().height).toBe(780);
    });
  });

  it('downloads CSV for the reader\'s spreadsheet: ; and decimal commas in Dutch, a BOM, event and "reported through" in the name (#16 item 11)', async () => {
    const element = summaryElement(adapterWith(), clock.day5, (summary) => (summary.locale = 'nl'));
    await loaded(element);
    const blobs: Blob[] = [];
    const names: string[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:test'));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    try {
      [...(element.shadowRoot?.querySelectorAll('button') ?? [])].find((button) => button.textContent?.includes('CSV'))?.click();
      const bytes = new Uint8Array(await (blobs[0] as Blob).arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      expect(text.split('\r\n').slice(0, 3)).toEqual(['Dag;No-show bezoekers;Terugkijkers (deelnemers);Bekeken minuten', '2026-03-20;0;0;0', '2026-03-21;2;0;42']);
      expect(names).toEqual(['Spring product launch - on-demand 2026-03-20 - 2026-04-19 (gerapporteerd tot en met 2026-03-25).csv']);
    } finally {
      create.mockRestore();
      click.mockRestore();
    }
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
    ['upcoming', clock.beforeEvent, 'The recording opens on demand when the event ends'],
    ['closed', clock.closed, 'Tracking stopped on April 19, 2026.'],
  ])('tells the %s state', async (_, now, text) => {
    const element = summaryElement(adapterWith(widgetAttendance(_ === 'closed' ? '2026-04-19' : '2026-03-19')), now);
    await loaded(element);
    expect(shadowText(element)).toContain(text);
  });

  it('says when nobody watched yet', async () => {
    const element = summaryElement(adapterWith({ ...widgetAttendance(), views: [] }));
    await loaded(element);
    expect(shadowText(element)).toContain('No one watched the recording on demand in these days.');
    expect(element.shadowRoot?.querySelector('svg')).toBeNull();
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

  describe('the projection of the days not reported yet', () => {
    // The fixture is reported through March 25: March 26 … April 19 are to come.
    const toCome = daysFromTo('2026-03-26', '2026-04-19');
    const pushed: OnDemandProjection = {
      expected: 40,
      low: 30,
      high: 60,
      level: 0.8,
      basedOnDays: 6,
      days: toCome.map((day, index) => ({ day, expected: index === 0 ? 1 : 3, low: index === 0 ? 1 : 1, high: index === 0 ? 2 : 9 })),
    };
    const projecting = (getProjection: NonNullable<DataAdapter['getProjection']>) => Object.assign(adapterWith(), { getProjection });
    const projectedBars = (element: Element) => [...(element.shadowRoot?.querySelectorAll('rect.projected') ?? [])];
    const key = (element: Element) => element.shadowRoot?.querySelector('.projection-key > span:not(.size)')?.textContent?.trim() ?? '';
    const drawn = (element: Element) => waitForShadow(element, (root) => root.querySelector('rect.projected'));

    it("continues core's projection as dashed bars over a light band, and says so in the legend and the chart's description", async () => {
      const element = summaryElement();
      await drawn(element);
      expect(projectedBars(element)).toHaveLength(toCome.length);
      expect(element.shadowRoot?.querySelectorAll('rect.range')).toHaveLength(toCome.length);
      expect(element.shadowRoot?.querySelector('rect.unreported')).toBeNull();
      expect(key(element)).toBe('Projection if nothing changes: first-time visitors expected per day (a bar counts everyone who watched that day), 80% likely range');
      expect(element.shadowRoot?.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toBe(
        'Unique no-show visitors per day from Mar 20 to Apr 19: 3 in all; the busiest day was Mar 21 with 2. Projection if nothing changes: first-time visitors expected per day (a bar counts everyone who watched that day), 80% likely range.',
      );
      // The legend does not offer "not reported yet" for days the projection covers.
      expect(shadowText(element.shadowRoot?.querySelector('.legend') as Element)).not.toContain('not reported yet');
      await expectAccessible(element);
    });

    it('stops asking for the projection when the widget is removed, and asks again when it comes back', async () => {
      // The projection comes after the figures; a widget taken off the page must not keep its request going.
      const signals: AbortSignal[] = [];
      const element = summaryElement(
        projecting((_, { signal }) => {
          if (signal) signals.push(signal);
          return new Promise((resolve, reject) => signal?.addEventListener('abort', () => reject(new AdapterError('aborted', 'The request was cancelled.'))));
        }),
      );
      await loaded(element);
      await vi.waitFor(() => expect(signals).toHaveLength(1));
      element.remove();
      // The request is shared with any other widget asking (the statistics card): it stops once
      // nobody has joined it for a tick.
      await vi.waitFor(() => expect(signals[0]?.aborted).toBe(true));
      document.body.append(element);
      await vi.waitFor(() => expect(signals).toHaveLength(2));
      expect(signals[1]?.aborted).toBe(false);
      await loaded(element);
    });

    it('reads each projected day by keyboard, with its range', async () => {
      const element = summaryElement(projecting(async () => pushed));
      await drawn(element);
      const chart = element.shadowRoot?.querySelector('[part="chart"]') as HTMLElement;
      chart.focus();
      await element.updateComplete;
      const live = () => element.shadowRoot?.querySelector('[aria-live]')?.textContent?.trim();
      expect(live()).toBe('Wed, Mar 25: 0 visitors');
      chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      await element.updateComplete;
      expect(live()).toBe('Thu, Mar 26: not reported yet; projection: 1 first-time visitor (1–2)');
      expect(element.shadowRoot?.querySelector('rect.projected.focused')).not.toBeNull();
      chart.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
      await element.updateComplete;
      expect(live()).toBe('Sun, Apr 19: not reported yet; projection: 3 first-time visitors (1–9)');
      expect(element.shadowRoot?.querySelector('.tooltip text')?.textContent).toBe('Sun, Apr 19: not reported yet; projection: 3 first-time visitors (1–9)');
    });

    it('makes room on the value axis for the whole range', async () => {
      const wide = { ...pushed, days: pushed.days.map((day) => ({ ...day, high: 41 })) };
      const element = summaryElement(projecting(async () => wide));
      await drawn(element);
      const ticks = [...(element.shadowRoot?.querySelectorAll('.grid .tick') ?? [])].map((tick) => Number(tick.textContent));
      expect(Math.max(...ticks)).toBeGreaterThanOrEqual(41);
      const plotTop = Math.min(...[...(element.shadowRoot?.querySelectorAll('.grid line') ?? [])].map((line) => Number(line.getAttribute('y1'))));
      for (const range of element.shadowRoot?.querySelectorAll('rect.range') ?? []) expect(Number(range.getAttribute('y'))).toBeGreaterThanOrEqual(plotTop - 0.001);
    });

    it('marks the projected rows of the table as projected', async () => {
      const element = summaryElement(projecting(async () => pushed), clock.day5, (summary) => (summary.showTable = true));
      await waitForShadow(element, (root) => root.querySelector('td.projected'));
      const rows = [...(element.shadowRoot?.querySelectorAll('tbody tr') ?? [])];
      const cell = (index: number) => rows[index]?.querySelector('td');
      expect(cell(5)?.textContent?.trim()).toBe('0');
      expect(cell(6)?.textContent?.trim()).toBe('not reported yet; projection: 1 first-time visitor (1–2)');
      expect(cell(30)?.textContent?.trim()).toBe('not reported yet; projection: 3 first-time visitors (1–9)');
      expect(element.shadowRoot?.querySelectorAll('td.projected')).toHaveLength(toCome.length);
      await expectAccessible(element);
    });

    it('draws its dashed marks at ≥ 3:1 contrast in light and dark', async () => {
      for (const theme of ['light', 'dark'] as const) {
        const element = summaryElement(projecting(async () => pushed), clock.day5, (summary) => (summary.theme = theme));
        const bar = (await drawn(element)) as SVGRectElement;
        const surface = getComputedStyle(element.shadowRoot?.querySelector('.card') as Element).backgroundColor;
        const style = getComputedStyle(bar);
        expect(contrast(style.stroke, surface), theme).toBeGreaterThanOrEqual(3);
        expect(style.strokeDasharray).not.toBe('none');
        expect(parseFloat(style.strokeWidth)).toBeGreaterThanOrEqual(1);
        // The band's edges too (its pale fill alone was 1.4:1): where the range starts and ends is read from them.
        const range = getComputedStyle(element.shadowRoot?.querySelector('rect.range') as Element);
        expect(range.stroke, theme).toMatch(/^rgb/);
        expect(contrast(range.stroke, surface), theme).toBeGreaterThanOrEqual(3);
        expect(range.strokeOpacity).toBe('1');
        expect(parseFloat(range.strokeWidth)).toBeGreaterThanOrEqual(1);
        const swatch = element.shadowRoot?.querySelector('.swatch.projected') as Element;
        expect(contrast(getComputedStyle(swatch).borderTopColor, surface), theme).toBeGreaterThanOrEqual(3);
        expect(getComputedStyle(swatch).borderTopStyle).toBe('dashed');
      }
    });

    it('speaks Dutch', async () => {
      const element = summaryElement(projecting(async () => pushed), clock.day5, (summary) => ((summary.locale = 'nl'), (summary.showTable = true)));
      await waitForShadow(element, (root) => root.querySelector('td.projected'));
      const cells = [...(element.shadowRoot?.querySelectorAll('td.projected') ?? [])].map((cell) => cell.textContent?.trim());
      expect(cells[0]).toBe('nog niet gerapporteerd; prognose: 1 nieuwe bezoeker (1–2)');
      expect(cells[1]).toBe('nog niet gerapporteerd; prognose: 3 nieuwe bezoekers (1–9)');
      element.showTable = false;
      await drawn(element);
      expect(key(element)).toBe('Prognose als er niets verandert: nieuwe bezoekers verwacht per dag (een balk telt iedereen die die dag keek), bereik met 80% kans');
    });

    it.each([
      ['there is none (too early, or a backend that does not project)', clock.day5, async () => null],
      ['the window has closed', clock.closed, undefined],
    ] as const)('is left out when %s: unreported days as before, its room in the legend kept', async (_, now, getProjection) => {
      const element = summaryElement(getProjection ? projecting(getProjection) : adapterWith(), now);
      await loaded(element);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(projectedBars(element)).toEqual([]);
      expect(key(element)).toBe('');
      expect(element.shadowRoot?.querySelector('.projection-key')?.getBoundingClientRect().height).toBeGreaterThan(0);
    });

    it('a failing projection leaves the chart as it is, and tells the developer', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const element = summaryElement(projecting(async () => Promise.reject(new AdapterError('unavailable', 'projection service down'))));
      await loaded(element);
      await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
      expect(warn.mock.calls[0]?.[1]).toMatchObject({ kind: 'unavailable' });
      expect(element.shadowRoot?.querySelector('[role="alert"]')).toBeNull();
      expect(bars(element)).toHaveLength(31);
      expect(element.shadowRoot?.querySelectorAll('rect.unreported')).toHaveLength(toCome.length);
      warn.mockRestore();
    });

    it('is not asked for a range without days to come, nor with no-projection', async () => {
      const asked: string[] = [];
      const ask = async () => (asked.push('asked'), pushed);
      const lastDays = summaryElement(projecting(ask), clock.day5, (summary) => (summary.days = 7));
      await loaded(lastDays);
      const optedOut = summaryElement(projecting(ask), clock.day5, (summary) => summary.setAttribute('no-projection', ''));
      await loaded(optedOut);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(asked).toEqual([]);
      expect(optedOut.shadowRoot?.querySelector('.projection-key')).toBeNull();
    });
  });
});
