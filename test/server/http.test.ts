/*
 * The HTTP contract of the reference server, route by route: what it answers, how it pages,
 * and its errors — the same routes, parameters and error bodies as the mock backend.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestAdapter } from '../../src/adapters/index.ts';
import { REFERENCE_NOW, restHandlers, scenarioData } from '../../mocks/index.ts';
import { freePort } from '../../server/cluster.ts';
import { createPool } from '../../server/db.ts';
import { loadWebinar } from '../../server/load.ts';
import { createTestDatabase, startTestServer, type TestDatabase } from './database.ts';
import { datasets } from './datasets.ts';

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
const messy = datasets().find((data) => data.event.id === 'messy')!;

beforeAll(async () => {
  database = await createTestDatabase('http');
  await loadWebinar(database.pool, scenarioData('bad-records'));
  await loadWebinar(database.pool, scenarioData('mid-window'));
  await loadWebinar(database.pool, messy);
  server = await startTestServer(database.pool, { pageSize: 7, now: () => REFERENCE_NOW });
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${server.baseUrl}${path}`, init);
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>), headers: response.headers };
}

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('reference server: reads', () => {
  it('GET /events/{id} answers the event as loaded', async () => {
    const { status, body, headers } = await call('/events/mid-window');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(body).toEqual(scenarioData('mid-window').event);
  });

  it('GET …/attendance pages through registrants then views with an opaque cursor, and serves every record as loaded', async () => {
    const first = await call('/events/messy/attendance');
    expect(first.status).toBe(200);
    expect((first.body.registrants as unknown[]).length).toBe(7);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const adapter = createRestAdapter({ baseUrl: server.baseUrl, retries: 0 });
    const served = await adapter.getAttendance('messy');
    // Bad records come back as given; lead ids as core reads them (a number as text, 1.5 as no id).
    const expectedRegistrants = (messy.attendance.registrants as unknown[]).map((record) => {
      if (typeof record !== 'object' || record === null) return record;
      const { leadId, ...rest } = record as { leadId?: unknown };
      const key = typeof leadId === 'number' ? (Number.isSafeInteger(leadId) ? String(leadId) : null) : (leadId ?? null);
      return { leadId: key, ...rest };
    });
    expect(served.registrants).toEqual(expectedRegistrants);
    const expectedViews = (messy.attendance.views as unknown[]).map((record) => {
      if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
      const { leadId, ...rest } = record as { leadId?: unknown };
      return { leadId: typeof leadId === 'number' ? String(leadId) : (leadId ?? null), ...rest };
    });
    expect(served.views).toEqual(expectedViews);
    expect(served.reportedThrough).toBe(messy.attendance.reportedThrough);
  });

  it('serves the same attendance as the mock backend for a generated scenario', async () => {
    const mockBase = 'https://mock.example.test';
    const mock = setupServer(...restHandlers({ baseUrl: mockBase, pageSize: 50 }));
    mock.listen({ onUnhandledFrame: 'bypass' });
    try {
      const fromMock = await createRestAdapter({ baseUrl: mockBase, retries: 0 }).getAttendance('bad-records');
      const fromServer = await createRestAdapter({ baseUrl: server.baseUrl, retries: 0 }).getAttendance('bad-records');
      expect(fromServer).toEqual(fromMock);
    } finally {
      mock.close();
    }
  });

  it('cuts pages and writes cursors exactly as the mock backend (one cursor codec, src/contract/cursor.ts)', async () => {
    const mockBase = 'https://mock.example.test';
    const mock = setupServer(...restHandlers({ baseUrl: mockBase, pageSize: 7 }));
    mock.listen({ onUnhandledFrame: 'bypass' });
    const pages = async (base: string) => {
      const answers: unknown[] = [];
      let cursor: string | null = null;
      do {
        const response = await fetch(`${base}/events/bad-records/attendance${cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`}`);
        const body = (await response.json()) as { nextCursor: string | null; registrants: unknown[]; views: unknown[] };
        answers.push({ nextCursor: body.nextCursor, registrants: body.registrants.length, views: body.views.length });
        cursor = body.nextCursor;
      } while (cursor !== null);
      return answers;
    };
    try {
      const fromServer = await pages(server.baseUrl);
      expect(fromServer).toEqual(await pages(mockBase));
      expect(fromServer[0]).toMatchObject({ nextCursor: expect.stringMatching(/^r7@\d{4}-\d\d-\d\d$/) });
    } finally {
      mock.close();
    }
  });
});

describe('reference server: errors as { error: { code, message } }', () => {
  it('404 for an unknown event on every route', async () => {
    for (const path of ['', '/attendance', '/on-demand/summary', '/on-demand/statistics']) {
      const { status, body } = await call(`/events/nope${path}`);
      expect(status, path).toBe(404);
      expect(body).toEqual({ error: { code: 'not-found', message: 'There is no event "nope".' } });
    }
    const count = await call('/events/nope/audience/count', post({ criteria: { version: 1, kind: 'has-attended' } }));
    expect(count.status).toBe(404);
  });

  it('404 for an unknown route, 405 with Allow for a wrong method', async () => {
    expect((await call('/nothing/here')).status).toBe(404);
    expect((await call('/events/mid-window/secrets')).status).toBe(404);
    const wrong = await call('/events/mid-window/audience/count');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect((await call('/events/mid-window', { method: 'DELETE' })).status).toBe(405);
  });

  it('400 for a cursor it did not give out, 409 for a cursor of data since reloaded', async () => {
    for (const cursor of ['garbage', 'r-1@2026-03-18', 'x5@2026-03-18', 'r99999999999@2026-03-18', 'r5@2026-02-30']) {
      const { status, body } = await call(`/events/mid-window/attendance?cursor=${encodeURIComponent(cursor)}`);
      expect(status, cursor).toBe(400);
      expect((body.error as { code: string }).code).toBe('invalid-cursor');
    }
    const first = await call('/events/mid-window/attendance');
    const cursor = first.body.nextCursor as string;
    expect((await call(`/events/mid-window/attendance?cursor=${encodeURIComponent(cursor)}`)).status).toBe(200);
    const stale = cursor.replace(/@.*$/, '@2026-01-01');
    const { status, body } = await call(`/events/mid-window/attendance?cursor=${encodeURIComponent(stale)}`);
    expect(status).toBe(409);
    expect((body.error as { code: string }).code).toBe('stale-cursor');
  });

  it('400 invalid-range for half a range, a range outside the window or backwards', async () => {
    const half = await call('/events/mid-window/on-demand/summary?from=2026-03-08');
    expect(half.status).toBe(400);
    expect(half.body).toEqual({ error: { code: 'invalid-range', message: 'Give both from and to, or neither for the whole window.' } });
    for (const query of ['from=2026-01-01&to=2026-01-02', 'from=2026-03-10&to=2026-03-09', 'from=soon&to=later']) {
      const { status, body } = await call(`/events/mid-window/on-demand/summary?${query}`);
      expect(status, query).toBe(400);
      expect((body.error as { code: string }).code).toBe('invalid-range');
    }
  });

  it('400 invalid-request for a bad clock or closing threshold', async () => {
    for (const query of ['now=yesterday', 'now=2026-03-19T14:00:00', 'now=2026-03-19', 'now=0999-12-31T00:00:00Z', 'now=0099-05-01T00:00:00Z', 'now=%2B275760-09-13T00:00:00Z', 'now=1', 'now=Thu%2C%2019%20Mar%202026%2014%3A00%3A00%20GMT', 'now=', 'closingThreshold=31', 'closingThreshold=2.5', 'closingThreshold=abc', 'closingThreshold=-1', 'closingThreshold=1e1', 'closingThreshold=', 'closingThreshold=0x5']) {
      const { status, body } = await call(`/events/mid-window/on-demand/statistics?${query}`);
      expect(status, query).toBe(400);
      expect((body.error as { code: string }).code).toBe('invalid-request');
    }
    expect((await call('/events/mid-window/on-demand/statistics')).status).toBe(200);
  });

  it('400 for a body that is not JSON, invalid criteria naming the field, 413 for a huge body', async () => {
    const notJson = await call('/events/mid-window/audience/count', post('{ nope'));
    expect(notJson.status).toBe(400);
    expect((notJson.body.error as { code: string }).code).toBe('invalid-request');
    const invalid = await call('/events/mid-window/audience/count', post({ criteria: { version: 1, kind: 'has-attended', eventMode: 'live', watchDuration: { operator: 'at-least', minutes: 5 } } }));
    expect(invalid.status).toBe(400);
    const error = invalid.body.error as { code: string; errors: { path: string }[] };
    expect(error.code).toBe('invalid-criteria');
    expect(error.errors.map((item) => item.path)).toEqual(['watchDuration']);
    const tooBig = await call('/events/mid-window/audience/count', post({ criteria: { version: 1, kind: 'has-attended' }, padding: 'x'.repeat(100_000) }));
    expect(tooBig.status).toBe(413);
    for (const now of ['never', '2026-03-19T14:00:00', 1_773_928_800_000, null, '0999-12-31T00:00:00Z', '0099-05-01T00:00:00Z', '+275760-09-13T00:00:00Z', 'Thu, 19 Mar 2026 14:00:00 GMT', '']) {
      const badNow = await call('/events/mid-window/audience/count', post({ criteria: { version: 1, kind: 'has-attended' }, now }));
      expect(badNow.status, JSON.stringify(now)).toBe(400);
      expect((badNow.body.error as { code: string }).code).toBe('invalid-request');
    }
  });

  it('415 for a POST body not sent as application/json', async () => {
    for (const headers of [{ 'content-type': 'text/plain;charset=UTF-8' }, { 'content-type': 'application/x-www-form-urlencoded' }, {}]) {
      const answer = await call('/events/mid-window/audience/count', { method: 'POST', headers, body: JSON.stringify({ criteria: { version: 1, kind: 'has-attended' } }) });
      expect(answer.status).toBe(415);
      expect((answer.body.error as { code: string }).code).toBe('unsupported-media-type');
    }
  });

  it('503 with Retry-After when the database is gone, and the REST adapter reports "unavailable"', async () => {
    // Nothing listens on this port: every query fails to connect.
    const pool = createPool({ connectionString: `postgresql://postgres@127.0.0.1:${await freePort()}/nowhere`, onIdleError: () => undefined });
    const down = await startTestServer(pool);
    try {
      const response = await fetch(`${down.baseUrl}/events/mid-window`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      await expect(createRestAdapter({ baseUrl: down.baseUrl, retries: 0 }).getEvent('mid-window')).rejects.toMatchObject({ kind: 'unavailable' });
    } finally {
      await down.close();
      await pool.end();
    }
  });
});

describe('reference server: options', () => {
  it('serves under a base path and answers CORS preflights when asked to', async () => {
    const api = await startTestServer(database.pool, { basePath: '/api/', corsOrigin: 'https://portal.example.test' });
    try {
      const response = await fetch(`${api.baseUrl}/events/mid-window`);
      expect(api.baseUrl).toMatch(/\/api$/);
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('https://portal.example.test');
      const preflight = await fetch(`${api.baseUrl}/events/mid-window/audience/count`, { method: 'OPTIONS' });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
      expect((await fetch(`${api.baseUrl.replace(/\/api$/, '')}/events/mid-window`)).status).toBe(404);
    } finally {
      await api.close();
    }
  });
});
