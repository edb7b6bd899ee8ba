/*
 * createWorkerRestAdapter(): a Web Worker downloads the attendance and answers every question the
 * widgets ask with the figures, errors and pages the page gives without it, and wherever a worker
 * cannot, the page does. The REST routes are the dev server's (test/fixtures/fixture-api.ts): the
 * worker fetches outside the page.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { AdapterError, type DataAdapter } from '../../src/adapters/adapter.ts';
import { createRestAdapter, type RestAdapterOptions } from '../../src/adapters/rest.ts';
import { createWorkerRestAdapter, type WorkerRestAdapter } from '../../src/analysis-in-worker.ts';
import type { AttendanceCriteria, Attendance, WebinarEvent } from '../../src/core/index.ts';
import { eventDataSource } from '../../src/data/event-data-source.ts';
import { audienceCountFrom } from '../../src/data/audience-count.ts';
import { funnelFrom } from '../../src/data/funnel-question.ts';
import { projectionFrom } from '../../src/data/projection-question.ts';
import { audiencePageFrom, statisticsFrom, summaryFrom } from '../../src/data/questions.ts';
import '../../src/statistics.ts';
import { technicalDetail } from '../../src/elements/error-messages.ts';
import { runAdapterConformance } from '../../src/testing/index.ts';
import { REFERENCE_NOW, scenarioData } from '../../mocks/index.ts';
import { attendanceArbitrary } from '../fixtures/core-arbitraries.ts';
import { afterEnd, amsterdamEvent, attendance, registrant, view } from '../fixtures/core-fixtures.ts';
import { cleanup, mount, waitForShadow } from '../fixtures/dom.ts';
import { downloadsOf, FIXTURE_API, pagesAskedOf, storeFixture, type Fixture } from '../fixtures/fixture-api.ts';
import { watchLongTasks } from '../fixtures/long-tasks.ts';
import { countingWorkers } from '../fixtures/counting-workers.ts';

const opened: WorkerRestAdapter[] = [];
afterEach(() => {
  for (const adapter of opened.splice(0)) adapter.close();
  cleanup();
});

const workerUrl = new URL('../../src/analysis-worker.ts', import.meta.url);
const newWorker = () => new Worker(workerUrl, { type: 'module' });
let fixtures = 0;

/** Stores the data under a fresh event id; the REST adapters read it from there. */
async function served(data: Attendance, extra: Partial<Fixture> = {}, event: WebinarEvent = amsterdamEvent) {
  const id = `evt-${++fixtures}`;
  await storeFixture(id, { event: { ...event, id }, attendance: data, ...extra } as Fixture);
  return id;
}

const restOptions = (options: Partial<RestAdapterOptions> = {}): RestAdapterOptions => ({ baseUrl: FIXTURE_API, retries: 0, ...options });
const rest = (options: Partial<RestAdapterOptions> = {}): DataAdapter => createRestAdapter(restOptions(options));
/** A worker adapter, closed after the test. */
function inWorker(create: () => Worker = newWorker, options: Partial<RestAdapterOptions> = {}): WorkerRestAdapter {
  const adapter = createWorkerRestAdapter(restOptions(options), create);
  opened.push(adapter);
  return adapter;
}

const NOW = new Date(afterEnd(14));
const CRITERIA: AttendanceCriteria[] = [
  { version: 1, kind: 'has-attended' },
  { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'at-least', minutes: 10 } },
  { version: 1, kind: 'has-not-attended', eventMode: 'on-demand' },
];

/** Every question the widgets ask, through the data layer, as a dashboard, a picker and a list would ask them. */
async function answersThrough(adapter: DataAdapter, id: string) {
  const source = eventDataSource(adapter, id);
  const summary = await summaryFrom(source, undefined);
  const first = summary.days[3]?.day as string;
  const list = await audiencePageFrom(source, { criteria: CRITERIA[1]!, now: NOW, limit: 2, sort: { by: 'name', direction: 'ascending' } });
  return {
    summary,
    someDays: await summaryFrom(source, { from: first, to: summary.days[9]?.day as string }),
    statistics: await statisticsFrom(source, NOW, undefined),
    closing: await statisticsFrom(source, NOW, 20),
    counts: await Promise.all(CRITERIA.map((criteria) => audienceCountFrom(source, criteria, NOW))),
    list,
    next: list.nextCursor && (await audiencePageFrom(source, { criteria: CRITERIA[1]!, now: NOW, limit: 2, sort: { by: 'name', direction: 'ascending' }, cursor: list.nextCursor })),
    funnel: await funnelFrom(source, NOW),
    projection: await projectionFrom(source, NOW),
  };
}

