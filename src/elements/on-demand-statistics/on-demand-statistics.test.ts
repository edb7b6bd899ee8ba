import { afterEach, describe, expect, it } from 'vitest';
import { AdapterError, type DataAdapter } from '../../adapters/adapter.ts';
import '../data-provider/data-provider.ts';
import { onDemandStatistics } from '../../core/index.ts';
import { cleanup, expectAccessible, mount, shadowText, waitForShadow } from '../../../test/fixtures/dom.ts';
import { testAdapter } from '../../../test/fixtures/test-adapter.ts';
import { amsterdamEvent, clock, eventNamed, widgetAttendance } from '../../../test/fixtures/widget-data.ts';
import './on-demand-statistics.ts';
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
    ['upcoming', clock.beforeEvent, '30 days', 'Opens when the event ends'],
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
    expect(alert.textContent).toContain('The reporting service is down.');
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
    expect(shadowText(element)).toContain('On-demand bezoekers');
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

  it('asks for a data source when it has none', async () => {
    const element = mount(document.createElement('odw-on-demand-statistics'));
    await element.updateComplete;
    expect(shadowText(element)).toContain('No data source');
  });
});
