/*
 * Contract tests shared by the mock backend (test/node/openapi-mocks.test.ts) and the reference
 * server (test/server/openapi-server.test.ts): drive a backend through every route of
 * docs/openapi.yaml — good requests and bad ones — and check every answer against the document.
 *
 * A case the backend under test is known to get wrong is listed in `mismatches` (case name →
 * why): it runs as `it.fails`, so it turns red the day the backend is fixed and the entry can go.
 */
import { describe, expect, it } from 'vitest';
import { addDays, onDemandWindow, type AttendanceCriteria, type WebinarEvent } from '../../src/core/index.ts';
import { ROUTES as CONTRACT_ROUTES, type RouteName } from '../../src/contract/index.ts';
import { checkAnswer, checkRequest, type RecordedAnswer } from './openapi.ts';

/** The path templates of docs/openapi.yaml, from the contract module's one route table. */
export const ROUTES = Object.fromEntries(
  Object.entries(CONTRACT_ROUTES).map(([name, route]) => [name, `/events/{eventId}${route.path}`]),
) as Record<RouteName, string>;

export type Route = RouteName;

/** The method of a route (the POST routes take a JSON body). */
export const methodOf = (route: Route): 'GET' | 'POST' => CONTRACT_ROUTES[route].method;

/** A backend under test. */
export interface ContractBackend {
  /** Sends a request; `path` is below the backend's base URL and may carry a query (`/events/x/attendance?cursor=…`). */
  send(path: string, init?: RequestInit): Promise<RecordedAnswer>;
}

/** Options of the shared suites. */
export interface ContractSuiteOptions {
  backend: ContractBackend;
  /** Case name → why the backend gets it wrong today: the case runs as `it.fails`. */
  mismatches?: Readonly<Record<string, string>>;
  /** Per test. */
  timeoutMs?: number;
}

