/*
 * The one linear pass over attendance data that every other computation stands on:
 * check records, keep the good ones, fold views into daily on-demand activity, resolve statuses.
 */
import { createDayInZone, isCalendarDay, parseInstant, type CalendarDay } from './calendar.ts';
import { InvalidInputError } from './errors.ts';
import { canAttendOnDemand, isRegisteredForEvent, laterStatus, normalizeStatus, PROGRAM_STATUS_STEPS, type ProgramStatus } from './statuses.ts';
import type { Attendance, Diagnostic, WebinarEvent } from './types.ts';
import { checkEvent, windowOf, type CheckedEvent, type OnDemandWindow } from './window.ts';

/** One registrant's on-demand viewing on one day (event zone), as the platform reports it daily. */
export interface DailyOnDemandActivity {
  leadId: string;
  day: CalendarDay;
  /** Total watch minutes that day. */
  minutes: number;
  /** Number of visits that day. */
  views: number;
}

/** A registrant that passed the checks, status normalized (as given, before resolution). */
export interface CheckedRegistrant {
  leadId: string;
  status: ProgramStatus;
  liveMinutes?: number;
}

/** Everything derived from one pass over an event's attendance. */
export interface AttendanceAnalysis {
  event: CheckedEvent;
  window: OnDemandWindow;
  reportedThrough: CalendarDay;
  /** Registrants that passed the checks, by lead id. */
  registrants: Map<string, CheckedRegistrant>;
  /** Daily on-demand activity inside the window through `reportedThrough`, in no particular order. */
  activities: DailyOnDemandActivity[];
  /** Status of every registrant after on-demand viewing is taken into account. */
  statuses: Map<string, ProgramStatus>;
  diagnostics: Diagnostic[];
}

