import { afterEach, describe, expect, it, vi } from 'vitest';
import '../on-demand-statistics/on-demand-statistics.ts';
import { cleanup, mount, shadowText, waitForShadow } from '../../../test/fixtures/dom.ts';
import { testAdapter } from '../../../test/fixtures/test-adapter.ts';
import { amsterdamEvent, clock, eventNamed, widgetAttendance } from '../../../test/fixtures/widget-data.ts';
import './data-provider.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function providerWith(adapter: ReturnType<typeof testAdapter>, eventId: string, now: Date | null = clock.day5) {
  const provider = document.createElement('odw-data-provider');
  provider.adapter = adapter;
  provider.eventId = eventId;
  provider.now = now ?? undefined;
  const statistics = document.createElement('odw-on-demand-statistics');
  provider.append(statistics);
  mount(provider);
  return { provider, statistics };
}

const visitors = (element: Element) => element.shadowRoot?.querySelectorAll('.value')[1]?.textContent?.trim();

describe('<odw-data-provider>', () => {
  it('reload() makes every widget inside load again', async () => {
    const adapter = testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } });
    const { provider, statistics } = providerWith(adapter, amsterdamEvent.id);
    await waitForShadow(statistics, (root) => root.querySelector('.value'));
    provider.reload();
    await vi.waitFor(() => expect(adapter.calls.getAttendance).toHaveLength(2));
    await waitForShadow(statistics, (root) => root.querySelector('.value'));
  });

  it('switching its event id aborts the old load and shows only the new event', async () => {
    const adapter = testAdapter({
      first: { event: eventNamed('First', 'first'), attendance: widgetAttendance() },
      second: { event: eventNamed('Second', 'second'), attendance: { ...widgetAttendance(), views: [] } },
    });
    adapter.hold('first');
    const { provider, statistics } = providerWith(adapter, 'first');
    await waitForShadow(statistics, (root) => root.querySelector('[aria-busy="true"]'));
    provider.eventId = 'second';
    await waitForShadow(statistics, (root) => root.querySelector('.value'));
    expect(adapter.calls.aborted).toContain('first');
    adapter.release('first');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(shadowText(statistics)).toContain('Second');
    expect(visitors(statistics)).toBe('0');
  });

  it('shares its locale with the widgets', async () => {
    const adapter = testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } });
    const { provider, statistics } = providerWith(adapter, amsterdamEvent.id);
    provider.locale = 'nl';
    await vi.waitFor(() => expect(shadowText(statistics)).toContain('Resterende dagen'));
  });

  it('with the real clock, days remaining ticks over by itself when the day boundary passes', async () => {
    // 10:00 UTC on day 5; days remaining steps down at 16:00 UTC (the event's end time of day).
    vi.useFakeTimers({ now: new Date('2026-03-25T10:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const adapter = testAdapter({ [amsterdamEvent.id]: { event: amsterdamEvent, attendance: widgetAttendance() } });
    const { statistics } = providerWith(adapter, amsterdamEvent.id, null);
    await vi.waitFor(() => expect(statistics.shadowRoot?.querySelector('.value')?.textContent).toBe('26 days'));
    await vi.advanceTimersByTimeAsync(6 * 3_600_000 + 1000);
    await vi.waitFor(() => expect(statistics.shadowRoot?.querySelector('.value')?.textContent).toBe('25 days'));
  });
});
