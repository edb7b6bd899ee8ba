import { describe, expect, it } from 'vitest';
import { AdapterError, type DataAdapter } from '../adapters/adapter.ts';
import { onDemandStatistics, projectOnDemandVisitors, type OnDemandProjection } from '../core/index.ts';
import { testAdapter } from '../../test/fixtures/test-adapter.ts';
import { amsterdamEvent, clock, widgetAttendance } from '../../test/fixtures/widget-data.ts';
import { eventDataSource } from './event-data-source.ts';
import { projectionFrom } from './projection-question.ts';
import { statisticsFrom } from './questions.ts';

const data = () => ({ event: amsterdamEvent, attendance: widgetAttendance() });
const pushed: OnDemandProjection = { expected: 42, low: 40, high: 45, level: 0.8, basedOnDays: 6, days: [{ day: '2026-03-26', expected: 2, low: 1, high: 3 }] };

describe('projectionFrom', () => {
  it("without push-down: core's projection, from the same one download as the statistics", async () => {
    const adapter = testAdapter({ [amsterdamEvent.id]: data() });
    const source = eventDataSource(adapter, amsterdamEvent.id);
    const [projection, statistics] = await Promise.all([projectionFrom(source, clock.day5), statisticsFrom(source, clock.day5, undefined)]);
    const { event, attendance } = data();
    expect(projection).toEqual(projectOnDemandVisitors(event, attendance, clock.day5));
    expect(projection?.days.length).toBeGreaterThan(0);
    expect(statistics).toEqual(onDemandStatistics(event, attendance, clock.day5));
    expect(adapter.calls.getAttendance).toEqual([amsterdamEvent.id]);
  });

  it('is null before the event ends, and final (no days to come) once the window has closed', async () => {
    const source = eventDataSource(testAdapter({ [amsterdamEvent.id]: data() }), amsterdamEvent.id);
    expect(await projectionFrom(source, clock.beforeEvent)).toBeNull();
    expect(await projectionFrom(source, clock.closed)).toMatchObject({ expected: 3, low: 3, high: 3, days: [] });
  });

  it("uses the adapter's getProjection when it has one, and downloads no attendance", async () => {
    const adapter = testAdapter({ [amsterdamEvent.id]: data() });
    const asked: unknown[] = [];
    const withProjection: DataAdapter = { getEvent: adapter.getEvent, getAttendance: adapter.getAttendance, getProjection: async (eventId, options) => (asked.push([eventId, options.now]), pushed) };
    expect(await projectionFrom(eventDataSource(withProjection, amsterdamEvent.id), clock.day5)).toEqual(pushed);
    expect(asked).toEqual([[amsterdamEvent.id, clock.day5]]);
    expect(adapter.calls.getAttendance).toEqual([]);
  });

  it("asks the adapter's getProjection once for every widget asking at the same time; one giving up does not stop the others", async () => {
    const adapter = testAdapter({ [amsterdamEvent.id]: data() });
    const asked: AbortSignal[] = [];
    let answer: (projection: OnDemandProjection) => void = () => {};
    const withProjection: DataAdapter = {
      getEvent: adapter.getEvent,
      getAttendance: adapter.getAttendance,
      getProjection: (_eventId, { signal }) => (asked.push(signal!), new Promise((resolve) => (answer = resolve))),
    };
    const source = eventDataSource(withProjection, amsterdamEvent.id);
    const card = new AbortController();
    const [cardAnswer, chartAnswer] = [projectionFrom(source, clock.day5, card.signal), projectionFrom(source, new Date(clock.day5))];
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toHaveLength(1);
    card.abort();
    await expect(cardAnswer).rejects.toMatchObject({ kind: 'aborted' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked[0]?.aborted).toBe(false);
    answer(pushed);
    expect(await chartAnswer).toEqual(pushed);
    // Answered: the next load (a Retry, a later clock) asks again.
    void projectionFrom(source, clock.day5);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toHaveLength(2);
    answer(pushed);
  });

  it.each(['getStatistics', 'getDailySummary'] as const)('is null, downloading nothing, when the adapter pushes %s down but does not project', async (pushDown) => {
    const adapter = testAdapter({ [amsterdamEvent.id]: data() });
    const answer = async () => {
      throw new Error('not asked in this test');
    };
    const partial: DataAdapter = { getEvent: adapter.getEvent, getAttendance: adapter.getAttendance, [pushDown]: answer };
    expect(await projectionFrom(eventDataSource(partial, amsterdamEvent.id), clock.day5)).toBeNull();
    expect(adapter.calls.getAttendance).toEqual([]);
  });

  it('rejects with an AdapterError, whatever fails', async () => {
    const adapter = testAdapter({ [amsterdamEvent.id]: data() });
    adapter.fail(amsterdamEvent.id, new AdapterError('unavailable', 'down'));
    await expect(projectionFrom(eventDataSource(adapter, amsterdamEvent.id), clock.day5)).rejects.toMatchObject({ name: 'AdapterError', kind: 'unavailable' });
    const broken: DataAdapter = {
      getEvent: adapter.getEvent,
      getAttendance: adapter.getAttendance,
      getProjection: async () => {
        throw new TypeError('boom');
      },
    };
    const failure = await projectionFrom(eventDataSource(broken, amsterdamEvent.id), clock.day5).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AdapterError);
    expect(failure).toMatchObject({ kind: 'unavailable', message: 'boom' });
  });
});

describe('projectionFrom, computed client-side', () => {
  it('computes once per analysis and clock, for every widget that asks, after the figures that waited for the same analysis', async () => {
    const adapter = testAdapter({ [amsterdamEvent.id]: data() });
    const source = eventDataSource(adapter, amsterdamEvent.id);
    const order: string[] = [];
    const asked = [projectionFrom(source, clock.day5).then(() => order.push('projection')), statisticsFrom(source, clock.day5, undefined).then(() => order.push('statistics'))];
    const [first, second] = await Promise.all([projectionFrom(source, clock.day5), projectionFrom(source, new Date(clock.day5))]);
    await Promise.all(asked);
    expect(second).toBe(first);
    expect(order).toEqual(['statistics', 'projection']);
    expect(await projectionFrom(source, clock.closing)).not.toBe(first);
  });
});
