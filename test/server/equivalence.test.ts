/*
 * Every push-down answer of the reference server equals core's answer on the same data, exactly
 * (durations are whole milliseconds on both sides, converted to minutes by the same code):
 * the daily summary (whole window, every single day, multi-day ranges across the DST change),
 * statistics at the window's boundary instants with several closing thresholds, audience
 * counts for each kind, each Event Mode and every Watch Date / Watch Duration operator, at
 * several clocks, and the program funnel and the projection (two levels) at those instants.
 * Diagnostics are compared exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestAdapter, type DataAdapter } from '../../src/adapters/index.ts';
import {
  addDays,
  calendarDayOf,
  dailyOnDemandVisitors,
  daysFromTo,
  onDemandStatistics,
  onDemandWindow,
  programFunnel,
  projectOnDemandVisitors,
  selectAudience,
  type AttendanceCriteria,
  type CriteriaKind,
  type OnDemandWindow,
  type WatchDateConstraint,
  type WatchDurationConstraint,
} from '../../src/core/index.ts';
import { loadWebinar } from '../../server/load.ts';
import { createTestDatabase, startTestServer, type TestDatabase } from './database.ts';
import { datasets } from './datasets.ts';

const DATASETS = datasets();
const DAY = 86_400_000;

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let adapter: DataAdapter;

beforeAll(async () => {
  database = await createTestDatabase('equivalence');
  for (const data of DATASETS) await loadWebinar(database.pool, data);
  server = await startTestServer(database.pool);
  adapter = createRestAdapter({ baseUrl: server.baseUrl, pushDown: true, retries: 0 });
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

/** The instants where statistics change: around the end of the event and the close of the window. */
function boundaryClocks(window: OnDemandWindow): Date[] {
  const ends = window.opensAfter.getTime();
  const closes = window.closesAt.getTime();
  return [ends - 3_600_000, ends, ends + 1, ends + 2.5 * DAY, closes - 10 * DAY, closes - 5 * DAY, closes - 5 * DAY + 1, closes - 1, closes, closes + 1, closes + 20 * DAY].map(
    (time) => new Date(time),
  );
}

const KINDS: readonly CriteriaKind[] = ['has-attended', 'has-not-attended', 'attends-event'];

/** A spread of criteria: each kind × each Event Mode, and every Watch Date / Watch Duration operator. */
function criteriaSpread(window: OnDemandWindow): AttendanceCriteria[] {
  const d1 = addDays(window.firstDay, 1);
  const d2 = addDays(window.firstDay, 3);
  const list: AttendanceCriteria[] = [];
  for (const kind of KINDS) {
    list.push({ version: 1, kind }, { version: 1, kind, eventMode: 'live' }, { version: 1, kind, eventMode: 'on-demand' });
  }
  const dates: WatchDateConstraint[] = [
    { operator: 'is', date: d2 },
    { operator: 'is-not', date: d2 },
    { operator: 'before', date: d2 },
    { operator: 'after', date: d2 },
    { operator: 'on-or-before', date: d2 },
    { operator: 'on-or-after', date: d2 },
    { operator: 'between', date: d1, to: d2 },
    { operator: 'between', date: window.firstDay, to: window.lastDay },
    { operator: 'in-past', days: 1 },
    { operator: 'in-past', days: 3 },
    { operator: 'in-past', days: 10 },
    { operator: 'in-past', days: 100_000 },
    { operator: 'in-time-frame', frame: 'today' },
    { operator: 'in-time-frame', frame: 'yesterday' },
    { operator: 'in-time-frame', frame: 'this-week' },
    { operator: 'in-time-frame', frame: 'last-week' },
    { operator: 'in-time-frame', frame: 'this-month' },
    { operator: 'in-time-frame', frame: 'last-month' },
  ];
  const durations: WatchDurationConstraint[] = [
    { operator: 'is', minutes: 10 },
    { operator: 'is-not', minutes: 10 },
    { operator: 'greater-than', minutes: 10 },
    { operator: 'less-than', minutes: 10 },
    { operator: 'at-least', minutes: 10 },
    { operator: 'at-most', minutes: 10 },
    { operator: 'between', minutes: 5, to: 20 },
    { operator: 'at-least', minutes: 0 },
    { operator: 'is', minutes: 0 },
    { operator: 'less-than', minutes: 3 },
  ];
  dates.forEach((watchDate, index) => list.push({ version: 1, kind: KINDS[index % 3] as CriteriaKind, eventMode: 'on-demand', watchDate }));
  durations.forEach((watchDuration, index) => list.push({ version: 1, kind: KINDS[(index + 1) % 3] as CriteriaKind, eventMode: 'on-demand', watchDuration }));
  // One activity must satisfy both constraints together.
  dates.forEach((watchDate, index) => {
    const watchDuration = durations[index % durations.length];
    list.push({ version: 1, kind: KINDS[(index + 2) % 3] as CriteriaKind, eventMode: 'on-demand', watchDate, ...(watchDuration ? { watchDuration } : {}) });
  });
  return list;
}

