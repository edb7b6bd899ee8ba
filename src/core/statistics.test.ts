import { describe, expect, it } from 'vitest';
import { afterEnd, amsterdamEvent, attendance, registrant, view } from '../../test/fixtures/core-fixtures.ts';
import { onDemandStatistics } from './statistics.ts';

const now = new Date(afterEnd(10));

describe('onDemandStatistics', () => {
  const data = attendance(
    [
      registrant('A', 'No Show'),
      registrant('B', 'Registered'),
      registrant('C', 'Attended', 50),
      registrant('D', 'No Show'),
      registrant('E', 'Attended', 55),
    ],
    [
      view('A', afterEnd(1), 10),
      view('A', afterEnd(2), 20), // A: 30 minutes over two days
      view('B', afterEnd(1), 6),
      view('C', afterEnd(3), 12), // C rewatched: counts in the average, not in total visitors
    ],
  );

  it('counts distinct no-show visitors and averages over every visitor', () => {
    const stats = onDemandStatistics(amsterdamEvent, data, now);
    expect(stats).toMatchObject({
      daysRemaining: 20,
      phase: 'open',
      totalVisitors: 2,
      rewatchers: 1,
      averageWatchMinutes: 16, // (30 + 6 + 12) / 3 visitors
      medianWatchMinutes: 12,
      noShowWatchMinutes: 36,
      rewatchWatchMinutes: 12,
      reportedThrough: '2026-04-30',
      diagnostics: [],
    });
  });

  it('takes the median of an even number of visitors as the mean of the middle two', () => {
    const even = { ...data, views: [...data.views, view('D', afterEnd(4), 100)] };
    const stats = onDemandStatistics(amsterdamEvent, even, now);
    expect(stats.medianWatchMinutes).toBe(21); // 6, 12, 30, 100
    expect(stats.averageWatchMinutes).toBe(37);
  });

  it('has no average or median without visitors', () => {
    const stats = onDemandStatistics(amsterdamEvent, attendance(data.registrants.slice(), []), now);
    expect(stats).toMatchObject({ totalVisitors: 0, rewatchers: 0, averageWatchMinutes: null, medianWatchMinutes: null });
  });

  it('counts only what is reported so far', () => {
    const stats = onDemandStatistics(amsterdamEvent, { ...data, reportedThrough: '2026-03-21' }, now);
    expect(stats).toMatchObject({ totalVisitors: 2, rewatchers: 0, averageWatchMinutes: 8 }); // A 10, B 6
  });

  it.each([
    [afterEnd(-2), 30, 'upcoming'],
    [afterEnd(26), 4, 'closing'],
    [afterEnd(31), 0, 'closed'],
  ])('reports days remaining and phase at %s', (at, days, phase) => {
    expect(onDemandStatistics(amsterdamEvent, data, new Date(at))).toMatchObject({ daysRemaining: days, phase });
  });

  it('honours a custom closing threshold', () => {
    expect(onDemandStatistics(amsterdamEvent, data, now, { closingThreshold: 20 }).phase).toBe('closing');
  });
});
