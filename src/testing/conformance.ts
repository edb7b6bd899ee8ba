/*
 * The adapter conformance suite: verifies any DataAdapter against the contract, in whatever
 * test runner its author uses. It needs only the runner's `describe` and `it`, and fails by
 * throwing plain Errors whose messages say what the adapter did and what was expected.
 */
import { isAdapterError, type AdapterErrorKind, type DataAdapter } from '../adapters/adapter.ts';
import {
  addDays,
  analyzeAttendance,
  audienceMembers,
  sortAudienceMembers,
  type AudienceMember,
  type AudienceSort,
  dailyOnDemandVisitors,
  isCalendarDay,
  onDemandStatistics,
  onDemandWindow,
  programFunnel,
  projectOnDemandVisitors,
  resolveStatuses,
  selectAudience,
  type Attendance,
  type AttendanceCriteria,
  type DayRange,
  type OnDemandWindow,
  type WebinarEvent,
} from '../core/index.ts';

/** The two functions every runner has: Vitest, Mocha (wtr), Jasmine, `node:test`. */
export interface ConformanceRunner {
  describe: (name: string, body: () => void) => unknown;
  it: (name: string, body: () => Promise<void>) => unknown;
}

export interface ConformanceOptions extends ConformanceRunner {
  /** An event your adapter serves; ideally one with views, rewatchers and a few bad records. */
  eventId: string;
  /** An id your backend does not know. Default `conformance-unknown-event`. */
  unknownEventId?: string;
  /** The clock for statistics and audience counts, consistent with the served data. */
  now: Date;
  /** Shown in the suite's name. */
  name?: string;
  /** A sub-range of the window for the summary check. Default: days 2–6 of the window. */
  range?: DayRange;
  /** Criteria counted beside the built-in ones. */
  criteria?: readonly AttendanceCriteria[];
  /**
   * Your adapter always takes at least one task to answer (network, latency), so an abort right
   * after a call must reject with `aborted`. Default false: an answer that beat the abort is accepted.
   */
  strictAbort?: boolean;
  /**
   * Fail unless these push-down aggregates exist (`true` = all of them). Default: check whichever
   * the adapter implements.
   */
  expectPushDown?: boolean | { summary?: boolean; statistics?: boolean; audience?: boolean; members?: boolean; funnel?: boolean; projection?: boolean };
  /** How push-down diagnostics are compared with core's: same codes (default), exactly, or not at all. */
  diagnostics?: 'codes' | 'exact' | 'ignore';
  /** How long a call may take to settle after an abort. Default 3 000 ms. */
  settleMs?: number;
}

function fail(message: string): never {
  throw new Error(message);
}

function describeValue(value: unknown): string {
  if (value instanceof Error) return `${value.name}${isAdapterError(value) ? ` "${value.kind}"` : ''}: ${value.message}`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** Settles `promise` as a result record, failing if it takes longer than `ms`. */
async function settle<T>(promise: Promise<T>, ms: number, what: string): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms.`)), ms);
  });
  try {
    return await Promise.race([promise.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function expectAdapterError(promise: Promise<unknown>, kind: AdapterErrorKind, what: string, ms: number): Promise<void> {
  const result = await settle(promise, ms, what);
  if (result.ok) fail(`${what} resolved with ${describeValue(result.value)}; expected a rejection with AdapterError "${kind}".`);
  const { error } = result;
  if (!isAdapterError(error)) fail(`${what} rejected with ${describeValue(error)}; expected an AdapterError with kind "${kind}".`);
  if (error.kind !== kind) fail(`${what} rejected with AdapterError "${error.kind}" (${error.message}); expected kind "${kind}".`);
  if (typeof error.message !== 'string' || error.message.trim() === '') fail(`${what} rejected with AdapterError "${kind}" without a message a portal could show.`);
}

/** Differences between a push-down answer and core's, as readable lines (numbers within 1e-9 relative). */
function differences(actual: unknown, expected: unknown, path: string, found: string[]): void {
  if (found.length >= 5) return;
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected))) found.push(`${path} is ${actual}, core computes ${expected}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return void found.push(`${path} is ${describeValue(actual)}, core computes an array`);
    if (actual.length !== expected.length) return void found.push(`${path} has ${actual.length} items, core computes ${expected.length}`);
    expected.forEach((item, index) => differences(actual[index], item, `${path}[${index}]`, found));
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) return void found.push(`${path} is ${describeValue(actual)}, core computes an object`);
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) differences((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], path ? `${path}.${key}` : key, found);
    return;
  }
  if (actual !== expected) found.push(`${path} is ${describeValue(actual)}, core computes ${describeValue(expected)}`);
}

