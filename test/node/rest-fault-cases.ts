/*
 * The REST adapter against every fault of mocks/, as Vitest tests. Shared by the Node layer
 * (MSW setupServer) and the Chromium layer (MSW setupWorker): the harness says how to install
 * handlers. No test sleeps for real: back-off waits go through an injected, recording sleep.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import { createRestAdapter, type AdapterErrorKind, type DataAdapter, type RestAdapterOptions } from '../../src/adapters/index.ts';
import { faultHandlers, REFERENCE_NOW, type Fault } from '../../mocks/index.ts';
import { rejection } from '../fixtures/adapter-rejection.ts';

export interface MockNetwork {
  baseUrl: string;
  /** Prepends handlers until `reset()`. */
  use(...handlers: HttpHandler[]): void;
  reset(): void;
}

/** A REST adapter with a recording sleep, fixed jitter and a request counter. */
export function instrumentedAdapter(baseUrl: string, options: Partial<RestAdapterOptions> = {}) {
  const sleeps: number[] = [];
  const requests: { url: string; authorization: string | null }[] = [];
  const adapter = createRestAdapter({
    baseUrl,
    pushDown: true,
    random: () => 0.5,
    sleep: async (ms) => void sleeps.push(ms),
    fetch: (input, init) => {
      requests.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') });
      return globalThis.fetch(input, init);
    },
    ...options,
  });
  return { adapter, sleeps, requests };
}

// Re-exported: the Node and Chromium fault tests import it from here.
export { rejection };

const EVENT = 'mid-window';
const now = REFERENCE_NOW;

function everyCall(adapter: DataAdapter, signal?: AbortSignal): [string, () => Promise<unknown>][] {
  return [
    ['getEvent', () => adapter.getEvent(EVENT, { signal })],
    ['getAttendance', () => adapter.getAttendance(EVENT, { signal })],
    ['getDailySummary', () => adapter.getDailySummary!(EVENT, undefined, { signal })],
    ['getStatistics', () => adapter.getStatistics!(EVENT, { now, signal })],
    ['countAudience', () => adapter.countAudience!(EVENT, { version: 1, kind: 'has-attended' }, { now, signal })],
    ['getFunnel', () => adapter.getFunnel!(EVENT, { now, signal })],
    ['getProjection', () => adapter.getProjection!(EVENT, { now, signal })],
  ];
}

const FAULT_KINDS: [Fault, AdapterErrorKind, RegExp][] = [
  ['server-error', 'unavailable', /^The reporting service is unavailable \(500\); try again later\.$/],
  ['rate-limited', 'rate-limited', /^Too many requests to the reporting service \(429\); try again in 1 second\.$/],
  ['slow', 'timeout', /^The reporting service did not answer within 50 ms\.$/],
  ['malformed-json', 'invalid-response', /^The reporting service sent data the widgets cannot read: event "mid-window": the answer is not JSON/],
  ['wrong-shape', 'invalid-response', /^The reporting service sent data the widgets cannot read: .+ must be /],
  ['not-found', 'not-found', /^Event "mid-window" was not found \(404\)\.$/],
  ['unauthorized', 'unauthorized', /^Not allowed to read event "mid-window" \(401\): The access token has expired\. Sign in again or check the access token\.$/],
];

