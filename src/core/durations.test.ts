/*
 * Durations are summed in whole milliseconds, so a total never depends on the order in which an
 * export lists the views: 1 s + 3 s + 596 s, given in minutes (1/60, 3/60, 596/60), is exactly
 * 10 minutes in every order — per day, per visitor, in the statistics, and for Watch Duration.
 * (Added in floating point minutes, one order gives 10 and another 10.000000000000002.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterEnd, amsterdamEvent as event, attendance, registrant, view } from '../../test/fixtures/core-fixtures.ts';
import { dailyOnDemandActivity, millisecondsToMinutes, minutesToMilliseconds } from './activity.ts';
import { selectAudience } from './audience.ts';
import { onDemandStatistics } from './statistics.ts';
import { dailyOnDemandVisitors } from './summary.ts';
import type { View } from './types.ts';

const SECONDS = [1, 3, 596];
const ORDERS = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
];
const now = new Date(afterEnd(5));

/** One no-show's three plays on one day (the second day of the window), in the given order. */
function plays(order: number[]): View[] {
  return order.map((index) => view('L1', afterEnd(1, 10 * index), (SECONDS[index] as number) / 60));
}

describe('durations are summed in whole milliseconds', () => {
  it('the floating-point sum of the plays in minutes does depend on the order (why core does not use it)', () => {
    const sums = ORDERS.map((order) => order.reduce((total, index) => total + (SECONDS[index] as number) / 60, 0));
    expect(new Set(sums).size).toBeGreaterThan(1);
  });

  it.each(ORDERS)('1 s + 3 s + 596 s in the order %i, %i, %i is exactly 10 minutes everywhere', (...order) => {
    const data = attendance([registrant('L1', 'No Show')], plays(order));
    expect(dailyOnDemandActivity(event, data).activities).toEqual([{ leadId: 'L1', day: '2026-03-21', minutes: 10, views: 3 }]);
    const summary = dailyOnDemandVisitors(event, data, { from: '2026-03-21', to: '2026-03-21' });
    expect(summary.days).toEqual([{ day: '2026-03-21', visitors: 1, rewatchers: 0, minutes: 10 }]);
    const statistics = onDemandStatistics(event, data, now);
    expect(statistics).toMatchObject({ averageWatchMinutes: 10, medianWatchMinutes: 10, noShowWatchMinutes: 10, rewatchWatchMinutes: 0 });
    const watchedTen = selectAudience(event, data, { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'is', minutes: 10 } }, now);
    expect(watchedTen).toEqual(['L1']);
  });

  it('rounds a view to the nearest millisecond once, and converts back only for results', () => {
    const cases: [minutes: number, milliseconds: number][] = [
      [0, 0],
      [1 / 60, 1_000],
      [596 / 60, 596_000],
      [5.5, 330_000],
      [0.1, 6_000],
      [1 / 3, 20_000],
      [0.000_001, 0], // 0.06 ms
      [0.000_01, 1], // 0.6 ms
      [43_200, 2_592_000_000], // the longest valid view: 30 days
    ];
    for (const [minutes, milliseconds] of cases) {
      expect(minutesToMilliseconds(minutes), String(minutes)).toBe(milliseconds);
    }
    expect(millisecondsToMinutes(600_000)).toBe(10);
    expect(millisecondsToMinutes(20_000)).toBe(1 / 3);
  });

  // A property test (fast-check): well under a second idle; 30 s so a busy CI host cannot fail it on time alone.
  it('any plays given in seconds / 60 sum to the same minutes in any order (property)', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 7_200 }), { minLength: 1, maxLength: 12 }).chain((seconds) => fc.tuple(fc.constant(seconds), fc.shuffledSubarray(seconds, { minLength: seconds.length }))), ([seconds, shuffled]) => {
        const minutesOf = (list: number[]) => {
          const views = list.map((value, index) => view('L1', afterEnd(1, index), value / 60));
          return dailyOnDemandActivity(event, attendance([registrant('L1', 'No Show')], views)).activities[0]?.minutes;
        };
        const total = minutesOf(seconds);
        expect(minutesOf(shuffled)).toBe(total);
        expect(total).toBe(seconds.reduce((sum, value) => sum + value, 0) / 60);
      }),
      { numRuns: 300 },
    );
  });
});
