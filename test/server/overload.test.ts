/*
 * The server under load and with slow statements, against a real PostgreSQL:
 *
 *   - 32 clients asking for dashboards at once against a pool of 8: every answer is core's, and
 *     the server never holds more than 8 connections;
 *   - with a short waiting line, the requests that do not fit are refused at once with 503 and
 *     Retry-After (documented), none fails otherwise, and the server serves normally right after;
 *   - a statement slower than the statement timeout answers 504; a request over its deadline
 *     answers 503; a client that goes away — in both cases the statement is cancelled in
 *     PostgreSQL, not left running.
 *
 * Slowness is made with a lock the server's first statement waits on, not with timing: the tests
 * assert what happens, never how fast.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestAdapter } from '../../src/adapters/index.ts';
import { dailyOnDemandVisitors, onDemandStatistics, selectAudience, type AttendanceCriteria } from '../../src/core/index.ts';
import { REFERENCE_NOW, scenarioData } from '../../mocks/index.ts';
import { createPool, type Pool } from '../../server/db.ts';
import { loadWebinar } from '../../server/load.ts';
import { pathOf, recorded, ROUTES } from '../contract/cases.ts';
import { checkAnswer } from '../contract/openapi.ts';
import { createTestDatabase, startTestServer, type TestDatabase } from './database.ts';

const data = scenarioData('mid-window');
const { event, attendance } = data;
const criteria: AttendanceCriteria = { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'in-past', days: 7 }, watchDuration: { operator: 'at-least', minutes: 10 } };
const now = REFERENCE_NOW;

let database: TestDatabase;
let pool: Pool;
/** A statement timeout far longer than the tests wait: only a cancel can end a statement early. */
let patient: Pool;

beforeAll(async () => {
  database = await createTestDatabase('overload');
  await loadWebinar(database.pool, data);
  pool = createPool({ connectionString: database.url, max: 8, onIdleError: () => undefined });
  patient = createPool({ connectionString: database.url, max: 4, statementTimeoutMs: 120_000, onIdleError: () => undefined });
});

afterAll(async () => {
  await patient?.end();
  await pool?.end();
  await database?.drop();
});

/** One dashboard as the widgets ask for it: summary, statistics and a count, at once. */
async function dashboard(baseUrl: string) {
  const adapter = createRestAdapter({ baseUrl, pushDown: true, retries: 0, timeoutMs: 60_000 });
  return Promise.all([adapter.getDailySummary!(event.id, undefined), adapter.getStatistics!(event.id, { now }), adapter.countAudience!(event.id, criteria, { now })]);
}

/** A client holding an exclusive lock on the event totals: every route's first statement waits for it. */
async function lockTotals(): Promise<pg.Client> {
  const holder = new pg.Client({ connectionString: database.url });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('LOCK TABLE odw.event_totals IN ACCESS EXCLUSIVE MODE');
  return holder;
}

/** The server's statements PostgreSQL is running (not idle), other than `monitor`'s own. */
async function running(monitor: pg.Client): Promise<number> {
  // Inside a transaction PostgreSQL keeps showing the activity it read first: read afresh.
  await monitor.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await monitor.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'odw-reference-server' AND state = 'active' AND pid <> pg_backend_pid()",
  );
  return (rows[0] as { n: number }).n;
}

