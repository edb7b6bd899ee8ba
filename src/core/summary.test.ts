import { describe, expect, it } from 'vitest';
import { afterEnd, amsterdamEvent, attendance, registrant, view } from '../../test/fixtures/core-fixtures.ts';
import { InvalidInputError } from './errors.ts';
import { dailyOnDemandVisitors, summaryRange, type SummaryRangeChoice } from './summary.ts';

const data = attendance(
  [registrant('A', 'No Show'), registrant('B', 'Registered'), registrant('C', 'Attended'), registrant('D', 'No Show')],
  [
    view('A', '2026-03-21T08:00:00Z', 10),
    view('A', '2026-03-21T18:00:00Z', 5), // same person, same day: one visitor
    view('B', '2026-03-21T09:00:00Z', 20),
    view('C', '2026-03-21T10:00:00Z', 30), // live attendee rewatching: not a no-show visitor
    view('A', '2026-03-23T10:00:00Z', 2),
  ],
  '2026-03-24',
);

describe('dailyOnDemandVisitors', () => {
  it('counts unique no-show visitors per day over the whole window by default', () => {
    const { days, totalVisitors, totalRewatchers } = dailyOnDemandVisitors(amsterdamEvent, data);
    expect(days).toHaveLength(31);
    expect(days[0]).toEqual({ day: '2026-03-20', visitors: 0, rewatchers: 0, minutes: 0 });
    expect(days[1]).toEqual({ day: '2026-03-21', visitors: 2, rewatchers: 1, minutes: 65 });
    expect(days[3]).toEqual({ day: '2026-03-23', visitors: 1, rewatchers: 0, minutes: 2 });
    expect(totalVisitors).toBe(2);
    expect(totalRewatchers).toBe(1);
  });

  it('marks days after reportedThrough as not reported (null), not zero', () => {
    const { days, reportedThrough } = dailyOnDemandVisitors(amsterdamEvent, data);
    expect(reportedThrough).toBe('2026-03-24');
    expect(days[4]).toEqual({ day: '2026-03-24', visitors: 0, rewatchers: 0, minutes: 0 });
    expect(days[5]).toEqual({ day: '2026-03-25', visitors: null, rewatchers: null, minutes: null });
    expect(days.at(-1)).toEqual({ day: '2026-04-19', visitors: null, rewatchers: null, minutes: null });
  });

  it.each([
    ['one day', { from: '2026-03-23', to: '2026-03-23' }, [1], 1],
    ['several days', { from: '2026-03-21', to: '2026-03-23' }, [2, 0, 1], 2],
    ['the last days', { from: '2026-04-18', to: '2026-04-19' }, [null, null], 0],
  ])('limits the series to a chosen range: %s', (_, range, visitors, total) => {
    const result = dailyOnDemandVisitors(amsterdamEvent, data, range);
    expect(result.days.map((day) => day.visitors)).toEqual(visitors);
    expect(result.days[0]?.day).toBe(range.from);
    expect(result.totalVisitors).toBe(total);
  });

  it.each([
    [{ from: '2026-03-19', to: '2026-03-25' }, 'range.from', /outside the on-demand window 2026-03-20 … 2026-04-19/],
    [{ from: '2026-03-21', to: '2026-04-20' }, 'range.to', /outside/],
    [{ from: '2026-03-25', to: '2026-03-21' }, 'range.to', /before range.from/],
    [{ from: '21-03-2026', to: '2026-03-25' }, 'range.from', /YYYY-MM-DD/],
  ])('rejects the range %j naming the field', (range, field, message) => {
    expect(() => dailyOnDemandVisitors(amsterdamEvent, data, range)).toThrow(message);
    expect(() => dailyOnDemandVisitors(amsterdamEvent, data, range)).toThrow(expect.objectContaining({ field }));
    expect(() => dailyOnDemandVisitors(amsterdamEvent, data, range)).toThrow(InvalidInputError);
  });

  it('returns the diagnostics of bad records beside the series', () => {
    const withBad = { ...data, views: [...data.views, view('A', 'bad date', 1)] };
    const { diagnostics, totalVisitors } = dailyOnDemandVisitors(amsterdamEvent, withBad);
    expect(totalVisitors).toBe(2);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['view-invalid-date']);
  });

  it('shows an empty window as zeros up to reportedThrough', () => {
    const { days } = dailyOnDemandVisitors(amsterdamEvent, attendance([registrant('A', 'No Show')], [], '2026-03-21'));
    expect(days.slice(0, 3).map((day) => day.visitors)).toEqual([0, 0, null]);
  });

  it('counts a no-show with views on several days once in the range total', () => {
    const views = [1, 2, 3].map((day) => view('A', afterEnd(day), 1));
    const result = dailyOnDemandVisitors(amsterdamEvent, attendance([registrant('A', 'No Show')], views));
    expect(result.days.reduce((sum, day) => sum + (day.visitors ?? 0), 0)).toBe(3);
    expect(result.totalVisitors).toBe(1);
  });
});

describe('summaryRange', () => {
  const window = { opensAfter: new Date(0), closesAt: new Date(0), firstDay: '2026-03-20', lastDay: '2026-04-19' };
  it.each<[string, SummaryRangeChoice, string, { from: string; to: string }]>([
    ['the whole window', { kind: 'window' }, '2026-03-30', { from: '2026-03-20', to: '2026-04-19' }],
    ['the last 7 days to today', { kind: 'last-days', days: 7 }, '2026-03-30', { from: '2026-03-24', to: '2026-03-30' }],
    ['the last 7 days early in the window', { kind: 'last-days', days: 7 }, '2026-03-22', { from: '2026-03-20', to: '2026-03-22' }],
    ['the last 7 days after closing', { kind: 'last-days', days: 7 }, '2026-05-01', { from: '2026-04-13', to: '2026-04-19' }],
    ['the last 7 days before opening', { kind: 'last-days', days: 7 }, '2026-03-10', { from: '2026-03-20', to: '2026-04-19' }],
    ['one day', { kind: 'day', day: '2026-03-25' }, '2026-03-30', { from: '2026-03-25', to: '2026-03-25' }],
  ])('%s', (_, choice, today, expected) => {
    expect(summaryRange(window, choice, today)).toEqual(expected);
  });

  it('rejects a day outside the window and a bad count', () => {
    expect(() => summaryRange(window, { kind: 'day', day: '2026-04-20' }, '2026-03-30')).toThrow(/outside the on-demand window/);
    expect(() => summaryRange(window, { kind: 'last-days', days: 0 }, '2026-03-30')).toThrow(InvalidInputError);
  });
});
