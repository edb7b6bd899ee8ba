/*
 * Evaluating audience criteria, with the host platform's activity-filter semantics: a lead
 * has attended when ONE attendance activity (a live attendance, or one daily on-demand
 * record) satisfies ALL constraints together.
 */
import { analyzeAttendance, type AttendanceAnalysis } from './activity.ts';
import { addDays, createDayInZone, isCalendarDay, isoWeekday, monthOf, type CalendarDay } from './calendar.ts';
import { validateCriteria, type AttendanceCriteria, type WatchDateConstraint, type WatchDurationConstraint } from './criteria.ts';
import { describeValue, InvalidCriteriaError, InvalidInputError } from './errors.ts';
import type { Attendance, WebinarEvent } from './types.ts';
import { checkEvent, checkNow } from './window.ts';

/** One attendance activity: a live attendance, or one day of on-demand viewing. */
export type AttendanceActivity =
  | { leadId: string; mode: 'live' }
  | { leadId: string; mode: 'on-demand'; day: CalendarDay; minutes: number };

function requireValidCriteria(criteria: AttendanceCriteria): AttendanceCriteria {
  const result = validateCriteria(criteria);
  if (!result.valid) throw new InvalidCriteriaError(result.errors);
  return result.criteria;
}

const MAX_PAST_DAYS = 3_000_000;

/** The inclusive day span a Watch Date constraint accepts, or the one day it excludes. */
function watchDateTest(constraint: WatchDateConstraint, today: CalendarDay): (day: CalendarDay) => boolean {
  switch (constraint.operator) {
    case 'is': return (day) => day === constraint.date;
    case 'is-not': return (day) => day !== constraint.date;
    case 'before': return (day) => day < constraint.date;
    case 'after': return (day) => day > constraint.date;
    case 'on-or-before': return (day) => day <= constraint.date;
    case 'on-or-after': return (day) => day >= constraint.date;
    case 'between': return (day) => day >= constraint.date && day <= constraint.to;
    case 'in-past': {
      // More days than the calendar holds back to year 1000 cannot exclude anything.
      const from = constraint.days > MAX_PAST_DAYS ? '0000-01-01' : addDays(today, -(constraint.days - 1));
      return (day) => day >= from && day <= today;
    }
    case 'in-time-frame': {
      const [from, to] = timeFrameDays(constraint.frame, today);
      return (day) => day >= from && day <= to;
    }
  }
}

function timeFrameDays(frame: Extract<WatchDateConstraint, { operator: 'in-time-frame' }>['frame'], today: CalendarDay): [CalendarDay, CalendarDay] {
  const monday = addDays(today, 1 - isoWeekday(today));
  switch (frame) {
    case 'today': return [today, today];
    case 'yesterday': return [addDays(today, -1), addDays(today, -1)];
    case 'this-week': return [monday, addDays(monday, 6)];
    case 'last-week': return [addDays(monday, -7), addDays(monday, -1)];
    case 'this-month': {
      const { first, last } = monthOf(today);
      return [first, last];
    }
    case 'last-month': {
      const { first, last } = monthOf(addDays(monthOf(today).first, -1));
      return [first, last];
    }
  }
}

function watchDurationTest(constraint: WatchDurationConstraint): (minutes: number) => boolean {
  const { minutes: limit } = constraint;
  switch (constraint.operator) {
    case 'is': return (minutes) => minutes === limit;
    case 'is-not': return (minutes) => minutes !== limit;
    case 'greater-than': return (minutes) => minutes > limit;
    case 'less-than': return (minutes) => minutes < limit;
    case 'at-least': return (minutes) => minutes >= limit;
    case 'at-most': return (minutes) => minutes <= limit;
    case 'between': return (minutes) => minutes >= limit && minutes <= constraint.to;
  }
}

/** Valid criteria compiled for one "today": whether a live attendance matches, and a test of one day of on-demand viewing. */
interface CompiledCriteria {
  live: boolean;
  onDemand: (day: CalendarDay, minutes: number) => boolean;
}

