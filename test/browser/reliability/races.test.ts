/*
 * Races at the widget level, over the REST adapter and an MSW Service Worker with per-request
 * delays: the event id, the adapter and the day range switch while earlier answers are still
 * on their way and arrive out of order. A MutationObserver on each shadow root records every
 * text the widget ever showed, so "only the latest data renders" is proven for the whole run,
 * not only at the end. Also: an aborted request stops retrying, and an element removed
 * mid-load leaves no request, timer or listener behind.
 *
 * Each race runs twice: with the REST adapter as is (it aborts stale requests), and wrapped so
 * it ignores AbortSignals (a custom adapter that does not honour abort): then stale answers
 * really arrive in the page, late, and the widgets must still ignore them.
 */
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRestAdapter, type DataAdapter, type RestAdapterOptions } from '../../../src/adapters/index.ts';
import { calendarDayOf, onDemandWindow, reportedSummaryRange, type DayRange } from '../../../src/core/index.ts';
import type { OdwDataProvider } from '../../../src/provider.ts';
import type { OdwOnDemandSummary } from '../../../src/summary.ts';
import { REFERENCE_NOW, scenarioData } from '../../../mocks/index.ts';
import { mount } from '../../fixtures/dom.ts';
import { browserBackend, delayed, servedAs } from '../../fixtures/reliability/backend.ts';
import { pause, recordRenders, trackKitTimers, watchEveryTest, type RenderLog, type TimerTracker } from '../../fixtures/reliability/watch.ts';
import { dataShown, expectedData, mountWidget, shownData, TAGS, WIDGETS, type WidgetElement, type WidgetName } from '../../fixtures/reliability/widgets.ts';

const baseUrl = '/odw-reliability-races';
const otherBaseUrl = '/odw-reliability-races-2';
const now = REFERENCE_NOW;

// Three events whose answers come back in the reverse order of asking: A slowest, C fastest.
const data = {
  a: scenarioData('closing-soon', { now }),
  b: scenarioData('bad-records', { now }),
  c: scenarioData('mid-window', { now }),
};
const delays = { a: 400, b: 200, c: 0 };
const ids = { a: 'race-a', b: 'race-b', c: 'race-c' };
const asServed = (key: keyof typeof data) => ({ event: { ...data[key].event, id: ids[key] }, attendance: data[key].attendance });

const backend = browserBackend(baseUrl, [
  ...servedAs(baseUrl, ids.a, data.a, () => delays.a),
  ...servedAs(baseUrl, ids.b, data.b, () => delays.b),
  ...servedAs(baseUrl, ids.c, data.c, () => delays.c),
  // The same event id on a second backend, with other data and a fast answer.
  ...servedAs(otherBaseUrl, 'race-x', data.c, () => 0),
  ...servedAs(baseUrl, 'race-x', data.a, () => delays.a),
]);

type Flavour = 'aborting' | 'ignoring abort';

/** The REST adapter, or the same adapter wrapped so that it never sees the caller's signal. */
function restAdapter(flavour: Flavour, options: Partial<RestAdapterOptions> = {}): DataAdapter {
  const adapter = createRestAdapter({ baseUrl, random: () => 0.5, sleep: async () => {}, ...options });
  if (flavour === 'aborting') return adapter;
  const deaf: DataAdapter = {
    getEvent: (id) => adapter.getEvent(id),
    getAttendance: (id) => adapter.getAttendance(id),
  };
  if (adapter.getDailySummary) deaf.getDailySummary = (id, range) => adapter.getDailySummary!(id, range);
  if (adapter.getStatistics) deaf.getStatistics = (id, { now: at, closingThreshold }) => adapter.getStatistics!(id, { now: at, closingThreshold });
  if (adapter.countAudience) deaf.countAudience = (id, criteria, { now: at }) => adapter.countAudience!(id, criteria, { now: at });
  return deaf;
}

/** Waits until the backend saw a request for `eventId` after `mark`: that answer is now on its way. */
async function requested(mark: number, filter: { eventId?: string; route?: string }): Promise<void> {
  await vi.waitFor(() => expect(backend.since(mark, filter).length).toBeGreaterThan(0), { timeout: 3000, interval: 5 });
}