function readLeadId(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  // Host platforms number their leads; accept whole numbers and key them as text.
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMinutes(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Throws `InvalidInputError` unless `attendance` has the right structure; records are checked later, one by one. */
export function checkAttendance(attendance: Attendance): void {
  if (!isRecord(attendance)) {
    throw new InvalidInputError('attendance', 'attendance must be an object with registrants, views and reportedThrough.');
  }
  if (!Array.isArray(attendance.registrants)) {
    throw new InvalidInputError('attendance.registrants', 'attendance.registrants must be an array.');
  }
  if (!Array.isArray(attendance.views)) {
    throw new InvalidInputError('attendance.views', 'attendance.views must be an array.');
  }
  if (!isCalendarDay(attendance.reportedThrough)) {
    throw new InvalidInputError(
      'attendance.reportedThrough',
      `attendance.reportedThrough must be a calendar day YYYY-MM-DD, got ${JSON.stringify(attendance.reportedThrough)}.`,
    );
  }
}

function checkRegistrants(records: readonly unknown[], diagnostics: Diagnostic[]): Map<string, CheckedRegistrant> {
  const registrants = new Map<string, CheckedRegistrant>();
  records.forEach((record, index) => {
    if (!isRecord(record)) {
      diagnostics.push({ code: 'registrant-malformed', message: `Registrant ${index} is not an object; left out.`, index });
      return;
    }
    const leadId = readLeadId(record.leadId);
    if (leadId === null) {
      diagnostics.push({ code: 'registrant-missing-lead-id', message: `Registrant ${index} has no lead id; left out.`, index });
      return;
    }
    let status: ProgramStatus;
    try {
      status = normalizeStatus(record.status as string);
    } catch (error) {
      diagnostics.push({ code: 'registrant-unknown-status', message: `Registrant ${leadId}: ${(error as Error).message} Left out.`, index, leadId });
      return;
    }
    const registrant: CheckedRegistrant = { leadId, status };
    if (record.liveMinutes !== undefined) {
      if (isMinutes(record.liveMinutes)) registrant.liveMinutes = record.liveMinutes;
      else {
        diagnostics.push({
          code: 'registrant-invalid-live-minutes',
          message: `Registrant ${leadId} has invalid liveMinutes ${JSON.stringify(record.liveMinutes)}; live minutes ignored.`,
          index,
          leadId,
        });
      }
    }
    const earlier = registrants.get(leadId);
    if (earlier !== undefined) {
      // Keep the furthest status, so which duplicate comes first does not change the result.
      const kept = PROGRAM_STATUS_STEPS[registrant.status] > PROGRAM_STATUS_STEPS[earlier.status] ? registrant : earlier;
      registrants.set(leadId, kept);
      diagnostics.push({ code: 'registrant-duplicate', message: `Lead ${leadId} is listed more than once; one entry kept (status ${kept.status}).`, index, leadId });
      return;
    }
    registrants.set(leadId, registrant);
  });
  return registrants;
}

/**
 * Checks an event's attendance and derives daily activity and resolved statuses in one
 * pass over the views. Throws `InvalidInputError` for structurally wrong input; bad records
 * are left out and reported in `diagnostics`.
 */
export function analyzeAttendance(event: WebinarEvent, attendance: Attendance): AttendanceAnalysis {
  const checkedEvent = checkEvent(event);
  checkAttendance(attendance);
  const window = windowOf(checkedEvent);
  const { reportedThrough } = attendance;
  const diagnostics: Diagnostic[] = [];
  const registrants = checkRegistrants(attendance.registrants, diagnostics);

  const opensAfter = checkedEvent.endsAt;
  const closesAt = window.closesAt.getTime();
  const dayInZone = createDayInZone(checkedEvent.timeZone);
  // Numeric keys (registrant number × 64 + day of the window) keep the hot loop free of
  // string building; the window spans at most 32 calendar days.
  const registrantNumbers = new Map<string, number>();
  for (const leadId of registrants.keys()) registrantNumbers.set(leadId, registrantNumbers.size);
  const dayNumbers = new Map<CalendarDay, number>();
  const activityByKey = new Map<number, DailyOnDemandActivity>();
  const views: readonly unknown[] = attendance.views;

  for (let index = 0; index < views.length; index++) {
    const view = views[index];
    if (!isRecord(view)) {
      diagnostics.push({ code: 'view-malformed', message: `View ${index} is not an object; left out.`, index });
      continue;
    }
    const leadId = readLeadId(view.leadId);
    if (leadId === null) {
      diagnostics.push({ code: 'view-missing-lead-id', message: `View ${index} has no lead id; left out.`, index });
      continue;
    }
    const viewedAt = parseInstant(view.viewedAt);
    if (viewedAt === null) {
      diagnostics.push({
        code: 'view-invalid-date',
        message: `View ${index} of lead ${leadId} has viewedAt ${JSON.stringify(view.viewedAt)}, not an ISO-8601 instant with an offset; left out.`,
        index,
        leadId,
      });
      continue;
    }
    if (!isMinutes(view.minutes)) {
      diagnostics.push({
        code: 'view-invalid-minutes',
        message: `View ${index} of lead ${leadId} has minutes ${JSON.stringify(view.minutes)}, not a finite number ≥ 0; left out.`,
        index,
        leadId,
      });
      continue;
    }
    const registrant = registrants.get(leadId);
    if (registrant === undefined) {
      diagnostics.push({ code: 'view-unknown-registrant', message: `View ${index}: lead ${leadId} is not a registrant of this event; ignored.`, index, leadId });
      continue;
    }
    if (!isRegisteredForEvent(registrant.status)) {
      diagnostics.push({
        code: 'view-ineligible-status',
        message: `View ${index}: lead ${leadId} has status ${registrant.status}, which on-demand viewing does not change; ignored.`,
        index,
        leadId,
      });
      continue;
    }
    if (viewedAt <= opensAfter || viewedAt > closesAt) {
      diagnostics.push({
        code: 'view-outside-window',
        message: `View ${index} of lead ${leadId} at ${new Date(viewedAt).toISOString()} is outside the on-demand window; not counted.`,
        index,
        leadId,
      });
      continue;
    }
    const day = dayInZone(viewedAt);
    if (day > reportedThrough) {
      diagnostics.push({
        code: 'view-not-yet-reported',
        message: `View ${index} of lead ${leadId} on ${day} is after reportedThrough ${reportedThrough}; not counted yet.`,
        index,
        leadId,
      });
      continue;
    }
    let dayNumber = dayNumbers.get(day);
    if (dayNumber === undefined) {
      dayNumber = dayNumbers.size;
      dayNumbers.set(day, dayNumber);
    }
    const key = (registrantNumbers.get(leadId) as number) * 64 + dayNumber;
    const activity = activityByKey.get(key);
    if (activity === undefined) activityByKey.set(key, { leadId, day, minutes: view.minutes, views: 1 });
    else {
      activity.minutes += view.minutes;
      activity.views += 1;
    }
  }

  const statuses = new Map<string, ProgramStatus>();
  for (const [leadId, registrant] of registrants) statuses.set(leadId, registrant.status);
  const activities = [...activityByKey.values()];
  for (const activity of activities) {
    const status = statuses.get(activity.leadId) as ProgramStatus;
    if (canAttendOnDemand(status)) statuses.set(activity.leadId, laterStatus(status, 'attended-on-demand'));
  }
  return { event: checkedEvent, window, reportedThrough, registrants, activities, statuses, diagnostics };
}

function byLeadThenDay(a: DailyOnDemandActivity, b: DailyOnDemandActivity): number {
  if (a.leadId !== b.leadId) return a.leadId < b.leadId ? -1 : 1;
  return a.day < b.day ? -1 : a.day > b.day ? 1 : 0;
}

/**
 * Daily on-demand activity: one record per (registrant, day) with minutes and visits, for
 * everyone who watched inside the window through `reportedThrough` — no-shows and live
 * attendees who rewatched alike. Sorted by lead id, then day.
 *
 * @example
 * dailyOnDemandActivity(event, attendance).activities
 * // [{ leadId: 'L1', day: '2026-03-21', minutes: 42, views: 2 }, …]
 */
export function dailyOnDemandActivity(
  event: WebinarEvent,
  attendance: Attendance,
): { activities: DailyOnDemandActivity[]; diagnostics: Diagnostic[] } {
  const { activities, diagnostics } = analyzeAttendance(event, attendance);
  return { activities: activities.sort(byLeadThenDay), diagnostics };
}

/**
 * Program status of every registrant after on-demand viewing: No Show or Registered with a
 * view inside the window becomes Attended On-Demand; Attended stays Attended (a rewatch);
 * a status never moves backwards.
 *
 * @example resolveStatuses(event, attendance).statuses.get('L1') // 'attended-on-demand'
 */
export function resolveStatuses(
  event: WebinarEvent,
  attendance: Attendance,
): { statuses: Map<string, ProgramStatus>; diagnostics: Diagnostic[] } {
  const { statuses, diagnostics } = analyzeAttendance(event, attendance);
  return { statuses, diagnostics };
}