type WithDiagnostics = { diagnostics: { code: string }[] };

function expectEqualToCore<T extends WithDiagnostics>(actual: T, expected: T, what: string, mode: ConformanceOptions['diagnostics']): void {
  const found: string[] = [];
  const { diagnostics: actualDiagnostics, ...actualRest } = actual;
  const { diagnostics: expectedDiagnostics, ...expectedRest } = expected;
  differences(actualRest, expectedRest, '', found);
  if (!Array.isArray(actualDiagnostics)) found.push(`diagnostics is ${describeValue(actualDiagnostics)}, expected an array`);
  else if (mode === 'exact') differences(actualDiagnostics, expectedDiagnostics, 'diagnostics', found);
  else if (mode !== 'ignore') {
    const codes = (list: { code: string }[]) => list.map((item) => item.code).sort().join(', ');
    if (codes(actualDiagnostics) !== codes(expectedDiagnostics)) found.push(`diagnostic codes are [${codes(actualDiagnostics)}], core reports [${codes(expectedDiagnostics)}]`);
  }
  if (found.length > 0) fail(`${what} differs from core on the same data: ${found.join('; ')}.`);
}

/** Core must read the adapter's answers without throwing: they are what the widgets will get. */
function readByCore<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    return fail(`${what} is not something core can read: ${describeValue(error)}`);
  }
}

function checkEventShape(event: unknown, eventId: string): WebinarEvent {
  if (typeof event !== 'object' || event === null) fail(`getEvent("${eventId}") resolved with ${describeValue(event)}; expected an event object.`);
  for (const key of ['id', 'name', 'startsAt', 'endsAt', 'timeZone'] as const) {
    const value = (event as Record<string, unknown>)[key];
    if (typeof value !== 'string') fail(`getEvent("${eventId}").${key} is ${describeValue(value)}; expected a string.`);
  }
  const checked = event as WebinarEvent;
  if (checked.id !== eventId) fail(`getEvent("${eventId}").id is "${checked.id}"; expected the id that was asked for.`);
  readByCore(`getEvent("${eventId}")`, () => onDemandWindow(checked));
  return checked;
}

function checkAttendanceShape(attendance: unknown, event: WebinarEvent): Attendance {
  const what = `getAttendance("${event.id}")`;
  if (typeof attendance !== 'object' || attendance === null) fail(`${what} resolved with ${describeValue(attendance)}; expected { registrants, views, reportedThrough }.`);
  const record = attendance as Record<string, unknown>;
  for (const key of ['registrants', 'views'] as const) {
    if (!Array.isArray(record[key])) fail(`${what}.${key} is ${describeValue(record[key])}; expected an array.`);
  }
  if (!isCalendarDay(record.reportedThrough)) fail(`${what}.reportedThrough is ${describeValue(record.reportedThrough)}; expected a day YYYY-MM-DD.`);
  readByCore(what, () => analyzeAttendance(event, attendance as Attendance));
  return attendance as Attendance;
}

/** The push-down calls an adapter offers, each as "call for this event id with this signal". */
function calls(adapter: DataAdapter, now: Date): [string, (eventId: string, signal?: AbortSignal) => Promise<unknown>][] {
  const list: [string, (eventId: string, signal?: AbortSignal) => Promise<unknown>][] = [
    ['getEvent', (eventId, signal) => adapter.getEvent(eventId, { signal })],
    ['getAttendance', (eventId, signal) => adapter.getAttendance(eventId, { signal })],
  ];
  const { getDailySummary, getStatistics, countAudience, listAudience, getFunnel, getProjection } = adapter;
  if (getDailySummary) list.push(['getDailySummary', (eventId, signal) => getDailySummary.call(adapter, eventId, undefined, { signal })]);
  if (getStatistics) list.push(['getStatistics', (eventId, signal) => getStatistics.call(adapter, eventId, { now, signal })]);
  if (countAudience) list.push(['countAudience', (eventId, signal) => countAudience.call(adapter, eventId, { version: 1, kind: 'has-attended' }, { now, signal })]);
  if (listAudience) list.push(['listAudience', (eventId, signal) => listAudience.call(adapter, eventId, { criteria: { version: 1, kind: 'has-attended' }, now, limit: 10 }, { signal })]);
  if (getFunnel) list.push(['getFunnel', (eventId, signal) => getFunnel.call(adapter, eventId, { now, signal })]);
  if (getProjection) list.push(['getProjection', (eventId, signal) => getProjection.call(adapter, eventId, { now, signal })]);
  return list;
}

