/*
 * Durations in the server are whole milliseconds, as in core (docs/domain.md §7): plays of 1 s,
 * 3 s and 596 s, given as 1/60, 3/60 and 596/60 minutes, are exactly 10 minutes in each of the
 * six orders an export can list them in — in the stored activity, the summary, the statistics,
 * and for "Watch Duration is 10" — and every answer equals core's to the last bit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestAdapter, type DataAdapter } from '../../src/adapters/index.ts';
import { dailyOnDemandVisitors, onDemandStatistics, selectAudience, type Attendance, type AttendanceCriteria, type WebinarEvent } from '../../src/core/index.ts';
import { loadWebinar } from '../../server/load.ts';
import { createTestDatabase, startTestServer, type TestDatabase } from './database.ts';

const SECONDS = [1, 3, 596];
const ORDERS = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
];
const now = new Date('2026-03-25T12:00:00Z');
const isTen: AttendanceCriteria = { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'is', minutes: 10 } };
const moreThanTen: AttendanceCriteria = { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'greater-than', minutes: 10 } };

function event(order: number[]): WebinarEvent {
  return { id: `plays-${order.join('')}`, name: 'Plays in some order', startsAt: '2026-03-20T15:00:00Z', endsAt: '2026-03-20T16:00:00Z', timeZone: 'Europe/Amsterdam' };
}

/** A no-show's three plays on 21 March in `order`, and an attendee's in the reverse order. */
function attendance(order: number[]): Attendance {
  const plays = (leadId: string, indexes: number[]) =>
    indexes.map((index, position) => ({ leadId, viewedAt: `2026-03-21T1${position}:00:00Z`, minutes: (SECONDS[index] as number) / 60 }));
  return {
    registrants: [
      { leadId: 'no-show', status: 'No Show' },
      { leadId: 'attendee', status: 'Attended' },
    ],
    views: [...plays('no-show', order), ...plays('attendee', [...order].reverse())],
    reportedThrough: '2026-03-24',
  };
}

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let adapter: DataAdapter;

beforeAll(async () => {
  database = await createTestDatabase('durations');
  for (const order of ORDERS) await loadWebinar(database.pool, { event: event(order), attendance: attendance(order) });
  server = await startTestServer(database.pool);
  adapter = createRestAdapter({ baseUrl: server.baseUrl, pushDown: true, retries: 0 });
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('1 s + 3 s + 596 s is exactly 10 minutes in any order', () => {
  it.each(ORDERS)('order %i, %i, %i', async (...order) => {
    const { id } = event(order);
    const { rows } = await database.pool.query<{ milliseconds: string }>(
      'SELECT a.milliseconds FROM odw.daily_activity a JOIN odw.events e ON e.key = a.event_key WHERE e.id = $1 ORDER BY a.lead_no',
      [id],
    );
    expect(rows.map((row) => row.milliseconds)).toEqual(['600000', '600000']);

    const summary = await adapter.getDailySummary!(id, { from: '2026-03-21', to: '2026-03-21' });
    expect(summary.days).toEqual([{ day: '2026-03-21', visitors: 1, rewatchers: 1, minutes: 20 }]);
    expect(summary).toEqual(dailyOnDemandVisitors(event(order), attendance(order), { from: '2026-03-21', to: '2026-03-21' }));

    const statistics = await adapter.getStatistics!(id, { now });
    expect(statistics).toMatchObject({ averageWatchMinutes: 10, medianWatchMinutes: 10, noShowWatchMinutes: 10, rewatchWatchMinutes: 10 });
    expect(statistics).toEqual(onDemandStatistics(event(order), attendance(order), now));

    expect(await adapter.countAudience!(id, isTen, { now })).toBe(2);
    expect(await adapter.countAudience!(id, moreThanTen, { now })).toBe(0);
    expect(selectAudience(event(order), attendance(order), isTen, now)).toHaveLength(2);
  });
});
