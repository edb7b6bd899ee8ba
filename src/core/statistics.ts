import { isAttendanceAnalysis, millisecondsToMinutes, sharedAnalysis, type AttendanceAnalysis } from './activity.ts';
import type { CalendarDay } from './calendar.ts';
import type { Attendance, Diagnostic, WebinarEvent } from './types.ts';
import { checkNow, daysRemainingOf, DEFAULT_CLOSING_THRESHOLD_DAYS, type WindowPhase } from './window.ts';

/** The numbers of the On-Demand Statistics widget. */
export interface OnDemandStatistics {
  daysRemaining: number;
  phase: WindowPhase;
  /** Distinct no-show registrants who watched within the window through `reportedThrough`. */
  totalVisitors: number;
  /** Live attendees who watched the recording again (their status stays Attended). */
  rewatchers: number;
  /** Total on-demand minutes of every visitor (no-shows and rewatchers) ÷ their number; `null` without visitors. */
  averageWatchMinutes: number | null;
  /** Median of the per-visitor total minutes over the same visitors; `null` without visitors. */
  medianWatchMinutes: number | null;
  /** Total on-demand minutes of no-show visitors and of rewatchers. */
  noShowWatchMinutes: number;
  rewatchWatchMinutes: number;
  reportedThrough: CalendarDay;
  diagnostics: Diagnostic[];
}

export interface StatisticsOptions {
  /** Days left at or below which the phase is `closing`; default 5. */
  closingThreshold?: number;
}

function median(sorted: ArrayLike<number>): number | null {
  if (sorted.length === 0) return null;
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Statistics from an analysis. */
export function statisticsOf(analysis: AttendanceAnalysis, now: number, options: StatisticsOptions = {}): OnDemandStatistics {
  const { days, phase } = daysRemainingOf(analysis.event, now, options.closingThreshold ?? DEFAULT_CLOSING_THRESHOLD_DAYS);
  const { activities, statusOf } = analysis;
  // Sums in whole milliseconds (exact in any order); minutes only in the result.
  const millisecondsByLead = new Float64Array(analysis.leadIds.length);
  const watched = new Uint8Array(analysis.leadIds.length);
  for (let index = 0; index < activities.count; index++) {
    const lead = activities.lead[index] as number;
    millisecondsByLead[lead]! += activities.milliseconds[index] as number;
    watched[lead] = 1;
  }
  let totalVisitors = 0;
  let rewatchers = 0;
  let noShowMilliseconds = 0;
  let rewatchMilliseconds = 0;
  const perVisitor: number[] = [];
  for (let lead = 0; lead < watched.length; lead++) {
    if (watched[lead] === 0) continue;
    const milliseconds = millisecondsByLead[lead] as number;
    perVisitor.push(milliseconds);
    // Only registered people have activity; after resolution they are Attended (a rewatch) or Attended On-Demand.
    if (statusOf[lead] === 'attended') {
      rewatchers++;
      rewatchMilliseconds += milliseconds;
    } else {
      totalVisitors++;
      noShowMilliseconds += milliseconds;
    }
  }
  const everyone = perVisitor.length;
  const middle = median(new Float64Array(perVisitor).sort());
  return {
    daysRemaining: days,
    phase,
    totalVisitors,
    rewatchers,
    averageWatchMinutes: everyone === 0 ? null : millisecondsToMinutes(noShowMilliseconds + rewatchMilliseconds) / everyone,
    medianWatchMinutes: middle === null ? null : millisecondsToMinutes(middle),
    noShowWatchMinutes: millisecondsToMinutes(noShowMilliseconds),
    rewatchWatchMinutes: millisecondsToMinutes(rewatchMilliseconds),
    reportedThrough: analysis.reportedThrough,
    diagnostics: analysis.diagnostics,
  };
}

/**
 * The On-Demand Statistics: days remaining and phase, total on-demand (no-show) visitors to
 * date, and the average watch duration over all visitors, no-shows and rewatchers alike.
 * Takes `event, attendance` (analyzed once per attendance object and shared with the other
 * core functions: do not mutate it afterwards) or an `analyzeAttendance` result.
 *
 * @example
 * const stats = onDemandStatistics(event, attendance, new Date());
 * `${stats.daysRemaining} days left, ${stats.totalVisitors} visitors, ${stats.averageWatchMinutes?.toFixed(1)} min`
 * @example onDemandStatistics(analyzeAttendance(event, attendance), new Date())
 */
export function onDemandStatistics(event: WebinarEvent, attendance: Attendance, now: Date, options?: StatisticsOptions): OnDemandStatistics;
export function onDemandStatistics(analysis: AttendanceAnalysis, now: Date, options?: StatisticsOptions): OnDemandStatistics;
export function onDemandStatistics(
  first: WebinarEvent | AttendanceAnalysis,
  second: Attendance | Date,
  third?: Date | StatisticsOptions,
  fourth: StatisticsOptions = {},
): OnDemandStatistics {
  if (isAttendanceAnalysis(first)) return statisticsOf(first, checkNow(second as Date), (third as StatisticsOptions | undefined) ?? {});
  const time = checkNow(third as Date);
  const statistics = statisticsOf(sharedAnalysis(first, second as Attendance), time, fourth);
  return { ...statistics, diagnostics: statistics.diagnostics.slice() };
}
