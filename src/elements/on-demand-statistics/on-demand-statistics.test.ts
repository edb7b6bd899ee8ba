import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdapterError, type DataAdapter } from '../../adapters/adapter.ts';
import '../data-provider/data-provider.ts';
import { onDemandStatistics, type OnDemandProjection } from '../../core/index.ts';
import { cleanup, expectAccessible, mount, shadowText, waitForShadow } from '../../../test/fixtures/dom.ts';
import { testAdapter } from '../../../test/fixtures/test-adapter.ts';
import { amsterdamEvent, clock, eventNamed, widgetAttendance } from '../../../test/fixtures/widget-data.ts';
import './on-demand-statistics.ts';
import { configuration } from '../data-element.ts';
import type { OdwOnDemandStatistics } from './on-demand-statistics.ts';

afterEach(cleanup);

function statisticsElement(adapter: DataAdapter, now: Date, eventId = amsterdamEvent.id): OdwOnDemandStatistics {
  const element = document.createElement('odw-on-demand-statistics');
  element.adapter = adapter;
  element.eventId = eventId;
  element.now = now;
  return element;
}

const values = (element: Element) => [...(element.shadowRoot?.querySelectorAll('.value') ?? [])].map((node) => node.textContent?.trim());

describe('<odw-on-demand-statistics>', () => {
  it("shows core's numbers for the event, standalone", async () => {
    const attendance = widgetAttendance();
    const element = mount(statisticsElement(testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance } }), clock.day5));
    await waitForShadow(element, (root) => root.querySelector('.value'));
    const expected = onDemandStatistics(amsterdamEvent, attendance, clock.day5);
    expect(expected).toMatchObject({ daysRemaining: 25, totalVisitors: 3, rewatchers: 1 });
    expect(values(element)).toEqual(['25 days', '3', `${expected.averageWatchMinutes?.toFixed(1)} min`]);
    expect(shadowText(element)).toContain('Reported through March 25');
    expect(shadowText(element)).toContain('1 record could not be used.');
    expect(shadowText(element)).toContain(`Median watch time ${expected.medianWatchMinutes?.toFixed(1)} min`);
  });

  it.each([
    ['open', clock.day5, '25 days', 'The recording is available on demand.'],
    ['closing', clock.closing, '3 days', 'Closing soon'],
    ['closed', clock.closed, '0 days', 'Tracking stopped'],
  ])('shows the %s phase', async (phase, now, days, text) => {
    const element = mount(statisticsElement(testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } }), now));
    const metric = await waitForShadow(element, (root) => root.querySelector('.metric'));
    expect(metric.classList.contains(phase)).toBe(true);
    expect(values(element)[0]).toBe(days);
    expect(shadowText(element)).toContain(text);
    await expectAccessible(element);
  });

  it('an upcoming event says when the recording opens, with no countdown of a window that has not started (#16 item 5)', async () => {
    const element = mount(statisticsElement(testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance('2026-03-19') } }), clock.beforeEvent));
    const metric = await waitForShadow(element, (root) => root.querySelector('.metric'));
    expect(metric.classList.contains('upcoming')).toBe(true);
    expect(values(element)).toEqual(['Mar 20', '–', '–']);
    const text = shadowText(element);
    expect(text).toContain('On demand from');
    expect(text).toContain('Opens when the event ends, at 5:00 PM GMT+1, for 30 days.');
    expect(text).not.toContain('Days remaining');
    expect(text).not.toContain('30 days Opens');
    await expectAccessible(element);
  });

  it.each([
    ['en', 'No-shows who watched', 'Average of 4 viewers: 3 no-shows + 1 attendee who rewatched'],
    ['nl', 'No-shows die keken', 'Gemiddelde van 4 kijkers: 3 no-shows + 1 deelnemer die terugkeek'],
  ])('names the base of each number (%s, #16 items 6 and 7)', async (locale, visitorsLabel, averageHint) => {
    const element = statisticsElement(testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } }), clock.day5);
    element.locale = locale;
    mount(element);
    await waitForShadow(element, (root) => root.querySelector('.value'));
    const labels = [...(element.shadowRoot?.querySelectorAll('.metric dt') ?? [])].map((node) => node.textContent?.trim());
    expect(labels[1]).toBe(visitorsLabel);
    expect(shadowText(element)).toContain(averageHint);
  });

  it('writes minutes without ".0" (#16 item 10)', async () => {
    const element = mount(statisticsElement(testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } }), clock.day5));
    await waitForShadow(element, (root) => root.querySelector('.value'));
    const details = [...(element.shadowRoot?.querySelectorAll('details dd') ?? [])].map((node) => node.textContent?.trim());
    // Median of 5, 20, 23 and 30 minutes; 12 + 8 + 3 + 30 + 5 by no-shows; 20 rewatched.
    expect(details).toEqual(['21.5 min', '3', '1', '58', '20']);
  });

  it('lines up the figures of a row and fills the height its grid row gives it, in Dutch too (#16 item 10)', async () => {
    const row = mount(document.createElement('div'));
    row.style.cssText = 'display: grid; grid-template-columns: 600px; height: 500px';
    const element = statisticsElement(testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } }), clock.day5);
    element.locale = 'nl';
    row.append(element);
    mount(element, row);
    await waitForShadow(element, (root) => root.querySelector('.value'));
    const tops = [...(element.shadowRoot?.querySelectorAll('.value') ?? [])].map((node) => node.getBoundingClientRect().top);
    expect(new Set(tops).size).toBe(1);
    expect(element.shadowRoot?.querySelector('.card')?.getBoundingClientRect().height).toBe(500);
  });

  it('shows a skeleton with aria-busy while loading, then the data', async () => {
    const adapter = testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } });
    adapter.hold(amsterdamEvent.id);
    const element = mount(statisticsElement(adapter, clock.day5));
    const card = await waitForShadow(element, (root) => root.querySelector('[aria-busy="true"]'));
    expect(card.querySelector('.skeleton')).not.toBeNull();
    await expectAccessible(element);
    adapter.release(amsterdamEvent.id);
    await waitForShadow(element, (root) => root.querySelector('[aria-busy="false"] .value'));
  });

  it("shows the adapter's error with a Retry that loads again", async () => {
    const adapter = testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } });
    adapter.fail(amsterdamEvent.id, new AdapterError('unavailable', 'The reporting service is down.'));
    const element = mount(statisticsElement(adapter, clock.day5));
    const alert = await waitForShadow(element, (root) => root.querySelector('[role="alert"]'));
    // Plain words from the error's kind (#16); the adapter's own message is in the technical details.
    expect(alert.textContent).toContain('Could not load the statistics: the reporting service cannot be reached right now; try again in a moment.');
    expect(element.shadowRoot?.querySelector('[part="error-details"]')?.textContent).toContain('The reporting service is down.');
    await expectAccessible(element);
    adapter.heal(amsterdamEvent.id);
    (alert.querySelector('button') as HTMLButtonElement).click();
    await waitForShadow(element, (root) => root.querySelector('.value'));
    expect(values(element)[1]).toBe('3');
  });

  it('says when nobody watched yet', async () => {
    const attendance = { ...widgetAttendance(), views: [] };
    const element = mount(statisticsElement(testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance } }), clock.day5));
    await waitForShadow(element, (root) => root.querySelector('.value'));
    expect(values(element)).toEqual(['25 days', '0', '–']);
    expect(shadowText(element)).toContain('No on-demand views yet.');
    expect(shadowText(element)).toContain('Nothing to average yet.');
  });

  it('renders a hostile event name as text', async () => {
    const payload = '<img src=x onerror="window.__odwHacked=1">"><svg onload=alert(1)>';
    const element = mount(statisticsElement(testAdapter({ x: { event: eventNamed(payload, 'x'), attendance: widgetAttendance() } }), clock.day5, 'x'));
    await waitForShadow(element, (root) => root.querySelector('.value'));
    expect(shadowText(element)).toContain(payload);
    expect(element.shadowRoot?.querySelector('img, svg')).toBeNull();
    expect((window as unknown as { __odwHacked?: number }).__odwHacked).toBeUndefined();
  });

  it('speaks Dutch', async () => {
    const element = statisticsElement(testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } }), clock.day5);
    element.locale = 'nl-NL';
    mount(element);
    await waitForShadow(element, (root) => root.querySelector('.value'));
    expect(shadowText(element)).toContain('Resterende dagen');
    expect(values(element)[0]).toBe('25 dagen');
    expect(values(element)[2]).toMatch(/^\d+,\d min$/);
  });

  it('takes the locale from the nearest lang', async () => {
    const wrapper = mount(Object.assign(document.createElement('div'), { lang: 'nl' }));
    const element = mount(statisticsElement(testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } }), clock.day5), wrapper);
    await waitForShadow(element, (root) => root.querySelector('.value'));
    expect(shadowText(element)).toContain('No-shows die keken');
  });

  it('is clean for axe in light and dark themes', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const element = statisticsElement(testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } }), clock.closing);
      element.theme = theme;
      mount(element);
      await waitForShadow(element, (root) => root.querySelector('.value'));
      await expectAccessible(element);
    }
  });

  it('uses the push-down aggregate when the adapter has one', async () => {
    const adapter = testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } });
    const pushed: DataAdapter = {
      ...adapter,
      getEvent: adapter.getEvent,
      getAttendance: adapter.getAttendance,
      getStatistics: async (_id, { now }) => ({ ...onDemandStatistics(amsterdamEvent, widgetAttendance(), now), totalVisitors: 4242 }),
    };
    const element = mount(statisticsElement(pushed, clock.day5));
    await waitForShadow(element, (root) => root.querySelector('.value'));
    expect(values(element)[1]).toBe('4,242');
    expect(adapter.calls.getAttendance).toEqual([]);
  });

  it('inside a provider: widgets share one load of the data', async () => {
    const adapter = testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } });
    const provider = document.createElement('odw-data-provider');
    provider.adapter = adapter;
    provider.eventId = amsterdamEvent.id;
    provider.now = clock.day5;
    const first = document.createElement('odw-on-demand-statistics');
    const second = document.createElement('odw-on-demand-statistics');
    provider.append(first, second);
    mount(provider);
    await waitForShadow(first, (root) => root.querySelector('.value'));
    await waitForShadow(second, (root) => root.querySelector('.value'));
    expect(values(first)).toEqual(values(second));
    expect(adapter.calls.getAttendance).toEqual([amsterdamEvent.id]);
  });

  it('switching event mid-load never shows the old event', async () => {
    const adapter = testAdapter({
      old: { event: eventNamed('Old event', 'old'), attendance: widgetAttendance() },
      new: { event: eventNamed('New event', 'new'), attendance: { ...widgetAttendance(), views: [] } },
    });
    adapter.hold('old');
    const element = mount(statisticsElement(adapter, clock.day5, 'old'));
    await waitForShadow(element, (root) => root.querySelector('[aria-busy="true"]'));
    element.eventId = 'new';
    await waitForShadow(element, (root) => root.querySelector('.value'));
    expect(adapter.calls.aborted).toContain('old');
    adapter.release('old');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shadowText(element)).toContain('New event');
    expect(shadowText(element)).not.toContain('Old event');
    expect(values(element)[1]).toBe('0');
  });

  it('aborts its load when removed mid-load, and loads again when put back', async () => {
    const adapter = testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } });
    adapter.hold(amsterdamEvent.id);
    const element = mount(statisticsElement(adapter, clock.day5));
    await waitForShadow(element, (root) => root.querySelector('[aria-busy="true"]'));
    element.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(adapter.calls.aborted).toContain(amsterdamEvent.id);
    adapter.release(amsterdamEvent.id);
    mount(element);
    await waitForShadow(element, (root) => root.querySelector('.value'));
  });

  it('without a data source: loading while one may arrive, then "not available" (the developer message goes to the console)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const grace = configuration.graceMs;
    configuration.graceMs = 100;
    const element = mount(document.createElement('odw-on-demand-statistics'));
    await element.updateComplete;
    expect(shadowText(element)).not.toContain('No data source');
    expect(element.shadowRoot?.querySelector('[role="status"]')).not.toBeNull();
    await waitForShadow(element, (root) => root.textContent?.includes('Not available right now.'));
    expect(String(warn.mock.calls[0]?.[0])).toContain('No data source');
    configuration.graceMs = grace;
    warn.mockRestore();
  });

  describe('the projection by the window\'s close', () => {
    /** The projection's visible line, whitespace collapsed ('' when hidden). */
    const projectionText = (element: Element) =>
      (element.shadowRoot?.querySelector('[part="projection"] > span:not(.size)')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    /** The test adapter with a `getProjection` of the test's own. */
    const projecting = (getProjection: NonNullable<DataAdapter['getProjection']>) => {
      const adapter = testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } });
      return Object.assign(adapter, { getProjection });
    };

    it("shows core's projection while the window is open, marked as one, with its range and what it assumes", async () => {
      const element = mount(statisticsElement(testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } }), clock.day5));
      await waitForShadow(element, () => projectionText(element));
      // core: 5 (3–8) at day 5 of the fixture; the window's last day is April 19.
      expect(projectionText(element)).toBe('Projection Expected by Apr 19: 5 no-shows who watched (3–8), if nothing changes; 80% likely range');
      expect(element.shadowRoot?.querySelector('[part="projection"] > span:not(.size) > .badge')?.textContent).toBe('Projection');
      await expectAccessible(element);
    });

    it('speaks Dutch, with the plural of its count', async () => {
      const one: OnDemandProjection = { expected: 1, low: 1, high: 2, level: 0.8, basedOnDays: 6, days: [{ day: '2026-03-26', expected: 1, low: 1, high: 2 }] };
      const element = statisticsElement(projecting(async () => one), clock.day5);
      element.locale = 'nl';
      mount(element);
      await waitForShadow(element, () => projectionText(element));
      expect(projectionText(element)).toBe('Prognose Verwacht bij de sluiting op 19 apr: 1 no-show die keek (1–2), als er niets verandert; bereik met 80% kans');
    });

    it.each([
      ['there is none (too early, or a backend that does not project)', clock.day5, async () => null],
      ['the window has closed (the count is final: the figure above)', clock.closed, undefined],
    ] as const)('is hidden when %s, its room kept', async (_, now, getProjection) => {
      const adapter = getProjection ? projecting(getProjection) : testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } });
      const element = mount(statisticsElement(adapter, now));
      await waitForShadow(element, (root) => root.querySelector('.value'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(projectionText(element)).toBe('');
      expect(shadowText(element)).not.toContain('Projection');
      expect(element.shadowRoot?.querySelector('[part="projection"]')?.getBoundingClientRect().height).toBeGreaterThan(0);
    });

    it('never holds up the figures, and arrives into the room kept for it (nothing below moves)', async () => {
      let answer: (projection: OnDemandProjection | null) => void = () => {};
      const adapter = projecting(() => new Promise((resolve) => (answer = resolve)));
      const element = mount(statisticsElement(adapter, clock.day5));
      await waitForShadow(element, (root) => root.querySelector('[aria-busy="false"] .value'));
      expect(projectionText(element)).toBe('');
      const footer = () => element.shadowRoot?.querySelector('.footer:not(.reserve *)')?.getBoundingClientRect().top;
      const before = footer();
      answer({ expected: 62, low: 55, high: 71, level: 0.8, basedOnDays: 6, days: [{ day: '2026-03-26', expected: 3, low: 1, high: 5 }] });
      await waitForShadow(element, () => projectionText(element));
      expect(projectionText(element)).toContain('Expected by Apr 19: 62 no-shows who watched (55–71)');
      expect(footer()).toBe(before);
    });

    it('a failing projection leaves the card as it is, and tells the developer once', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const element = mount(statisticsElement(projecting(async () => Promise.reject(new AdapterError('unavailable', 'projection service down'))), clock.day5));
      await waitForShadow(element, (root) => root.querySelector('.value'));
      await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
      expect(String(warn.mock.calls[0]?.[0])).toContain('projection');
      expect(warn.mock.calls[0]?.[1]).toMatchObject({ kind: 'unavailable', message: 'projection service down' });
      expect(element.shadowRoot?.querySelector('[role="alert"]')).toBeNull();
      expect(values(element)).toEqual(['25 days', '3', expect.stringMatching(/ min$/)]);
      expect(projectionText(element)).toBe('');
      warn.mockRestore();
    });

    it('no-projection: no line, no room for it, nothing asked', async () => {
      const asked: Date[] = [];
      const element = statisticsElement(projecting(async (_eventId, { now }) => (asked.push(now), null)), clock.day5);
      element.setAttribute('no-projection', '');
      mount(element);
      await waitForShadow(element, (root) => root.querySelector('.value'));
      expect(element.shadowRoot?.querySelector('[part="projection"]')).toBeNull();
      expect(asked).toEqual([]);
    });
  });
});
