/*
 * The fault matrix at the WIDGET level: <odw-on-demand-statistics>, <odw-on-demand-summary> and
 * the <odw-event-mode-picker>'s audience count, each on the REST adapter over an MSW Service
 * Worker, against every way a backend fails. For each: what the widget shows (a plain sentence
 * with a Retry button and the adapter's message in the technical details, or the recovered data), that nothing is left unhandled or
 * logged as an error, and that Retry recovers once the backend does.
 *
 * No real back-off: the adapter's sleep is injected (it records the wait and returns at once);
 * the only real waits are the 2 s timeout case, the picker's 250 ms count debounce and MSW's
 * own delivery.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createRestAdapter, type RestAdapterOptions } from '../../../src/adapters/index.ts';
import { type WebinarData } from '../../../src/adapters/memory.ts';
import { REFERENCE_NOW, faultHandlers, scenarioData } from '../../../mocks/index.ts';
import { browserBackend, type LoggedRequest } from '../../fixtures/reliability/backend.ts';
import { pause, textOf, watchEveryTest } from '../../fixtures/reliability/watch.ts';
import { dataShown, ERROR_PREFIX, errorShown, expectedData, mountWidget, WIDGETS, type WidgetName } from '../../fixtures/reliability/widgets.ts';

const baseUrl = '/odw-reliability-faults';
const backend = browserBackend(baseUrl);
const EVENT = 'mid-window';
const now = REFERENCE_NOW;
const midWindow = scenarioData(EVENT, { now });

type Mode = 'client-side' | 'push-down';

interface Context {
  mode: Mode;
  sleeps: number[];
  requests: () => LoggedRequest[];
}

interface FaultCase {
  fault: string;
  handlers: () => HttpHandler[];
  options?: Partial<RestAdapterOptions>;
  /** Faults of the attendance route only matter where attendance is read (not with push-down). */
  modes?: Mode[];
  /** An error message (after the widget's prefix), or the data the widget recovers to. */
  shows: RegExp | { data: WebinarData };
  check?: (context: Context, widget: WidgetName) => void | Promise<void>;
}

const events = `${baseUrl}/events/${EVENT}`;

/** The scenario's attendance as one page, changed by `change`. */
function attendancePage(change: (page: { registrants: unknown[]; views: Record<string, unknown>[]; reportedThrough: string; nextCursor: string | null }) => void) {
  const page = structuredClone({ ...midWindow.attendance, nextCursor: null }) as unknown as Parameters<typeof change>[0];
  change(page);
  return page;
}

/** 100 000 valid views spread over the scenario's no-shows and days: a very large (but honest) page. */
function hugeData(): WebinarData {
  const noShows = midWindow.attendance.registrants.filter((registrant) => /no.?show|registered/i.test(registrant.status)).map((registrant) => registrant.leadId);
  const endsAt = Date.parse(midWindow.event.endsAt);
  const views = Array.from({ length: 100_000 }, (_, index) => ({
    leadId: noShows[index % noShows.length] as string,
    viewedAt: new Date(endsAt + 3_600_000 + (index % 10) * 86_400_000 + index).toISOString(),
    minutes: (index % 37) + 1,
  }));
  return { event: midWindow.event, attendance: { ...midWindow.attendance, views } };
}
const huge = hugeData();

// The figures are asked alongside the event: the first of the two to give up shows the error, and
// the other may still be on its last attempt then. Wait for it, then make sure no fifth follows.
const retries = (route: string) => async (context: Context) => {
  const failing = () => context.requests().filter((request) => request.route === route).length;
  await vi.waitFor(() => expect(failing(), `${route} requests: first attempt + 3 retries`).toBe(4));
  await pause(100);
  expect(failing(), `${route} requests: no more than first attempt + 3 retries`).toBe(4);
};

