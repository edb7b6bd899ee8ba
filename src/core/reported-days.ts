import { addDays, type CalendarDay } from './calendar.ts';
import { summaryRange, type DayRange } from './summary.ts';
import type { OnDemandWindow } from './window.ts';

/**
 * The last day of the window whose views are reported on `today`: the earlier of `today` and
 * `reportedThrough`, kept inside the window; `null` while no day of the window is reported.
 *
 * @example lastReportedDay(window, '2026-03-24', '2026-03-25') // '2026-03-24'
 */
export function lastReportedDay(window: OnDemandWindow, reportedThrough: CalendarDay, today: CalendarDay): CalendarDay | null {
  const last = reportedThrough < today ? reportedThrough : today;
  return last < window.firstDay ? null : last > window.lastDay ? window.lastDay : last;
}

/** A reader's choice of days; "one day" without a day means the last reported day. */
export type ReportedRangeChoice = { kind: 'window' } | { kind: 'last-days'; days: number } | { kind: 'day'; day?: CalendarDay };

/**
 * The days a reader's choice stands for, counting reported days only: "last N days" are the
 * last N reported days (the whole window while none is), "one day" defaults to the last
 * reported day (else the window's first). An explicit day outside the window, or N below 1,
 * is an `InvalidInputError`.
 *
 * @example reportedSummaryRange(window, { kind: 'last-days', days: 7 }, '2026-03-30', '2026-03-28') // { from: '2026-03-22', to: '2026-03-28' }
 */
export function reportedSummaryRange(window: OnDemandWindow, choice: ReportedRangeChoice, today: CalendarDay, reportedThrough: CalendarDay): DayRange {
  const last = lastReportedDay(window, reportedThrough, today);
  if (choice.kind === 'day') return summaryRange(window, { kind: 'day', day: choice.day ?? last ?? window.firstDay }, today);
  return summaryRange(window, choice, last ?? addDays(window.firstDay, -1));
}
