import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdapterError, type DataAdapter } from '../adapters/adapter.ts';
import { createMemoryAdapter } from '../adapters/memory.ts';
import {
  dailyOnDemandVisitors,
  onDemandStatistics,
  onDemandWindow,
  selectAudience,
  type AttendanceCriteria,
} from '../core/index.ts';
import '../elements/data-provider/data-provider.ts';
import '../elements/on-demand-statistics/on-demand-statistics.ts';
import { cleanup, mount, waitForShadow } from '../../test/fixtures/dom.ts';
import { testAdapter } from '../../test/fixtures/test-adapter.ts';
import { amsterdamEvent, clock, eventNamed, widgetAttendance } from '../../test/fixtures/widget-data.ts';
import { eventDataSource, RETAINED_EVENTS_PER_ADAPTER, retainedEventIds } from './event-data-source.ts';
import { audienceCountFrom } from './audience-count.ts';
import { prefetchSummary, statisticsFrom, summaryFrom } from './questions.ts';

afterEach(cleanup);

const criteria: AttendanceCriteria = { version: 1, kind: 'has-attended', eventMode: 'on-demand' };
const data = () => ({ event: amsterdamEvent, attendance: widgetAttendance() });

describe('the data layer decides push-down once, for every widget', () => {
  it('without push-down: summary, statistics and audience count come from one download, equal to core', async () => {
    const adapter = testAdapter({ [amsterdamEvent.id]: data() });
    const source = eventDataSource(adapter, amsterdamEvent.id);
    const range = { from: onDemandWindow(amsterdamEvent).firstDay, to: onDemandWindow(amsterdamEvent).lastDay };
    const [summary, statistics, count] = await Promise.all([
      summaryFrom(source, range),
      statisticsFrom(source, clock.day5, 3),
      audienceCountFrom(source, criteria, clock.day5),
    ]);
    expect(adapter.calls.getAttendance).toHaveLength(1);
    const { event, attendance } = data();
    expect(summary).toEqual(dailyOnDemandVisitors(event, attendance, range));
    expect(statistics).toEqual(onDemandStatistics(event, attendance, clock.day5, { closingThreshold: 3 }));
    expect(count).toBe(selectAudience(event, attendance, criteria, clock.day5).length);
  });

  it('with push-down: the adapter answers and the attendance is never downloaded', async () => {
    const memory = createMemoryAdapter({ events: [data()], pushDown: true });
    const getAttendance = vi.fn(memory.getAttendance);
    const adapter: DataAdapter = { ...memory, getAttendance };
    const source = eventDataSource(adapter, amsterdamEvent.id);
    await summaryFrom(source, { from: '2026-03-21', to: '2026-03-23' });
    await statisticsFrom(source, clock.day5, undefined);
    expect(await audienceCountFrom(source, criteria, clock.day5)).toBe(selectAudience(amsterdamEvent, widgetAttendance(), criteria, clock.day5).length);
    expect(getAttendance).not.toHaveBeenCalled();
  });
});

describe('errors say whose input was wrong, from core’s origin', () => {
  it('an event the backend sent without a usable end → invalid-response', async () => {
    const adapter = testAdapter({ broken: { event: { ...eventNamed('Broken', 'broken'), endsAt: 'soon' }, attendance: widgetAttendance() } });
    await expect(statisticsFrom(eventDataSource(adapter, 'broken'), clock.day5, undefined)).rejects.toMatchObject({ kind: 'invalid-response' });
  });

  it('a day range the page asked for outside the window → invalid-request', async () => {
    const adapter = testAdapter({ [amsterdamEvent.id]: data() });
    await expect(summaryFrom(eventDataSource(adapter, amsterdamEvent.id), { from: '2020-01-01', to: '2020-01-02' })).rejects.toMatchObject({ kind: 'invalid-request' });
  });

  it('an adapter failure stays what the adapter said', async () => {
    const adapter = testAdapter({ [amsterdamEvent.id]: data() });
    adapter.fail(amsterdamEvent.id, new AdapterError('rate-limited', 'Slow down.', { status: 429 }));
    await expect(audienceCountFrom(eventDataSource(adapter, amsterdamEvent.id), criteria, clock.day5)).rejects.toBeInstanceOf(AdapterError);
  });

  it('a load that started the download early gets its answer, failure included, once; the next load asks again', async () => {
    const adapter = testAdapter({ [amsterdamEvent.id]: data() });
    adapter.fail(amsterdamEvent.id, new AdapterError('unavailable', 'Down.', { status: 503 }));
    const source = eventDataSource(adapter, amsterdamEvent.id);
    const load = new AbortController();
    prefetchSummary(source, load.signal);
    await vi.waitFor(() => expect(adapter.calls.getAttendance).toHaveLength(1));
    // Let the early download fail before the load asks for its figures.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(statisticsFrom(source, clock.day5, undefined, load.signal)).rejects.toMatchObject({ kind: 'unavailable' });
    expect(adapter.calls.getAttendance).toHaveLength(1);
    adapter.heal(amsterdamEvent.id);
    const next = new AbortController();
    expect(await statisticsFrom(source, clock.day5, undefined, next.signal)).toEqual(onDemandStatistics(amsterdamEvent, widgetAttendance(), clock.day5));
    expect(adapter.calls.getAttendance).toHaveLength(2);
  });
});

describe('the cache is bounded', () => {
  const twentyEvents = () =>
    testAdapter(Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`e${index}`, { event: eventNamed(`Event ${index}`, `e${index}`), attendance: widgetAttendance() }])));

  it('asking for 20 events keeps only the last few strongly', () => {
    const adapter = twentyEvents();
    for (let index = 0; index < 20; index++) eventDataSource(adapter, `e${index}`);
    expect(retainedEventIds(adapter)).toEqual(['e16', 'e17', 'e18', 'e19']);
    expect(RETAINED_EVENTS_PER_ADAPTER).toBe(4);
  });

  it('a source in use keeps its identity, so its download is shared', () => {
    const adapter = twentyEvents();
    const first = eventDataSource(adapter, 'e0');
    expect(eventDataSource(adapter, 'e0')).toBe(first);
  });

  it('a provider switching through 20 events keeps no more than the last few analyses', async () => {
    const adapter = twentyEvents();
    const provider = document.createElement('odw-data-provider');
    provider.adapter = adapter;
    provider.now = clock.day5;
    const statistics = document.createElement('odw-on-demand-statistics');
    provider.append(statistics);
    mount(provider);
    for (let index = 0; index < 20; index++) {
      provider.eventId = `e${index}`;
      await vi.waitFor(() => expect(adapter.calls.getAttendance).toContain(`e${index}`));
      await waitForShadow(statistics, (root) => root.querySelector('.value'));
    }
    expect(retainedEventIds(adapter).length).toBeLessThanOrEqual(RETAINED_EVENTS_PER_ADAPTER);
    expect(retainedEventIds(adapter)).toContain('e19');
  });
});
