/*
 * Daily reports appended to a stored event (`appendDailyReport`): after each one every push-down
 * answer equals core's on the export joined so far, and after the last the aggregates are exactly
 * those of loading the joined export at once. Reports carry new days, views of days reported
 * before (late arrivals), bad records and nothing new at all; views stored before their day was
 * reported become counted when it is. A refused report changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestAdapter, type DataAdapter } from '../../src/adapters/index.ts';
import {
  addDays,
  audienceMembers,
  dailyOnDemandVisitors,
  onDemandStatistics,
  onDemandWindow,
  parseInstant,
  programFunnel,
  projectOnDemandVisitors,
  selectAudience,
  type Attendance,
  type AttendanceCriteria,
  type View,
} from '../../src/core/index.ts';
import { createDayInZone } from '../../src/core/calendar.ts';
import { generateWebinarData } from '../../mocks/index.ts';
import { appendDailyReport, LoadError, loadWebinar, type DailyReport } from '../../server/load.ts';
import { createTestDatabase, startTestServer, type TestDatabase } from './database.ts';

// Vancouver, whose window holds the day Intl and older time zone data disagree about (1 Nov 2026).
const generated = generateWebinarData({
  id: 'daily',
  seed: 2026_11_01,
  registrants: 400,
  noShowRate: 0.5,
  watchRate: 0.7,
  rewatchRate: 0.4,
  viewsPerVisitor: 3,
  timeZone: 'America/Vancouver',
  endsAt: '2026-10-21T06:30:00Z',
  badRecords: true,
  now: new Date('2026-12-01T00:00:00Z'),
});
const { event } = generated;
const window = onDemandWindow(event);
const dayOf = createDayInZone(event.timeZone);
const allViews = generated.attendance.views as unknown[];
const viewDay = (view: unknown): string | null => {
  const time = typeof view === 'object' && view !== null ? parseInstant((view as View).viewedAt) : null;
  return time === null ? null : dayOf(time);
};
const on = (test: (day: string) => boolean) => allViews.filter((view) => viewDay(view) !== null && test(viewDay(view) as string)) as View[];

const R0 = addDays(window.firstDay, 4);
const R1 = addDays(window.firstDay, 5);
const R2 = addDays(window.firstDay, 12);
const nextDay = on((day) => day === R1);
// The first load: days through R0, half of the next day (not reported yet), and the bad records.
const initial: Attendance = {
  registrants: generated.attendance.registrants,
  views: [...on((day) => day <= R0), ...nextDay.slice(0, nextDay.length >> 1), ...(allViews.filter((view) => viewDay(view) === null) as View[])],
  reportedThrough: R0,
};
const late = on((day) => day > R1 && day <= R2);
const reports: DailyReport[] = [
  // The rest of the next day.
  { reportedThrough: R1, views: nextDay.slice(nextDay.length >> 1) },
  // A week at once, but one view held back.
  { reportedThrough: R2, views: late.slice(1) },
  // A late arrival for a day reported before, a view of a day not reported yet, bad records; the same reportedThrough.
  {
    reportedThrough: R2,
    views: [
      late[0] as View,
      ...on((day) => day === addDays(R2, 1)).slice(0, 2),
      { leadId: 'nobody', viewedAt: `${R1}T12:00:00Z`, minutes: 5 },
      { leadId: initial.registrants.find((registrant) => registrant.status === 'No Show')?.leadId ?? 'x', viewedAt: 'noon', minutes: 1 },
      { leadId: 'nobody', viewedAt: `${R1}T12:00:00Z`, minutes: -3 },
    ],
  },
  // Nothing new at all.
  { reportedThrough: R2, views: [] },
  // Everything else, reported through the end of the window.
  { reportedThrough: window.lastDay, views: on((day) => day > R2).slice(2) },
];

/** The export as joined so far: the first load's records, then each report's views. */
function joined(count: number): Attendance {
  const appended = reports.slice(0, count);
  return {
    registrants: initial.registrants,
    views: [...initial.views, ...appended.flatMap((report) => report.views)],
    reportedThrough: count === 0 ? initial.reportedThrough : (appended.at(-1) as DailyReport).reportedThrough,
  };
}

// Mid-window (the projection's model, after the first report) and after the close (the final count).
const clocks = [new Date(`${addDays(R2, 2)}T20:00:00Z`), new Date(window.closesAt.getTime() + 86_400_000)];
const criteria: AttendanceCriteria[] = [
  { version: 1, kind: 'has-attended' },
  { version: 1, kind: 'has-not-attended', eventMode: 'on-demand' },
  { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'in-past', days: 7 } },
  { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'in-time-frame', frame: 'last-week' }, watchDuration: { operator: 'at-least', minutes: 5 } },
  { version: 1, kind: 'attends-event', eventMode: 'on-demand', watchDuration: { operator: 'at-most', minutes: 4 } },
  { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'between', minutes: 3, to: 12 } },
  { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'is-not', date: R1 } },
];

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let adapter: DataAdapter;