/** Everything the widget showed as data (non-empty snapshots), each must be `expected`. */
function expectOnlyEverShowed(log: RenderLog, expected: string, stale: readonly string[]): void {
  const shownValues = log.snapshots.filter(Boolean);
  expect(shownValues.length, 'the data was shown').toBeGreaterThan(0);
  expect(new Set(shownValues)).toEqual(new Set([expected]));
  for (const text of stale) expect(log.everShowed(text), `never showed "${text}"`).toBe(false);
}

watchEveryTest(backend);

describe.each(['aborting', 'ignoring abort'] as Flavour[])('races on the REST adapter (%s)', (flavour) => {
  it.each(WIDGETS)('%s: event id A → B → C with answers arriving C, B, A shows only C, ever', async (widget) => {
    const expected = { a: expectedData(widget, asServed('a'), now), b: expectedData(widget, asServed('b'), now), c: expectedData(widget, asServed('c'), now) };
    expect(new Set(Object.values(expected)).size, 'the three events show different figures').toBe(3);
    const adapter = restAdapter(flavour);
    const mark = backend.requests.length;
    const element = mountWidget(widget, { adapter, eventId: ids.a, now });
    const log = recordRenders(element, (root) => shownData(widget, root));
    await requested(mark, { eventId: ids.a });
    element.eventId = ids.b;
    await requested(mark, { eventId: ids.b });
    element.eventId = ids.c;
    expect(await dataShown(widget, element)).toBe(expected.c);
    await pause(delays.a + 100); // let the stale answers arrive
    log.stop();
    expect(shownData(widget, element.shadowRoot as ShadowRoot)).toBe(expected.c);
    expectOnlyEverShowed(log, expected.c, widget === 'picker' ? [] : [data.a.event.name, data.b.event.name]);
  });

  it.each(WIDGETS)('%s: switching the adapter mid-load shows only the new backend’s data', async (widget) => {
    const slow = restAdapter(flavour);
    const fast = restAdapter(flavour, { baseUrl: otherBaseUrl });
    const mark = backend.requests.length;
    const element = mountWidget(widget, { adapter: slow, eventId: 'race-x', now });
    const log = recordRenders(element, (root) => shownData(widget, root));
    await requested(mark, { eventId: 'race-x' });
    element.adapter = fast;
    const expected = expectedData(widget, { event: { ...data.c.event, id: 'race-x' }, attendance: data.c.attendance }, now);
    expect(await dataShown(widget, element)).toBe(expected);
    await pause(delays.a + 100);
    log.stop();
    expectOnlyEverShowed(log, expected, widget === 'picker' ? [] : [data.a.event.name]);
  });

  it('summary: day range changes while push-down answers arrive out of order show only the last range', async () => {
    const event = data.c.event;
    const window = onDemandWindow(event);
    const today = calendarDayOf(now, event.timeZone);
    // "Last N days" are the last N reported days: the widget asks for the whole window first (to
    // learn what is reported), then for those days.
    const reportedThrough = data.c.attendance.reportedThrough;
    const whole: DayRange = { from: window.firstDay, to: window.lastDay };
    const ranges: DayRange[] = [
      reportedSummaryRange(window, { kind: 'last-days', days: 3 }, today, reportedThrough),
      { from: window.firstDay, to: window.firstDay },
      reportedSummaryRange(window, { kind: 'last-days', days: 10 }, today, reportedThrough),
    ];
    const rangeDelays = [400, 200, 0];
    const key = (range: { from: string | null; to: string | null }) => `${range.from}…${range.to}`;
    backend.worker.use(
      http.get(`${baseUrl}/events/mid-window/on-demand/summary`, async ({ request }) => {
        const { searchParams } = new URL(request.url);
        const asked = key({ from: searchParams.get('from'), to: searchParams.get('to') });
        await new Promise((resolve) => setTimeout(resolve, asked === key(whole) ? 300 : (rangeDelays[ranges.findIndex((range) => key(range) === asked)] ?? 0)));
        return undefined;
      }),
    );
    const expected = ranges.map((range) => expectedData('summary', data.c, now, range));
    expect(new Set(expected).size, 'the three ranges show different figures').toBe(3);
    const adapter = restAdapter(flavour, { pushDown: { summary: true } });
    const mark = backend.requests.length;
    const element = mountWidget('summary', { adapter, eventId: 'mid-window', now, setup: (summary) => ((summary as OdwOnDemandSummary).days = 3) }) as OdwOnDemandSummary;
    const log = recordRenders(element, (root) => shownData('summary', root));
    await requested(mark, { route: 'summary' });
    element.days = undefined;
    element.from = ranges[1]?.from;
    element.to = ranges[1]?.to;
    await vi.waitFor(() => expect(backend.since(mark, { route: 'summary' }).length).toBe(2), { timeout: 3000, interval: 5 });
    element.from = undefined;
    element.to = undefined;
    element.days = 10;
    expect(await dataShown('summary', element)).toBe(expected[2]);
    await pause(500);
    log.stop();
    expectOnlyEverShowed(log, expected[2] as string, []);
    const asked = backend.since(mark, { route: 'summary' }).map((request) => key({ from: request.url.searchParams.get('from'), to: request.url.searchParams.get('to') }));
    expect(asked).toEqual([whole, ranges[1], whole, ranges[2]].map((range) => key(range as DayRange)));
  });

  it('summary: day range changes while the attendance is still loading show only the last range', async () => {
    backend.worker.use(delayed(baseUrl, /\/attendance/, 300));
    const event = data.c.event;
    const window = onDemandWindow(event);
    const last = reportedSummaryRange(window, { kind: 'last-days', days: 10 }, calendarDayOf(now, event.timeZone), data.c.attendance.reportedThrough);
    const adapter = restAdapter(flavour);
    const mark = backend.requests.length;
    const element = mountWidget('summary', { adapter, eventId: 'mid-window', now, setup: (summary) => ((summary as OdwOnDemandSummary).days = 3) }) as OdwOnDemandSummary;
    const log = recordRenders(element, (root) => shownData('summary', root));
    await requested(mark, { route: 'attendance' });
    element.days = undefined;
    element.from = window.firstDay;
    element.to = window.firstDay;
    await element.updateComplete;
    element.from = undefined;
    element.to = undefined;
    element.days = 10;
    const expected = expectedData('summary', data.c, now, last);
    expect(await dataShown('summary', element)).toBe(expected);
    await pause(400);
    log.stop();
    expectOnlyEverShowed(log, expected, []);
  });

  it('a provider switching event id A → B → C feeds its widgets only C, ever', async () => {
    const provider = document.createElement('odw-data-provider') as OdwDataProvider;
    provider.now = now;
    provider.adapter = restAdapter(flavour);
    provider.eventId = ids.a;
    const elements = Object.fromEntries(WIDGETS.map((name) => [name, provider.appendChild(document.createElement(TAGS[name]))])) as Record<WidgetName, WidgetElement>;
    const mark = backend.requests.length;
    mount(provider);
    await Promise.all(WIDGETS.map((name) => elements[name].updateComplete));
    const logs = Object.fromEntries(WIDGETS.map((name) => [name, recordRenders(elements[name], (root) => shownData(name, root))])) as Record<WidgetName, RenderLog>;
    await requested(mark, { eventId: ids.a });
    provider.eventId = ids.b;
    await requested(mark, { eventId: ids.b });
    provider.eventId = ids.c;
    for (const name of WIDGETS) expect(await dataShown(name, elements[name])).toBe(expectedData(name, asServed('c'), now));
    await pause(delays.a + 100);
    for (const name of WIDGETS) {
      logs[name].stop();
      expectOnlyEverShowed(logs[name], expectedData(name, asServed('c'), now), name === 'picker' ? [] : [data.a.event.name, data.b.event.name]);
    }
    // Loaded once per event for all three widgets: one event request per id, one attendance page for C.
    expect(backend.since(mark, { eventId: ids.c, route: 'event' })).toHaveLength(1);
    expect(backend.since(mark, { eventId: ids.c, route: 'attendance' }).length).toBeLessThanOrEqual(1);
  });
});