const FAULTS: FaultCase[] = [
  {
    fault: '500',
    handlers: () => faultHandlers('server-error', { baseUrl }),
    shows: /^The reporting service is unavailable \(500\); try again later\.$/,
    check: (context) => expect(context.sleeps, '500 is not retried').toEqual([]),
  },
  {
    fault: '503 then success',
    handlers: () => faultHandlers('unavailable-then-ok', { baseUrl, times: 1 }),
    shows: { data: midWindow },
    check: (context) => expect(context.sleeps, 'one back-off (jitter 0.5 × 300 ms)').toEqual([150]),
  },
  {
    fault: '429 with Retry-After: 1, then success',
    handlers: () => faultHandlers('rate-limited', { baseUrl, retryAfter: '1', times: 2 }),
    shows: { data: midWindow },
    check: (context) => expect(context.sleeps, 'Retry-After honoured twice').toEqual([1000, 1000]),
  },
  {
    fault: '429 with Retry-After: 1, for good',
    handlers: () => faultHandlers('rate-limited', { baseUrl, retryAfter: '1' }),
    shows: /^Too many requests to the reporting service \(429\); try again in 1 second\.$/,
    // Retry-After honoured 3 times per request: the event's, and the one asked alongside it — the
    // attendance (client-side) or the statistics' aggregate; the summary's and the picker's
    // aggregates wait for the event. The second may still be retrying when the first failure shows.
    check: async (context, widget) => {
      const requests = context.mode === 'client-side' || widget === 'statistics' ? 2 : 1;
      await vi.waitFor(() => expect(context.sleeps).toEqual(Array.from({ length: 3 * requests }, () => 1000)));
    },
  },
  {
    fault: '429 with Retry-After: 120',
    handlers: () => faultHandlers('rate-limited', { baseUrl, retryAfter: '120' }),
    shows: /^Too many requests to the reporting service \(429\); try again in 2 minutes\.$/,
    check: (context) => expect(context.sleeps, 'a long Retry-After fails at once').toEqual([]),
  },
  {
    fault: 'slower than the timeout',
    // 2 s, not less: the same adapter must then load every page in time once the backend recovers, and on a
    // busy CI machine (2 cores, the server suite running alongside) the mock's push-down answers took over 300 ms.
    handlers: () => faultHandlers('slow', { baseUrl, delayMs: 10_000 }),
    options: { timeoutMs: 2_000 },
    shows: /^The reporting service did not answer within 2 seconds\.$/,
    check: (context) => expect(context.sleeps, 'a timeout is not retried').toEqual([]),
  },
  {
    fault: 'connection error',
    handlers: () => [http.all(`${baseUrl}/events/*`, () => HttpResponse.error())],
    shows: /^The reporting service cannot be reached: Failed to fetch\.$/,
    check: retries('event'),
  },
  {
    fault: 'malformed JSON',
    handlers: () => faultHandlers('malformed-json', { baseUrl }),
    shows: /^The reporting service sent data the widgets cannot read: event "mid-window": the answer is not JSON \(it starts with "\{\\"id\\": \\"mid-window\\","\)\.$/,
  },
  {
    fault: 'wrong shape: another schema',
    handlers: () => faultHandlers('wrong-shape', { baseUrl }),
    shows: /^The reporting service sent data the widgets cannot read: event "mid-window": id must be a string, got nothing\.$/,
  },
  {
    fault: 'wrong shape: missing field',
    handlers: () => [http.get(events, () => HttpResponse.json({ ...midWindow.event, name: undefined }))],
    shows: /^The reporting service sent data the widgets cannot read: event "mid-window": name must be a string, got nothing\.$/,
  },
  {
    fault: 'wrong shape: wrong type',
    handlers: () => [http.get(`${events}/attendance`, () => HttpResponse.json(attendancePage((page) => ((page.views[3] as Record<string, unknown>).minutes = '12'))))],
    modes: ['client-side'],
    shows: /^The reporting service sent data the widgets cannot read: attendance page 1: views\[3\]\.minutes must be a number, got "12"\.$/,
  },
  {
    fault: 'wrong shape: a 100 000-row page',
    handlers: () => [http.get(`${events}/attendance`, () => HttpResponse.json({ ...huge.attendance, nextCursor: null }))],
    modes: ['client-side'],
    shows: { data: huge },
  },
  {
    fault: 'wrong shape: a cursor that repeats',
    handlers: () => [http.get(`${events}/attendance`, () => HttpResponse.json(attendancePage((page) => (page.nextCursor = 'again'))))],
    modes: ['client-side'],
    shows: /^The reporting service sent data the widgets cannot read: attendance page 2: cursor loop: nextCursor "again" was already followed\.$/,
    check: (context) => expect(context.requests().filter((request) => request.route === 'attendance')).toHaveLength(2),
  },
  {
    fault: 'wrong shape: a cursor loop that never ends',
    handlers: () => [
      http.get(`${events}/attendance`, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        return HttpResponse.json(attendancePage((page) => ((page.views = []), (page.nextCursor = `page-${Number(cursor?.slice(5) ?? 0) + 1}`))));
      }),
    ],
    options: { maxPages: 25 },
    modes: ['client-side'],
    shows: /^The reporting service sent data the widgets cannot read: attendance of event "mid-window": more than 25 pages; stopped following nextCursor\.$/,
    check: (context) => expect(context.requests().filter((request) => request.route === 'attendance'), 'stops at maxPages').toHaveLength(25),
  },
  {
    fault: '401',
    handlers: () => faultHandlers('unauthorized', { baseUrl }),
    shows: /^Not allowed to read event "mid-window" \(401\): The access token has expired\. Sign in again or check the access token\.$/,
    check: (context) => expect(context.sleeps, '401 is not retried').toEqual([]),
  },
  {
    fault: '404',
    handlers: () => faultHandlers('not-found', { baseUrl }),
    shows: /^Event "mid-window" was not found \(404\)\.$/,
  },
];

