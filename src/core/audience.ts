/*
 * Evaluating audience criteria, with the host platform's activity-filter semantics: a lead
 * has attended when ONE attendance activity (a live attendance, or one daily on-demand
 * record) satisfies ALL constraints together.
 */
import { isAttendanceAnalysis, millisecondsToMinutes, sharedAnalysis, type AttendanceAnalysis } from './activity.ts';
import { A_CALENDAR_DAY, addDays, createDayInZone, isCalendarDay, isoWeekday, monthOf, type CalendarDay } from './calendar.ts';
import {
  validateCriteria,
  type AttendanceCriteria,
  type SingleDateOperator,
  type SingleMinutesOperator,
  type TimeFrame,
  type WatchDateConstraint,
  type WatchDurationConstraint,
} from './criteria.ts';
import { InvalidCriteriaError, invalidInput } from './errors.ts';
import type { Attendance, WebinarEvent } from './types.ts';
import { checkNow, checkWebinarEvent } from './window.ts';

/** One attendance activity: a live attendance, or one day of on-demand viewing. */
export type AttendanceActivity =
  | { leadId: string; mode: 'live' }
  | { leadId: string; mode: 'on-demand'; day: CalendarDay; minutes: number };

/** `criteria` as validated, or an `InvalidCriteriaError` (origin `request`). */
export function requireValidCriteria(criteria: AttendanceCriteria): AttendanceCriteria {
  const result = validateCriteria(criteria);
  if (!result.valid) throw new InvalidCriteriaError(result.errors);
  return result.criteria;
}

/**
 * Every single-value operator of Watch Date and Watch Duration is one comparison of the
 * activity's value (a day, or minutes) with the constraint's: days compare as text.
 */
const COMPARISONS: Record<SingleDateOperator | SingleMinutesOperator, (value: string | number, limit: string | number) => boolean> = {
  is: (value, limit) => value === limit,
  'is-not': (value, limit) => value !== limit,
  before: (value, limit) => value < limit,
  'less-than': (value, limit) => value < limit,
  after: (value, limit) => value > limit,
  'greater-than': (value, limit) => value > limit,
  'on-or-before': (value, limit) => value <= limit,
  'at-most': (value, limit) => value <= limit,
  'on-or-after': (value, limit) => value >= limit,
  'at-least': (value, limit) => value >= limit,
};

/** The test of a single-value operator against the constraint's `limit`. */
function comparedWith<T extends string | number>(operator: SingleDateOperator | SingleMinutesOperator, limit: T): (value: T) => boolean {
  const compare = COMPARISONS[operator];
  return (value) => compare(value, limit);
}

/** The test of an inclusive span `from` … `to`. */
function within<T extends string | number>(from: T, to: T): (value: T) => boolean {
  return (value) => value >= from && value <= to;
}

const MAX_PAST_DAYS = 3_000_000;

/** The test a Watch Date constraint puts on one day of viewing; "today" is in the event's zone. */
function watchDateTest(constraint: WatchDateConstraint, today: CalendarDay): (day: CalendarDay) => boolean {
  switch (constraint.operator) {
    case 'between': return within(constraint.date, constraint.to);
    // More days than the calendar holds back to year 1000 cannot exclude anything.
    case 'in-past': return within(constraint.days > MAX_PAST_DAYS ? '0000-01-01' : addDays(today, 1 - constraint.days), today);
    case 'in-time-frame': return within(...timeFrameDays(constraint.frame, today));
    default: return comparedWith(constraint.operator, constraint.date);
  }
}

/**
 * First and last day of a named time frame around `today`; weeks start on Monday (ISO 8601).
 *
 * @example timeFrameDays('last-week', '2026-03-25') // ['2026-03-16', '2026-03-22']
 */
export function timeFrameDays(frame: TimeFrame, today: CalendarDay): [CalendarDay, CalendarDay] {
  const monday = addDays(today, 1 - isoWeekday(today));
  switch (frame) {
    case 'today': return [today, today];
    case 'yesterday': return [addDays(today, -1), addDays(today, -1)];
    case 'this-week': return [monday, addDays(monday, 6)];
    case 'last-week': return [addDays(monday, -7), addDays(monday, -1)];
    case 'this-month': return monthOf(today);
    case 'last-month': return monthOf(addDays(monthOf(today)[0], -1));
  }
}

/** The test a Watch Duration constraint puts on the minutes watched on one day. */
function watchDurationTest(constraint: WatchDurationConstraint): (minutes: number) => boolean {
  return constraint.operator === 'between' ? within(constraint.minutes, constraint.to) : comparedWith(constraint.operator, constraint.minutes);
}

/**
 * Valid criteria compiled for one "today": whether a live attendance matches, whether on-demand
 * activity can, and the tests of its day and of its minutes.
 */
interface CompiledCriteria {
  live: boolean;
  onDemand: boolean;
  day: (day: CalendarDay) => boolean;
  minutes: (minutes: number) => boolean;
}

const anything = (): boolean => true;