describe('aborted requests stop retrying', () => {
  const failing = (id: string) => http.all(`${baseUrl}/events/${id}*`, () => HttpResponse.json({ error: { code: 'unavailable', message: 'Down.' } }, { status: 503 }));

  it('an event switched away from during a back-off is never asked again, even when the back-off ends', async () => {
    backend.worker.use(failing('retry-a'));
    const wakeUps: (() => void)[] = [];
    // A back-off that ignores the signal: only the adapter's own race with the signal can stop the retry.
    const adapter = createRestAdapter({ baseUrl, random: () => 0.5, sleep: () => new Promise<void>((resolve) => wakeUps.push(resolve)) });
    const mark = backend.requests.length;
    const element = mountWidget('statistics', { adapter, eventId: 'retry-a', now });
    // Two requests in back-off: the event and the attendance, asked alongside it.
    await vi.waitFor(() => expect(wakeUps.length).toBe(2), { timeout: 3000, interval: 5 });
    expect(backend.since(mark, { eventId: 'retry-a' })).toHaveLength(2);
    const switched = backend.requests.length;
    element.eventId = 'mid-window';
    expect(await dataShown('statistics', element)).toBe(expectedData('statistics', data.c, now));
    for (const wake of wakeUps) wake(); // the back-off timers "fire" after the switch
    await pause(150);
    expect(backend.since(switched, { eventId: 'retry-a' }), 'no retry after the switch').toEqual([]);
    expect(element.shadowRoot?.querySelector('[role="alert"]')).toBeNull();
  });

  it('with real back-off timers: no retry reaches the backend after the switch, and the back-off timer is cleared', async () => {
    backend.worker.use(failing('retry-b'));
    const timers = trackKitTimers();
    try {
      const adapter = createRestAdapter({ baseUrl, backoffMs: 120, random: () => 0.99, retries: 5 });
      const mark = backend.requests.length;
      const element = mountWidget('statistics', { adapter, eventId: 'retry-b', now });
      // Both requests the card makes at once, the event's and the attendance's, have reached the
      // backend and wait in back-off: any request for retry-b after the switch is a retry.
      await vi.waitFor(
        () => {
          expect(new Set(backend.since(mark, { eventId: 'retry-b' }).map((request) => request.route))).toEqual(new Set(['event', 'attendance']));
          expect(timers.pending().filter((timer) => timer.delay > 100)).toHaveLength(2);
        },
        { timeout: 5000, interval: 5 },
      );
      const switched = backend.requests.length;
      element.eventId = 'mid-window';
      await dataShown('statistics', element);
      await pause(600); // longer than the back-off schedule would have waited (119 + 238 ms)
      expect(backend.since(switched, { eventId: 'retry-b' }), 'no retry after the switch').toEqual([]);
      expect(timers.pending().map((timer) => `${timer.delay} ms from ${timer.stack.split('\n')[2]?.trim()}`)).toEqual([]);
    } finally {
      timers.stop();
    }
  });
});