function defaultCriteria(window: OnDemandWindow): AttendanceCriteria[] {
  return [
    { version: 1, kind: 'has-attended' },
    { version: 1, kind: 'has-not-attended' },
    { version: 1, kind: 'has-attended', eventMode: 'live' },
    { version: 1, kind: 'has-attended', eventMode: 'on-demand' },
    { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'at-least', minutes: 10 } },
    { version: 1, kind: 'has-not-attended', eventMode: 'on-demand', watchDate: { operator: 'in-past', days: 7 } },
    { version: 1, kind: 'attends-event', eventMode: 'on-demand', watchDate: { operator: 'between', date: window.firstDay, to: addDays(window.firstDay, 2) } },
  ];
}

/**
 * Clocks where the funnel's clock check and the projection's branches change, for an event and
 * `now`: `now`, before and at the end of the event (projection `null`), just after it, days into
 * the window, just before and at the close, and after it (the final count).
 */
function clocksAcross(window: OnDemandWindow, now: Date): Date[] {
  const ends = window.opensAfter.getTime();
  const closes = window.closesAt.getTime();
  const day = 86_400_000;
  return [now.getTime(), ends - 3_600_000, ends, ends + 1, ends + 2.5 * day, ends + 10 * day, closes - 1, closes, closes + 3 * day].map((time) => new Date(time));
}

/**
 * Registers the conformance tests for a `DataAdapter` with your runner's `describe`/`it`.
 * `makeAdapter` is called once per test. Checks: the shapes of `getEvent`/`getAttendance`
 * (readable by core); unknown ids reject with AdapterError `not-found`; an aborted signal
 * (before and during a call) rejects with `aborted`, and the adapter answers normally after;
 * each push-down aggregate it implements equals core's result computed from its own
 * `getEvent` + `getAttendance` (the funnel and the projection at clocks across the window too);
 * invalid ranges, criteria and levels reject with `invalid-request`.
 *
 * @example
 * import { describe, it } from 'vitest';
 * import { runAdapterConformance } from 'on-demand-webinar-widgets/testing';
 * runAdapterConformance(() => createMyAdapter(), { describe, it, eventId: 'evt-42', now: new Date('2026-03-19T14:00:00Z') });
 */
