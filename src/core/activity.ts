/*
 * The one linear pass over attendance data that every other computation stands on:
 * check records, keep the good ones, fold views into daily on-demand activity, resolve statuses.
 */
import { A_CALENDAR_DAY, breakIndexOf, daysBetween, daysFromTo, epochDayOfDay, isCalendarDay, localDayBreaks, parseInstant, type CalendarDay } from './calendar.ts';
import { diagnosticOf, MAX_VIEW_MINUTES } from './diagnostics.ts';
import { invalidInput, isRecord } from './errors.ts';
import { canAttendOnDemand, isRegisteredForEvent, laterStatus, normalizeStatus, type ProgramStatus } from './statuses.ts';
import type { Attendance, Diagnostic, WebinarEvent } from './types.ts';
import { checkWebinarEvent, windowOf, type CheckedEvent, type OnDemandWindow } from './window.ts';

/**
 * Durations are added up in whole milliseconds, never in fractional minutes: integer sums below
 * 2^53 are exact, so a total does not depend on the order of its views (1/60 + 3/60 + 596/60
 * minutes added in floating point give 10 or 10.000000000000002 depending on the order; 1 000 +
 * 3 000 + 596 000 ms is 600 000 in any order). A view's minutes become milliseconds once, rounded
 * to the nearest one; totals become minutes only when they are handed out.
 *
 * @example minutesToMilliseconds(1 / 60) // 1000
 */
export const minutesToMilliseconds = (minutes: number): number => Math.round(minutes * 60_000);

/** Whole milliseconds of watching as minutes, for results. @example millisecondsToMinutes(600_000) // 10 */
export const millisecondsToMinutes = (milliseconds: number): number => milliseconds / 60_000;

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

/**
 * Daily on-demand activity held column-wise: entry `i` is registrant number `lead[i]`
 * (an index into `AttendanceAnalysis.leadIds`) on window day `day[i]` (an index into
 * `windowDays`). Typed arrays keep a million views cheap in time and memory.
 */
export interface ActivityColumns {
  count: number;
  lead: Int32Array;
  day: Uint8Array;
  /** Watch time that day in whole milliseconds (`millisecondsToMinutes` for minutes). */
  milliseconds: Float64Array;
  views: Int32Array;
}

/** Everything derived from one pass over an event's attendance. */
export interface AttendanceAnalysis {
  event: CheckedEvent;
  window: OnDemandWindow;
  reportedThrough: CalendarDay;
  /** Registrants that passed the checks, by lead id. */
  registrants: Map<string, CheckedRegistrant>;
  /** Lead id of each registrant number, in input order. */
  leadIds: string[];
  /** Status of each registrant number after on-demand viewing is taken into account. */
  statusOf: ProgramStatus[];
  /** The calendar days of the window, `firstDay` … `lastDay`. */
  windowDays: CalendarDay[];
  /** Daily on-demand activity inside the window through `reportedThrough`, by registrant then day. */
  activities: ActivityColumns;
  diagnostics: Diagnostic[];
}

/**
 * The lead id a registrant or view record stands for, or `null` when it has none: non-blank text
 * as is, a safe whole number as its text (host platforms number their leads), anything else
 * `null` (a `*-missing-lead-id` diagnostic). A backend that stores records keys them by this.
 *
 * @example readLeadId(1042) // '1042'
 * @example readLeadId('  ') // null
 */
export function readLeadId(value: unknown): string | null {
  if (typeof value === 'string') {
    // Most ids start with a visible ASCII character: no trim (and no new string) needed.
    const first = value.charCodeAt(0);
    return (first > 32 && first < 127) || value.trim() !== '' ? value : null;
  }
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}

function isMinutes(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= MAX_VIEW_MINUTES;
}

/** Throws `InvalidInputError` unless `attendance` has the right structure; records are checked later, one by one. */
export function checkAttendance(attendance: Attendance): void {
  // Attendance is always what a backend supplied: a problem in it is the data's fault.
  if (!isRecord(attendance)) throw invalidInput('data', 'attendance', 'an object with registrants, views and reportedThrough');
  for (const field of ['registrants', 'views'] as const) {
    if (!Array.isArray(attendance[field])) throw invalidInput('data', `attendance.${field}`, 'an array');
  }
  if (!isCalendarDay(attendance.reportedThrough)) throw invalidInput('data', 'attendance.reportedThrough', A_CALENDAR_DAY, attendance.reportedThrough);
}

/** Views that passed every check, column-wise, in input order. */
interface CountedViews {
  count: number;
  lead: Int32Array;
  day: Uint8Array;
  milliseconds: Float64Array;
}