/** Compiles valid criteria; "today" is `now`'s day in the event's zone. */
function compileCriteria(criteria: AttendanceCriteria, timeZone: string, now: number): CompiledCriteria {
  const { eventMode, watchDate, watchDuration } = criteria;
  return {
    // Watch constraints exist only with eventMode 'on-demand' (validated), so they never apply to live attendance.
    live: eventMode !== 'on-demand',
    onDemand: eventMode !== 'live',
    day: watchDate === undefined ? anything : watchDateTest(watchDate, createDayInZone(timeZone)(now)),
    minutes: watchDuration === undefined ? anything : watchDurationTest(watchDuration),
  };
}

/**
 * Lead ids of the audience the criteria select, sorted ascending. `has-attended` (and
 * `attends-event`, read as "would have fired") are the leads with one activity matching all
 * constraints; `has-not-attended` is the exact complement among the event's registrants.
 * Throws `InvalidCriteriaError` for invalid criteria. Takes `event, attendance` (analyzed once
 * per attendance object and shared with the other core functions: do not mutate it afterwards)
 * or an `analyzeAttendance` result.
 *
 * @example
 * selectAudience(event, attendance, { version: 1, kind: 'has-attended', eventMode: 'on-demand',
 *   watchDuration: { operator: 'at-least', minutes: 10 } }, new Date())  // ['L1', 'L7']
 * @example selectAudience(analyzeAttendance(event, attendance), { version: 1, kind: 'has-not-attended' }, new Date())
 */
export function selectAudience(event: WebinarEvent, attendance: Attendance, criteria: AttendanceCriteria, now: Date): string[];
export function selectAudience(analysis: AttendanceAnalysis, criteria: AttendanceCriteria, now: Date): string[];
export function selectAudience(first: WebinarEvent | AttendanceAnalysis, second: Attendance | AttendanceCriteria, third: AttendanceCriteria | Date, fourth?: Date): string[] {
  const given = isAttendanceAnalysis(first);
  const valid = requireValidCriteria((given ? second : third) as AttendanceCriteria);
  const time = checkNow((given ? third : fourth) as Date);
  return audienceOf(given ? first : sharedAnalysis(first, second as Attendance), valid, time);
}

/** `selectAudience` over an analysis, for criteria already validated. */
export function audienceOf(analysis: AttendanceAnalysis, criteria: AttendanceCriteria, now: number): string[] {
  const matches = compileCriteria(criteria, analysis.event.timeZone, now);
  const { activities, statusOf, leadIds, windowDays } = analysis;
  const attended = new Uint8Array(leadIds.length);
  if (matches.live) {
    for (let lead = 0; lead < leadIds.length; lead++) if (statusOf[lead] === 'attended') attended[lead] = 1;
  }
  if (matches.onDemand) {
    // The date test once per window day, not once per activity.
    const dayMatches = Uint8Array.from(windowDays, (day) => (matches.day(day) ? 1 : 0));
    const minutesMatch = matches.minutes;
    for (let index = 0; index < activities.count; index++) {
      const lead = activities.lead[index] as number;
      if (attended[lead] === 0 && dayMatches[activities.day[index] as number] === 1 && minutesMatch(millisecondsToMinutes(activities.milliseconds[index] as number))) {
        attended[lead] = 1;
      }
    }
  }
  const wanted = criteria.kind === 'has-not-attended' ? 0 : 1;
  // The default sort compares UTF-16 code units, as `<` does on text.
  return leadIds.filter((_, lead) => attended[lead] === wanted).sort();
}

/** The activity is the trigger's argument, handed in by the caller: its problems are of origin `request`. */
function checkActivity(activity: AttendanceActivity): void {
  if (typeof activity !== 'object' || activity === null) throw invalidInput('request', 'activity', 'an object', activity);
  const { leadId, mode, day, minutes } = activity as Partial<Record<string, unknown>>;
  if (typeof leadId !== 'string' || leadId === '') throw invalidInput('request', 'activity.leadId', 'a non-empty string', leadId);
  if (mode === 'live') return;
  if (mode !== 'on-demand') throw invalidInput('request', 'activity.mode', '"live" or "on-demand"', mode);
  if (!isCalendarDay(day)) throw invalidInput('request', 'activity.day', A_CALENDAR_DAY, day);
  if (!(typeof minutes === 'number' && minutes >= 0 && minutes < Number.POSITIVE_INFINITY)) throw invalidInput('request', 'activity.minutes', 'a finite number ≥ 0', minutes);
}

/**
 * The *Attends Event* trigger, evaluated per incoming activity: fires when this one activity
 * satisfies every constraint. Criteria must be of kind `attends-event`.
 *
 * @example
 * attendsEventTriggerFires(event, { leadId: 'L1', mode: 'on-demand', day: '2026-03-22', minutes: 14 },
 *   { version: 1, kind: 'attends-event', eventMode: 'on-demand' }, new Date())  // true
 */
export function attendsEventTriggerFires(event: WebinarEvent, activity: AttendanceActivity, criteria: AttendanceCriteria, now: Date): boolean {
  const valid = requireValidCriteria(criteria);
  if (valid.kind !== 'attends-event') {
    throw invalidInput('request', 'criteria.kind', '"attends-event" for the Attends Event trigger', valid.kind);
  }
  checkActivity(activity);
  const { timeZone } = checkWebinarEvent(event);
  const matches = compileCriteria(valid, timeZone, checkNow(now));
  return activity.mode === 'live' ? matches.live : matches.onDemand && matches.day(activity.day) && matches.minutes(activity.minutes);
}
