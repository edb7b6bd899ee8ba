/*
 * The adapters in Chromium (Vitest browser mode), against the MSW mock backend in a Service
 * Worker (setupWorker, worker script served from public/): the conformance suite for the REST
 * and memory adapters, and every fault.
 */
import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRestAdapter } from '../../src/adapters/index.ts';
import { createMemoryAdapter } from '../../src/adapters/memory.ts';
import { runAdapterConformance } from '../../src/testing/index.ts';
import { REFERENCE_NOW, restHandlers, scenarioData } from '../../mocks/index.ts';
import { describeRestFaults } from '../node/rest-fault-cases.ts';

// Same origin as the page, as a portal's own API usually is.
const baseUrl = '/odw-browser-test-api';
const worker = setupWorker(...restHandlers({ baseUrl, pageSize: 100 }));

const unhandled: unknown[] = [];
const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
beforeAll(async () => {
  window.addEventListener('unhandledrejection', onUnhandled);
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
});
afterEach(() => worker.resetHandlers());
afterAll(() => {
  worker.stop();
  window.removeEventListener('unhandledrejection', onUnhandled);
});

describe('MSW in the browser', () => {
  it('the Service Worker answers the contract’s routes', async () => {
    const response = await fetch(`${baseUrl}/events/mid-window`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }).id).toBe('mid-window');
  });
});

for (const eventId of ['mid-window', 'bad-records']) {
  runAdapterConformance(() => createRestAdapter({ baseUrl, pushDown: true }), {
    describe,
    it,
    name: `REST adapter over an MSW Service Worker in Chromium (${eventId})`,
    eventId,
    now: REFERENCE_NOW,
    strictAbort: true,
    expectPushDown: true,
    diagnostics: 'exact',
  });
}

runAdapterConformance(() => createMemoryAdapter({ events: [scenarioData('bad-records')], latencyMs: 5, pushDown: true }), {
  describe,
  it,
  name: 'memory adapter in Chromium',
  eventId: 'bad-records',
  now: REFERENCE_NOW,
  strictAbort: true,
  expectPushDown: true,
  diagnostics: 'exact',
});

describe('REST adapter over an MSW Service Worker in Chromium', () => {
  describeRestFaults({ baseUrl, use: (...handlers) => worker.use(...handlers), reset: () => worker.resetHandlers() });
});

describe('no unhandled rejections', () => {
  it('none were seen while the tests above ran', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
  });
});