/**
 * Folds counted views into one activity per (registrant, day): a counting sort by registrant
 * (linear), then each registrant's few views summed per day in a small scratch array. Pauses
 * (yields) every `stepSize` views or registrants, like the analysis around it.
 */
function* foldIntoDailyActivity(views: CountedViews, registrantCount: number, dayCount: number, stepSize: number): Generator<void, ActivityColumns, void> {
  // Views pause every 4 steps: these two passes do far less per view than the check did.
  const viewStep = 4 * stepSize;
  const starts = new Int32Array(registrantCount + 1);
  for (let index = 0; index < views.count; index++) {
    starts[(views.lead[index] as number) + 1]! += 1;
    if ((index + 1) % viewStep === 0) yield;
  }
  for (let lead = 0; lead < registrantCount; lead++) starts[lead + 1]! += starts[lead] as number;
  const order = new Int32Array(views.count);
  const next = starts.slice(0, registrantCount);
  for (let index = 0; index < views.count; index++) {
    order[next[views.lead[index] as number]!++] = index;
    if ((index + 1) % viewStep === 0) yield;
  }

  const activities: ActivityColumns = {
    count: 0,
    lead: new Int32Array(views.count),
    day: new Uint8Array(views.count),
    milliseconds: new Float64Array(views.count),
    views: new Int32Array(views.count),
  };
  const dayMilliseconds = new Float64Array(dayCount);
  const dayViews = new Int32Array(dayCount);
  for (let lead = 0; lead < registrantCount; lead++) {
    if ((lead + 1) % stepSize === 0) yield;
    const start = starts[lead] as number;
    const end = starts[lead + 1] as number;
    if (start === end) continue;
    for (let position = start; position < end; position++) {
      const index = order[position] as number;
      const day = views.day[index] as number;
      dayMilliseconds[day]! += views.milliseconds[index] as number;
      dayViews[day]! += 1;
    }
    for (let day = 0; day < dayCount; day++) {
      if (dayViews[day] === 0) continue;
      const at = activities.count++;
      activities.lead[at] = lead;
      activities.day[at] = day;
      activities.milliseconds[at] = dayMilliseconds[day] as number;
      activities.views[at] = dayViews[day] as number;
      dayMilliseconds[day] = 0;
      dayViews[day] = 0;
    }
  }
  return activities;
}

/**
 * Checks an event's attendance and derives daily activity and resolved statuses in one
 * pass over the views. Throws `InvalidInputError` for structurally wrong input; bad records
 * are left out and reported in `diagnostics`.
 *
 * @example const { activities, diagnostics } = analyzeAttendance(event, attendance);
 */
export function analyzeAttendance(event: WebinarEvent, attendance: Attendance): AttendanceAnalysis {
  const steps = analyzeAttendanceInSteps(event, attendance);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * `analyzeAttendance` in resumable steps of at most `stepSize` records, so a caller with a
 * million views can give the browser's main thread back between steps (the data provider
 * does). Pure: it only pauses; the caller decides when to go on.
 *
 * @example
 * const steps = analyzeAttendanceInSteps(event, attendance);
 * let step = steps.next();
 * while (!step.done) { await yieldToTheBrowser(); step = steps.next(); }
 * const analysis = step.value;
 */
