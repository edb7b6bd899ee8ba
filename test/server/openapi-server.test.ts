/*
 * The reference server (server/, over a throwaway PostgreSQL) against the REST contract
 * docs/openapi.yaml: every answer — each loaded event on every route, the errors for bad input,
 * a stale cursor, a body too large, and a database that is down, failing or too slow — conforms
 * to the document. Known disagreements run as `it.fails` (see MISMATCHES).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/index.ts';
import { REFERENCE_NOW, scenarioData, SCENARIO_NAMES } from '../../mocks/index.ts';
import { freePort } from '../../server/cluster.ts';
import { createPool, type Pool } from '../../server/db.ts';
import { loadWebinar } from '../../server/load.ts';
import { describeErrorAnswers, describeGoodAnswers, json, pathOf, postJson, recorded, ROUTES, type ContractBackend, type Route } from '../contract/cases.ts';
import { checkAnswer } from '../contract/openapi.ts';
import { createTestDatabase, startTestServer, type TestDatabase } from './database.ts';
import { datasets } from './datasets.ts';

// Every scenario but the 200 000-registrant one, and the hand-written exports with every kind of bad record.
const SCENARIOS = SCENARIO_NAMES.filter((name) => name !== 'huge');
const MESSY = datasets().filter((data) => data.event.id.startsWith('messy'));

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  database = await createTestDatabase('openapi');
  for (const name of SCENARIOS) await loadWebinar(database.pool, scenarioData(name));
  for (const data of MESSY) await loadWebinar(database.pool, data);
  // Pages of 7 records: many pages per event.
  server = await startTestServer(database.pool, { pageSize: 7, now: () => REFERENCE_NOW });
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const backend: ContractBackend = { send: (path, init) => recorded(`${server.baseUrl}${path}`, init) };

/**
 * Where the server answers differently from the contract: case name → why. Each runs as `it.fails`.
 * None today. (Until src/contract/ took over request parsing, the server read `now` with
 * `new Date(text)` — text without an offset in its own zone, a bare day as UTC midnight, a non-text
 * `now` in a body as "not given" — and `closingThreshold` with `Number(text)` — `1e1` as 10, '' as 0 —
 * and took POST bodies of any Content-Type: seven cases here were `it.fails` then.)
 */
const MISMATCHES: Record<string, string> = {};

describe('reference server: good requests on every route', () => {
  describeGoodAnswers({ backend, events: [...SCENARIOS, ...MESSY.map((data) => data.event.id)], now: REFERENCE_NOW, mismatches: MISMATCHES, timeoutMs: 30_000 });
});

describe('reference server: errors for bad input', () => {
  describeErrorAnswers({ backend, event: scenarioData('mid-window').event, mismatches: MISMATCHES, timeoutMs: 30_000 });

  it('400 invalid-request for a path that is not valid percent-encoding', async () => {
    const answer = await backend.send('/events/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(checkAnswer('GET', ROUTES.event, answer)).toEqual([]);
  });

  it('409 stale-cursor for a cursor given out before the attendance was reloaded', async () => {
    const data = scenarioData('mid-window');
    const reloaded = { event: { ...data.event, id: 'reloaded' }, attendance: data.attendance };
    await loadWebinar(database.pool, reloaded);
    const first = await backend.send(pathOf('attendance', 'reloaded'));
    expect(checkAnswer('GET', ROUTES.attendance, first)).toEqual([]);
    const cursor = json<{ nextCursor: string | null }>(first).nextCursor;
    expect(cursor).toEqual(expect.any(String));
    await loadWebinar(database.pool, { ...reloaded, attendance: { ...data.attendance, reportedThrough: addDays(data.attendance.reportedThrough, -1) } });
    const stale = await backend.send(pathOf('attendance', 'reloaded', { cursor: cursor as string }));
    expect(stale.status).toBe(409);
    expect(checkAnswer('GET', ROUTES.attendance, stale)).toEqual([]);
  });

  it('413 payload-too-large for a body over the limit', async () => {
    const answer = await backend.send(pathOf('audienceCount', 'mid-window'), postJson({ criteria: { version: 1, kind: 'has-attended' }, padding: 'x'.repeat(100_000) }));
    expect(answer.status).toBe(413);
    expect(checkAnswer('POST', ROUTES.audienceCount, answer)).toEqual([]);
  });
});

describe('reference server: a database that is down, failing or too slow', () => {
  const calls: [Route, 'GET' | 'POST', string, RequestInit][] = [
    ['event', 'GET', pathOf('event', 'mid-window'), {}],
    ['attendance', 'GET', pathOf('attendance', 'mid-window'), {}],
    ['summary', 'GET', pathOf('summary', 'mid-window'), {}],
    ['statistics', 'GET', pathOf('statistics', 'mid-window', { now: REFERENCE_NOW.toISOString() }), {}],
    ['audienceCount', 'POST', pathOf('audienceCount', 'mid-window'), postJson({ criteria: { version: 1, kind: 'has-attended' }, now: REFERENCE_NOW.toISOString() })],
    ['funnel', 'GET', pathOf('funnel', 'mid-window', { now: REFERENCE_NOW.toISOString() }), {}],
    ['projection', 'GET', pathOf('projection', 'mid-window', { now: REFERENCE_NOW.toISOString() }), {}],
  ];

  /** Every route of a server over `pool` answers `status`, as documented. */
  async function expectEveryRoute(pool: Pool, status: number, retryAfter?: string): Promise<void> {
    const failing = await startTestServer(pool);
    try {
      for (const [route, method, path, init] of calls) {
        const answer = await recorded(`${failing.baseUrl}${path}`, { method, ...init });
        expect(answer.status, route).toBe(status);
        if (retryAfter !== undefined) expect(answer.headers instanceof Headers ? answer.headers.get('retry-after') : undefined).toBe(retryAfter);
        expect(checkAnswer(method, ROUTES[route], answer)).toEqual([]);
      }
    } finally {
      await failing.close();
    }
  }

  /** A pool whose connections fail every statement with `error`. */
  const failingPool = (error: Error) =>
    ({
      options: { max: 2 },
      connect: () => Promise.resolve({ query: () => Promise.reject(error), release: () => undefined, on: () => undefined, off: () => undefined }),
    }) as unknown as Pool;

  it('503 unavailable with Retry-After when nothing listens', async () => {
    const pool = createPool({ connectionString: `postgresql://postgres@127.0.0.1:${await freePort()}/nowhere`, onIdleError: () => undefined });
    try {
      await expectEveryRoute(pool, 503, '1');
    } finally {
      await pool.end();
    }
  });

  it('500 internal for an unexpected database error', async () => {
    await expectEveryRoute(failingPool(new Error('relation "odw.events" does not exist')), 500);
  });

  it('504 timeout when a statement is cancelled for taking too long', async () => {
    await expectEveryRoute(failingPool(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })), 504);
  });
});