/** The attendance downloads the page itself started (the worker's requests are not the page's fetch). */
function pageDownloads() {
  const asked: string[] = [];
  const pageFetch = window.fetch;
  window.fetch = (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.includes('/attendance') && !url.includes('cursor=')) asked.push(url);
    return pageFetch(input, init);
  };
  return { asked, restore: () => (window.fetch = pageFetch) };
}

/** The same questions answered without a worker and through one made by `create`; both, and the downloads the page started for the second. */
async function bothWays(id: string, create: () => Worker = newWorker, options: Partial<RestAdapterOptions> = {}) {
  const onPage = await answersThrough(rest(options), id);
  const watch = pageDownloads();
  try {
    const throughWorker = await answersThrough(inWorker(create, options), id);
    return { onPage, throughWorker, pageDownloaded: watch.asked.length };
  } finally {
    watch.restore();
  }
}

const mixed = attendance(
  [
    registrant('L1', 'No Show'),
    registrant('L2', 'Attended', 42),
    registrant('L2', 'Registered'),
    registrant('L3', 'Invited'),
    { ...registrant('L4', 'Registered', 7.5), name: 'Ada Lovelace', email: 'ada@example.com' } as never,
    { ...registrant('L6', 'No Show'), name: 'Grace Hopper', email: 'grace@example.com' } as never,
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
    view('L6', afterEnd(4), 30),
    view('1042', afterEnd(20), 60),
    view('L4', afterEnd(25), 8),
  ],
  '2026-04-10',
);

