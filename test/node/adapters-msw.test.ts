/*
 * The REST adapter over the MSW mock backend in Node (setupServer): conformance, every fault,
 * pagination. The memory adapter runs the same conformance suite. Events in New York and
 * Amsterdam, open, closed and upcoming: the funnel and the projection are checked at clocks
 * across each window.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRestAdapter } from '../../src/adapters/index.ts';
import { createMemoryAdapter } from '../../src/adapters/memory.ts';
import { runAdapterConformance } from '../../src/testing/index.ts';
import { faultHandlers, REFERENCE_NOW, restHandlers, scenarioData } from '../../mocks/index.ts';
import { eventDataSource } from '../../src/data/event-data-source.ts';
import { funnelFrom } from '../../src/data/funnel-question.ts';
import { describeRestFaults } from './rest-fault-cases.ts';

const baseUrl = 'https://reports.example.test/api';
const server = setupServer(...restHandlers({ baseUrl, pageSize: 100 }));

// Any unhandled rejection from an adapter would be a bug: count them over this whole file.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
  server.listen({ onUnhandledFrame: 'error' });
});
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  process.off('unhandledRejection', onUnhandled);
});

for (const eventId of ['mid-window', 'bad-records', 'closed', 'upcoming', 'just-ended']) {
  runAdapterConformance(() => createRestAdapter({ baseUrl, pushDown: true }), {
    describe,
    it,
    name: `REST adapter over MSW in Node (${eventId}, pages of 100)`,
    eventId,
    now: REFERENCE_NOW,
    strictAbort: true,
    expectPushDown: true,
    diagnostics: 'exact',
  });
}

runAdapterConformance(() => createRestAdapter({ baseUrl }), {
  describe,
  it,
  name: 'REST adapter without push-down',
  eventId: 'closing-soon',
  now: REFERENCE_NOW,
  strictAbort: true,
  expectPushDown: false,
});

const memoryEvents = [scenarioData('mid-window'), scenarioData('bad-records'), scenarioData('closed'), scenarioData('just-ended'), scenarioData('upcoming')];
for (const [eventId, latencyMs] of [['bad-records', 0], ['bad-records', 5], ['just-ended', 0], ['upcoming', 0]] as const) {
  runAdapterConformance(() => createMemoryAdapter({ events: memoryEvents, latencyMs, pushDown: true }), {
    describe,
    it,
    name: `memory adapter, ${eventId}, latency ${latencyMs} ms`,
    eventId,
    now: REFERENCE_NOW,
    strictAbort: latencyMs > 0,
    expectPushDown: true,
    diagnostics: 'exact',
  });
}

describe('REST adapter over MSW in Node', () => {
  describeRestFaults({ baseUrl, use: (...handlers) => server.use(...handlers), reset: () => server.resetHandlers() });

  it('the funnel question takes the REST adapter\'s getFunnel, which answers what the page would compute', async () => {
    const fetched: string[] = [];
    const pushDown = createRestAdapter({ baseUrl, pushDown: { funnel: true }, fetch: (input, init) => (fetched.push(String(input)), globalThis.fetch(input, init)) });
    const inPage = createRestAdapter({ baseUrl });
    for (const eventId of ['bad-records', 'just-ended']) {
      expect(await funnelFrom(eventDataSource(pushDown, eventId), REFERENCE_NOW)).toEqual(await funnelFrom(eventDataSource(inPage, eventId), REFERENCE_NOW));
    }
    // One request each, to the funnel route: no attendance downloaded.
    expect(fetched.map((url) => new URL(url).pathname)).toEqual(['/api/events/bad-records/program/funnel', '/api/events/just-ended/program/funnel']);
  });

  it('refuses a funnel or a projection of another schema with "invalid-response", naming the field', async () => {
    server.use(...faultHandlers('wrong-shape', { baseUrl }));
    const adapter = createRestAdapter({ baseUrl, pushDown: true, retries: 0 });
    await expect(adapter.getFunnel!('mid-window', { now: REFERENCE_NOW })).rejects.toMatchObject({ kind: 'invalid-response', message: expect.stringMatching(/funnel of event "mid-window": invited must be a whole number ≥ 0, got nothing/) });
    await expect(adapter.getProjection!('mid-window', { now: REFERENCE_NOW })).rejects.toMatchObject({ kind: 'invalid-response', message: expect.stringMatching(/projection of event "mid-window": days must be an array, got nothing/) });
  });

  it('reads a scenario through many pages exactly as the memory adapter serves it', async () => {
    const rest = createRestAdapter({ baseUrl });
    const memory = createMemoryAdapter({ events: memoryEvents });
    expect(await rest.getAttendance('bad-records')).toEqual(await memory.getAttendance('bad-records'));
    expect(await rest.getEvent('closed')).toEqual(await memory.getEvent('closed'));
  });
});

describe('no unhandled rejections', () => {
  it('none were seen while the tests above ran', async () => {
    // Let late rejections (timers of aborted calls) surface first.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
  });
});
