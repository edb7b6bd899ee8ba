import { describe, expect, it } from 'vitest';
import { lastReportedDay, reportedSummaryRange } from './reported-days.ts';
import { onDemandWindow } from './window.ts';
import { amsterdamEvent } from '../../test/fixtures/core-fixtures.ts';

// amsterdamEvent's window: 2026-03-20 … 2026-04-19.
const window = onDemandWindow(amsterdamEvent);

describe('lastReportedDay', () => {
  it.each([
    ['reported through yesterday', '2026-03-24', '2026-03-25', '2026-03-24'],
    ['reported through today', '2026-03-25', '2026-03-25', '2026-03-25'],
    ['reported ahead of a fixed clock', '2026-03-28', '2026-03-25', '2026-03-25'],
    ['after the window closed', '2026-04-30', '2026-05-02', '2026-04-19'],
    ['nothing of the window reported yet', '2026-03-19', '2026-03-20', null],
    ['before the window opens', '2026-03-18', '2026-03-19', null],
  ])('%s', (_, reportedThrough, today, expected) => {
    expect(lastReportedDay(window, reportedThrough, today)).toBe(expected);
  });
});

describe('reportedSummaryRange', () => {
  it('"last N days" are the last N reported days, never before the window', () => {
    expect(reportedSummaryRange(window, { kind: 'last-days', days: 7 }, '2026-03-30', '2026-03-28')).toEqual({ from: '2026-03-22', to: '2026-03-28' });
    expect(reportedSummaryRange(window, { kind: 'last-days', days: 7 }, '2026-03-25', '2026-03-23')).toEqual({ from: '2026-03-20', to: '2026-03-23' });
  });

  it('is the whole window while no day is reported, and for the whole window', () => {
    expect(reportedSummaryRange(window, { kind: 'last-days', days: 7 }, '2026-03-20', '2026-03-19')).toEqual({ from: '2026-03-20', to: '2026-04-19' });
    expect(reportedSummaryRange(window, { kind: 'window' }, '2026-03-25', '2026-03-24')).toEqual({ from: '2026-03-20', to: '2026-04-19' });
  });

  it('"one day" defaults to the last reported day, else the first day of the window', () => {
    expect(reportedSummaryRange(window, { kind: 'day' }, '2026-03-25', '2026-03-24')).toEqual({ from: '2026-03-24', to: '2026-03-24' });
    expect(reportedSummaryRange(window, { kind: 'day' }, '2026-03-19', '2026-03-18')).toEqual({ from: '2026-03-20', to: '2026-03-20' });
    expect(reportedSummaryRange(window, { kind: 'day', day: '2026-04-02' }, '2026-03-25', '2026-03-24')).toEqual({ from: '2026-04-02', to: '2026-04-02' });
  });

  it('refuses a day outside the window', () => {
    expect(() => reportedSummaryRange(window, { kind: 'day', day: '2026-05-01' }, '2026-03-25', '2026-03-24')).toThrow(/outside the on-demand window/);
  });
});