/** Polls `condition` every 50 ms for at most 20 s. */
async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Not within 20 s: ${what}.`);
}

// Many requests at once on a machine other tests share: generous per-test timeouts.
describe('reference server under load', { timeout: 120_000 }, () => {
  it('32 clients against a pool of 8: every dashboard is core’s, and never more than 8 connections', async () => {
    // What this checks is correctness and the connection bound, not the waiting limit (the next
    // tests do): on a busy 2-core machine 96 requests can wait longer than the default 3 s.
    const server = await startTestServer(pool, { waitTimeoutMs: 60_000 });
    let most = 0;
    const sampler = setInterval(() => (most = Math.max(most, pool.totalCount)), 2);
    try {
      const expected = [dailyOnDemandVisitors(event, attendance), onDemandStatistics(event, attendance, now), selectAudience(event, attendance, criteria, now).length];
      for (let round = 0; round < 3; round++) {
        const answers = await Promise.all(Array.from({ length: 32 }, () => dashboard(server.baseUrl)));
        for (const answer of answers) expect(answer).toEqual(expected);
      }
      expect(most).toBeGreaterThan(0);
      expect(most).toBeLessThanOrEqual(8);
      expect(server.errors).toEqual([]);
    } finally {
      clearInterval(sampler);
      await server.close();
    }
  });

  it('a short waiting line: requests that do not fit get 503 with Retry-After at once, the others their answers, and then all is normal', async () => {
    const server = await startTestServer(pool, { maxWaiting: 2, waitTimeoutMs: 10_000 });
    const holder = await lockTotals();
    try {
      // 8 requests take the connections and wait on the lock, 2 wait for a connection, 6 are refused.
      const path = `${server.baseUrl}${pathOf('statistics', event.id, { now: now.toISOString() })}`;
      const early: Awaited<ReturnType<typeof recorded>>[] = [];
      const answers = Array.from({ length: 16 }, () => recorded(path).then((answer) => (early.push(answer), answer)));
      await until(async () => (await running(holder)) === 8, 'the pool is busy');
      // Answered while the lock is still held: refused at once, not queued.
      await until(() => Promise.resolve(early.length >= 6), 'six answers');
      const refused = [...early];
      await holder.query('COMMIT');
      const statuses = (await Promise.all(answers)).map((answer) => answer.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(10);
      expect(statuses.filter((status) => status === 503)).toHaveLength(6);
      expect(refused).toHaveLength(6);
      for (const answer of refused) {
        expect(answer.status).toBe(503);
        expect((answer.headers as Headers).get('retry-after')).toBe('1');
        expect(checkAnswer('GET', ROUTES.statistics, answer)).toEqual([]);
      }
      const [, statistics] = await dashboard(server.baseUrl);
      expect(statistics).toEqual(onDemandStatistics(event, attendance, now));
      expect(server.errors).toEqual([]);
    } finally {
      await holder.end();
      await server.close();
    }
  });

  it('waiting too long for a connection: 503 with Retry-After', async () => {
    const small = createPool({ connectionString: database.url, max: 1, onIdleError: () => undefined });
    const server = await startTestServer(small, { waitTimeoutMs: 300 });
    const holder = await lockTotals();
    try {
      const first = recorded(`${server.baseUrl}${pathOf('event', event.id)}`);
      await until(async () => (await running(holder)) === 1, 'the only connection is busy');
      const second = await recorded(`${server.baseUrl}${pathOf('event', event.id)}`);
      expect(second.status).toBe(503);
      expect((second.headers as Headers).get('retry-after')).toBe('1');
      await holder.query('COMMIT');
      expect((await first).status).toBe(200);
    } finally {
      await holder.end();
      await server.close();
      await small.end();
    }
  });

  it('a statement slower than the statement timeout: 504, documented', async () => {
    const slow = createPool({ connectionString: database.url, max: 2, statementTimeoutMs: 300, onIdleError: () => undefined });
    const server = await startTestServer(slow);
    const holder = await lockTotals();
    try {
      const answer = await recorded(`${server.baseUrl}${pathOf('summary', event.id)}`);
      expect(answer.status).toBe(504);
      expect(JSON.parse(answer.body)).toEqual({ error: { code: 'timeout', message: 'The database did not answer in time.' } });
      expect(checkAnswer('GET', ROUTES.summary, answer)).toEqual([]);
      expect(await running(holder)).toBe(0);
    } finally {
      await holder.end();
      await server.close();
      await slow.end();
    }
  });

  it('a request over its deadline: 503 with Retry-After, and its statement is cancelled in PostgreSQL', async () => {
    const server = await startTestServer(patient, { requestTimeoutMs: 1_500 });
    const holder = await lockTotals();
    try {
      const request = recorded(`${server.baseUrl}${pathOf('summary', event.id)}`);
      await until(async () => (await running(holder)) === 1, 'the statement waits on the lock');
      const answer = await request;
      expect(answer.status).toBe(503);
      expect((answer.headers as Headers).get('retry-after')).toBe('1');
      expect(checkAnswer('GET', ROUTES.summary, answer)).toEqual([]);
      // The lock is still held: only a cancel ends the statement.
      await until(async () => (await running(holder)) === 0, 'the statement is cancelled');
    } finally {
      await holder.end();
      await server.close();
    }
  });

  it('a client that goes away: its statement is cancelled in PostgreSQL', async () => {
    const server = await startTestServer(patient);
    const holder = await lockTotals();
    try {
      const controller = new AbortController();
      const request = fetch(`${server.baseUrl}${pathOf('summary', event.id)}`, { signal: controller.signal }).catch((error: unknown) => error);
      await until(async () => (await running(holder)) === 1, 'the statement waits on the lock');
      controller.abort();
      expect(await request).toMatchObject({ name: 'AbortError' });
      // The lock is still held: only a cancel ends the statement.
      await until(async () => (await running(holder)) === 0, 'the statement is cancelled');
      await holder.query('COMMIT');
      const [summary] = await dashboard(server.baseUrl);
      expect(summary).toEqual(dailyOnDemandVisitors(event, attendance));
      expect(server.errors).toEqual([]);
    } finally {
      await holder.end();
      await server.close();
    }
  });
});
