/*
 * Migrations and the loader: migrations apply once; a load replaces an event atomically; input
 * with fields of the wrong JSON type is refused naming the field (as the REST adapter refuses it
 * on the wire), while bad records are stored to be served and diagnosed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError, MAX_VIEW_MINUTES, PROGRAM_STATUS_NAMES, PROGRAM_STATUS_STEPS, type Attendance, type WebinarEvent } from '../../src/core/index.ts';
import { scenarioData } from '../../mocks/index.ts';
import { LoadError, loadWebinar } from '../../server/load.ts';
import { migrate, migrations } from '../../server/migrate.ts';
// Type-only: puts server/main.ts (the `npm run server` entry) in the type check without running it.
import type * as _main from '../../server/main.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

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
    expect(migrations().map((migration) => migration.version)).toEqual(['001']);
    expect(await migrate(database.pool)).toEqual([]);
  });

  it('hold core’s rules: the program statuses and their steps, the longest plausible view', async () => {
    // The queries join on this table for steps: it must be core's PROGRAM_STATUS_STEPS exactly.
    const { rows } = await database.pool.query<{ status: string; step: number; name: string }>('SELECT status, step, name FROM odw.program_statuses ORDER BY step');
    const core = Object.entries(PROGRAM_STATUS_STEPS).map(([status, step]) => ({ status, step, name: PROGRAM_STATUS_NAMES[status as keyof typeof PROGRAM_STATUS_NAMES] }));
    expect(rows).toEqual(core.sort((a, b) => a.step - b.step));
    // The partial index of bad views only serves the queries while its bound is core's.
    const index = await database.pool.query<{ definition: string }>("SELECT pg_get_indexdef('odw.views_bad'::regclass) AS definition");
    expect(index.rows[0]?.definition).toContain(`<= (${MAX_VIEW_MINUTES})::double precision`);
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
