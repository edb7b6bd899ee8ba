import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../src/core/index.ts';
import { faultHandlers } from './faults.ts';
import { REFERENCE_NOW } from './generate.ts';
import { restHandlers } from './handlers.ts';
import { buildScenario } from './scenarios.ts';

const baseUrl = 'https://mock.example.test/v1/';
const api = 'https://mock.example.test/v1';
let clock = REFERENCE_NOW;
const server = setupServer(...restHandlers({ baseUrl, now: () => clock, pageSize: 50 }));

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  clock = REFERENCE_NOW;
});
afterAll(() => server.close());

async function get(path: string, init?: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${api}${path}`, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function allPages(eventId: string, between?: () => void) {
  const pages: Record<string, unknown>[] = [];
  let cursor: unknown = null;
  do {
    const { body } = await get(`/events/${eventId}/attendance${cursor ? `?cursor=${encodeURIComponent(String(cursor))}` : ''}`);
    pages.push(body);
    cursor = body.nextCursor;
    between?.();
  } while (cursor);
  return pages;
}

describe('restHandlers', () => {
  it('serves a scenario event by its name and 404s unknown ids with the contract’s error body', async () => {
    expect((await get('/events/mid-window')).body).toEqual(buildScenario('mid-window').event);
    expect(await get('/events/nope/attendance')).toEqual({ status: 404, body: { error: { code: 'not-found', message: 'There is no event "nope".' } } });
  });

  it('pages attendance: registrants then views, joined equal to what is served at the clock', async () => {
    const pages = await allPages('bad-records');
    expect(pages.length).toBeGreaterThan(2);
    const expected = buildScenario('bad-records').attendanceAt(REFERENCE_NOW);
    expect(pages.flatMap((page) => page.registrants as unknown[])).toEqual(JSON.parse(JSON.stringify(expected.registrants)));
    expect(pages.flatMap((page) => page.views as unknown[])).toEqual(JSON.parse(JSON.stringify(expected.views)));
    expect(new Set(pages.map((page) => page.reportedThrough))).toEqual(new Set([expected.reportedThrough]));
    expect(pages.at(-1)?.nextCursor).toBeNull();
  });

  it('follows a moving clock, but a cursor keeps the snapshot it started from', async () => {
    const first = await allPages('mid-window');
    clock = new Date(REFERENCE_NOW.getTime() + 3 * 86_400_000);
    const moved = await allPages('mid-window');
    expect(moved[0]?.reportedThrough).toBe(addDays(first[0]?.reportedThrough as string, 3));
    expect(moved.flatMap((page) => page.views as unknown[]).length).toBeGreaterThan(first.flatMap((page) => page.views as unknown[]).length);
    clock = REFERENCE_NOW;
    const straddling = await allPages('mid-window', () => (clock = new Date(REFERENCE_NOW.getTime() + 5 * 86_400_000)));
    expect(new Set(straddling.map((page) => page.reportedThrough))).toEqual(new Set([first[0]?.reportedThrough]));
  });

  it('answers bad requests with 400 and an error code', async () => {
    expect((await get('/events/mid-window/attendance?cursor=zzz')).body.error).toMatchObject({ code: 'invalid-cursor' });
    expect((await get('/events/mid-window/on-demand/summary?from=2026-03-10')).body.error).toMatchObject({ code: 'invalid-range' });
    expect(await get('/events/mid-window/on-demand/summary?from=2026-01-01&to=2026-01-02')).toMatchObject({ status: 400, body: { error: { code: 'invalid-range' } } });
    expect((await get('/events/mid-window/on-demand/statistics?now=later')).status).toBe(400);
    expect((await get('/events/mid-window/on-demand/statistics?closingThreshold=99')).status).toBe(400);
    const post = (body: string) => get('/events/mid-window/audience/count', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect((await post('{not json')).status).toBe(400);
    const invalid = await post(JSON.stringify({ criteria: { version: 1, kind: 'has-attended', eventMode: 'live', watchDate: { operator: 'in-past', days: 3 } } }));
    expect(invalid).toMatchObject({ status: 400, body: { error: { code: 'invalid-criteria', errors: [{ path: 'watchDate' }] } } });
  });

  it('statistics and counts default to the serving clock when `now` is left out', async () => {
    expect((await get('/events/closing-soon/on-demand/statistics')).body).toMatchObject({ phase: 'closing', daysRemaining: 3 });
    const { body } = await get('/events/closing-soon/audience/count', { method: 'POST', body: JSON.stringify({ criteria: { version: 1, kind: 'has-attended' } }), headers: { 'content-type': 'application/json' } });
    expect(body.count).toEqual(expect.any(Number));
  });

  it('reads requests with the contract’s parsers: core’s instants, decimal thresholds, JSON bodies', async () => {
    for (const query of ['now=2026-03-19T14:00:00', 'now=2026-03-19', 'now=', 'closingThreshold=1e1', 'closingThreshold=', 'closingThreshold=0x5']) {
      expect(await get(`/events/mid-window/on-demand/statistics?${query}`), query).toMatchObject({ status: 400, body: { error: { code: 'invalid-request' } } });
    }
    expect((await get('/events/mid-window/on-demand/statistics?now=2026-03-19t15:00%2B01:00&closingThreshold=05')).status).toBe(200);
    const count = (body: unknown, type = 'application/json') => get('/events/mid-window/audience/count', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': type } });
    const criteria = { version: 1, kind: 'has-attended' };
    // fetch sends a string body as text/plain unless told otherwise.
    expect(await count({ criteria }, 'text/plain;charset=UTF-8')).toMatchObject({ status: 415, body: { error: { code: 'unsupported-media-type' } } });
    for (const now of ['2026-03-19T14:00:00', 1_773_928_800_000, null, '0999-12-31T00:00:00Z']) {
      expect(await count({ criteria, now }), JSON.stringify(now)).toMatchObject({ status: 400, body: { error: { code: 'invalid-request' } } });
    }
    expect(await count([criteria])).toMatchObject({ status: 400, body: { error: { code: 'invalid-request' } } });
  });

  it('gives out cursors of the contract’s one format, registrants then views', async () => {
    const cursors = (await allPages('bad-records')).map((page) => page.nextCursor);
    expect(cursors.at(-1)).toBeNull();
    const reportedThrough = buildScenario('bad-records').attendanceAt(REFERENCE_NOW).reportedThrough;
    expect(cursors[0]).toBe(`r50@${reportedThrough}`);
    expect(cursors.slice(0, -1).every((cursor) => new RegExp(`^[rv]\\d+@${reportedThrough}$`).test(cursor as string))).toBe(true);
    expect(cursors.some((cursor) => String(cursor).startsWith('v'))).toBe(true);
    // A registrants cursor past the last registrant goes on with the first view, as the server's does.
    const past = await get(`/events/bad-records/attendance?cursor=r999999@${reportedThrough}`);
    const firstViews = await get(`/events/bad-records/attendance?cursor=v0@${reportedThrough}`);
    expect(past).toEqual(firstViews);
    expect(past.body.registrants).toEqual([]);
  });
});

describe('faultHandlers', () => {
  it('misbehave `times` times, then fall through to the contract', async () => {
    server.use(...faultHandlers('server-error', { baseUrl, times: 2 }));
    expect((await get('/events/mid-window')).status).toBe(500);
    expect((await get('/events/mid-window/attendance')).status).toBe(500);
    expect((await get('/events/mid-window')).status).toBe(200);
  });

  it('send Retry-After with rate-limited and cut-off JSON with malformed-json', async () => {
    server.use(...faultHandlers('rate-limited', { baseUrl, retryAfter: '30', times: 1 }), ...faultHandlers('malformed-json', { baseUrl }));
    const limited = await fetch(`${api}/events/mid-window`);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '30']);
    const malformed = await fetch(`${api}/events/mid-window`);
    await expect(malformed.json()).rejects.toThrow(SyntaxError);
  });

  it('slow answers normally after its delay', async () => {
    server.use(...faultHandlers('slow', { baseUrl, delayMs: 30 }));
    const started = Date.now();
    expect((await get('/events/mid-window')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});
