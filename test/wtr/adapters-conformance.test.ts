/*
 * The conformance suite under Mocha (@web/test-runner) in Chromium: proof that it runs with a
 * runner other than Vitest. The REST adapter talks to the MSW Service Worker; the memory adapter
 * runs beside it.
 */
import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { createRestAdapter, isAdapterError } from '../../src/adapters/index.ts';
import { createMemoryAdapter } from '../../src/adapters/memory.ts';
import { runAdapterConformance } from '../../src/testing/index.ts';
import { faultHandlers, REFERENCE_NOW, restHandlers, scenarioData } from '../../mocks/index.ts';

const baseUrl = '/odw-wtr-api';
const worker = setupWorker(...restHandlers({ baseUrl, pageSize: 100 }));

before(async () => {
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
});
afterEach(() => worker.resetHandlers());
after(() => worker.stop());

runAdapterConformance(() => createRestAdapter({ baseUrl, pushDown: true }), {
  describe,
  it,
  name: 'REST adapter over MSW, under Mocha',
  eventId: 'bad-records',
  now: REFERENCE_NOW,
  strictAbort: true,
  expectPushDown: true,
  diagnostics: 'exact',
});

runAdapterConformance(() => createMemoryAdapter({ events: [scenarioData('mid-window')], latencyMs: 5, pushDown: true }), {
  describe,
  it,
  name: 'memory adapter, under Mocha',
  eventId: 'mid-window',
  now: REFERENCE_NOW,
  strictAbort: true,
  expectPushDown: true,
});

describe('REST adapter faults under Mocha', () => {
  it('a 503 then success is retried to success; a 401 is "unauthorized"', async () => {
    const adapter = createRestAdapter({ baseUrl, sleep: async () => {} });
    worker.use(...faultHandlers('unavailable-then-ok', { baseUrl }));
    expect((await adapter.getEvent('closed')).id).to.equal('closed');
    worker.use(...faultHandlers('unauthorized', { baseUrl }));
    const error: unknown = await adapter.getEvent('closed').catch((reason: unknown) => reason);
    expect(isAdapterError(error) && error.kind).to.equal('unauthorized');
  });
});