watchEveryTest(backend);

describe.each(['client-side', 'push-down'] as Mode[])('fault matrix on the REST adapter (%s)', (mode) => {
  for (const testCase of FAULTS.filter((candidate) => (candidate.modes ?? ['client-side', 'push-down']).includes(mode))) {
    describe(testCase.fault, () => {
      it.each(WIDGETS)('%s', async (widget) => {
        const sleeps: number[] = [];
        const mark = backend.requests.length;
        backend.worker.use(...testCase.handlers());
        const adapter = createRestAdapter({
          baseUrl,
          pushDown: mode === 'push-down',
          random: () => 0.5,
          sleep: async (ms) => void sleeps.push(ms),
          timeoutMs: 5_000,
          ...testCase.options,
        });
        // The projection is an optional follow-up request the figures never wait for: left on, it
        // could reach the worker after its test ended and take the next test's one-shot fault.
        // Its failures are the elements' own tests (the card and the chart show the rest).
        const element = mountWidget(widget, { adapter, eventId: EVENT, now, setup: (widgetElement) => 'noProjection' in widgetElement && (widgetElement.noProjection = true) });
        const context: Context = { mode, sleeps, requests: () => backend.since(mark) };

        if ('data' in testCase.shows) {
          expect(await dataShown(widget, element, 15_000)).toBe(expectedData(widget, testCase.shows.data, now));
          expect(element.shadowRoot?.querySelector('[role="alert"]')).toBeNull();
        } else {
          const box = await errorShown(widget, element);
          // The person reads one sentence from the error's kind; the adapter's message is the
          // last part of the technical details (kind · HTTP status · … · message).
          const text = textOf(box.querySelector('span'));
          expect(text.startsWith(`${ERROR_PREFIX[widget]} `), text).toBe(true);
          expect(text, 'no HTTP in the headline').not.toMatch(/\(\d{3}\)|HTTP|JSON/);
          const details = textOf(element.shadowRoot?.querySelector('[part="error-details"] code')).split(' · ');
          expect(details.at(-1)).toMatch(testCase.shows);
          const retry = box.querySelector<HTMLButtonElement>('button[part="retry"]');
          expect(retry?.textContent?.trim()).toBe('Retry');
          if (widget !== 'picker') expect(element.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy')).toBe('false');
          await testCase.check?.(context, widget);

          // The backend recovers; Retry loads again and shows the data.
          backend.worker.resetHandlers();
          retry?.click();
          expect(await dataShown(widget, element)).toBe(expectedData(widget, midWindow, now));
          expect(element.shadowRoot?.querySelector('[role="alert"]')).toBeNull();
          return;
        }
        await testCase.check?.(context, widget);
      });
    });
  }
});