export function runAdapterConformance(makeAdapter: () => DataAdapter | Promise<DataAdapter>, options: ConformanceOptions): void {
  const { describe, it, eventId, now } = options;
  const unknownEventId = options.unknownEventId ?? 'conformance-unknown-event';
  const settleMs = options.settleMs ?? 3000;
  const expected =
    typeof options.expectPushDown === 'object'
      ? options.expectPushDown
      : {
          summary: options.expectPushDown,
          statistics: options.expectPushDown,
          audience: options.expectPushDown,
          members: options.expectPushDown,
          funnel: options.expectPushDown,
          projection: options.expectPushDown,
        };

  /** The adapter and the data core computes from, read through the adapter itself. */
  async function load() {
    const adapter = await makeAdapter();
    const event = checkEventShape(await adapter.getEvent(eventId, {}), eventId);
    const attendance = checkAttendanceShape(await adapter.getAttendance(eventId, {}), event);
    return { adapter, event, attendance, window: onDemandWindow(event) };
  }

  function pushDown<K extends 'getDailySummary' | 'getStatistics' | 'countAudience' | 'listAudience' | 'getFunnel' | 'getProjection'>(adapter: DataAdapter, method: K, expectedHere: boolean | undefined): DataAdapter[K] {
    if (expectedHere && typeof adapter[method] !== 'function') fail(`The adapter has no ${method}, but expectPushDown says it should.`);
    return adapter[method];
  }

  describe(`DataAdapter conformance${options.name ? `: ${options.name}` : ''}`, () => {
    describe('reads', () => {
      it('getEvent answers the event asked for, in a shape core reads', async () => {
        await load();
      });
      it('getAttendance answers registrants, views and reportedThrough, in a shape core reads', async () => {
        const { attendance } = await load();
        if (attendance.registrants.length === 0) fail(`getAttendance("${eventId}") has no registrants; pick an event with data so the other checks mean something.`);
      });
    });

    describe('errors', () => {
      it('an unknown event id rejects with AdapterError "not-found" from every call', async () => {
        const adapter = await makeAdapter();
        for (const [name, call] of calls(adapter, now)) await expectAdapterError(call(unknownEventId), 'not-found', `${name}("${unknownEventId}")`, settleMs);
      });
      it('an already aborted signal rejects with AdapterError "aborted" from every call', async () => {
        const adapter = await makeAdapter();
        const controller = new AbortController();
        controller.abort();
        for (const [name, call] of calls(adapter, now)) await expectAdapterError(call(eventId, controller.signal), 'aborted', `${name} with an aborted signal`, settleMs);
      });
      it('an abort during a call rejects with "aborted" at once, and the next call answers normally', async () => {
        const adapter = await makeAdapter();
        for (const [name, call] of calls(adapter, now)) {
          const controller = new AbortController();
          const pending = call(eventId, controller.signal);
          controller.abort();
          const result = await settle(pending, settleMs, `${name} aborted during the call`);
          if (result.ok && options.strictAbort) fail(`${name} resolved although it was aborted during the call; expected AdapterError "aborted".`);
          if (!result.ok && !(isAdapterError(result.error) && result.error.kind === 'aborted')) {
            fail(`${name} aborted during the call rejected with ${describeValue(result.error)}; expected AdapterError "aborted".`);
          }
          // Nothing from the aborted call may stick (a cached rejection, a half-read result).
          const next = await settle(call(eventId), settleMs * 3, `${name} after an aborted call`);
          if (!next.ok) fail(`${name} after an aborted call rejected with ${describeValue(next.error)}; expected a normal answer.`);
        }
      });
    });

    describe('push-down aggregates equal core on the same data', () => {
      it('getDailySummary, for the whole window and for a sub-range', async () => {
        const { adapter, event, attendance, window } = await load();
        const getDailySummary = pushDown(adapter, 'getDailySummary', expected.summary);
        if (!getDailySummary) return;
        const whole = await getDailySummary.call(adapter, eventId, undefined, {});
        expectEqualToCore(whole, dailyOnDemandVisitors(event, attendance), `getDailySummary("${eventId}") for the whole window`, options.diagnostics);
        const to = addDays(window.firstDay, 5);
        const range = options.range ?? { from: addDays(window.firstDay, 1), to: to > window.lastDay ? window.lastDay : to };
        const part = await getDailySummary.call(adapter, eventId, range, {});
        expectEqualToCore(part, dailyOnDemandVisitors(event, attendance, range), `getDailySummary("${eventId}") for ${range.from} … ${range.to}`, options.diagnostics);
      });
      it('getDailySummary rejects a range outside the window with "invalid-request"', async () => {
        const { adapter, window } = await load();
        const getDailySummary = pushDown(adapter, 'getDailySummary', expected.summary);
        if (!getDailySummary) return;
        const range = { from: addDays(window.lastDay, 1), to: addDays(window.lastDay, 3) };
        await expectAdapterError(getDailySummary.call(adapter, eventId, range, {}), 'invalid-request', `getDailySummary for ${range.from} … ${range.to} (after the window)`, settleMs);
      });
      it('getStatistics at `now`, with the default and with another closing threshold', async () => {
        const { adapter, event, attendance } = await load();
        const getStatistics = pushDown(adapter, 'getStatistics', expected.statistics);
        if (!getStatistics) return;
        expectEqualToCore(await getStatistics.call(adapter, eventId, { now }), onDemandStatistics(event, attendance, now), `getStatistics("${eventId}") at ${now.toISOString()}`, options.diagnostics);
        const closingThreshold = 10;
        expectEqualToCore(
          await getStatistics.call(adapter, eventId, { now, closingThreshold }),
          onDemandStatistics(event, attendance, now, { closingThreshold }),
          `getStatistics("${eventId}") with closingThreshold ${closingThreshold}`,
          options.diagnostics,
        );
      });
      it('countAudience for live, on-demand, watch date and watch duration criteria', async () => {
        const { adapter, event, attendance, window } = await load();
        const countAudience = pushDown(adapter, 'countAudience', expected.audience);
        if (!countAudience) return;
        for (const criteria of [...defaultCriteria(window), ...(options.criteria ?? [])]) {
          const count = await countAudience.call(adapter, eventId, criteria, { now });
          const expectedCount = selectAudience(event, attendance, criteria, now).length;
          if (count !== expectedCount) fail(`countAudience("${eventId}", ${JSON.stringify(criteria)}) is ${describeValue(count)}, core counts ${expectedCount}.`);
        }
      });
      it('countAudience: has attended + has not attended = every registrant', async () => {
        const { adapter, event, attendance } = await load();
        const countAudience = pushDown(adapter, 'countAudience', expected.audience);
        if (!countAudience) return;
        const attended = await countAudience.call(adapter, eventId, { version: 1, kind: 'has-attended' }, { now });
        const notAttended = await countAudience.call(adapter, eventId, { version: 1, kind: 'has-not-attended' }, { now });
        const everyone = resolveStatuses(event, attendance).statuses.size;
        if (attended + notAttended !== everyone) fail(`countAudience: has attended (${attended}) + has not attended (${notAttended}) = ${attended + notAttended}, but the event has ${everyone} registrants.`);
      });
      it('countAudience rejects invalid criteria with "invalid-request"', async () => {
        const { adapter } = await load();
        const countAudience = pushDown(adapter, 'countAudience', expected.audience);
        if (!countAudience) return;
        // Watch Duration is valid only with Event Mode on-demand.
        const invalid = { version: 1, kind: 'has-attended', eventMode: 'live', watchDuration: { operator: 'at-least', minutes: 5 } } as const;
        await expectAdapterError(countAudience.call(adapter, eventId, invalid, { now }), 'invalid-request', 'countAudience with Watch Duration and Event Mode "live"', settleMs);
      });

      /** Every page of listAudience for `criteria`, in order, checking totals and cursors on the way. */
      async function everyPage(adapter: DataAdapter, criteria: AttendanceCriteria, sort: AudienceSort | undefined, limit: number): Promise<AudienceMember[]> {
        const listAudience = adapter.listAudience as NonNullable<DataAdapter['listAudience']>;
        const what = `listAudience("${eventId}", ${JSON.stringify(criteria)}${sort ? `, sort ${sort.by} ${sort.direction}` : ''})`;
        const members: AudienceMember[] = [];
        const cursors = new Set<string>();
        let cursor: string | undefined;
        let total: number | undefined;
        for (;;) {
          const page = await listAudience.call(adapter, eventId, { criteria, now, cursor, limit, sort }, {});
          if (typeof page !== 'object' || page === null || !Array.isArray(page.members)) fail(`${what} resolved with ${describeValue(page)}; expected { members, nextCursor, total }.`);
          if (page.members.length > limit) fail(`${what} answered ${page.members.length} people for limit ${limit}.`);
          if (total !== undefined && page.total !== total) fail(`${what}: total changed from ${total} to ${describeValue(page.total)} between pages.`);
          total = page.total;
          members.push(...page.members);
          if (page.nextCursor === null) break;
          if (typeof page.nextCursor !== 'string' || cursors.has(page.nextCursor)) fail(`${what}: nextCursor ${describeValue(page.nextCursor)} is not a new cursor.`);
          if (page.members.length === 0) fail(`${what}: an empty page before the last.`);
          cursors.add(page.nextCursor);
          cursor = page.nextCursor;
        }
        if (total !== members.length) fail(`${what}: total is ${describeValue(total)}, but the pages hold ${members.length} people.`);
        return members;
      }

      it('listAudience: every page together equals core\'s audienceMembers, for every criteria and sort', async () => {
        const { adapter, event, attendance, window } = await load();
        const listAudience = pushDown(adapter, 'listAudience', expected.members);
        if (!listAudience) return;
        for (const criteria of [...defaultCriteria(window), ...(options.criteria ?? [])]) {
          const actual = await everyPage(adapter, criteria, undefined, 1000);
          const expectedMembers = audienceMembers(event, attendance, criteria, now);
          const found: string[] = [];
          differences(actual, expectedMembers, 'members', found);
          if (found.length > 0) fail(`listAudience("${eventId}", ${JSON.stringify(criteria)}) differs from core's audienceMembers: ${found.join('; ')}.`);
        }
        const criteria: AttendanceCriteria = { version: 1, kind: 'has-not-attended', eventMode: 'live' };
        const all = audienceMembers(event, attendance, criteria, now);
        const sorts: AudienceSort[] = [
          { by: 'name', direction: 'ascending' },
          { by: 'email', direction: 'descending' },
          { by: 'status', direction: 'descending' },
          { by: 'onDemandMinutes', direction: 'descending' },
          { by: 'lastWatched', direction: 'ascending' },
        ];
        for (const sort of sorts) {
          const found: string[] = [];
          const limit = Math.max(1, Math.ceil(all.length / 3));
          differences(await everyPage(adapter, criteria, sort, limit), sortAudienceMembers(all, sort), 'members', found);
          if (found.length > 0) fail(`listAudience sorted by ${sort.by} ${sort.direction} (pages of ${limit}) differs from core: ${found.join('; ')}.`);
        }
      });
      it('getFunnel at `now` and at clocks across the window (reportedThrough, when given, the attendance\'s)', async () => {
        const { adapter, event, attendance, window } = await load();
        const getFunnel = pushDown(adapter, 'getFunnel', expected.funnel);
        if (!getFunnel) return;
        for (const clock of clocksAcross(window, now)) {
          const what = `getFunnel("${eventId}") at ${clock.toISOString()}`;
          const { reportedThrough, ...funnel } = await getFunnel.call(adapter, eventId, { now: clock });
          if (reportedThrough !== undefined && reportedThrough !== attendance.reportedThrough) {
            fail(`${what} says reportedThrough ${describeValue(reportedThrough)}, but the attendance is reported through ${attendance.reportedThrough}.`);
          }
          expectEqualToCore(funnel, programFunnel(event, attendance, clock), what, options.diagnostics);
        }
      });
      it('getProjection at clocks across the window (null where core says null), at the default level and at 0.95', async () => {
        const { adapter, event, attendance, window } = await load();
        const getProjection = pushDown(adapter, 'getProjection', expected.projection);
        if (!getProjection) return;
        for (const clock of clocksAcross(window, now)) {
          for (const level of [undefined, 0.95]) {
            const what = `getProjection("${eventId}") at ${clock.toISOString()}${level === undefined ? '' : ` at level ${level}`}`;
            const actual = await getProjection.call(adapter, eventId, { now: clock, level });
            const expectedProjection = projectOnDemandVisitors(event, attendance, clock, level === undefined ? {} : { level });
            if (expectedProjection === null || actual === null) {
              if (actual !== expectedProjection) fail(`${what} is ${describeValue(actual)}, core computes ${describeValue(expectedProjection)}.`);
              continue;
            }
            const found: string[] = [];
            differences(actual, expectedProjection, '', found);
            if (found.length > 0) fail(`${what} differs from core on the same data: ${found.join('; ')}.`);
          }
        }
      });
      it('getProjection rejects a level outside 0 … 1 (exclusive) with "invalid-request"', async () => {
        const { adapter } = await load();
        const getProjection = pushDown(adapter, 'getProjection', expected.projection);
        if (!getProjection) return;
        for (const level of [0, 1, 1.5]) {
          await expectAdapterError(getProjection.call(adapter, eventId, { now, level }), 'invalid-request', `getProjection at level ${level}`, settleMs);
        }
      });
      it('listAudience rejects invalid criteria and a limit over 1000 with "invalid-request"', async () => {
        const { adapter } = await load();
        const listAudience = pushDown(adapter, 'listAudience', expected.members);
        if (!listAudience) return;
        const invalid = { version: 1, kind: 'has-attended', eventMode: 'live', watchDuration: { operator: 'at-least', minutes: 5 } } as const;
        await expectAdapterError(listAudience.call(adapter, eventId, { criteria: invalid, now }, {}), 'invalid-request', 'listAudience with Watch Duration and Event Mode "live"', settleMs);
        await expectAdapterError(listAudience.call(adapter, eventId, { criteria: { version: 1, kind: 'has-attended' }, now, limit: 1001 }, {}), 'invalid-request', 'listAudience with limit 1001', settleMs);
      });
    });
  });
}