/** Compiles valid criteria; "today" is `now`'s day in the event's zone. */
function compileCriteria(criteria: AttendanceCriteria, timeZone: string, now: number): CompiledCriteria {
  const today = createDayInZone(timeZone)(now);
  const { eventMode } = criteria;
  const dateTest = criteria.watchDate === undefined ? undefined : watchDateTest(criteria.watchDate, today);
  const durationTest = criteria.watchDuration === undefined ? undefined : watchDurationTest(criteria.watchDuration);
  return {
    // Watch constraints exist only with eventMode 'on-demand' (validated), so they never apply to live attendance.
    live: eventMode !== 'on-demand',
    onDemand: (day, minutes) =>
      eventMode !== 'live' && (dateTest === undefined || dateTest(day)) && (durationTest === undefined || durationTest(minutes)),
  };
}

/**
 * Lead ids of the audience the criteria select, sorted ascending. `has-attended` (and
 * `attends-event`, read as "would have fired") are the leads with one activity matching all
 * constraints; `has-not-attended` is the exact complement among the event's registrants.
 * Throws `InvalidCriteriaError` for invalid criteria.
 *
 * @example
 * selectAudience(event, attendance, { version: 1, kind: 'has-attended', eventMode: 'on-demand',
 *   watchDuration: { operator: 'at-least', minutes: 10 } }, new Date())  // ['L1', 'L7']
 */
export function selectAudience(event: WebinarEvent, attendance: Attendance, criteria: AttendanceCriteria, now: Date): string[] {
  const valid = requireValidCriteria(criteria);
  const time = checkNow(now);
  return audienceOf(analyzeAttendance(event, attendance), valid, time);
}

/** `selectAudience` over an analysis, for criteria already validated. */
export function audienceOf(analysis: AttendanceAnalysis, criteria: AttendanceCriteria, now: number): string[] {
  const matches = compileCriteria(criteria, analysis.event.timeZone, now);
  const { activities, statusOf, leadIds, windowDays } = analysis;
  const attended = new Uint8Array(leadIds.length);
  if (matches.live) {
    for (let lead = 0; lead < leadIds.length; lead++) if (statusOf[lead] === 'attended') attended[lead] = 1;
  }
  for (let index = 0; index < activities.count; index++) {
    const lead = activities.lead[index] as number;
    if (attended[lead] === 0 && matches.onDemand(windowDays[activities.day[index] as number] as CalendarDay, activities.minutes[index] as number)) {
      attended[lead] = 1;
    }
  }
  const wanted = criteria.kind === 'has-not-attended' ? 0 : 1;
  const audience = leadIds.filter((_, lead) => attended[lead] === wanted);
  return audience.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function checkActivity(activity: AttendanceActivity): void {
  if (typeof activity !== 'object' || activity === null) throw new InvalidInputError('activity', 'activity must be an object.');
  if (typeof activity.leadId !== 'string' || activity.leadId === '') throw new InvalidInputError('activity.leadId', 'activity.leadId must be a non-empty string.');
  if (activity.mode === 'live') return;
  if (activity.mode !== 'on-demand') throw new InvalidInputError('activity.mode', 'activity.mode must be "live" or "on-demand".');
  if (!isCalendarDay(activity.day)) throw new InvalidInputError('activity.day', `activity.day must be a calendar day YYYY-MM-DD, got ${describeValue(activity.day)}.`);
  if (typeof activity.minutes !== 'number' || !Number.isFinite(activity.minutes) || activity.minutes < 0) {
    throw new InvalidInputError('activity.minutes', `activity.minutes must be a finite number ≥ 0, got ${describeValue(activity.minutes)}.`);
  }
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
    throw new InvalidInputError('criteria.kind', `The Attends Event trigger needs criteria of kind "attends-event", got "${valid.kind}".`);
  }
  checkActivity(activity);
  const { timeZone } = checkEvent(event);
  const matches = compileCriteria(valid, timeZone, checkNow(now));
  return activity.mode === 'live' ? matches.live : matches.onDemand(activity.day, activity.minutes);
}
