/*
 * Hostile input is inert: SQL injection attempts in event ids (every route) and in every field
 * of audience criteria answer 404 or 400, change nothing in the database, and never reach a
 * statement as text — compiled criteria carry every user value as a bind parameter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestAdapter } from '../../src/adapters/index.ts';
import { REFERENCE_NOW, scenarioData } from '../../mocks/index.ts';
import { onDemandWindow } from '../../src/core/index.ts';
import { compileCriteria, daysSql, durationSql } from '../../server/criteria-sql.ts';
import { loadWebinar } from '../../server/load.ts';
import { createTestDatabase, startTestServer, type TestDatabase } from './database.ts';
import { datasets } from './datasets.ts';

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;

const INJECTIONS = [
  "mid-window' OR '1'='1",
  "mid-window'; DROP TABLE odw.views; --",
  'mid-window"; DELETE FROM odw.registrants; --',
  "x' UNION SELECT id, name, starts_at, ends_at, time_zone, reported_through::text FROM odw.events --",
  "'; SELECT pg_sleep(5); --",
  'mid-window\u0000',
  '../../etc/passwd',
  '$1',
  '%',
  'mid-window%',
  '\\',
  '😀'.repeat(200),
  'a'.repeat(5000),
];

async function tableCounts(): Promise<Record<string, number>> {
  const { rows } = await database.pool.query<{ events: number; registrants: number; views: number }>(
    'SELECT (SELECT count(*) FROM odw.events)::int AS events, (SELECT count(*) FROM odw.registrants)::int AS registrants, (SELECT count(*) FROM odw.views)::int AS views',
  );
  return rows[0] as unknown as Record<string, number>;
}

beforeAll(async () => {
  database = await createTestDatabase('security');
  await loadWebinar(database.pool, scenarioData('mid-window'));
  // An event whose own name is hostile text: stored and served as text.
  await loadWebinar(database.pool, datasets().find((data) => data.event.id === 'messy')!);
  server = await startTestServer(database.pool);
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('SQL injection is inert', () => {
  it('in event ids: 404 from every route, through the REST adapter and raw URLs', async () => {
    const before = await tableCounts();
    const adapter = createRestAdapter({ baseUrl: server.baseUrl, pushDown: true, retries: 0, timeoutMs: 3000 });
    for (const id of INJECTIONS) {
      for (const call of [
        () => adapter.getEvent(id),
        () => adapter.getAttendance(id),
        () => adapter.getDailySummary!(id, undefined),
        () => adapter.getStatistics!(id, { now: REFERENCE_NOW }),
        () => adapter.countAudience!(id, { version: 1, kind: 'has-attended' }, { now: REFERENCE_NOW }),
      ]) {
        await expect(call(), JSON.stringify(id).slice(0, 60)).rejects.toMatchObject({ kind: 'not-found' });
      }
    }
    // Unencoded in the path, as a careless client would send it.
    for (const raw of ["mid-window'%20OR%20'1'='1", 'mid-window%27--', '%E0%A4%A']) {
      const response = await fetch(`${server.baseUrl}/events/${raw}/on-demand/statistics`);
      expect([400, 404], raw).toContain(response.status);
    }
    expect(await tableCounts()).toEqual(before);
    expect(server.errors).toEqual([]);
  });

  it('in criteria: 400 naming the field, for every field', async () => {
    const before = await tableCounts();
    const evil = "'; DROP TABLE odw.views; --";
    const cases: [unknown, string][] = [
      [{ version: 1, kind: evil }, 'kind'],
      [{ version: evil, kind: 'has-attended' }, 'version'],
      [{ version: 1, kind: 'has-attended', eventMode: evil }, 'eventMode'],
      [{ version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: evil, date: '2026-03-10' } }, 'watchDate.operator'],
      [{ version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'is', date: `2026-03-10${evil}` } }, 'watchDate.date'],
      [{ version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'between', date: '2026-03-10', to: evil } }, 'watchDate.to'],
      [{ version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'in-past', days: `7${evil}` } }, 'watchDate.days'],
      [{ version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'in-time-frame', frame: evil } }, 'watchDate.frame'],
      [{ version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: evil, minutes: 5 } }, 'watchDuration.operator'],
      [{ version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'at-least', minutes: `5${evil}` } }, 'watchDuration.minutes'],
      [{ version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'at-least', minutes: 5, [evil]: 1 } }, `watchDuration.${evil}`],
      [{ version: 1, kind: 'has-attended', [evil]: true }, evil],
    ];
    for (const [criteria, path] of cases) {
      const response = await fetch(`${server.baseUrl}/events/mid-window/audience/count`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ criteria, now: REFERENCE_NOW.toISOString() }),
      });
      expect(response.status, path).toBe(400);
      const body = (await response.json()) as { error: { code: string; errors: { path: string }[] } };
      expect(body.error.code).toBe('invalid-criteria');
      expect(body.error.errors.map((error) => error.path)).toContain(path);
    }
    const badNow = await fetch(`${server.baseUrl}/events/mid-window/audience/count`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ criteria: { version: 1, kind: 'has-attended' }, now: `2026-03-19T14:00:00Z${evil}` }),
    });
    expect(badNow.status).toBe(400);
    const query = await fetch(`${server.baseUrl}/events/mid-window/on-demand/summary?from=2026-03-08${encodeURIComponent(evil)}&to=2026-03-09`);
    expect(query.status).toBe(400);
    expect(await tableCounts()).toEqual(before);
  });

  it('hostile text stored as data comes back as text', async () => {
    const event = await createRestAdapter({ baseUrl: server.baseUrl, retries: 0 }).getEvent('messy');
    expect(event.name).toBe("Messy export <script>alert(1)</script> '; DROP TABLE odw.views; --");
  });
});

describe('compiled criteria carry every value as a bind parameter', () => {
  it('the SQL text of every Watch Date and Watch Duration test holds placeholders and fixed SQL only', () => {
    const window = onDemandWindow(scenarioData('mid-window').event);
    const samples = [
      { watchDate: { operator: 'is', date: '2026-03-10' } },
      { watchDate: { operator: 'is-not', date: '2026-03-10' } },
      { watchDate: { operator: 'before', date: '2026-03-10' } },
      { watchDate: { operator: 'after', date: '2026-03-10' } },
      { watchDate: { operator: 'on-or-before', date: '2026-03-10' } },
      { watchDate: { operator: 'on-or-after', date: '2026-03-10' } },
      { watchDate: { operator: 'between', date: '2026-03-10', to: '2026-03-12' } },
      { watchDate: { operator: 'in-past', days: 4242 } },
      { watchDate: { operator: 'in-time-frame', frame: 'last-month' }, watchDuration: { operator: 'between', minutes: 4343, to: 4444 } },
      { watchDuration: { operator: 'greater-than', minutes: 4545 } },
    ] as const;
    for (const sample of samples) {
      const compiled = compileCriteria({ version: 1, kind: 'has-attended', eventMode: 'on-demand', ...sample } as never, window, 'America/New_York', REFERENCE_NOW);
      const parameters: unknown[] = [];
      const bind = (value: string | number | null) => {
        parameters.push(value);
        return `$${6 + parameters.length}`;
      };
      const sql = [compiled.days === null ? '' : daysSql(compiled.days, 'a.day', bind), compiled.duration === undefined ? '' : durationSql(compiled.duration, 'a.milliseconds', bind)].join(' ');
      expect(sql).not.toMatch(/20\d\d-|4242|4343|4444|4545|60000/);
      const placeholders = sql.match(/\$\d+/g) ?? [];
      expect(placeholders).toEqual(parameters.map((_, index) => `$${7 + index}`));
    }
    expect(compileCriteria({ version: 1, kind: 'has-attended', eventMode: 'live' }, window, 'America/New_York', REFERENCE_NOW)).toEqual({ live: true, onDemand: false, days: null, duration: undefined });
    expect(compileCriteria({ version: 1, kind: 'has-not-attended' }, window, 'America/New_York', REFERENCE_NOW)).toEqual({ live: true, onDemand: true, days: null, duration: undefined });
  });
});