beforeAll(async () => {
  database = await createTestDatabase('append');
  await loadWebinar(database.pool, { event, attendance: initial });
  server = await startTestServer(database.pool, { pageSize: 100 });
  adapter = createRestAdapter({ baseUrl: server.baseUrl, pushDown: true, retries: 0 });
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

async function expectCoreAnswers(attendance: Attendance): Promise<void> {
  expect(await adapter.getDailySummary!(event.id, undefined)).toEqual(dailyOnDemandVisitors(event, attendance));
  for (const now of clocks) {
    expect(await adapter.getStatistics!(event.id, { now })).toEqual(onDemandStatistics(event, attendance, now));
    for (const each of criteria) expect(await adapter.countAudience!(event.id, each, { now }), JSON.stringify(each)).toBe(selectAudience(event, attendance, each, now).length);
    // The funnel and the projection (first visits per day, from the pairs each report updates) follow each report too.
    expect(await adapter.getFunnel!(event.id, { now })).toEqual({ ...programFunnel(event, attendance, now), reportedThrough: attendance.reportedThrough });
    expect(await adapter.getProjection!(event.id, { now })).toEqual(projectOnDemandVisitors(event, attendance, now));
    // The people behind the counts follow each report too (visits, first and last day kept per lead).
    for (const each of criteria.slice(0, 3)) {
      const page = await adapter.listAudience!(event.id, { criteria: each, now, limit: 1000 });
      expect(page.members, JSON.stringify(each)).toEqual(audienceMembers(event, attendance, each, now));
    }
  }
  // The attendance served is the joined export: a client computing with core agrees too.
  expect((await adapter.getAttendance(event.id)).views).toHaveLength(attendance.views.length);
}

/** Every aggregate row of an event, without its key. */
async function aggregates(eventId: string): Promise<Record<string, unknown[]>> {
  const tables = {
    leads: 'lead_no, lead_id, status, step, rewatch, milliseconds, active_days, max_day_milliseconds, min_day_milliseconds, views, first_day, last_day, t.name, t.email, live_minutes',
    daily_activity: 'day, lead_no, milliseconds, views, rewatch',
    event_days: 'day, visitors, rewatchers, milliseconds',
    day_pairs: 'rewatch, previous_day, day, people',
    event_totals: 'registrants, registered, live_attendees, visitors, rewatchers, no_show_milliseconds, rewatch_milliseconds, median_low_milliseconds, median_high_milliseconds',
    lead_extremes: 'most, rewatch, minute, whole, people',
    diagnostics: 'section, ord, sub, code, lead_id, status_text, live_minutes, kept_status, viewed_at_text, viewed_at, minutes, day',
  };
  const result: Record<string, unknown[]> = {};
  for (const [table, columns] of Object.entries(tables)) {
    const { rows } = await database.pool.query(`SELECT ${columns} FROM odw.${table} t JOIN odw.events e ON e.key = t.event_key WHERE e.id = $1 ORDER BY ${columns}`, [eventId]);
    result[table] = rows;
  }
  return result;
}

describe('appendDailyReport', () => {
  it('the first load answers as core on what it holds', async () => {
    await expectCoreAnswers(joined(0));
  });

  it('after each report every push-down answer equals core’s on the export joined so far', { timeout: 120_000 }, async () => {
    const firstPage = await fetch(`${server.baseUrl}/events/${event.id}/attendance`).then((response) => response.json() as Promise<{ nextCursor: string }>);
    for (let count = 1; count <= reports.length; count++) {
      const report = await appendDailyReport(database.pool, event.id, reports[count - 1] as DailyReport);
      expect(report).toMatchObject({ eventId: event.id, views: (reports[count - 1] as DailyReport).views.length });
      await expectCoreAnswers(joined(count));
    }
    // reportedThrough moved: a cursor given out before points into data that changed.
    expect((await fetch(`${server.baseUrl}/events/${event.id}/attendance?cursor=${encodeURIComponent(firstPage.nextCursor)}`)).status).toBe(409);
  });

  it('leaves exactly the aggregates of loading the joined export at once', { timeout: 60_000 }, async () => {
    await loadWebinar(database.pool, { event: { ...event, id: 'daily-at-once' }, attendance: joined(reports.length) });
    expect(await aggregates(event.id)).toEqual(await aggregates('daily-at-once'));
  });

  it('refuses an unknown event, a reportedThrough going back, and views of the wrong types — changing nothing', async () => {
    const before = await aggregates(event.id);
    const refusals: [string, DailyReport, string][] = [
      ['nope', { reportedThrough: window.lastDay, views: [] }, 'eventId'],
      [event.id, { reportedThrough: R0, views: [] }, 'report.reportedThrough'],
      [event.id, { reportedThrough: '2026-13-01', views: [] }, 'report.reportedThrough'],
      [event.id, { reportedThrough: window.lastDay, views: {} as never }, 'report.views'],
      [event.id, { reportedThrough: window.lastDay, views: [{ leadId: 'L1', viewedAt: `${R1}T12:00:00Z`, minutes: 2 }, { leadId: 'L1', viewedAt: `${R1}T12:00:00Z`, minutes: '3' } as never] }, 'views[1].minutes'],
    ];
    for (const [eventId, report, field] of refusals) {
      const error = await appendDailyReport(database.pool, eventId, report).catch((caught: unknown) => caught);
      expect(error, field).toBeInstanceOf(LoadError);
      expect((error as LoadError).field).toBe(field);
    }
    expect(await aggregates(event.id)).toEqual(before);
  });
});
