/*
 * Right in every time zone: the server's days are core's days. PostgreSQL's time zone data (the
 * operating system's) and Node's Intl disagree from 2026 on for America/Vancouver, Edmonton and
 * Yellowknife (Intl: no return to standard time), and differ in detail elsewhere; the server never
 * asks PostgreSQL — the loader computes each view's day with core's calendar, the clock's "today",
 * weeks and months come in as dates — and these tests prove the answers equal core's, exactly:
 *
 *   - zones whose rules changed lately (the three above, Africa/Casablanca and El_Aaiun with their
 *     Ramadan changes, Europe/Chisinau), 30- and 45-minute offsets (Asia/Kolkata, Asia/Kathmandu,
 *     Australia/Adelaide, Pacific/Chatham, Australia/Lord_Howe with its 30-minute DST), and
 *     windows holding a DST change (spring and autumn, both hemispheres);
 *   - each event ends late in the local evening, and two people watch at every local midnight of
 *     the window, 1 ms before and at it, so a day off by one shows;
 *   - every view's stored day is core's day; the summary (whole window, single days, ranges), the
 *     statistics, the funnel, the projection (first visits per local day) and audience counts for
 *     every Watch Date operator and time frame at clocks on both sides of local midnights, Mondays
 *     and month starts, equal core's answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestAdapter, type DataAdapter } from '../../src/adapters/index.ts';
import {
  addDays,
  dailyOnDemandVisitors,
  daysFromTo,
  onDemandStatistics,
  onDemandWindow,
  parseInstant,
  programFunnel,
  projectOnDemandVisitors,
  selectAudience,
  type Attendance,
  type AttendanceCriteria,
  type View,
  type WatchDateConstraint,
  type WebinarEvent,
} from '../../src/core/index.ts';
import { createDayInZone, isoWeekday } from '../../src/core/calendar.ts';
import { generateWebinarData, startOfDay } from '../../mocks/index.ts';
import { loadWebinar } from '../../server/load.ts';
import { createTestDatabase, startTestServer, type TestDatabase } from './database.ts';

/** Zone → local days the live session ends on: each window (30 days on) holds the zone's changes of 2026. */
const ZONES: Record<string, string[]> = {
  // Intl (tzdata 2025+): last change 2026-03-08, no return to standard time in November.
  'America/Vancouver': ['2026-02-20', '2026-10-20'],
  'America/Edmonton': ['2026-02-20', '2026-10-20'],
  'America/Yellowknife': ['2026-02-20'],
  // Ramadan: +01 → +00 on 2026-02-15, back on 2026-03-22.
  'Africa/Casablanca': ['2026-02-01', '2026-03-10'],
  'Africa/El_Aaiun': ['2026-03-10'],
  'Europe/Chisinau': ['2026-03-20', '2026-10-10'],
  'Asia/Kolkata': ['2026-03-20'],
  'Asia/Kathmandu': ['2026-03-20'],
  'Australia/Adelaide': ['2026-03-25', '2026-09-20'],
  'Pacific/Chatham': ['2026-03-25', '2026-09-15'],
  'Australia/Lord_Howe': ['2026-03-25', '2026-09-20'],
  'America/New_York': ['2026-10-15'],
  'America/St_Johns': ['2026-02-25'],
  'America/Santiago': ['2026-03-20'],
  'Pacific/Kiritimati': ['2026-06-01'],
};

interface ZoneCase {
  event: WebinarEvent;
  attendance: Attendance;
  /** Clocks for the statistics and audience counts. */
  clocks: Date[];
}

const MINUTE = 60_000;