describe('createWorkerRestAdapter', () => {
  it('answers every question as the page does, diagnostics and all, and the page never downloads the attendance', async () => {
    const id = await served(mixed, { pageSize: 5 });
    const { counts, create } = countingWorkers(newWorker);
    const { onPage, throughWorker, pageDownloaded } = await bothWays(id, create);
    expect(throughWorker).toEqual(onPage);
    expect(onPage.summary.diagnostics.length).toBeGreaterThan(8);
    expect(onPage.list.members.length).toBe(2);
    expect(pageDownloaded).toBe(0);
    // One worker for the event, one download in it (and one on the page, for the comparison).
    expect(counts).toEqual({ made: 1, ended: 0 });
    expect(await downloadsOf(id)).toBe(2);
  });

  it('answers as the page does for any attendance (property)', async () => {
    await fc.assert(
      fc.asyncProperty(attendanceArbitrary, fc.integer({ min: 1, max: 30 }), async (data, pageSize) => {
        const { onPage, throughWorker, pageDownloaded } = await bothWays(await served(data, { pageSize }));
        expect(pageDownloaded).toBe(0);
        expect(throughWorker).toEqual(onPage);
      }),
      { numRuns: 20 },
    );
  });

  it('answers as the page does for 60 000 registrants and 200 000 views', async () => {
    const big = attendance(
      Array.from({ length: 60_000 }, (_, index) => ({ ...registrant(`L${index}`, index % 3 === 0 ? 'Attended' : 'No Show', index % 5 === 0 ? index % 90 : undefined), name: `Person ${index % 977}` })),
      Array.from({ length: 200_000 }, (_, index) => view(`L${(index * 7919) % 61_000}`, afterEnd(((index * 104_729) % 35) - 2, index % 1_440), (index % 50) + 1)),
      '2026-04-12',
    );
    const { onPage, throughWorker, pageDownloaded } = await bothWays(await served(big, { pageSize: 20_000 }));
    expect(pageDownloaded).toBe(0);
    expect(throughWorker).toEqual(onPage);
  }, 60_000);

  it.each([
    ['a factory that throws (no Worker here)', () => { throw new ReferenceError('Worker is not defined'); }, {}],
    ['a worker script that does not load', () => new Worker(new URL('./no-such-worker.js', import.meta.url), { type: 'module' }), {}],
    ['options a worker cannot take (a headers function)', newWorker, { headers: () => ({ authorization: 'Bearer t' }) }],
  ] as const)('answers on the page with %s, the same answers', async (_, make, options) => {
    const id = await served(mixed);
    const { onPage, throughWorker, pageDownloaded } = await bothWays(id, make, options);
    expect(pageDownloaded).toBe(1);
    expect(throughWorker).toEqual(onPage);
  });

  it.each([
    ['a 404', { status: 404, code: 'not-found' }],
    ['an answer that is not the contract\'s (a dev server\'s HTML fallback)', { status: 200, code: 'html' }],
  ])('answers on the page when the worker gets %s for attendance the page can see (MSW or a patched fetch in the page)', async (_, fail) => {
    const id = await served(mixed, { fail });
    // The page answers the attendance itself, as MSW running in the page would; the worker's own fetch gets the server's failure.
    const pageFetch = window.fetch;
    window.fetch = async (input, init) =>
      String(input).endsWith(`/events/${id}/attendance`) ? Response.json({ ...mixed, nextCursor: null }) : pageFetch(input, init);
    try {
      const { counts, create } = countingWorkers(newWorker);
      const adapter = inWorker(create);
      const statistics = await adapter.getStatistics!(id, { now: NOW });
      expect(statistics.totalVisitors).toBeGreaterThan(0);
      // The worker is ended; the page answers the event's next questions without asking it.
      expect(counts).toEqual({ made: 1, ended: 1 });
      expect((await adapter.getDailySummary!(id, undefined)).totalVisitors).toBe(statistics.totalVisitors);
      expect(counts.made).toBe(1);
    } finally {
      window.fetch = pageFetch;
    }
  });

  /** The same question's failure without and with a worker, and the workers made and ended. */
  async function failures(id: string) {
    const withoutWorker = await statisticsFrom(eventDataSource(rest(), id), NOW, undefined).catch((error: unknown) => error);
    const { counts, create } = countingWorkers(newWorker);
    const withWorker = await statisticsFrom(eventDataSource(inWorker(create), id), NOW, undefined).catch((error: unknown) => error);
    expect(withWorker).toBeInstanceOf(AdapterError);
    // Kind, message, status, Retry-After and the technical detail (with core's field) alike; the
    // cause itself (core's error object) stays in the worker.
    const fields = (error: unknown) => error instanceof AdapterError && { ...error, name: error.name, message: error.message, detail: technicalDetail(error) };
    expect(fields(withWorker)).toEqual(fields(withoutWorker));
    return { counts, withWorker };
  }

  it.each([
    ['a backend that is down', { fail: { status: 503, code: 'unavailable', headers: { 'retry-after': '7' } } }, amsterdamEvent, /^unavailable · HTTP 503 · Retry-After 7 s/],
    ['an event the analysis refuses', {}, { ...amsterdamEvent, timeZone: 'Mars/Olympus' }, /^invalid-response · field event.timeZone/],
  ] as const)('reports %s from the worker, as the page does', async (_, extra, event, detail) => {
    const { counts, withWorker } = await failures(await served(mixed, extra, event));
    // The worker's own report: it is still there for the next question.
    expect(counts).toEqual({ made: 1, ended: 0 });
    expect(technicalDetail(withWorker as AdapterError)).toMatch(detail);
  });

  it('reports an unknown event as the page does, once the page has asked too (it may see what the worker cannot)', async () => {
    const { counts, withWorker } = await failures('evt-never-served');
    expect(withWorker).toMatchObject({ kind: 'not-found' });
    expect(counts).toEqual({ made: 1, ended: 1 });
  });

  it('refuses criteria and a clock it cannot use before downloading anything', async () => {
    const id = await served(mixed);
    const adapter = inWorker();
    const bad = { version: 1, kind: 'has-attended', eventMode: 'live', watchDuration: { operator: 'at-least', minutes: 10 } } as AttendanceCriteria;
    await expect(adapter.countAudience!(id, bad, { now: NOW })).rejects.toMatchObject({ kind: 'invalid-request' });
    await expect(adapter.countAudience!(id, CRITERIA[0]!, { now: new Date(Number.NaN) })).rejects.toMatchObject({ kind: 'invalid-request' });
    expect(await downloadsOf(id)).toBe(0);
  });

  it('takes left-out arguments as the page does: no range is the whole window', async () => {
    const id = await served(mixed);
    // As plain JavaScript may call it: the range left out, not passed as undefined.
    const leftOut = inWorker().getDailySummary as unknown as (eventId: string) => Promise<unknown>;
    expect(await leftOut(id)).toEqual(await summaryFrom(eventDataSource(rest(), id), undefined));
  });

  it('reports a question asked wrongly as the page does, and answers the next one', async () => {
    const id = await served(mixed);
    const adapter = inWorker();
    const outside = { from: '2020-01-01', to: '2020-01-02' };
    const onPage = await summaryFrom(eventDataSource(rest(), id), outside).catch((error: unknown) => error);
    const throughWorker = await adapter.getDailySummary!(id, outside).catch((error: unknown) => error);
    expect(throughWorker).toMatchObject({ kind: 'invalid-request', message: (onPage as Error).message });
    expect((await adapter.getStatistics!(id, { now: NOW })).totalVisitors).toBeGreaterThan(0);
  });

  /** An event whose download takes a while: 11 pages, 100 ms each. */
  const slowToDownload = () => served(mixed, { pageSize: 2, pageDelayMs: 100 });

  it('stops waiting at once when the caller aborts, cancels the download in the worker, and answers the next question', async () => {
    const id = await slowToDownload();
    const { counts, create } = countingWorkers(newWorker);
    const adapter = inWorker(create);
    const controller = new AbortController();
    const loading = adapter.getStatistics!(id, { now: NOW, signal: controller.signal });
    await expect.poll(() => downloadsOf(id)).toBe(1);
    controller.abort();
    await expect(loading).rejects.toMatchObject({ kind: 'aborted' });
    // Cancelled in the worker, the download stops: not all 11 pages are asked for (they would be within 1.1 s).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await pagesAskedOf(id)).toBeLessThan(11);
    expect(await adapter.getStatistics!(id, { now: NOW })).toEqual(await statisticsFrom(eventDataSource(rest(), id), NOW, undefined));
    expect(counts).toEqual({ made: 1, ended: 0 });
    // Already aborted: no worker is made for it.
    await expect(adapter.getStatistics!(await served(mixed), { now: NOW, signal: AbortSignal.abort() })).rejects.toMatchObject({ kind: 'aborted' });
    expect(counts.made).toBe(1);
  });

  it('asks a waiting question again in a new worker when the event is reloaded meanwhile', async () => {
    const id = await slowToDownload();
    const { counts, create } = countingWorkers(newWorker);
    const adapter = inWorker(create);
    const waiting = adapter.getStatistics!(id, { now: NOW });
    await expect.poll(() => downloadsOf(id)).toBe(1);
    adapter.invalidate!(id);
    expect(await waiting).toEqual(await statisticsFrom(eventDataSource(rest(), id), NOW, undefined));
    expect(counts).toEqual({ made: 2, ended: 1 });
  });

  it('answers a waiting question on the page when its worker fails meanwhile', async () => {
    const id = await served(mixed);
    const made: Worker[] = [];
    const adapter = inWorker(() => {
      const worker = newWorker();
      made.push(worker);
      return worker;
    });
    const watch = pageDownloads();
    try {
      const waiting = adapter.getStatistics!(id, { now: NOW });
      made[0]?.dispatchEvent(new Event('error'));
      expect(await waiting).toEqual(await statisticsFrom(eventDataSource(rest(), id), NOW, undefined));
      expect(watch.asked.length).toBe(2);
    } finally {
      watch.restore();
    }
  });

  it('downloads again after a reload (Retry, reload()), in a new worker, and shows the new data', async () => {
    const id = await served(mixed);
    const { counts, create } = countingWorkers(newWorker);
    const adapter = inWorker(create);
    const source = eventDataSource(adapter, id);
    const before = await statisticsFrom(source, NOW, undefined);
    await storeFixture(id, { event: { ...amsterdamEvent, id }, attendance: { ...mixed, views: mixed.views.slice(0, 1) } } as Fixture);
    // Asked again without a reload: the worker's analysis answers.
    expect(await statisticsFrom(source, NOW, undefined)).toEqual(before);
    source.invalidate();
    const after = await statisticsFrom(source, NOW, undefined);
    expect(counts).toEqual({ made: 2, ended: 1 });
    expect(await downloadsOf(id)).toBe(2);
    expect(after.totalVisitors).not.toBe(before.totalVisitors);
    expect(after).toEqual(await statisticsFrom(eventDataSource(rest(), id), NOW, undefined));
  });

  it('keeps the workers of the four most recently asked events, and close() ends them and what waits for them', async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, () => served(mixed)));
    const { counts, create } = countingWorkers(newWorker);
    const adapter = inWorker(create);
    for (const id of ids) await adapter.getFunnel!(id, { now: NOW });
    expect(counts).toEqual({ made: 5, ended: 1 });
    // The first event's worker was the one ended: asking it again makes a new one.
    await adapter.getFunnel!(ids[0]!, { now: NOW });
    expect(counts).toEqual({ made: 6, ended: 2 });
    const waiting = adapter.getStatistics!(await served(mixed), { now: NOW });
    adapter.close();
    await expect(waiting).rejects.toMatchObject({ kind: 'aborted' });
    expect(counts).toEqual({ made: 7, ended: 7 });
  });

  it('a widget shows the same figures with the worker as without', async () => {
    const id = await served(mixed);
    const figures = async (adapter: DataAdapter) => {
      const element = document.createElement('odw-on-demand-statistics');
      element.adapter = adapter;
      element.eventId = id;
      element.now = NOW;
      mount(element);
      const root = await waitForShadow(element, (shadow) => shadow.querySelector('.value'));
      const text = root.textContent?.replace(/\s+/g, ' ');
      element.remove();
      return text;
    };
    const withoutWorker = await figures(rest());
    const { counts, create } = countingWorkers(newWorker);
    expect(await figures(inWorker(create))).toBe(withoutWorker);
    expect(counts.made).toBe(1);
  });
});

