/*
 * The conformance suite itself: it must pass a correct adapter and fail each kind of broken
 * adapter with a message that says what went wrong. It is run here through a fake runner that
 * collects the registered tests, so these checks do not depend on Vitest's own describe/it.
 */
import { describe, expect, it } from 'vitest';
import { AdapterError, type DataAdapter } from '../adapters/adapter.ts';
import { createMemoryAdapter } from '../adapters/memory.ts';
import { REFERENCE_NOW, scenarioData } from '../../mocks/index.ts';
import { runAdapterConformance, type ConformanceOptions } from './conformance.ts';

interface Outcome {
  name: string;
  error?: string;
}

/** Registers the suite with a collecting runner, runs every test, returns name → failure message. */
async function conformance(makeAdapter: () => DataAdapter, options: Partial<ConformanceOptions> = {}): Promise<Outcome[]> {
  const tests: { name: string; body: () => Promise<void> }[] = [];
  const path: string[] = [];
  runAdapterConformance(makeAdapter, {
    describe: (name, body) => {
      path.push(name);
      body();
      path.pop();
    },
    it: (name, body) => void tests.push({ name: [...path.slice(1), name].join(' > '), body }),
    eventId: 'mid-window',
    now: REFERENCE_NOW,
    ...options,
  });
  const outcomes: Outcome[] = [];
  for (const test of tests) {
    try {
      await test.body();
      outcomes.push({ name: test.name });
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      outcomes.push({ name: test.name, error: (error as Error).message });
    }
  }
  return outcomes;
}

const failures = (outcomes: Outcome[]) => outcomes.filter((outcome) => outcome.error !== undefined);
const data = scenarioData('mid-window');
const good = () => createMemoryAdapter({ events: [data], pushDown: true });