export function describeRestFaults(network: MockNetwork): void {
  const { baseUrl } = network;

  describe('every fault surfaces as a typed AdapterError from every call', () => {
    for (const [fault, kind, message] of FAULT_KINDS) {
      it(`${fault} → "${kind}"`, async () => {
        network.use(...faultHandlers(fault, { baseUrl, delayMs: 2_000 }));
        // A short timeout only where the fault is slowness: on a busy machine a normal answer
        // through the Service Worker can take longer than 50 ms.
        const { adapter } = instrumentedAdapter(baseUrl, fault === 'slow' ? { timeoutMs: 50 } : {});
        for (const [name, call] of everyCall(adapter)) {
          const error = await rejection(call());
          expect(error.kind, name).toBe(kind);
          expect(error.message, name).toMatch(message);
        }
      });
    }

    it('unavailable-then-ok → answers after one retry with jittered back-off', async () => {
      network.use(...faultHandlers('unavailable-then-ok', { baseUrl }));
      const { adapter, sleeps, requests } = instrumentedAdapter(baseUrl);
      expect((await adapter.getEvent(EVENT)).id).toBe(EVENT);
      expect(requests).toHaveLength(2);
      // Full jitter: random (0.5) × min(cap, 300 × 2^0).
      expect(sleeps).toEqual([150]);
    });
  });

  describe('retries', () => {
    it('503 every time: 3 retries with exponential back-off, then "unavailable"', async () => {
      network.use(...faultHandlers('unavailable-then-ok', { baseUrl, times: 100 }));
      const { adapter, sleeps, requests } = instrumentedAdapter(baseUrl);
      const error = await rejection(adapter.getEvent(EVENT));
      expect(error.kind).toBe('unavailable');
      expect(error.status).toBe(503);
      expect(requests).toHaveLength(4);
      expect(sleeps).toEqual([150, 300, 600]);
    });

    it('429 waits exactly Retry-After (seconds) between attempts', async () => {
      network.use(...faultHandlers('rate-limited', { baseUrl, retryAfter: '2' }));
      const { adapter, sleeps, requests } = instrumentedAdapter(baseUrl);
      const error = await rejection(adapter.getAttendance(EVENT));
      expect(error.kind).toBe('rate-limited');
      expect(error.retryAfterMs).toBe(2000);
      expect(requests).toHaveLength(4);
      expect(sleeps).toEqual([2000, 2000, 2000]);
    });

    it('429 honours Retry-After as an HTTP date', async () => {
      const clock = Date.parse('2026-03-19T14:00:00Z');
      network.use(...faultHandlers('rate-limited', { baseUrl, retryAfter: new Date(clock + 7000).toUTCString(), times: 1 }));
      const { adapter, sleeps } = instrumentedAdapter(baseUrl, { clock: () => clock });
      expect((await adapter.getEvent(EVENT)).id).toBe(EVENT);
      expect(sleeps).toEqual([7000]);
    });

    it('a Retry-After beyond the cap gives up at once and says when to retry', async () => {
      network.use(...faultHandlers('rate-limited', { baseUrl, retryAfter: '120' }));
      const { adapter, sleeps, requests } = instrumentedAdapter(baseUrl);
      const error = await rejection(adapter.getStatistics!(EVENT, { now }));
      expect(error.kind).toBe('rate-limited');
      expect(error.message).toBe('Too many requests to the reporting service (429); try again in 2 minutes.');
      expect(error.retryAfterMs).toBe(120_000);
      expect(requests).toHaveLength(1);
      expect(sleeps).toEqual([]);
    });

    it('502 and 504 are retried; 504 ends as "timeout"', async () => {
      let calls = 0;
      network.use(http.get(`${baseUrl}/events/:id`, () => new HttpResponse(null, { status: ++calls === 1 ? 502 : 504 })));
      const { adapter, requests } = instrumentedAdapter(baseUrl);
      const error = await rejection(adapter.getEvent(EVENT));
      expect(error.kind).toBe('timeout');
      expect(error.status).toBe(504);
      expect(requests).toHaveLength(4);
    });

    it('other 4xx are not retried: 400 invalid criteria names the field, 403 is "unauthorized"', async () => {
      const { adapter, requests } = instrumentedAdapter(baseUrl);
      const invalid = await rejection(adapter.countAudience!(EVENT, { version: 1, kind: 'has-attended', eventMode: 'live', watchDuration: { operator: 'at-least', minutes: 5 } }, { now }));
      expect(invalid.kind).toBe('invalid-request');
      expect(invalid.message).toMatch(/\(400\): The audience criteria are not valid: watchDuration: Watch Duration is only available when Event Mode is On-Demand/);
      expect(requests).toHaveLength(1);
      network.use(http.get(`${baseUrl}/events/:id`, () => HttpResponse.json({ error: { code: 'forbidden', message: 'No access to this event' } }, { status: 403 })));
      const forbidden = await rejection(adapter.getEvent(EVENT));
      expect(forbidden.kind).toBe('unauthorized');
      expect(requests).toHaveLength(2);
    });

    it('asks the headers function again for every attempt (rotating tokens)', async () => {
      network.use(...faultHandlers('unavailable-then-ok', { baseUrl }));
      let token = 0;
      const { adapter, requests } = instrumentedAdapter(baseUrl, { headers: async () => ({ authorization: `Bearer t${++token}` }) });
      await adapter.getEvent(EVENT);
      expect(requests.map((request) => request.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
    });
  });

  describe('abort', () => {
    it('an abort during back-off stops retrying at once', async () => {
      network.use(...faultHandlers('unavailable-then-ok', { baseUrl, times: 100 }));
      const controller = new AbortController();
      // A sleep that never ends on its own (and ignores the signal): only the abort can end the wait.
      const { adapter, requests } = instrumentedAdapter(baseUrl, {
        sleep: () => {
          controller.abort();
          return new Promise<void>(() => {});
        },
      });
      const error = await rejection(adapter.getEvent(EVENT, { signal: controller.signal }));
      expect(error.kind).toBe('aborted');
      expect(requests).toHaveLength(1);
    });

    it('an abort during a slow response rejects with "aborted", not "timeout"', async () => {
      network.use(...faultHandlers('slow', { baseUrl, delayMs: 2_000 }));
      const controller = new AbortController();
      const { adapter } = instrumentedAdapter(baseUrl, { timeoutMs: 1_000 });
      const pending = adapter.getAttendance(EVENT, { signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      const started = Date.now();
      const error = await rejection(pending);
      expect(error.kind).toBe('aborted');
      expect(Date.now() - started).toBeLessThan(900);
    });

    it('an already aborted signal sends nothing', async () => {
      const { adapter, requests } = instrumentedAdapter(baseUrl);
      for (const [name, call] of everyCall(adapter, AbortSignal.abort())) expect((await rejection(call())).kind, name).toBe('aborted');
      expect(requests).toHaveLength(0);
    });
  });

  describe('nothing is kept from a failed or aborted call', () => {
    it('the next call after a failure asks the backend again and succeeds', async () => {
      network.use(...faultHandlers('server-error', { baseUrl }));
      const { adapter, requests } = instrumentedAdapter(baseUrl);
      await rejection(adapter.getAttendance(EVENT));
      network.reset();
      const attendance = await adapter.getAttendance(EVENT);
      expect(attendance.registrants.length).toBeGreaterThan(0);
      expect(requests.length).toBeGreaterThan(1);
    });

    it('the next call after an abort succeeds', async () => {
      const controller = new AbortController();
      const { adapter } = instrumentedAdapter(baseUrl);
      const pending = adapter.getAttendance(EVENT, { signal: controller.signal });
      controller.abort();
      expect((await rejection(pending)).kind).toBe('aborted');
      expect((await adapter.getAttendance(EVENT)).registrants.length).toBeGreaterThan(0);
    });
  });

  describe('attendance pages', () => {
    const page = (body: Record<string, unknown>) => ({ registrants: [], views: [], reportedThrough: '2026-03-18', nextCursor: null, ...body });
    const paged = (pages: Record<string, Record<string, unknown>>) =>
      http.get(`${baseUrl}/events/:id/attendance`, ({ request }) => HttpResponse.json(pages[new URL(request.url).searchParams.get('cursor') ?? 'first'] ?? null));
    const view = (minutes: unknown) => ({ leadId: 'L1', viewedAt: '2026-03-10T15:00:00Z', minutes });

    it('joins every page', async () => {
      network.use(
        paged({
          first: page({ registrants: [{ leadId: 'L1', status: 'No Show' }], nextCursor: 'b' }),
          b: page({ views: [view(4)], nextCursor: 'c' }),
          c: page({ registrants: [{ leadId: 'L2', status: 'Attended' }], views: [view(6)] }),
        }),
      );
      const { adapter, requests } = instrumentedAdapter(baseUrl);
      const attendance = await adapter.getAttendance(EVENT);
      expect(attendance.registrants.map((registrant) => registrant.leadId)).toEqual(['L1', 'L2']);
      expect(attendance.views.map((item) => item.minutes)).toEqual([4, 6]);
      expect(requests.map((request) => new URL(request.url, 'https://relative.test').search)).toEqual(['', '?cursor=b', '?cursor=c']);
    });

    it('names the page, the record and the field of a structural problem', async () => {
      const views = Array.from({ length: 18 }, () => view(3));
      views[17] = view('12');
      network.use(paged({ first: page({ nextCursor: 'b' }), b: page({ views }) }));
      const error = await rejection(instrumentedAdapter(baseUrl).adapter.getAttendance(EVENT));
      expect(error.kind).toBe('invalid-response');
      expect(error.message).toBe('The reporting service sent data the widgets cannot read: attendance page 2: views[17].minutes must be a number, got "12".');
    });

    it('passes record-level badness through to core (negative minutes, unknown status, bad dates)', async () => {
      network.use(
        paged({
          first: page({
            registrants: [{ leadId: 'L1', status: 'Attended Partially' }, null],
            views: [view(-3), { leadId: 'L1', viewedAt: 'yesterday', minutes: 2 }, 'not a view'],
          }),
        }),
      );
      const attendance = await instrumentedAdapter(baseUrl).adapter.getAttendance(EVENT);
      expect(attendance.registrants).toHaveLength(2);
      expect(attendance.views).toHaveLength(3);
    });

    it('a cursor seen twice is a loop: "invalid-response"', async () => {
      network.use(paged({ first: page({ nextCursor: 'b' }), b: page({ nextCursor: 'c' }), c: page({ nextCursor: 'b' }) }));
      const error = await rejection(instrumentedAdapter(baseUrl).adapter.getAttendance(EVENT));
      expect(error.kind).toBe('invalid-response');
      expect(error.message).toMatch(/attendance page 3: cursor loop: nextCursor "b" was already followed/);
    });

    it('stops after maxPages', async () => {
      let served = 0;
      network.use(http.get(`${baseUrl}/events/:id/attendance`, () => HttpResponse.json(page({ nextCursor: `p${++served}` }))));
      const error = await rejection(instrumentedAdapter(baseUrl, { maxPages: 5 }).adapter.getAttendance(EVENT));
      expect(error.kind).toBe('invalid-response');
      expect(error.message).toMatch(/more than 5 pages/);
      expect(served).toBe(5);
    });

    it('reportedThrough that changes between pages is "invalid-response"', async () => {
      network.use(paged({ first: page({ nextCursor: 'b' }), b: page({ reportedThrough: '2026-03-19' }) }));
      const error = await rejection(instrumentedAdapter(baseUrl).adapter.getAttendance(EVENT));
      expect(error.message).toMatch(/attendance page 2: reportedThrough 2026-03-19 differs from page 1 \(2026-03-18\)/);
    });

    it('a failure on a later page fails the whole read, typed', async () => {
      network.use(
        http.get(`${baseUrl}/events/:id/attendance`, ({ request }) =>
          new URL(request.url).searchParams.has('cursor') ? new HttpResponse(null, { status: 500 }) : HttpResponse.json(page({ nextCursor: 'b' })),
        ),
      );
      const error = await rejection(instrumentedAdapter(baseUrl).adapter.getAttendance(EVENT));
      expect(error.kind).toBe('unavailable');
    });
  });
}
