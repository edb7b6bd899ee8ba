/*
 * analyzeInWorker(): the attendance downloaded and analyzed in a Web Worker gives the analysis,
 * the registrant records and the errors the page gives without it, and wherever a worker cannot
 * do it the page does. The REST routes are the dev server's (test/fixtures/fixture-api.ts): the
 * worker fetches outside the page.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { AdapterError, type DataAdapter } from '../../src/adapters/adapter.ts';
import { createRestAdapter, type RestAdapterOptions } from '../../src/adapters/rest.ts';
import { createMemoryAdapter } from '../../src/adapters/memory.ts';
import { analyzeInWorker } from '../../src/analysis-in-worker.ts';
import { analyzeAttendanceInSteps, type Attendance, type WebinarEvent } from '../../src/core/index.ts';
import { eventDataSource, registrantRecordsOf } from '../../src/data/event-data-source.ts';
import '../../src/statistics.ts';
import { attendanceArbitrary } from '../fixtures/core-arbitraries.ts';
import { afterEnd, amsterdamEvent, attendance, registrant, view } from '../fixtures/core-fixtures.ts';
import { cleanup, mount, waitForShadow } from '../fixtures/dom.ts';
import { FIXTURE_API, storeFixture, type Fixture } from '../fixtures/fixture-api.ts';
import { watchLongTasks } from '../fixtures/long-tasks.ts';
import { countingWorkers } from '../fixtures/counting-workers.ts';

afterEach(() => {
  analyzeInWorker(undefined);
  cleanup();
});

const workerUrl = new URL('../../src/analysis-worker.ts', import.meta.url);
const newWorker = () => new Worker(workerUrl, { type: 'module' });
let fixtures = 0;

const countingFactory = (make: () => Worker = newWorker) => countingWorkers(make);

/** Stores the data under a fresh event id; the REST adapter reads it from there. */
async function served(data: Attendance, extra: Partial<Fixture> = {}, event: WebinarEvent = amsterdamEvent) {
  const id = `evt-${++fixtures}`;
  await storeFixture(id, { event: { ...event, id }, attendance: data, ...extra } as Fixture);
  return id;
}

const rest = (options: Partial<RestAdapterOptions> = {}): DataAdapter => createRestAdapter({ baseUrl: FIXTURE_API, retries: 0, ...options });

/** The analysis through the data layer (a fresh adapter each time), and how often the page's own analysis ran. */
async function analyzed(adapter: DataAdapter, eventId: string, signal?: AbortSignal) {
  let onPage = 0;
  const engine: typeof analyzeAttendanceInSteps = (...args) => (onPage++, analyzeAttendanceInSteps(...args));
  const analysis = await eventDataSource(adapter, eventId).analysis(engine, signal);
  return { analysis, records: registrantRecordsOf(analysis), onPage };
}

/** The same through a worker made by `create` and on the page: both results. */
async function bothWays(id: string, create: () => Worker = newWorker) {
  const onPage = await analyzed(rest(), id);
  analyzeInWorker(create);
  const inWorker = await analyzed(rest(), id);
  analyzeInWorker(undefined);
  return { onPage, inWorker };
}

const mixed = attendance(
  [
    registrant('L1', 'No Show'),
    registrant('L2', 'Attended', 42),
    registrant('L2', 'Registered'),
    registrant('L3', 'Invited'),
    { ...registrant('L4', 'Registered', 7.5), name: 'Ada Lovelace', email: 'ada@example.com' } as never,
    registrant('', 'No Show'),
    registrant('L5', 'Mystery'),
    { leadId: 1042, status: 'no_show' } as never,
  ],
  [
    view('L1', afterEnd(0, 30), 12),
    view('L1', afterEnd(0, 45), 3.5),
    view('L1', afterEnd(9), 1 / 60),
    view('L2', afterEnd(3), 20),
    view('L3', afterEnd(2), 5),
    view('L9', afterEnd(2), 5),
    view('L4', afterEnd(-1), 5),
    view('L4', afterEnd(31), 5),
    view('L4', afterEnd(12), -1),
    view('L4', 'yesterday', 5),
    view('1042', afterEnd(20), 60),
    view('L4', afterEnd(25), 8),
  ],
  '2026-04-10',
);

