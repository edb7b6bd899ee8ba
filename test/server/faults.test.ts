/*
 * A database that fails under the server: stopped by its administrator, crash-stopped ("Connection
 * terminated unexpectedly", no SQLSTATE), suspended (it accepts connections and never answers), and
 * a host that accepts TCP connections but never speaks. Every route answers 503 with Retry-After,
 * as documented, within the server's timeouts — never 500, never hanging — and answers again by
 * itself once the database is back.
 *
 * These tests stop and suspend PostgreSQL, so they run on a cluster of their own
 * (server/cluster.ts), not the one the other test files share.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { REFERENCE_NOW, scenarioData } from '../../mocks/index.ts';
import { startCluster, type Cluster } from '../../server/cluster.ts';
import { createPool, type Pool } from '../../server/db.ts';
import { loadWebinar } from '../../server/load.ts';
import { migrate } from '../../server/migrate.ts';
import { pathOf, postJson, recorded, ROUTES, type Route } from '../contract/cases.ts';
import { checkAnswer } from '../contract/openapi.ts';
import { startTestServer } from './database.ts';

const CALLS: [Route, 'GET' | 'POST', string, RequestInit][] = [
  ['event', 'GET', pathOf('event', 'mid-window'), {}],
  ['attendance', 'GET', pathOf('attendance', 'mid-window'), {}],
  ['summary', 'GET', pathOf('summary', 'mid-window'), {}],
  ['statistics', 'GET', pathOf('statistics', 'mid-window', { now: REFERENCE_NOW.toISOString() }), {}],
  ['audienceCount', 'POST', pathOf('audienceCount', 'mid-window'), postJson({ criteria: { version: 1, kind: 'has-attended' }, now: REFERENCE_NOW.toISOString() })],
  ['funnel', 'GET', pathOf('funnel', 'mid-window', { now: REFERENCE_NOW.toISOString() }), {}],
  ['projection', 'GET', pathOf('projection', 'mid-window', { now: REFERENCE_NOW.toISOString() }), {}],
];

/** The server's limits here: short, so a fault is answered in seconds. */
const LIMITS = { connectTimeoutMs: 1_500, statementTimeoutMs: 3_000, requestTimeoutMs: 4_000, waitTimeoutMs: 3_000 };

let cluster: Cluster;
let pool: Pool;
let server: Awaited<ReturnType<typeof startTestServer>>;

// initdb and a first start take seconds, more on a busy machine.
beforeAll(async () => {
  cluster = await startCluster();
  const setup = createPool({ connectionString: cluster.url, onIdleError: () => undefined });
  try {
    await migrate(setup);
    await loadWebinar(setup, scenarioData('mid-window'));
  } finally {
    await setup.end();
  }
  pool = createPool({ connectionString: cluster.url, max: 4, connectTimeoutMs: LIMITS.connectTimeoutMs, statementTimeoutMs: LIMITS.statementTimeoutMs, onIdleError: () => undefined });
  server = await startTestServer(pool, { now: () => REFERENCE_NOW, requestTimeoutMs: LIMITS.requestTimeoutMs, waitTimeoutMs: LIMITS.waitTimeoutMs });
}, 120_000);

afterAll(async () => {
  cluster?.thaw();
  await server?.close();
  await pool?.end().catch(() => undefined);
  cluster?.stop();
});

/** Every route answers `status` with Retry-After, and the answer conforms to docs/openapi.yaml. */
async function expectEveryRoute(baseUrl: string, status: number): Promise<void> {
  for (const [route, method, path, init] of CALLS) {
    const answer = await recorded(`${baseUrl}${path}`, { method, ...init });
    expect(answer.status, route).toBe(status);
    expect((answer.headers as Headers).get('retry-after'), route).toBe('1');
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'unavailable', message: expect.any(String) } });
    expect(checkAnswer(method, ROUTES[route], answer)).toEqual([]);
  }
}

