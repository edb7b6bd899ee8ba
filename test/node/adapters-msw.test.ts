/*
 * The REST adapter over the MSW mock backend in Node (setupServer): conformance, every fault,
 * pagination. The memory adapter runs the same conformance suite.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRestAdapter } from '../../src/adapters/index.ts';
import { createMemoryAdapter } from '../../src/adapters/memory.ts';
import { runAdapterConformance } from '../../src/testing/index.ts';
import { REFERENCE_NOW, restHandlers, scenarioData } from '../../mocks/index.ts';
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

for (const eventId of ['mid-window', 'bad-records']) {
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

const memoryEvents = [scenarioData('mid-window'), scenarioData('bad-records'), scenarioData('closed')];
for (const latencyMs of [0, 5]) {
  runAdapterConformance(() => createMemoryAdapter({ events: memoryEvents, latencyMs, pushDown: true }), {
    describe,
    it,
    name: `memory adapter, latency ${latencyMs} ms`,
    eventId: 'bad-records',
    now: REFERENCE_NOW,
    strictAbort: latencyMs > 0,
    expectPushDown: true,
    diagnostics: 'exact',
  });
}

describe('REST adapter over MSW in Node', () => {
  describeRestFaults({ baseUrl, use: (...handlers) => server.use(...handlers), reset: () => server.resetHandlers() });

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