/** An event in `timeZone` ending at 23:40 local time on `day`, with people watching at every local midnight of its window. */
function zoneCase(timeZone: string, day: string, index: number): ZoneCase {
  const endsAt = new Date(startOfDay(addDays(day, 1), timeZone) - 20 * MINUTE);
  const id = `${timeZone.replace('/', '-').toLowerCase()}-${day}`;
  const generated = generateWebinarData({ id, seed: 1000 + index, registrants: 160, noShowRate: 0.5, watchRate: 0.7, rewatchRate: 0.4, viewsPerVisitor: 3, timeZone, endsAt, badRecords: true, now: new Date(endsAt.getTime() + 40 * 86_400_000) });
  const { event } = generated;
  const window = onDemandWindow(event);
  const midnights = daysFromTo(addDays(window.firstDay, 1), window.lastDay).map((windowDay) => startOfDay(windowDay, timeZone));
  const registrants = [...generated.attendance.registrants, { leadId: 'edge-no-show', status: 'No Show' }, { leadId: 'edge-attendee', status: 'Attended' }];
  // Seconds ÷ 60: fractional minutes whose sums must not depend on their order either.
  const edges: View[] = midnights.flatMap((midnight, n) => [
    { leadId: 'edge-no-show', viewedAt: new Date(midnight - 1).toISOString(), minutes: (60 + n) / 60 },
    { leadId: 'edge-no-show', viewedAt: new Date(midnight).toISOString(), minutes: (600 + n) / 60 },
    { leadId: 'edge-attendee', viewedAt: new Date(midnight - MINUTE).toISOString(), minutes: 7 / 60 },
    { leadId: 'edge-attendee', viewedAt: new Date(midnight + 1).toISOString(), minutes: 601 / 60 },
  ]);
  // Reported through the middle of the window: later days are "not reported yet".
  const reportedThrough = addDays(window.firstDay, 17);
  const attendance: Attendance = { registrants, views: [...generated.attendance.views, ...edges], reportedThrough };
  // Clocks: around a local midnight, a Monday's and a month's first local midnight, mid-window, after it.
  const monday = daysFromTo(addDays(window.firstDay, 1), window.lastDay).find((windowDay) => isoWeekday(windowDay) === 1) as string;
  const firstOfMonth = daysFromTo(addDays(window.firstDay, 1), window.lastDay).find((windowDay) => windowDay.endsWith('-01')) as string;
  const clocks = [
    startOfDay(addDays(window.firstDay, 9), timeZone) - 1,
    startOfDay(addDays(window.firstDay, 9), timeZone),
    startOfDay(monday, timeZone) - 1,
    startOfDay(monday, timeZone),
    startOfDay(firstOfMonth, timeZone) - 1,
    startOfDay(firstOfMonth, timeZone),
    window.closesAt.getTime() + 2 * 86_400_000,
  ].map((time) => new Date(time));
  return { event, attendance, clocks };
}

const CASES = Object.entries(ZONES).flatMap(([zone, days]) => days.map((day) => [zone, day] as const)).map(([zone, day], index) => zoneCase(zone, day, index));

/** Watch Date constraints, every operator and time frame, relative to the window. */
function dateConstraints(event: WebinarEvent): WatchDateConstraint[] {
  const window = onDemandWindow(event);
  const d = addDays(window.firstDay, 8);
  return [
    { operator: 'is', date: d },
    { operator: 'is-not', date: d },
    { operator: 'before', date: d },
    { operator: 'after', date: d },
    { operator: 'on-or-before', date: d },
    { operator: 'on-or-after', date: d },
    { operator: 'between', date: addDays(window.firstDay, 2), to: addDays(window.firstDay, 12) },
    { operator: 'in-past', days: 1 },
    { operator: 'in-past', days: 5 },
    ...(['today', 'yesterday', 'this-week', 'last-week', 'this-month', 'last-month'] as const).map((frame) => ({ operator: 'in-time-frame' as const, frame })),
  ];
}

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let adapter: DataAdapter;