export function* analyzeAttendanceInSteps(event: WebinarEvent, attendance: Attendance, stepSize = 5_000): Generator<void, AttendanceAnalysis, void> {
  const checkedEvent = checkWebinarEvent(event);
  checkAttendance(attendance);
  const window = windowOf(checkedEvent);
  const { reportedThrough } = attendance;
  const diagnostics: Diagnostic[] = [];

  const registrants = new Map<string, CheckedRegistrant>();
  const records = attendance.registrants;
  for (let from = 0; from < records.length; from += stepSize) {
    checkRegistrants(records, from, Math.min(records.length, from + stepSize), registrants, diagnostics);
    yield;
  }

  const leadIds: string[] = [];
  const registrantNumbers = new Map<string, number>();
  const statusOf: ProgramStatus[] = [];
  const registered = new Uint8Array(registrants.size);
  for (const [leadId, { status }] of registrants) {
    const lead = leadIds.push(leadId) - 1;
    registrantNumbers.set(leadId, lead);
    statusOf.push(status);
    if (isRegisteredForEvent(status)) registered[lead] = 1;
    if ((lead + 1) % stepSize === 0) yield;
  }
  const windowDays = daysFromTo(window.firstDay, window.lastDay);
  const opensAfter = checkedEvent.endsAt;
  const closesAt = window.closesAt.getTime();
  // A view's day: the window's local midnights, found once, and a binary search over them.
  const breaks = localDayBreaks(checkedEvent.timeZone, opensAfter + 1, closesAt);
  const firstEpochDay = epochDayOfDay(window.firstDay);
  const dayOfBreak = Uint8Array.from(breaks.day, (day) => Math.min(Math.max(day - firstEpochDay, 0), windowDays.length - 1));
  const views = attendance.views;
  const scan: ViewScan = {
    registrantNumbers,
    statusOf,
    registered,
    opensAfter,
    closesAt,
    breakAt: breaks.at,
    dayOfBreak,
    // Past the last window day when everything is reported, −1 when nothing is yet.
    lastReportedDay: reportedThrough < window.firstDay ? -1 : daysBetween(window.firstDay, reportedThrough),
    windowDays,
    reportedThrough,
    diagnostics,
    counted: { count: 0, lead: new Int32Array(views.length), day: new Uint8Array(views.length), milliseconds: new Float64Array(views.length) },
  };
  for (let from = 0; from < views.length; from += stepSize) {
    checkViews(views, from, Math.min(views.length, from + stepSize), scan);
    yield;
  }

  const activities = yield* foldIntoDailyActivity(scan.counted, leadIds.length, windowDays.length, stepSize);
  for (let index = 0; index < activities.count; index++) {
    const lead = activities.lead[index] as number;
    // Registered and No Show become Attended On-Demand: always a step up, never back.
    if (canAttendOnDemand(statusOf[lead] as ProgramStatus)) statusOf[lead] = 'attended-on-demand';
  }
  return { event: checkedEvent, window, reportedThrough, registrants, leadIds, statusOf, windowDays, activities, diagnostics };
}

/** Checks registrants `from` … `to − 1` into `registrants`, reporting bad ones. */
function checkRegistrants(records: readonly unknown[], from: number, to: number, registrants: Map<string, CheckedRegistrant>, diagnostics: Diagnostic[]): void {
  for (let index = from; index < to; index++) {
    const record = records[index];
    if (!isRecord(record)) {
      diagnostics.push(diagnosticOf('registrant-malformed', { index }));
      continue;
    }
    const leadId = readLeadId(record.leadId);
    if (leadId === null) {
      diagnostics.push(diagnosticOf('registrant-missing-lead-id', { index }));
      continue;
    }
    let status: ProgramStatus;
    try {
      status = normalizeStatus(record.status as string);
    } catch {
      diagnostics.push(diagnosticOf('registrant-unknown-status', { index, leadId, value: record.status }));
      continue;
    }
    const registrant: CheckedRegistrant = { leadId, status };
    if (isMinutes(record.liveMinutes)) registrant.liveMinutes = record.liveMinutes;
    else if (record.liveMinutes !== undefined) {
      diagnostics.push(diagnosticOf('registrant-invalid-live-minutes', { index, leadId, value: record.liveMinutes }));
    }
    const earlier = registrants.get(leadId);
    // Keep the furthest status, so which duplicate comes first does not change the result.
    const kept = earlier === undefined || laterStatus(earlier.status, status) !== earlier.status ? registrant : earlier;
    registrants.set(leadId, kept);
    if (earlier !== undefined) diagnostics.push(diagnosticOf('registrant-duplicate', { index, leadId, status: kept.status }));
  }
}

/** What the check of views needs, in one object of fixed shape (the loop stays monomorphic). */
interface ViewScan {
  registrantNumbers: Map<string, number>;
  statusOf: ProgramStatus[];
  /** 1 for a registrant registered for the event (step ≥ 40), whose views count. */
  registered: Uint8Array;
  opensAfter: number;
  closesAt: number;
  /** Local midnights of the window (`DayBreaks.at`) and the window day each starts. */
  breakAt: Float64Array;
  dayOfBreak: Uint8Array;
  lastReportedDay: number;
  windowDays: CalendarDay[];
  reportedThrough: CalendarDay;
  diagnostics: Diagnostic[];
  counted: CountedViews;
}

/**
 * Checks views `from` … `to − 1` and keeps the counted ones. The hot loop of the kit: no
 * closures, no string keys but the lead id's own map lookup, a view's day by binary search.
 */
