/*
 * Migrations and the loader: migrations apply once; a load replaces an event atomically; input
 * with fields of the wrong JSON type is refused naming the field (as the REST adapter refuses it
 * on the wire), while bad records are stored to be served and diagnosed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestAdapter } from '../../src/adapters/index.ts';
import { dailyOnDemandVisitors, InvalidInputError, PROGRAM_STATUS_NAMES, PROGRAM_STATUS_STEPS, programFunnel, type Attendance, type WebinarEvent } from '../../src/core/index.ts';
import { scenarioData } from '../../mocks/index.ts';
import { LoadError, loadWebinar } from '../../server/load.ts';
import { migrate, migrations } from '../../server/migrate.ts';
// Type-only: puts server/main.ts (the `npm run server` entry) in the type check without running it.
import type * as _main from '../../server/main.ts';
import { createTestDatabase, startTestServer, type TestDatabase } from './database.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('load');
});

afterAll(async () => {
  await database?.drop();
});

const event: WebinarEvent = { id: 'load-test', name: 'Load test', startsAt: '2026-03-01T10:00:00Z', endsAt: '2026-03-01T11:00:00Z', timeZone: 'Europe/Amsterdam' };

function attendance(views: unknown[], registrants: unknown[] = [{ leadId: 'L1', status: 'No Show' }]): Attendance {
  return { registrants, views, reportedThrough: '2026-03-10' } as unknown as Attendance;
}

async function count(table: 'registrants' | 'views', eventId = 'load-test'): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM odw.${table} WHERE event_id = $1`, [eventId]);
  return (rows[0] as { n: number }).n;
}

describe('migrations', () => {
  it('apply once: running them again changes nothing', async () => {
    expect(migrations().map((migration) => migration.version)).toEqual(['001', '002', '003']);
    expect(await migrate(database.pool)).toEqual([]);
  });

  it('003 fills the funnel’s registered stage of the events loaded before it, as core counts it', async () => {
    const data = scenarioData('bad-records');
    await loadWebinar(database.pool, { ...data, event: { ...data.event, id: 'before-003' } });
    // As an event loaded before 003 would be after its ALTER: no value yet, then the migration's UPDATE.
    const file = migrations().find((migration) => migration.version === '003')?.file as string;
    const update = readFileSync(file, 'utf8').replace(/--.*$/gm, '').split(';').find((statement) => /^\s*UPDATE/.test(statement)) as string;
    await database.pool.query("UPDATE odw.event_totals t SET registered = -1 FROM odw.events e WHERE e.key = t.event_key AND e.id = 'before-003'");
    await database.pool.query(update);
    const { rows } = await database.pool.query<{ registered: number }>("SELECT t.registered FROM odw.event_totals t JOIN odw.events e ON e.key = t.event_key WHERE e.id = 'before-003'");
    expect(rows).toEqual([{ registered: programFunnel(data.event, data.attendance, new Date()).registered }]);
  });

  it('hold core’s rules: the program statuses and their steps', async () => {
    // The queries join on this table for steps: it must be core's PROGRAM_STATUS_STEPS exactly.
    const { rows } = await database.pool.query<{ status: string; step: number; name: string }>('SELECT status, step, name FROM odw.program_statuses ORDER BY step');
    const core = Object.entries(PROGRAM_STATUS_STEPS).map(([status, step]) => ({ status, step, name: PROGRAM_STATUS_NAMES[status as keyof typeof PROGRAM_STATUS_NAMES] }));
    expect(rows).toEqual(core.sort((a, b) => a.step - b.step));
  });

  it('never ask PostgreSQL’s time zone data: no AT TIME ZONE (but UTC, to print stored instants), no timezone(), no date_trunc in the server', () => {
    const dir = fileURLToPath(new URL('../../server/', import.meta.url));
    const files = [...readdirSync(dir).filter((name) => name.endsWith('.ts')), ...readdirSync(join(dir, 'sql')).map((name) => join('sql', name))];
    for (const file of files) {
      // Code only: comments may explain why.
      const code = readFileSync(join(dir, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|\s)\/\/.*$/gm, '')
        .replace(/--.*$/gm, '');
      expect(code, file).not.toMatch(/AT\s+TIME\s+ZONE\s+(?!'UTC')|\btimezone\s*\(|date_trunc|::timestamp\b(?!tz)/i);
    }
  });
});

describe('loadWebinar', () => {
  it('stores a scenario and replaces it on the next load, in one transaction', async () => {
    const data = scenarioData('bad-records');
    const report = await loadWebinar(database.pool, data);
    expect(report).toMatchObject({ eventId: 'bad-records', registrants: data.attendance.registrants.length, views: data.attendance.views.length });
    expect(await count('views', 'bad-records')).toBe(data.attendance.views.length);
    await loadWebinar(database.pool, { event: data.event, attendance: { ...data.attendance, views: data.attendance.views.slice(0, 3) } }, { batchSize: 2 });
    expect(await count('views', 'bad-records')).toBe(3);
    expect(await count('registrants', 'bad-records')).toBe(data.attendance.registrants.length);
  });

  it('reloading is atomic: readers meanwhile see the old answers or the new, and a load failing half-way leaves the old', { timeout: 60_000 }, async () => {
    const data = scenarioData('mid-window');
    const changed = { ...data.attendance, views: data.attendance.views.slice(0, data.attendance.views.length >> 1) };
    await loadWebinar(database.pool, data);
    const server = await startTestServer(database.pool);
    try {
      const adapter = createRestAdapter({ baseUrl: server.baseUrl, pushDown: true, retries: 0 });
      const answers = [dailyOnDemandVisitors(data.event, data.attendance), dailyOnDemandVisitors(data.event, changed)];
      let loading = true;
      const seen = new Set<number>();
      const reading = (async () => {
        while (loading) {
          const answer = await adapter.getDailySummary!(data.event.id, undefined);
          const index = answers.findIndex((expected) => isDeepStrictEqual(answer, expected));
          expect(index).toBeGreaterThanOrEqual(0);
          seen.add(index);
        }
      })();
      for (let round = 0; round < 3; round++) {
        await loadWebinar(database.pool, { event: data.event, attendance: changed });
        await loadWebinar(database.pool, data);
      }
      loading = false;
      await reading;
      expect(seen.has(0)).toBe(true);
      // PostgreSQL text cannot hold NUL: this load fails inside its transaction, after the delete.
      const broken = { ...changed, registrants: [...changed.registrants, { leadId: 'L-nul', status: 'No Show\u0000' }] };
      await expect(loadWebinar(database.pool, { event: data.event, attendance: broken })).rejects.toThrow();
      expect(await adapter.getDailySummary!(data.event.id, undefined)).toEqual(answers[0]);
    } finally {
      await server.close();
    }
  });

  it('refuses fields of the wrong JSON type, naming them, and leaves the stored event as it was', async () => {
    await loadWebinar(database.pool, { event, attendance: attendance([{ leadId: 'L1', viewedAt: '2026-03-02T10:00:00Z', minutes: 5 }]) });
    const cases: [Attendance, string][] = [
      [attendance([{ leadId: 'L1', viewedAt: '2026-03-02T10:00:00Z', minutes: '5' }]), 'views[0].minutes'],
      [attendance([{ leadId: 'L1', viewedAt: 1772445600000, minutes: 5 }]), 'views[0].viewedAt'],
      [attendance([{ leadId: { id: 1 }, viewedAt: '2026-03-02T10:00:00Z', minutes: 5 }]), 'views[0].leadId'],
      [attendance([{ leadId: 'L1', viewedAt: '2026-03-02T10:00:00Z', minutes: Number.NaN }]), 'views[0].minutes'],
      [attendance([], [{ leadId: 'L1', status: 50 }]), 'registrants[0].status'],
      [attendance([], [{ leadId: 'L1', status: 'No Show', liveMinutes: '30' }]), 'registrants[0].liveMinutes'],
      [attendance([], [{ leadId: 'L1', status: 'No Show', liveMinutes: Number.POSITIVE_INFINITY }]), 'registrants[0].liveMinutes'],
      [{ registrants: [], views: {}, reportedThrough: '2026-03-10' } as unknown as Attendance, 'attendance.views'],
      [{ registrants: [], views: [], reportedThrough: '10/03/2026' }, 'attendance.reportedThrough'],
    ];
    for (const [bad, field] of cases) {
      const error = await loadWebinar(database.pool, { event, attendance: bad }).catch((caught: unknown) => caught);
      expect(error, field).toBeInstanceOf(LoadError);
      expect((error as LoadError).field).toBe(field);
    }
    expect(await count('views')).toBe(1);
  });

  it('refuses an event core refuses: no valid endsAt, an unknown time zone', async () => {
    await expect(loadWebinar(database.pool, { event: { ...event, endsAt: 'tomorrow' }, attendance: attendance([]) })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(loadWebinar(database.pool, { event: { ...event, timeZone: 'Mars/Olympus_Mons' }, attendance: attendance([]) })).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('keeps bad records as given: raw status text, unparsable instants, blank lead ids, non-objects', async () => {
    await loadWebinar(database.pool, {
      event,
      attendance: attendance(
        ['not a view', { leadId: '', viewedAt: 'soon', minutes: -2 }, { leadId: 7, viewedAt: '2026-03-02T10:00:00+01:00', minutes: 1.5 }],
        [null, { leadId: 'L1', status: 'Attended On-demand' }, { leadId: '  ', status: 'Partially', liveMinutes: null }],
      ),
    });
    const registrants = await database.pool.query('SELECT ord, lead_id, lead_id_given, status_text, status, has_live_minutes, live_minutes, malformed FROM odw.registrants WHERE event_id = $1 ORDER BY ord', [event.id]);
    expect(registrants.rows).toEqual([
      { ord: 0, lead_id: null, lead_id_given: null, status_text: null, status: null, has_live_minutes: false, live_minutes: null, malformed: null },
      { ord: 1, lead_id: 'L1', lead_id_given: null, status_text: 'Attended On-demand', status: 'attended-on-demand', has_live_minutes: false, live_minutes: null, malformed: null },
      { ord: 2, lead_id: null, lead_id_given: '  ', status_text: 'Partially', status: null, has_live_minutes: true, live_minutes: null, malformed: null },
    ]);
    const views = await database.pool.query('SELECT ord, lead_id, lead_id_given, viewed_at, viewed_at_text, minutes, malformed FROM odw.views WHERE event_id = $1 ORDER BY ord', [event.id]);
    expect(views.rows).toEqual([
      { ord: 0, lead_id: null, lead_id_given: null, viewed_at: null, viewed_at_text: null, minutes: null, malformed: 'not a view' },
      { ord: 1, lead_id: null, lead_id_given: '', viewed_at: null, viewed_at_text: 'soon', minutes: -2, malformed: null },
      { ord: 2, lead_id: '7', lead_id_given: null, viewed_at: new Date('2026-03-02T09:00:00Z'), viewed_at_text: '2026-03-02T10:00:00+01:00', minutes: 1.5, malformed: null },
    ]);
  });
});