/** Waits until every route answers 200 again: the server recovers by itself, without a restart. */
async function expectRecovery(): Promise<void> {
  // A few attempts: a connection the pool had open may be found dead on first use.
  for (let attempt = 1; ; attempt++) {
    const statuses = await Promise.all(CALLS.map(([, method, path, init]) => fetch(`${server.baseUrl}${path}`, { method, ...init }).then((response) => response.status)));
    if (statuses.every((status) => status === 200)) return;
    if (attempt >= 20) expect(statuses).toEqual(CALLS.map(() => 200));
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('reference server: a database that fails', () => {
  // Each test stops or suspends PostgreSQL and starts it again: give a busy machine time.
  it('stopped by its administrator (57P01, then refused): 503 with Retry-After, then answers again', { timeout: 120_000 }, async () => {
    await expectRecovery();
    cluster.halt('fast');
    try {
      await expectEveryRoute(server.baseUrl, 503);
    } finally {
      cluster.restart();
    }
    await expectRecovery();
    expect(server.errors).toEqual([]);
  });

  it('crash-stopped with a request waiting on it ("Connection terminated unexpectedly"): 503, then answers again', { timeout: 120_000 }, async () => {
    await expectRecovery();
    // Hold a lock the request needs, so it is in PostgreSQL when the crash comes.
    const holder = new pg.Client({ connectionString: cluster.url });
    holder.on('error', () => undefined);
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE odw.event_totals IN ACCESS EXCLUSIVE MODE');
    const waiting = recorded(`${server.baseUrl}${pathOf('statistics', 'mid-window')}`);
    await until(async () => (await waitingOnLock(holder)) > 0);
    cluster.halt('immediate');
    try {
      const answer = await waiting;
      expect(answer.status).toBe(503);
      expect(checkAnswer('GET', ROUTES.statistics, answer)).toEqual([]);
      await expectEveryRoute(server.baseUrl, 503);
    } finally {
      await holder.end().catch(() => undefined);
      cluster.restart();
    }
    await expectRecovery();
    expect(server.errors).toEqual([]);
  });

  it('suspended — it accepts connections and never answers: 503 within the deadline, the connection dropped, then answers again', { timeout: 120_000 }, async () => {
    await expectRecovery();
    cluster.freeze();
    try {
      const started = performance.now();
      // Connections the pool holds get no answer (the deadline), new ones never open (the connection timeout).
      await expectEveryRoute(server.baseUrl, 503);
      // Not hanging: each answer came after a few seconds, far from forever (bounds left loose for busy machines).
      expect(performance.now() - started).toBeLessThan(CALLS.length * 20_000);
    } finally {
      cluster.thaw();
    }
    await expectRecovery();
    expect(server.errors).toEqual([]);
  });

  it('a host that accepts TCP connections and never speaks: 503 after the connection timeout', { timeout: 60_000 }, async () => {
    const sockets: Socket[] = [];
    const blackHole: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    const { port } = blackHole.address() as { port: number };
    const silent = createPool({ connectionString: `postgresql://postgres@127.0.0.1:${port}/nowhere`, connectTimeoutMs: LIMITS.connectTimeoutMs, onIdleError: () => undefined });
    const down = await startTestServer(silent);
    try {
      await expectEveryRoute(down.baseUrl, 503);
      expect(down.errors).toEqual([]);
    } finally {
      await down.close();
      await silent.end().catch(() => undefined);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => blackHole.close(() => resolve()));
    }
  });
});

/** How many of the server's statements wait on a lock. */
async function waitingOnLock(client: pg.Client): Promise<number> {
  // Inside a transaction PostgreSQL keeps showing the activity it read first: read afresh.
  await client.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await client.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'odw-reference-server' AND wait_event_type = 'Lock'",
  );
  return (rows[0] as { n: number }).n;
}

/** Polls `condition` every 50 ms, for at most 20 s. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The condition did not come true within 20 s.');
}
