/*
 * Who may read what: an optional bearer token (several, for rotation), the attendance route
 * switched off for push-down-only deployments, the command line that sets both
 * (`--auth-token-file`, ODW_AUTH_TOKEN, `--no-attendance`), and a database role that may only
 * read, as README advises for the server's user.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestAdapter } from '../../src/adapters/index.ts';
import { dailyOnDemandVisitors, onDemandStatistics, programFunnel, projectOnDemandVisitors, selectAudience } from '../../src/core/index.ts';
import { REFERENCE_NOW, scenarioData } from '../../mocks/index.ts';
import { createPool } from '../../server/db.ts';
import { loadWebinar } from '../../server/load.ts';
import { pathOf, recorded, ROUTES } from '../contract/cases.ts';
import { checkAnswer } from '../contract/openapi.ts';
import { createTestDatabase, startTestServer, type TestDatabase } from './database.ts';

const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));
const TOKEN = 'odw-test-token-0123456789abcdef';
const NEXT_TOKEN = 'odw-next-token-fedcba9876543210';
const data = scenarioData('mid-window');
const { event, attendance } = data;

let database: TestDatabase;
let scratch: string;
const reader = `odw_reader_${process.pid}`;

beforeAll(async () => {
  database = await createTestDatabase('access');
  await loadWebinar(database.pool, data);
  scratch = mkdtempSync(join(tmpdir(), 'odw-access-'));
});

afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await database.pool.query(`DROP OWNED BY ${reader}`).catch(() => undefined);
  await database.pool.query(`DROP ROLE IF EXISTS ${reader}`).catch(() => undefined);
  await database?.drop();
});

describe('bearer tokens', () => {
  it('without one or with a wrong one: 401 with WWW-Authenticate (documented); with either accepted token: the data', async () => {
    const server = await startTestServer(database.pool, { authTokens: [TOKEN, NEXT_TOKEN], corsOrigin: 'https://portal.example.test' });
    try {
      for (const headers of [{}, { authorization: `Bearer ${TOKEN}x` }, { authorization: `Basic ${TOKEN}` }, { authorization: 'Bearer' }]) {
        for (const route of ['summary', 'funnel', 'projection'] as const) {
          const answer = await recorded(`${server.baseUrl}${pathOf(route, event.id)}`, { headers });
          expect(answer.status, `${route} ${JSON.stringify(headers)}`).toBe(401);
          expect((answer.headers as Headers).get('www-authenticate')).toMatch(/^Bearer realm="odw"/);
          // The browser may read the refusal: CORS headers are on it too.
          expect((answer.headers as Headers).get('access-control-allow-origin')).toBe('https://portal.example.test');
          expect(checkAnswer('GET', ROUTES[route], answer)).toEqual([]);
        }
      }
      // A CORS preflight carries no credentials, and needs none.
      expect((await fetch(`${server.baseUrl}${pathOf('audienceCount', event.id)}`, { method: 'OPTIONS' })).status).toBe(204);
      for (const token of [TOKEN, NEXT_TOKEN]) {
        const adapter = createRestAdapter({ baseUrl: server.baseUrl, pushDown: true, retries: 0, headers: { authorization: `Bearer ${token}` } });
        expect(await adapter.getDailySummary!(event.id, undefined)).toEqual(dailyOnDemandVisitors(event, attendance));
        expect(await adapter.getProjection!(event.id, { now: REFERENCE_NOW })).toEqual(projectOnDemandVisitors(event, attendance, REFERENCE_NOW));
      }
      const refused = createRestAdapter({ baseUrl: server.baseUrl, retries: 0 });
      await expect(refused.getEvent(event.id)).rejects.toMatchObject({ kind: 'unauthorized' });
    } finally {
      await server.close();
    }
  });
});

describe('push-down only', () => {
  it('the attendance route answers 403 (documented); the aggregates answer as core', async () => {
    const server = await startTestServer(database.pool, { serveAttendance: false });
    try {
      const answer = await recorded(`${server.baseUrl}${pathOf('attendance', event.id)}`);
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body)).toEqual({ error: { code: 'forbidden', message: expect.stringMatching(/does not serve attendance/) } });
      expect(checkAnswer('GET', ROUTES.attendance, answer)).toEqual([]);
      const adapter = createRestAdapter({ baseUrl: server.baseUrl, pushDown: true, retries: 0 });
      await expect(adapter.getAttendance(event.id)).rejects.toMatchObject({ kind: 'unauthorized' });
      expect(await adapter.getStatistics!(event.id, { now: REFERENCE_NOW })).toEqual(onDemandStatistics(event, attendance, REFERENCE_NOW));
      expect(await adapter.getFunnel!(event.id, { now: REFERENCE_NOW })).toEqual({ ...programFunnel(event, attendance, REFERENCE_NOW), reportedThrough: attendance.reportedThrough });
    } finally {
      await server.close();
    }
  });
});

describe('a read-only database role (README)', () => {
  it('is enough for every route, and cannot change the data', async () => {
    const name = new URL(database.url).pathname.slice(1);
    // What README shows, with trust authentication instead of a password.
    for (const statement of [
      `CREATE ROLE ${reader} LOGIN`,
      `GRANT CONNECT ON DATABASE ${name} TO ${reader}`,
      `GRANT USAGE ON SCHEMA odw TO ${reader}`,
      `GRANT SELECT ON ALL TABLES IN SCHEMA odw TO ${reader}`,
      `ALTER ROLE ${reader} SET default_transaction_read_only = on`,
    ]) {
      await database.pool.query(statement);
    }
    const url = new URL(database.url);
    url.username = reader;
    const pool = createPool({ connectionString: url.toString(), max: 2, onIdleError: () => undefined });
    const server = await startTestServer(pool);
    try {
      const adapter = createRestAdapter({ baseUrl: server.baseUrl, pushDown: true, retries: 0 });
      const criteria = { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'in-past', days: 7 }, watchDuration: { operator: 'at-least', minutes: 10 } } as const;
      expect(await adapter.getEvent(event.id)).toEqual(event);
      expect(await adapter.getAttendance(event.id)).toEqual(attendance);
      expect(await adapter.getDailySummary!(event.id, undefined)).toEqual(dailyOnDemandVisitors(event, attendance));
      expect(await adapter.getStatistics!(event.id, { now: REFERENCE_NOW })).toEqual(onDemandStatistics(event, attendance, REFERENCE_NOW));
      expect(await adapter.countAudience!(event.id, criteria, { now: REFERENCE_NOW })).toBe(selectAudience(event, attendance, criteria, REFERENCE_NOW).length);
      expect(await adapter.getFunnel!(event.id, { now: REFERENCE_NOW })).toEqual({ ...programFunnel(event, attendance, REFERENCE_NOW), reportedThrough: attendance.reportedThrough });
      expect(await adapter.getProjection!(event.id, { now: REFERENCE_NOW })).toEqual(projectOnDemandVisitors(event, attendance, REFERENCE_NOW));
      expect(server.errors).toEqual([]);
      await expect(loadWebinar(pool, data)).rejects.toBeInstanceOf(pg.DatabaseError);
    } finally {
      await server.close();
      await pool.end();
    }
  });
});

/** `npm run server -- …args`, stopped when the test ends (its stdin closes). */
async function serverProcess(args: string[], env: Record<string, string> = {}): Promise<{ baseUrl: string; line: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [MAIN, '--port', '0', '--exit-with-stdin', ...args], { env: { ...process.env, DATABASE_URL: database.url, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /listening on (\S+).*/.exec(output);
      if (line) resolve({ baseUrl: line[1] as string, line: line[0], child });
    });
    child.once('exit', (code) => reject(new Error(`exited (${code}): ${output}`)));
  });
}

