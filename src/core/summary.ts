import { A_CALENDAR_DAY, addDays, daysBetween, daysFromTo, isCalendarDay, type CalendarDay } from './calendar.ts';
import { isAttendanceAnalysis, millisecondsToMinutes, sharedAnalysis, type AttendanceAnalysis } from './activity.ts';
import { invalidInput, InvalidInputError } from './errors.ts';
import type { Attendance, Diagnostic, WebinarEvent } from './types.ts';
import { outsideWindow, type OnDemandWindow } from './window.ts';

/** A range of days, both ends included. */
export interface DayRange {
  from: CalendarDay;
  to: CalendarDay;
}

/** One day of the On-Demand Summary. Counts are `null` for days not reported yet (not zero). */
export interface DailyVisitors {
  day: CalendarDay;
  /** Unique no-show registrants (now Attended On-Demand) who watched that day. */
  visitors: number | null;
  /** Unique live attendees who watched the recording again that day. */
  rewatchers: number | null;
  /** On-demand minutes watched that day by everyone. */
  minutes: number | null;
}

export interface DailyOnDemandVisitorsResult {
  days: DailyVisitors[];
  /** Unique no-show visitors over the whole range (a person who watched on 3 days counts once). */
  totalVisitors: number;
  /** Unique rewatching live attendees over the range. */
  totalRewatchers: number;
  reportedThrough: CalendarDay;
  diagnostics: Diagnostic[];
}

/** Checks `range` against the window; no range means the whole window. The range is the caller's: errors are of origin `request`. */
export function checkDayRange(range: DayRange | undefined | null, window: OnDemandWindow): DayRange {
  // null as well: JSON and many callers spell "no range" that way.
  if (range === undefined || range === null) return { from: window.firstDay, to: window.lastDay };
  if (typeof range !== 'object') throw invalidInput('request', 'range', '{ from, to } with days YYYY-MM-DD, or left out for the whole window', range);
  for (const end of ['from', 'to'] as const) {
    const field = `range.${end}`;
    const day = range[end];
    if (!isCalendarDay(day)) throw invalidInput('request', field, A_CALENDAR_DAY, day);
    const outside = outsideWindow(field, day, window);
    if (outside !== undefined) throw new InvalidInputError(field, outside, 'request');
  }
  if (range.from > range.to) throw new InvalidInputError('range.to', `range.to ${range.to} is before range.from ${range.from}.`, 'request');
  return { from: range.from, to: range.to };
}

/** The daily series for a checked range from an analysis. */
export function dailyVisitorsOf(analysis: AttendanceAnalysis, range: DayRange): Omit<DailyOnDemandVisitorsResult, 'diagnostics'> {
  const { activities, statusOf, reportedThrough, window } = analysis;
  const first = daysBetween(window.firstDay, range.from);
  const last = daysBetween(window.firstDay, range.to);
  const visitors = new Int32Array(last - first + 1);
  const rewatchers = new Int32Array(last - first + 1);
  // Whole milliseconds: exact sums, whatever the order (see minutesToMilliseconds).
  const milliseconds = new Float64Array(last - first + 1);
  // 1 = no-show visitor in range, 2 = rewatcher in range: unique people over the range.
  const seen = new Uint8Array(analysis.leadIds.length);
  for (let index = 0; index < activities.count; index++) {
    const day = (activities.day[index] as number) - first;
    if (day < 0 || day > last - first) continue;
    const lead = activities.lead[index] as number;
    milliseconds[day]! += activities.milliseconds[index] as number;
    // Activities are one per (lead, day), so counting them per day counts unique people.
    if (statusOf[lead] === 'attended-on-demand') {
      visitors[day]! += 1;
      seen[lead] = 1;
    } else if (statusOf[lead] === 'attended') {
      rewatchers[day]! += 1;
      seen[lead] = 2;
    }
  }
  const days = daysFromTo(range.from, range.to).map((day, offset): DailyVisitors =>
    day <= reportedThrough
      ? { day, visitors: visitors[offset] as number, rewatchers: rewatchers[offset] as number, minutes: millisecondsToMinutes(milliseconds[offset] as number) }
      : { day, visitors: null, rewatchers: null, minutes: null },
  );
  let totalVisitors = 0;
  let totalRewatchers = 0;
  for (const mark of seen) {
    if (mark === 1) totalVisitors++;
    else if (mark === 2) totalRewatchers++;
  }
  return { days, totalVisitors, totalRewatchers, reportedThrough };
}

/**
 * The On-Demand Summary: per day of the window (or of `range`), the number of unique no-show
 * visitors who watched the recording that day. Days after `reportedThrough` are `null`.
 * Throws `InvalidInputError` for a range outside the window. Takes `event, attendance`
 * (analyzed once per attendance object and shared with the other core functions: do not
 * mutate it afterwards) or an `analyzeAttendance` result.
 *
 * @example
 * dailyOnDemandVisitors(event, attendance, { from: '2026-03-21', to: '2026-03-27' }).days
 * // [{ day: '2026-03-21', visitors: 12, rewatchers: 3, minutes: 410 }, …]
 * @example dailyOnDemandVisitors(analyzeAttendance(event, attendance)).totalVisitors
 */
export function dailyOnDemandVisitors(event: WebinarEvent, attendance: Attendance, range?: DayRange | null): DailyOnDemandVisitorsResult;
export function dailyOnDemandVisitors(analysis: AttendanceAnalysis, range?: DayRange | null): DailyOnDemandVisitorsResult;
export function dailyOnDemandVisitors(first: WebinarEvent | AttendanceAnalysis, second?: Attendance | DayRange | null, third?: DayRange | null): DailyOnDemandVisitorsResult {
  const given = isAttendanceAnalysis(first);
  const analysis = given ? first : sharedAnalysis(first, second as Attendance);
  const range = (given ? second : third) as DayRange | undefined | null;
  return { ...dailyVisitorsOf(analysis, checkDayRange(range, analysis.window)), diagnostics: given ? analysis.diagnostics : analysis.diagnostics.slice() };
}

/** How a reader picks the days of the summary: the whole window, the last N days to date, or one day. */
export type SummaryRangeChoice = { kind: 'window' } | { kind: 'last-days'; days: number } | { kind: 'day'; day: CalendarDay };

/**
 * The day range a choice stands for on a given day. "Last N days" ends today (or on the
 * window's last day once it has closed) and never starts before the window; before the window
 * opens it is the whole window. A day outside the window is an `InvalidInputError`.
 *
 * @example summaryRange(window, { kind: 'last-days', days: 7 }, '2026-03-30') // { from: '2026-03-24', to: '2026-03-30' }
 */
export function summaryRange(window: OnDemandWindow, choice: SummaryRangeChoice, today: CalendarDay): DayRange {
  if (choice.kind === 'day') return checkDayRange({ from: choice.day, to: choice.day }, window);
  if (choice.kind === 'window' || today < window.firstDay) return { from: window.firstDay, to: window.lastDay };
  if (!Number.isInteger(choice.days) || choice.days < 1) {
    throw invalidInput('request', 'choice.days', 'a whole number of days of at least 1', choice.days);
  }
  const to = today > window.lastDay ? window.lastDay : today;
  // Compare before subtracting: a huge N would take the arithmetic out of Date's range.
  const from = choice.days > daysBetween(window.firstDay, to) ? window.firstDay : addDays(to, 1 - choice.days);
  return { from, to };
}
