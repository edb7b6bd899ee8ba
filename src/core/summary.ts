import { daysFromTo, isCalendarDay, type CalendarDay } from './calendar.ts';
import { analyzeAttendance, type AttendanceAnalysis } from './activity.ts';
import { InvalidInputError } from './errors.ts';
import type { Attendance, Diagnostic, WebinarEvent } from './types.ts';
import type { OnDemandWindow } from './window.ts';

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

/** Checks `range` against the window; no range means the whole window. */
export function checkDayRange(range: DayRange | undefined, window: OnDemandWindow): DayRange {
  if (range === undefined) return { from: window.firstDay, to: window.lastDay };
  for (const end of ['from', 'to'] as const) {
    const day = range[end];
    if (!isCalendarDay(day)) {
      throw new InvalidInputError(`range.${end}`, `range.${end} must be a calendar day YYYY-MM-DD, got ${JSON.stringify(day)}.`);
    }
    if (day < window.firstDay || day > window.lastDay) {
      throw new InvalidInputError(`range.${end}`, `range.${end} ${day} is outside the on-demand window ${window.firstDay} … ${window.lastDay}.`);
    }
  }
  if (range.from > range.to) {
    throw new InvalidInputError('range.to', `range.to ${range.to} is before range.from ${range.from}.`);
  }
  return { from: range.from, to: range.to };
}

/** The daily series for a checked range from an analysis. */
export function dailyVisitorsOf(analysis: AttendanceAnalysis, range: DayRange): Omit<DailyOnDemandVisitorsResult, 'diagnostics'> {
  const { statuses, reportedThrough } = analysis;
  const byDay = new Map<CalendarDay, DailyVisitors>();
  const days = daysFromTo(range.from, range.to).map((day) => {
    const reported = day <= reportedThrough;
    const entry: DailyVisitors = { day, visitors: reported ? 0 : null, rewatchers: reported ? 0 : null, minutes: reported ? 0 : null };
    byDay.set(day, entry);
    return entry;
  });
  const visitors = new Set<string>();
  const rewatchers = new Set<string>();
  // Activities are already one per (lead, day), so counting them per day counts unique people.
  for (const activity of analysis.activities) {
    const entry = byDay.get(activity.day);
    if (entry === undefined || entry.minutes === null) continue;
    entry.minutes += activity.minutes;
    const status = statuses.get(activity.leadId);
    if (status === 'attended-on-demand') {
      entry.visitors = (entry.visitors ?? 0) + 1;
      visitors.add(activity.leadId);
    } else if (status === 'attended') {
      entry.rewatchers = (entry.rewatchers ?? 0) + 1;
      rewatchers.add(activity.leadId);
    }
  }
  return { days, totalVisitors: visitors.size, totalRewatchers: rewatchers.size, reportedThrough };
}

/**
 * The On-Demand Summary: per day of the window (or of `range`), the number of unique no-show
 * visitors who watched the recording that day. Days after `reportedThrough` are `null`.
 * Throws `InvalidInputError` for a range outside the window.
 *
 * @example
 * dailyOnDemandVisitors(event, attendance, { from: '2026-03-21', to: '2026-03-27' }).days
 * // [{ day: '2026-03-21', visitors: 12, rewatchers: 3, minutes: 410 }, …]
 */
export function dailyOnDemandVisitors(event: WebinarEvent, attendance: Attendance, range?: DayRange): DailyOnDemandVisitorsResult {
  const analysis = analyzeAttendance(event, attendance);
  return { ...dailyVisitorsOf(analysis, checkDayRange(range, analysis.window)), diagnostics: analysis.diagnostics };
}