function checkViews(views: readonly unknown[], from: number, to: number, scan: ViewScan): void {
  const { registrantNumbers, registered, opensAfter, closesAt, breakAt, dayOfBreak, lastReportedDay, diagnostics, counted } = scan;
  for (let index = from; index < to; index++) {
    const view = views[index];
    if (!isRecord(view)) {
      diagnostics.push(diagnosticOf('view-malformed', { index }));
      continue;
    }
    const leadId = readLeadId(view.leadId);
    if (leadId === null) {
      diagnostics.push(diagnosticOf('view-missing-lead-id', { index }));
      continue;
    }
    const viewedAt = parseInstant(view.viewedAt);
    if (viewedAt === null) {
      diagnostics.push(diagnosticOf('view-invalid-date', { index, leadId, value: view.viewedAt }));
      continue;
    }
    const minutes = view.minutes;
    if (!isMinutes(minutes)) {
      diagnostics.push(diagnosticOf('view-invalid-minutes', { index, leadId, value: minutes }));
      continue;
    }
    const lead = registrantNumbers.get(leadId);
    if (lead === undefined) {
      diagnostics.push(diagnosticOf('view-unknown-registrant', { index, leadId }));
      continue;
    }
    if (registered[lead] === 0) {
      diagnostics.push(diagnosticOf('view-ineligible-status', { index, leadId, status: scan.statusOf[lead] as ProgramStatus }));
      continue;
    }
    if (viewedAt <= opensAfter || viewedAt > closesAt) {
      diagnostics.push(diagnosticOf('view-outside-window', { index, leadId, viewedAt }));
      continue;
    }
    const day = dayOfBreak[breakIndexOf(breakAt, viewedAt)] as number;
    if (day > lastReportedDay) {
      diagnostics.push(diagnosticOf('view-not-yet-reported', { index, leadId, day: scan.windowDays[day] as CalendarDay, reportedThrough: scan.reportedThrough }));
      continue;
    }
    const at = counted.count++;
    counted.lead[at] = lead;
    counted.day[at] = day;
    counted.milliseconds[at] = minutesToMilliseconds(minutes);
  }
}

/** What an analysis was made from: the attendance's parts and the event's fields, compared one by one. */
const partsOf = (event: WebinarEvent, attendance: Attendance): unknown[] => {
  const { registrants, views } = attendance;
  return [registrants, views, registrants?.length, views?.length, attendance.reportedThrough, event.endsAt, event.startsAt, event.timeZone, event.id, event.name];
};

/** The last analysis of each attendance object, for as long as the caller keeps that object. */
const remembered = new WeakMap<object, [parts: unknown[], analysis: AttendanceAnalysis]>();

/**
 * The analysis `onDemandStatistics`, `dailyOnDemandVisitors`, `selectAudience` and the other
 * `(event, attendance)` functions share: an attendance object is analyzed once, and asked again
 * with an event of the same fields, the same analysis answers (a WeakMap keyed on the
 * attendance object: it goes when the caller drops the attendance). **Do not mutate an
 * attendance object, its arrays or its records after passing it to core**: give a changed
 * attendance as a new object. (Replacing `registrants`, `views` or `reportedThrough`, or
 * adding or removing records, is noticed; changing a record in place is not.) Callers never
 * receive this analysis itself, only answers derived from it.
 */
export function sharedAnalysis(event: WebinarEvent, attendance: Attendance): AttendanceAnalysis {
  const key = isRecord(attendance) && isRecord(event) ? attendance : undefined;
  const hit = key && remembered.get(key);
  if (hit) {
    const parts = partsOf(event, attendance);
    if (hit[0].every((part, index) => part === parts[index])) return hit[1];
  }
  const analysis = analyzeAttendance(event, attendance);
  if (key) remembered.set(key, [partsOf(event, attendance), analysis]);
  return analysis;
}

/**
 * True for the result of `analyzeAttendance` (the public functions take one in place of
 * `event, attendance`); an event or attendance never has these fields.
 */
export function isAttendanceAnalysis(value: unknown): value is AttendanceAnalysis {
  return isRecord(value) && isRecord(value.activities) && Array.isArray(value.leadIds) && Array.isArray(value.windowDays);
}

/** Activity `index` of an analysis as a plain record. */
export function activityAt(analysis: AttendanceAnalysis, index: number): DailyOnDemandActivity {
  const { activities } = analysis;
  return {
    leadId: analysis.leadIds[activities.lead[index] as number] as string,
    day: analysis.windowDays[activities.day[index] as number] as CalendarDay,
    minutes: millisecondsToMinutes(activities.milliseconds[index] as number),
    views: activities.views[index] as number,
  };
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
  const analysis = sharedAnalysis(event, attendance);
  const activities = Array.from({ length: analysis.activities.count }, (_, index) => activityAt(analysis, index));
  // Each registrant's activities are in day order already, and the sort is stable.
  activities.sort((a, b) => (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0));
  return { activities, diagnostics: analysis.diagnostics.slice() };
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
  const { leadIds, statusOf, diagnostics } = sharedAnalysis(event, attendance);
  return { statuses: new Map(leadIds.map((leadId, number) => [leadId, statusOf[number] as ProgramStatus])), diagnostics: diagnostics.slice() };
}