describe.each(DATASETS.map((data) => [data.event.id, data] as const))('push-down equals core: %s', (eventId, data) => {
  const { event, attendance } = data;
  const window = onDemandWindow(event);

  it('daily summary: the whole window, every single day, and multi-day ranges', async () => {
    const getDailySummary = adapter.getDailySummary!.bind(adapter);
    expect(await getDailySummary(eventId, undefined)).toEqual(dailyOnDemandVisitors(event, attendance));
    const days = daysFromTo(window.firstDay, window.lastDay);
    const ranges = [
      ...days.map((day) => ({ from: day, to: day })),
      { from: window.firstDay, to: addDays(window.firstDay, 6) },
      { from: addDays(window.firstDay, 1), to: addDays(window.firstDay, 4) },
      { from: addDays(window.lastDay, -6), to: window.lastDay },
      { from: window.firstDay, to: window.lastDay },
    ];
    for (const range of ranges) {
      const actual = await getDailySummary(eventId, range);
      expect(actual, `${range.from} … ${range.to}`).toEqual(dailyOnDemandVisitors(event, attendance, range));
    }
  });

  it('statistics at the boundary instants of the window and the dataset clocks, with several closing thresholds', async () => {
    const getStatistics = adapter.getStatistics!.bind(adapter);
    for (const now of [...boundaryClocks(window), ...data.clocks]) {
      for (const closingThreshold of [undefined, 0, 5, 10, 30]) {
        const options = closingThreshold === undefined ? {} : { closingThreshold };
        const actual = await getStatistics(eventId, { now, ...options });
        expect(actual, `now ${now.toISOString()}, threshold ${String(closingThreshold)}`).toEqual(onDemandStatistics(event, attendance, now, options));
      }
    }
  });

  it('program funnel and projection at the boundary instants of the window and the dataset clocks, at two levels', async () => {
    const getFunnel = adapter.getFunnel!.bind(adapter);
    const getProjection = adapter.getProjection!.bind(adapter);
    let projected = 0;
    for (const now of [...boundaryClocks(window), ...data.clocks]) {
      expect(await getFunnel(eventId, { now }), `funnel at ${now.toISOString()}`).toEqual({ ...programFunnel(event, attendance, now), reportedThrough: attendance.reportedThrough });
      for (const level of [undefined, 0.95]) {
        const expected = projectOnDemandVisitors(event, attendance, now, level === undefined ? {} : { level });
        if (expected !== null && expected.days.length > 0) projected++;
        expect(await getProjection(eventId, { now, level }), `projection at ${now.toISOString()}, level ${String(level)}`).toEqual(expected);
      }
    }
    // The model itself, not only null and final counts, where a dataset is reported part-way.
    if (attendance.views.length > 0 && attendance.reportedThrough >= addDays(window.firstDay, 2) && attendance.reportedThrough < window.lastDay) expect(projected).toBeGreaterThan(0);
  });

  it('audience counts: each kind, each Event Mode, every Watch Date and Watch Duration operator, at several clocks', async () => {
    const countAudience = adapter.countAudience!.bind(adapter);
    const clocks = [...data.clocks, new Date(window.closesAt.getTime() + 3 * DAY)];
    const criteriaList = criteriaSpread(window);
    const mismatches: string[] = [];
    let nonZero = 0;
    for (const now of clocks) {
      const results = await Promise.all(criteriaList.map((criteria) => countAudience(eventId, criteria, { now })));
      criteriaList.forEach((criteria, index) => {
        const expected = selectAudience(event, attendance, criteria, now).length;
        if (expected > 0) nonZero++;
        if (results[index] !== expected) {
          mismatches.push(`at ${now.toISOString()} (today ${calendarDayOf(now, event.timeZone)}): ${JSON.stringify(criteria)} → ${results[index]}, core ${expected}`);
        }
      });
    }
    expect(mismatches).toEqual([]);
    // The spread must mean something: most criteria select someone on this data.
    if (attendance.views.length > 0) expect(nonZero).toBeGreaterThan(criteriaList.length / 2);
  });
});