// The adapter suite every adapter passes: each push-down answer as core computes it, errors, aborts.
runAdapterConformance(
  async () => {
    const { event, attendance: data } = scenarioData('bad-records');
    await storeFixture('conformance-bad-records', { event: { ...event, id: 'conformance-bad-records' }, attendance: data } as Fixture);
    return inWorker();
  },
  { describe, it, name: 'createWorkerRestAdapter in Chromium', eventId: 'conformance-bad-records', now: REFERENCE_NOW, strictAbort: true, expectPushDown: true, diagnostics: 'exact' },
);

it('keeps the page responsive while 300 000 views are downloaded and analyzed in the worker', async () => {
  // As test/browser/responsiveness.test.ts on the page, relative to the machine's speed: no main-thread task may take a tenth of the load.
  const id = await served(
    attendance(
      Array.from({ length: 60_000 }, (_, index) => registrant(`L${index}`, index % 3 === 0 ? 'Attended' : 'No Show')),
      Array.from({ length: 300_000 }, (_, index) => view(`L${(index * 7919) % 60_000}`, afterEnd((index * 104_729) % 14, index % 1_440), (index % 50) + 1)),
    ),
  );
  const { counts, create } = countingWorkers(newWorker);
  const watch = pageDownloads();
  const longTasks = await watchLongTasks();
  try {
    const element = document.createElement('odw-on-demand-statistics');
    element.adapter = inWorker(create);
    element.eventId = id;
    element.now = NOW;
    const started = performance.now();
    mount(element);
    await waitForShadow(element, (root) => root.querySelector('.value'), 25_000);
    const took = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(counts).toEqual({ made: 1, ended: 0 });
    expect(took).toBeGreaterThan(150);
    expect(watch.asked).toEqual([]);
    // A tenth, not a third as on the page: only the widget's own render is left on the main thread.
    expect(longTasks.longest()).toBeLessThan(took / 10);
  } finally {
    longTasks.stop();
    watch.restore();
  }
}, 30_000);