describe('analyzeInWorker', () => {
  it('gives the analysis and records the page gives, diagnostics and all, without analyzing on the page', async () => {
    const id = await served(mixed, { pageSize: 5 });
    const { counts, create } = countingFactory();
    const { onPage, inWorker } = await bothWays(id, create);
    expect(inWorker.analysis).toEqual(onPage.analysis);
    expect(inWorker.records).toEqual(onPage.records);
    expect(inWorker.analysis.diagnostics.length).toBeGreaterThan(8);
    expect([onPage.onPage, inWorker.onPage]).toEqual([1, 0]);
    expect(counts).toEqual({ made: 1, ended: 1 });
  });

  it('gives the analysis the page gives for any attendance (property)', async () => {
    await fc.assert(
      fc.asyncProperty(attendanceArbitrary, fc.integer({ min: 1, max: 30 }), async (data, pageSize) => {
        const { onPage, inWorker } = await bothWays(await served(data, { pageSize }));
        expect(inWorker.onPage).toBe(0);
        expect(inWorker.analysis).toEqual(onPage.analysis);
        expect(inWorker.records).toEqual(onPage.records);
      }),
      { numRuns: 20 },
    );
  });

  it('carries 60 000 registrants and 200 000 views back in pieces, in the same order', async () => {
    const big = attendance(
      Array.from({ length: 60_000 }, (_, index) => registrant(`L${index}`, index % 3 === 0 ? 'Attended' : 'No Show', index % 5 === 0 ? index % 90 : undefined)),
      Array.from({ length: 200_000 }, (_, index) => view(`L${(index * 7919) % 61_000}`, afterEnd(((index * 104_729) % 35) - 2, index % 1_440), (index % 50) + 1)),
      '2026-04-12',
    );
    const { onPage, inWorker } = await bothWays(await served(big, { pageSize: 20_000 }));
    expect(inWorker.onPage).toBe(0);
    expect(inWorker.analysis).toEqual(onPage.analysis);
    expect(inWorker.records).toEqual(onPage.records);
  }, 60_000);

  it.each([
    ['a factory that throws (no Worker here)', () => { throw new ReferenceError('Worker is not defined'); }],
    ['a worker script that does not load', () => new Worker(new URL('./no-such-worker.js', import.meta.url), { type: 'module' })],
  ])('falls back to the page with %s, same result', async (_, make) => {
    const id = await served(mixed);
    const { onPage, inWorker } = await bothWays(id, make);
    expect(inWorker.onPage).toBe(1);
    expect(inWorker.analysis).toEqual(onPage.analysis);
  });

  it('leaves adapters a worker cannot re-make to the page: a headers function, the memory adapter', async () => {
    const id = await served(mixed);
    const { counts, create } = countingFactory();
    analyzeInWorker(create);
    const withFunction = await analyzed(rest({ headers: () => ({ authorization: 'Bearer t' }) }), id);
    expect(withFunction.onPage).toBe(1);
    expect(counts).toEqual({ made: 1, ended: 1 });
    const memory = createMemoryAdapter({ events: [{ event: { ...amsterdamEvent, id }, attendance: mixed }] });
    expect((await analyzed(memory, id)).onPage).toBe(1);
    expect(counts.made).toBe(1);
  });

  it.each([
    ['a 404', { status: 404, code: 'not-found' }],
    ['an answer that is not the contract\'s (a dev server\'s HTML fallback)', { status: 200, code: 'html' }],
  ])('falls back to the page when the worker gets %s for attendance the page can see (MSW or a patched fetch in the page)', async (_, fail) => {
    const id = await served(mixed, { fail });
    // The page answers the attendance itself, as MSW running in the page would; the worker's own fetch gets the server's 404.
    const pageFetch = window.fetch;
    window.fetch = async (input, init) =>
      String(input).endsWith(`/events/${id}/attendance`) ? Response.json({ ...mixed, nextCursor: null }) : pageFetch(input, init);
    try {
      const { counts, create } = countingFactory();
      analyzeInWorker(create);
      const inWorker = await analyzed(rest(), id);
      expect(counts).toEqual({ made: 1, ended: 1 });
      expect(inWorker.onPage).toBe(1);
      expect(inWorker.analysis.leadIds).toContain('L1');
    } finally {
      window.fetch = pageFetch;
    }
  });

  it.each([
    ['an unknown event', { fail: { status: 404, code: 'not-found' } }, amsterdamEvent],
    ['a backend that is down', { fail: { status: 503, code: 'unavailable', headers: { 'retry-after': '7' } } }, amsterdamEvent],
    ['an event the analysis refuses', {}, { ...amsterdamEvent, timeZone: 'Mars/Olympus' }],
  ] as const)('reports %s as the page does', async (_, extra, event) => {
    const id = await served(mixed, extra, event);
    const withoutWorker = await analyzed(rest(), id).catch((error: unknown) => error);
    analyzeInWorker(newWorker);
    const withWorker = await analyzed(rest(), id).catch((error: unknown) => error);
    // Kind, message, status and Retry-After alike; the cause (core's error object) stays in the worker.
    const fields = (error: unknown) => error instanceof Error && { ...error, name: error.name, message: error.message };
    expect(withWorker).toBeInstanceOf(AdapterError);
    expect(fields(withWorker)).toEqual(fields(withoutWorker));
  });

  it('stops and ends the worker when the caller aborts', async () => {
    const id = await served(
      attendance(
        Array.from({ length: 20_000 }, (_, index) => registrant(`L${index}`, 'No Show')),
        Array.from({ length: 100_000 }, (_, index) => view(`L${index % 20_000}`, afterEnd(index % 20), 5)),
      ),
      { pageSize: 2_000 },
    );
    const { counts, create } = countingFactory();
    analyzeInWorker(create);
    const controller = new AbortController();
    const loading = analyzed(rest(), id, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 30));
    controller.abort();
    await expect(loading).rejects.toMatchObject({ kind: 'aborted' });
    // The shared download gives up a tick after its last caller.
    await expect.poll(() => counts.ended).toBe(1);
    expect(counts.made).toBe(1);
  });

  it('a widget shows the same figures with the worker as without', async () => {
    const id = await served(mixed);
    const figures = async () => {
      const element = document.createElement('odw-on-demand-statistics');
      element.adapter = rest();
      element.eventId = id;
      element.now = new Date(afterEnd(14));
      mount(element);
      const root = await waitForShadow(element, (shadow) => shadow.querySelector('.value'));
      const text = root.textContent?.replace(/\s+/g, ' ');
      element.remove();
      return text;
    };
    const withoutWorker = await figures();
    const { counts, create } = countingFactory();
    analyzeInWorker(create);
    expect(await figures()).toBe(withoutWorker);
    expect(counts.made).toBe(1);
  });
});

it('keeps the page responsive while 300 000 views are downloaded and analyzed in the worker', async () => {
  // As test/browser/responsiveness.test.ts on the page: no main-thread task may take a third of the load.
  const id = await served(
    attendance(
      Array.from({ length: 60_000 }, (_, index) => registrant(`L${index}`, index % 3 === 0 ? 'Attended' : 'No Show')),
      Array.from({ length: 300_000 }, (_, index) => view(`L${(index * 7919) % 60_000}`, afterEnd((index * 104_729) % 14, index % 1_440), (index % 50) + 1)),
    ),
  );
  const { counts, create } = countingFactory();
  analyzeInWorker(create);
  const longTasks = await watchLongTasks();
  try {
    const element = document.createElement('odw-on-demand-statistics');
    element.adapter = rest();
    element.eventId = id;
    element.now = new Date(afterEnd(14));
    const started = performance.now();
    mount(element);
    await waitForShadow(element, (root) => root.querySelector('.value'), 25_000);
    const took = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(counts).toEqual({ made: 1, ended: 1 });
    expect(took).toBeGreaterThan(150);
    expect(longTasks.longest()).toBeLessThan(took / 3);
  } finally {
    longTasks.stop();
  }
}, 30_000);