// Loading 27 events and asking each a few hundred questions: give a busy machine time.
beforeAll(async () => {
  database = await createTestDatabase('zones');
  for (const data of CASES) await loadWebinar(database.pool, data);
  server = await startTestServer(database.pool);
  adapter = createRestAdapter({ baseUrl: server.baseUrl, pushDown: true, retries: 0 });
}, 180_000);

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe.each(CASES.map((data) => [data.event.id, data] as const))('%s: the server answers as core', { timeout: 90_000 }, (eventId, data) => {
  const { event, attendance, clocks } = data;
  const window = onDemandWindow(event);

  it('stores every view on core’s day in the event’s zone', async () => {
    const dayOf = createDayInZone(event.timeZone);
    const { rows } = await database.pool.query<{ ord: number; day: string | null }>('SELECT ord, day::text AS day FROM odw.views WHERE event_id = $1 ORDER BY ord', [eventId]);
    const expected = (attendance.views as unknown[]).map((view, ord) => {
      const time = typeof view === 'object' && view !== null ? parseInstant((view as View).viewedAt) : null;
      return { ord, day: time === null ? null : dayOf(time) };
    });
    expect(rows).toEqual(expected);
  });

  it('summary: the whole window, every single day, ranges across the changes — exactly core’s', async () => {
    expect(await adapter.getDailySummary!(eventId, undefined)).toEqual(dailyOnDemandVisitors(event, attendance));
    const days = daysFromTo(window.firstDay, window.lastDay);
    const ranges = [...days.map((day) => ({ from: day, to: day })), { from: addDays(window.firstDay, 3), to: addDays(window.firstDay, 20) }, { from: addDays(window.lastDay, -9), to: window.lastDay }];
    const answers = await Promise.all(ranges.map((range) => adapter.getDailySummary!(eventId, range)));
    answers.forEach((answer, index) => expect(answer, JSON.stringify(ranges[index])).toEqual(dailyOnDemandVisitors(event, attendance, ranges[index])));
  });

  it('statistics at clocks around local midnights — exactly core’s', async () => {
    for (const now of clocks) expect(await adapter.getStatistics!(eventId, { now }), now.toISOString()).toEqual(onDemandStatistics(event, attendance, now));
  });

  it('funnel and projection at those clocks — exactly core’s', async () => {
    for (const now of clocks) {
      expect(await adapter.getFunnel!(eventId, { now }), now.toISOString()).toEqual({ ...programFunnel(event, attendance, now), reportedThrough: attendance.reportedThrough });
      expect(await adapter.getProjection!(eventId, { now }), now.toISOString()).toEqual(projectOnDemandVisitors(event, attendance, now));
    }
    // Reported through day 17: inside the window the projection is the model's, from first visits per local day.
    expect(projectOnDemandVisitors(event, attendance, clocks[0] as Date)?.days.length).toBeGreaterThan(0);
  });

  it('audience counts for every Watch Date operator and time frame, alone and with a Watch Duration, at those clocks', async () => {
    const criteria: AttendanceCriteria[] = [
      ...dateConstraints(event).flatMap((watchDate): AttendanceCriteria[] => [
        { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate },
        { version: 1, kind: 'has-not-attended', eventMode: 'on-demand', watchDate, watchDuration: { operator: 'at-least', minutes: 10 } },
      ]),
      // 10 min 1 s and 10 min 0 s at the midnights: "is 10" and "more than 10" tell them apart.
      { version: 1, kind: 'attends-event', eventMode: 'on-demand', watchDuration: { operator: 'is', minutes: 10 } },
      { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'greater-than', minutes: 10 } },
      { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'less-than', minutes: 3 } },
    ];
    const mismatches: string[] = [];
    for (const now of clocks) {
      const counts = await Promise.all(criteria.map((each) => adapter.countAudience!(eventId, each, { now })));
      criteria.forEach((each, index) => {
        const expected = selectAudience(event, attendance, each, now).length;
        if (counts[index] !== expected) mismatches.push(`${now.toISOString()} ${JSON.stringify(each)}: server ${counts[index]}, core ${expected}`);
      });
    }
    expect(mismatches).toEqual([]);
  });
});