describe('an element removed mid-load', () => {
  let timers: TimerTracker;
  let listeners: ListenerTracker;
  beforeEach(() => {
    timers = trackKitTimers();
    listeners = trackKitListeners();
  });
  afterEach(() => {
    timers.stop();
    listeners.stop();
  });

  async function expectNothingLeftAfterRemoval(element: Element, mark: () => number, settleMs: number): Promise<void> {
    element.remove();
    const removedAt = mark();
    await pause(settleMs);
    expect(backend.requests.slice(removedAt).map((request) => request.url.pathname), 'no request after removal').toEqual([]);
    expect(timers.pending().map((timer) => `${timer.delay} ms from ${timer.stack.split('\n')[2]?.trim()}`), 'kit timers still scheduled').toEqual([]);
    expect(listeners.leaked(), 'kit listeners still attached to live targets').toEqual([]);
  }

  it.each(WIDGETS)('%s (real clock): while the attendance is on its way — nothing left behind', async (widget) => {
    backend.worker.use(delayed(baseUrl, /\/attendance/, 250));
    const adapter = createRestAdapter({ baseUrl });
    const mark = backend.requests.length;
    // No fixed `now`: the element follows the real clock (a timer to the next day change).
    const element = mountWidget(widget, { adapter, eventId: 'mid-window' });
    // The event is asked alongside the attendance: both have reached the backend before the removal.
    await requested(mark, { route: 'attendance' });
    await requested(mark, { route: 'event' });
    await expectNothingLeftAfterRemoval(element, () => backend.requests.length, 400);
  });

  it('statistics during a retry back-off — no further retry, no timer left', async () => {
    backend.worker.use(http.all(`${baseUrl}/events/mid-window/attendance`, () => HttpResponse.json({ error: { code: 'unavailable', message: 'Down.' } }, { status: 503 })));
    const adapter = createRestAdapter({ baseUrl, backoffMs: 100, random: () => 0.99, retries: 5 });
    const mark = backend.requests.length;
    const element = mountWidget('statistics', { adapter, eventId: 'mid-window', now });
    await requested(mark, { route: 'attendance' });
    await requested(mark, { route: 'event' });
    await vi.waitFor(() => expect(timers.pending().some((timer) => timer.delay > 50)).toBe(true), { timeout: 3000, interval: 5 });
    await expectNothingLeftAfterRemoval(element, () => backend.requests.length, 500);
  });

  it('picker during its count debounce — the count is never asked', async () => {
    const adapter = createRestAdapter({ baseUrl, pushDown: { audience: true } });
    const mark = backend.requests.length;
    const element = mountWidget('picker', { adapter, eventId: 'mid-window', now });
    await requested(mark, { route: 'event' });
    await vi.waitFor(() => expect(timers.pending().some((timer) => timer.delay === 250)).toBe(true), { timeout: 3000, interval: 5 });
    await expectNothingLeftAfterRemoval(element, () => backend.requests.length, 400);
    expect(backend.since(mark, { route: 'count' })).toEqual([]);
  });

  it('a removed element that comes back loads again and shows the data', async () => {
    backend.worker.use(delayed(baseUrl, /\/attendance/, 200));
    const adapter = createRestAdapter({ baseUrl });
    const mark = backend.requests.length;
    const element = mountWidget('summary', { adapter, eventId: 'mid-window', now });
    await requested(mark, { route: 'attendance' });
    element.remove();
    await pause(50);
    document.body.append(element);
    expect(await dataShown('summary', element)).toBe(expectedData('summary', data.c, now));
    element.remove();
  });
});