// Each case starts a Node process: seconds on a busy machine.
describe('npm run server: --auth-token-file, ODW_AUTH_TOKEN, --no-attendance', { timeout: 60_000 }, () => {
  it('reads tokens from a file (one per line, # comments) and switches attendance off', async () => {
    const file = join(scratch, 'tokens');
    writeFileSync(file, `# rotated monthly\n${TOKEN}\n\n${NEXT_TOKEN}\n`);
    const { baseUrl, line, child } = await serverProcess(['--auth-token-file', file, '--no-attendance']);
    try {
      expect(line).toMatch(/\(bearer token required\) \(attendance not served\)/);
      expect((await fetch(`${baseUrl}${pathOf('event', event.id)}`)).status).toBe(401);
      const authorized = { headers: { authorization: `Bearer ${NEXT_TOKEN}` } };
      expect((await fetch(`${baseUrl}${pathOf('event', event.id)}`, authorized)).status).toBe(200);
      expect((await fetch(`${baseUrl}${pathOf('attendance', event.id)}`, authorized)).status).toBe(403);
    } finally {
      child.stdin?.end();
    }
  });

  it('takes one token from ODW_AUTH_TOKEN', async () => {
    const { baseUrl, child } = await serverProcess([], { ODW_AUTH_TOKEN: TOKEN });
    try {
      expect((await fetch(`${baseUrl}${pathOf('event', event.id)}`)).status).toBe(401);
      expect((await fetch(`${baseUrl}${pathOf('event', event.id)}`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    } finally {
      child.stdin?.end();
    }
  });

  it('refuses to start with an empty token file or a short token', () => {
    const empty = join(scratch, 'empty');
    writeFileSync(empty, '# nothing yet\n');
    const short = join(scratch, 'short');
    writeFileSync(short, 'secret\n');
    for (const [file, message] of [[empty, /holds no token/], [short, /at least 16 characters/]] as const) {
      const result = spawnSync(process.execPath, [MAIN, '--port', '0', '--auth-token-file', file], { env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8', timeout: 30_000 });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });
});