describe('runAdapterConformance', () => {
  it('registers its tests with any describe/it and passes a correct adapter', async () => {
    const outcomes = await conformance(good, { expectPushDown: true, strictAbort: false });
    expect(outcomes.length).toBeGreaterThanOrEqual(14);
    expect(failures(outcomes)).toEqual([]);
  });

  it('fails an adapter that rejects an unknown id with a plain Error', async () => {
    const adapter = (): DataAdapter => ({
      ...good(),
      async getEvent(eventId, options) {
        if (options?.signal?.aborted) throw new AdapterError('aborted', 'The request was cancelled.');
        if (eventId !== 'mid-window') throw new Error('HTTP 404');
        return data.event;
      },
    });
    expect(failures(await conformance(adapter))).toEqual([
      { name: 'errors > an unknown event id rejects with AdapterError "not-found" from every call', error: 'getEvent("conformance-unknown-event") rejected with Error: HTTP 404; expected an AdapterError with kind "not-found".' },
    ]);
  });

  it('fails an adapter that ignores the signal', async () => {
    const inner = createMemoryAdapter({ events: [data], latencyMs: 5 });
    const adapter = (): DataAdapter => ({ getEvent: (id) => inner.getEvent(id), getAttendance: (id) => inner.getAttendance(id) });
    const failed = failures(await conformance(adapter, { strictAbort: true }));
    expect(failed.map((failure) => failure.error)).toEqual([
      expect.stringMatching(/^getEvent with an aborted signal resolved with \{"id":"mid-window".*; expected a rejection with AdapterError "aborted"\.$/),
      'getEvent resolved although it was aborted during the call; expected AdapterError "aborted".',
    ]);
  });

  it('fails an adapter that hangs after an abort', async () => {
    // Answers normally, but never settles once it has a signal.
    const adapter = (): DataAdapter => {
      const inner = good();
      return { ...inner, getEvent: (id, options) => (options?.signal ? new Promise(() => {}) : inner.getEvent(id)) };
    };
    const failed = failures(await conformance(adapter, { settleMs: 30 }));
    expect(failed.map((failure) => failure.error)).toEqual(['getEvent with an aborted signal did not settle within 30 ms.', 'getEvent aborted during the call did not settle within 30 ms.']);
  });

  it('fails an adapter that keeps the rejection of an aborted call', async () => {
    let poisoned = false;
    const inner = createMemoryAdapter({ events: [data], latencyMs: 5 });
    const adapter = (): DataAdapter => ({
      ...inner,
      getEvent(id, options) {
        if (poisoned) return Promise.reject(new AdapterError('aborted', 'The request was cancelled.'));
        options?.signal?.addEventListener('abort', () => (poisoned = true));
        return inner.getEvent(id, options);
      },
    });
    const failed = failures(await conformance(adapter));
    expect(failed[0]?.error).toBe('getEvent after an aborted call rejected with AdapterError "aborted": The request was cancelled.; expected a normal answer.');
  });

  it('fails a push-down that differs from core, naming the field', async () => {
    const adapter = (): DataAdapter => {
      const inner = good();
      return { ...inner, getStatistics: async (id, options) => ({ ...(await inner.getStatistics!(id, options)), totalVisitors: 0 }) };
    };
    const failed = failures(await conformance(adapter));
    expect(failed).toHaveLength(1);
    expect(failed[0]?.error).toMatch(/^getStatistics\("mid-window"\) at 2026-03-19T14:00:00.000Z differs from core on the same data: totalVisitors is 0, core computes \d+\.$/);
  });

  it('fails a funnel or a projection that differs from core, naming the field and the clock', async () => {
    const funnelOff = (): DataAdapter => {
      const inner = good();
      return { ...inner, getFunnel: async (id, options) => ({ ...(await inner.getFunnel!(id, options)), registered: 0, noShow: 0 }) };
    };
    const funnelFailures = failures(await conformance(funnelOff));
    expect(funnelFailures).toHaveLength(1);
    expect(funnelFailures[0]?.error).toMatch(/^getFunnel\("mid-window"\) at 2026-03-19T14:00:00.000Z differs from core on the same data: registered is 0, core computes \d+; noShow is 0, core computes \d+\.$/);
    const wrongDay = (): DataAdapter => {
      const inner = good();
      return { ...inner, getFunnel: async (id, options) => ({ ...(await inner.getFunnel!(id, options)), reportedThrough: '2026-03-01' }) };
    };
    expect(failures(await conformance(wrongDay))[0]?.error).toMatch(/says reportedThrough "2026-03-01", but the attendance is reported through 2026-03-18\.$/);
    // A projection that ignores the level, and one that answers before the event has ended (an hour before: the first clock where core says null).
    const projectionOff = (): DataAdapter => {
      const inner = good();
      return { ...inner, getProjection: (id, options) => inner.getProjection!(id, { ...options, level: undefined }) };
    };
    expect(failures(await conformance(projectionOff))[0]?.error).toMatch(/^getProjection\("mid-window"\) at 2026-03-19T14:00:00.000Z at level 0.95 differs from core on the same data: .*level is 0.8, core computes 0.95/);
    const early = (): DataAdapter => {
      const inner = good();
      return { ...inner, getProjection: async (id, options) => (await inner.getProjection!(id, options)) ?? { expected: 0, low: 0, high: 0, level: 0.8, basedOnDays: 0, days: [] } };
    };
    expect(failures(await conformance(early))[0]?.error).toMatch(/^getProjection\("mid-window"\) at 2026-03-07T13:00:00.000Z is \{"expected":0,.*\}, core computes null\.$/);
  });

  it('fails a summary with other diagnostics when they are compared', async () => {
    const adapter = (): DataAdapter => {
      const inner = good();
      return { ...inner, getDailySummary: async (id, range, options) => ({ ...(await inner.getDailySummary!(id, range, options)), diagnostics: [{ code: 'view-malformed', message: 'x' }] }) };
    };
    expect(failures(await conformance(adapter))[0]?.error).toMatch(/diagnostic codes are \[view-malformed\], core reports \[\]/);
    expect(failures(await conformance(adapter, { diagnostics: 'ignore' }))).toEqual([]);
  });

  it('fails when expected push-downs are missing', async () => {
    const adapter = () => createMemoryAdapter({ events: [data] });
    const failed = failures(await conformance(adapter, { expectPushDown: { audience: true } }));
    expect(failed.map((failure) => failure.error)).toEqual([
      'The adapter has no countAudience, but expectPushDown says it should.',
      'The adapter has no countAudience, but expectPushDown says it should.',
      'The adapter has no countAudience, but expectPushDown says it should.',
    ]);
  });

  it('fails an event core cannot read', async () => {
    const adapter = () => createMemoryAdapter({ events: [{ ...data, event: { ...data.event, timeZone: 'Mars/Olympus' } }] });
    const failed = failures(await conformance(adapter));
    expect(failed[0]?.error).toMatch(/^getEvent\("mid-window"\) is not something core can read: InvalidInputError: event.timeZone "Mars\/Olympus" is not a time zone/);
  });
});