/** Listeners added by the kit's own code to window, document or a not-yet-aborted AbortSignal. */
interface ListenerTracker {
  leaked(): string[];
  stop(): void;
}

function trackKitListeners(): ListenerTracker {
  const realAdd = EventTarget.prototype.addEventListener;
  const realRemove = EventTarget.prototype.removeEventListener;
  const live: { target: EventTarget; type: string; listener: unknown; where: string }[] = [];
  const kitCaller = (stack: string) => stack.split('\n').slice(2).find((line) => /\/src\/[^\s)]*\.ts/.test(line) && !line.includes('/test/'));
  EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    const where = kitCaller(new Error('listener').stack ?? '');
    if (where !== undefined && (this === window || this === document || this instanceof AbortSignal || this instanceof MediaQueryList)) {
      live.push({ target: this, type, listener, where: where.trim() });
    }
    return realAdd.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    const index = live.findIndex((entry) => entry.target === this && entry.type === type && entry.listener === listener);
    if (index !== -1) live.splice(index, 1);
    return realRemove.call(this, type, listener, options);
  };
  return {
    // A listener on an aborted signal has run (or can never run again): not a leak.
    leaked: () => live.filter((entry) => !(entry.target instanceof AbortSignal && entry.target.aborted)).map((entry) => `${entry.type} on ${entry.target.constructor.name} from ${entry.where}`),
    stop() {
      EventTarget.prototype.addEventListener = realAdd;
      EventTarget.prototype.removeEventListener = realRemove;
    },
  };
}