/** `fetch` as a `RecordedAnswer`. */
export async function recorded(url: string, init?: RequestInit): Promise<RecordedAnswer> {
  const response = await fetch(url, init);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

export function pathOf(route: Route, eventId: string, query?: Readonly<Record<string, string>>): string {
  const path = ROUTES[route].replace('{eventId}', encodeURIComponent(eventId));
  const search = query === undefined ? '' : new URLSearchParams(query).toString();
  return search === '' ? path : `${path}?${search}`;
}

export function postJson(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

/** The body of a JSON answer. */
export function json<T>(answer: RecordedAnswer): T {
  return JSON.parse(answer.body) as T;
}

/** `it`, or `it.fails` with the reason in its name when the case is a known mismatch. */
function caseRunner(options: ContractSuiteOptions) {
  const timeout = options.timeoutMs ?? 15_000;
  return (name: string, run: () => Promise<void>) => {
    const mismatch = options.mismatches?.[name];
    if (mismatch === undefined) it(name, run, timeout);
    else it.fails(`${name} — KNOWN MISMATCH: ${mismatch}`, run, timeout);
  };
}

/** Criteria the audience count is asked for: every kind, both modes, each constraint family, nulls for unset. */
export const GOOD_CRITERIA: readonly AttendanceCriteria[] = [
  { version: 1, kind: 'has-attended' },
  { version: 1, kind: 'has-not-attended', eventMode: 'live' },
  { version: 1, kind: 'attends-event', eventMode: 'on-demand', watchDate: { operator: 'in-past', days: 7 }, watchDuration: { operator: 'at-least', minutes: 10 } },
  { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'in-time-frame', frame: 'last-week' } },
  { version: 1, kind: 'has-not-attended', eventMode: 'on-demand', watchDuration: { operator: 'between', minutes: 5, to: 30 } },
  { version: 1, kind: 'has-attended', eventMode: null, watchDate: null, watchDuration: null } as unknown as AttendanceCriteria,
];

/**
 * Every route with good requests for each event: the event, every attendance page, the summary
 * (whole window, a range, one day), the statistics (several clocks and thresholds, and the
 * server's own clock) and audience counts — each request valid by the document, each answer
 * conforming to it.
 */
export function describeGoodAnswers(options: ContractSuiteOptions & { events: readonly string[]; now: Date; light?: boolean }): void {
  const { backend, now } = options;
  // Light: each push-down route once (for data so large that every request takes seconds).
  const light = options.light === true;
  const test = caseRunner(options);
  const send = async (method: 'GET' | 'POST', route: Route, eventId: string, query?: Record<string, string>, body?: unknown) => {
    const request = { path: { eventId }, ...(query === undefined ? {} : { query }), ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
    expect(checkRequest(method, ROUTES[route], request), 'the test sends a valid request').toEqual([]);
    const answer = await backend.send(pathOf(route, eventId, query), body === undefined ? { method } : postJson(body));
    expect(checkAnswer(method, ROUTES[route], answer)).toEqual([]);
    return answer;
  };
  const events = new Map<string, WebinarEvent>();
  async function eventOf(eventId: string): Promise<WebinarEvent> {
    let event = events.get(eventId);
    if (event === undefined) {
      event = json<WebinarEvent>(await send('GET', 'event', eventId));
      events.set(eventId, event);
    }
    return event;
  }

  for (const eventId of options.events) {
    describe(`event "${eventId}"`, () => {
      test(`${eventId}: GET the event`, async () => {
        const answer = await send('GET', 'event', eventId);
        expect(answer.status).toBe(200);
        expect(json<WebinarEvent>(answer).id).toBe(eventId);
      });

      test(`${eventId}: GET every attendance page`, async () => {
        let cursor: string | null = null;
        const seen = new Set<string>();
        let reportedThrough: string | undefined;
        let pages = 0;
        do {
          const answer = await send('GET', 'attendance', eventId, cursor === null ? undefined : { cursor });
          expect(answer.status).toBe(200);
          const page = json<{ reportedThrough: string; nextCursor: string | null }>(answer);
          reportedThrough ??= page.reportedThrough;
          expect(page.reportedThrough, 'reportedThrough is the same on every page').toBe(reportedThrough);
          pages++;
          cursor = page.nextCursor;
          if (cursor !== null) {
            expect(seen.has(cursor), `cursor ${cursor} repeats`).toBe(false);
            seen.add(cursor);
          }
        } while (cursor !== null && pages < 100_000);
        expect(cursor).toBeNull();
      });

      test(`${eventId}: GET the summary (${light ? 'the whole window' : 'the whole window, a range, one day'})`, async () => {
        const window = onDemandWindow(await eventOf(eventId));
        const to = addDays(window.firstDay, 2) < window.lastDay ? addDays(window.firstDay, 2) : window.lastDay;
        const queries = [undefined, { from: window.firstDay, to }, { from: window.lastDay, to: window.lastDay }];
        for (const query of light ? queries.slice(0, 1) : queries) {
          const answer = await send('GET', 'summary', eventId, query);
          expect(answer.status).toBe(200);
        }
      });

      test(`${eventId}: GET the statistics (${light ? 'one clock' : 'several clocks and thresholds, and the server clock'})`, async () => {
        const event = await eventOf(eventId);
        const endsAt = Date.parse(event.endsAt);
        const clocks = [now.toISOString(), new Date(endsAt).toISOString(), new Date(endsAt + 28 * 86_400_000).toISOString(), '2026-03-19T15:00:00+01:00', '2026-03-19t14:00z'];
        for (const clock of light ? clocks.slice(0, 1) : clocks) {
          for (const threshold of light ? ['5'] : [undefined, '0', '30']) {
            const answer = await send('GET', 'statistics', eventId, { now: clock, ...(threshold === undefined ? {} : { closingThreshold: threshold }) });
            expect(answer.status).toBe(200);
          }
        }
        if (!light) expect((await send('GET', 'statistics', eventId)).status, "the server's own clock").toBe(200);
      });

      test(`${eventId}: POST audience counts (${light ? 'one criteria' : 'every kind and constraint, and the server clock'})`, async () => {
        for (const criteria of light ? GOOD_CRITERIA.slice(2, 3) : GOOD_CRITERIA) {
          const answer = await send('POST', 'audienceCount', eventId, undefined, { criteria, now: now.toISOString() });
          expect(answer.status).toBe(200);
        }
        if (!light) expect((await send('POST', 'audienceCount', eventId, undefined, { criteria: GOOD_CRITERIA[0] })).status, "the server's own clock").toBe(200);
      });

      test(`${eventId}: POST audience members (${light ? 'one page' : 'every criteria, every page of one, each sort'})`, async () => {
        for (const criteria of light ? GOOD_CRITERIA.slice(2, 3) : GOOD_CRITERIA) {
          const answer = await send('POST', 'audienceMembers', eventId, undefined, { criteria, now: now.toISOString(), limit: light ? 1000 : 50 });
          expect(answer.status).toBe(200);
        }
        if (light) return;
        let cursor: string | null = null;
        let pages = 0;
        do {
          const answer = await send('POST', 'audienceMembers', eventId, undefined, { criteria: GOOD_CRITERIA[0], now: now.toISOString(), limit: 40, ...(cursor === null ? {} : { cursor }) });
          expect(answer.status).toBe(200);
          cursor = json<{ nextCursor: string | null }>(answer).nextCursor;
          pages++;
        } while (cursor !== null && pages < 1000);
        for (const by of ['name', 'email', 'status', 'firstWatched', 'lastWatched', 'onDemandMinutes', 'onDemandViews', 'leadId']) {
          const answer = await send('POST', 'audienceMembers', eventId, undefined, { criteria: GOOD_CRITERIA[0], now: now.toISOString(), sort: { by, direction: 'descending' }, limit: 5 });
          expect(answer.status).toBe(200);
        }
        expect((await send('POST', 'audienceMembers', eventId, undefined, { criteria: GOOD_CRITERIA[0] })).status, "the server's own clock").toBe(200);
      });

      test(`${eventId}: GET the funnel (${light ? 'one clock' : 'several clocks, and the server clock'})`, async () => {
        const event = await eventOf(eventId);
        const endsAt = Date.parse(event.endsAt);
        const clocks = [now.toISOString(), new Date(endsAt).toISOString(), new Date(endsAt + 40 * 86_400_000).toISOString(), '2026-03-19T15:00:00+01:00'];
        for (const clock of light ? clocks.slice(0, 1) : clocks) expect((await send('GET', 'funnel', eventId, { now: clock })).status).toBe(200);
        if (!light) expect((await send('GET', 'funnel', eventId)).status, "the server's own clock").toBe(200);
      });

      test(`${eventId}: GET the projection (${light ? 'one clock' : 'null before the end, the final count after the close, clocks between, levels, and the server clock'})`, async () => {
        const event = await eventOf(eventId);
        const endsAt = Date.parse(event.endsAt);
        const at = (days: number) => new Date(endsAt + days * 86_400_000).toISOString();
        if (light) {
          expect((await send('GET', 'projection', eventId, { now: now.toISOString() })).status).toBe(200);
          return;
        }
        // Both shapes of the answer on every event: null until the event has ended, the final count once the window has closed.
        expect(json<unknown>(await send('GET', 'projection', eventId, { now: new Date(endsAt).toISOString() }))).toBeNull();
        expect(json<{ days: unknown[] }>(await send('GET', 'projection', eventId, { now: at(31) })).days).toEqual([]);
        for (const clock of [now.toISOString(), at(1), at(5), at(29.9)]) {
          for (const level of [undefined, '0.5', '0.95']) {
            expect((await send('GET', 'projection', eventId, { now: clock, ...(level === undefined ? {} : { level }) })).status).toBe(200);
          }
        }
        expect((await send('GET', 'projection', eventId)).status, "the server's own clock").toBe(200);
      });
    });
  }
}

/** A request the contract answers with an error. */
interface BadRequest {
  name: string;
  method: 'GET' | 'POST';
  route: Route;
  query?: Record<string, string>;
  /** The body as sent (text). */
  body?: string;
  /** Of the body; default `application/json`. */
  contentType?: string;
  status: number;
  codes: readonly string[];
  /**
   * `schema`: the document's parameter or body schema already refuses the request (checked);
   * `prose`: only the document's descriptions do (a range outside the window, both-or-neither).
   */
  refusedBy: 'schema' | 'prose';
}

const criteriaBody = (criteria: unknown, now?: unknown) => JSON.stringify(now === undefined ? { criteria } : { criteria, now });

/** Bad requests for an event with this window. */
function badRequests(window: { firstDay: string; lastDay: string }): BadRequest[] {
  const inside = window.firstDay;
  const later = addDays(window.firstDay, 3);
  return [
    { name: 'attendance: a cursor the server never gave out', method: 'GET', route: 'attendance', query: { cursor: 'garbage' }, status: 400, codes: ['invalid-cursor'], refusedBy: 'prose' },
    { name: 'attendance: an empty cursor', method: 'GET', route: 'attendance', query: { cursor: '' }, status: 400, codes: ['invalid-cursor'], refusedBy: 'schema' },
    { name: 'summary: from without to', method: 'GET', route: 'summary', query: { from: inside }, status: 400, codes: ['invalid-range'], refusedBy: 'prose' },
    { name: 'summary: a range outside the window', method: 'GET', route: 'summary', query: { from: addDays(window.firstDay, -10), to: addDays(window.firstDay, -9) }, status: 400, codes: ['invalid-range'], refusedBy: 'prose' },
    { name: 'summary: to before from', method: 'GET', route: 'summary', query: { from: later, to: inside }, status: 400, codes: ['invalid-range'], refusedBy: 'prose' },
    { name: 'summary: days that are not YYYY-MM-DD', method: 'GET', route: 'summary', query: { from: 'soon', to: 'later' }, status: 400, codes: ['invalid-range'], refusedBy: 'schema' },
    { name: 'summary: a day that does not exist', method: 'GET', route: 'summary', query: { from: '2026-02-30', to: later }, status: 400, codes: ['invalid-range'], refusedBy: 'schema' },
    { name: 'statistics: now that is not a date', method: 'GET', route: 'statistics', query: { now: 'yesterday' }, status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'statistics: now without an offset', method: 'GET', route: 'statistics', query: { now: '2026-03-19T14:00:00' }, status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'statistics: now as a bare day', method: 'GET', route: 'statistics', query: { now: '2026-03-19' }, status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'statistics: closingThreshold 31', method: 'GET', route: 'statistics', query: { closingThreshold: '31' }, status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'statistics: closingThreshold -1', method: 'GET', route: 'statistics', query: { closingThreshold: '-1' }, status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'statistics: closingThreshold 2.5', method: 'GET', route: 'statistics', query: { closingThreshold: '2.5' }, status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'statistics: closingThreshold abc', method: 'GET', route: 'statistics', query: { closingThreshold: 'abc' }, status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'statistics: an empty closingThreshold', method: 'GET', route: 'statistics', query: { closingThreshold: '' }, status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'statistics: closingThreshold 1e1 (not decimal digits)', method: 'GET', route: 'statistics', query: { closingThreshold: '1e1' }, status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'funnel: now that is not a date', method: 'GET', route: 'funnel', query: { now: 'yesterday' }, status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'funnel: now without an offset', method: 'GET', route: 'funnel', query: { now: '2026-03-19T14:00:00' }, status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'projection: now as a bare day', method: 'GET', route: 'projection', query: { now: '2026-03-19' }, status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'projection: level 0', method: 'GET', route: 'projection', query: { level: '0' }, status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'projection: level 1', method: 'GET', route: 'projection', query: { level: '1' }, status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'projection: level -0.5', method: 'GET', route: 'projection', query: { level: '-0.5' }, status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'projection: level 80%', method: 'GET', route: 'projection', query: { level: '80%' }, status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'projection: an empty level', method: 'GET', route: 'projection', query: { level: '' }, status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    {
      name: 'audience count: a body not sent as application/json',
      method: 'POST', route: 'audienceCount', body: criteriaBody({ version: 1, kind: 'has-attended' }), contentType: 'text/plain;charset=UTF-8',
      status: 415, codes: ['unsupported-media-type'], refusedBy: 'schema',
    },
    { name: 'audience count: a body that is not JSON', method: 'POST', route: 'audienceCount', body: '{ nope', status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'audience count: no criteria', method: 'POST', route: 'audienceCount', body: '{}', status: 400, codes: ['invalid-criteria'], refusedBy: 'schema' },
    {
      name: 'audience count: Watch Duration with Event Mode live',
      method: 'POST', route: 'audienceCount', body: criteriaBody({ version: 1, kind: 'has-attended', eventMode: 'live', watchDuration: { operator: 'at-least', minutes: 5 } }),
      status: 400, codes: ['invalid-criteria'], refusedBy: 'schema',
    },
    {
      name: 'audience count: an unknown criteria version and field',
      method: 'POST', route: 'audienceCount', body: criteriaBody({ version: 2, kind: 'has-attended', audience: 3 }),
      status: 400, codes: ['invalid-criteria'], refusedBy: 'schema',
    },
    {
      name: 'audience count: Watch Date between reversed',
      method: 'POST', route: 'audienceCount', body: criteriaBody({ version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'between', date: later, to: inside } }),
      status: 400, codes: ['invalid-criteria'], refusedBy: 'prose',
    },
    { name: 'audience count: now that is not a date', method: 'POST', route: 'audienceCount', body: criteriaBody({ version: 1, kind: 'has-attended' }, 'never'), status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'audience count: now without an offset', method: 'POST', route: 'audienceCount', body: criteriaBody({ version: 1, kind: 'has-attended' }, '2026-03-19T14:00:00'), status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'audience count: now as a number', method: 'POST', route: 'audienceCount', body: criteriaBody({ version: 1, kind: 'has-attended' }, 1_773_928_800_000), status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'audience members: a limit over 1000', method: 'POST', route: 'audienceMembers', body: JSON.stringify({ criteria: { version: 1, kind: 'has-attended' }, limit: 1001 }), status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'audience members: a limit of 0', method: 'POST', route: 'audienceMembers', body: JSON.stringify({ criteria: { version: 1, kind: 'has-attended' }, limit: 0 }), status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'audience members: an unknown sort column', method: 'POST', route: 'audienceMembers', body: JSON.stringify({ criteria: { version: 1, kind: 'has-attended' }, sort: { by: 'age', direction: 'ascending' } }), status: 400, codes: ['invalid-request'], refusedBy: 'schema' },
    { name: 'audience members: a cursor this server did not give out', method: 'POST', route: 'audienceMembers', body: JSON.stringify({ criteria: { version: 1, kind: 'has-attended' }, cursor: 'r0@2026-03-18' }), status: 400, codes: ['invalid-cursor'], refusedBy: 'prose' },
    { name: 'audience members: invalid criteria', method: 'POST', route: 'audienceMembers', body: JSON.stringify({ criteria: { version: 1, kind: 'has-attended', eventMode: 'live', watchDuration: { operator: 'at-least', minutes: 5 } } }), status: 400, codes: ['invalid-criteria'], refusedBy: 'schema' },
  ];
}

/**
 * Bad input on every route of `eventId` (its window known from `event`), and 404 for an unknown
 * event on every route: each answer a documented error with the expected code.
 */
export function describeErrorAnswers(options: ContractSuiteOptions & { event: WebinarEvent }): void {
  const { backend, event } = options;
  const test = caseRunner(options);
  const window = onDemandWindow(event);

  for (const bad of badRequests(window)) {
    test(bad.name, async () => {
      const request = {
        path: { eventId: event.id },
        ...(bad.query === undefined ? {} : { query: bad.query }),
        ...(bad.body === undefined ? {} : { body: bad.body }),
        ...(bad.contentType === undefined ? {} : { contentType: bad.contentType }),
      };
      const refused = checkRequest(bad.method, ROUTES[bad.route], request);
      if (bad.refusedBy === 'schema') expect(refused, 'the document refuses this request').not.toEqual([]);
      else expect(refused, 'the document refuses this request in prose only').toEqual([]);
      const init = bad.body === undefined ? { method: bad.method } : { ...postJson(bad.body), headers: { 'content-type': bad.contentType ?? 'application/json' } };
      const answer = await backend.send(pathOf(bad.route, event.id, bad.query), init);
      expect(answer.status, answer.body).toBe(bad.status);
      expect(checkAnswer(bad.method, ROUTES[bad.route], answer)).toEqual([]);
      expect(bad.codes).toContain(json<{ error: { code: string } }>(answer).error.code);
    });
  }

  test('404 not-found for an unknown event on every route', async () => {
    for (const route of Object.keys(ROUTES) as Route[]) {
      const method = methodOf(route);
      const answer = await backend.send(pathOf(route, 'no-such-event'), method === 'POST' ? postJson({ criteria: { version: 1, kind: 'has-attended' } }) : { method });
      expect(answer.status, route).toBe(404);
      expect(checkAnswer(method, ROUTES[route], answer)).toEqual([]);
    }
  });
}
