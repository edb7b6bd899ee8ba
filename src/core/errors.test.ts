/*
 * Who is at fault: every public core function that checks its input, one wrong input each,
 * and the `origin` + `field` of the error it throws. `data` is what a backend supplies (the
 * event, its attendance); `request` is the caller's own parameters. Adapters and the data layer
 * decide on `origin` alone, so a row here changing is a change of the public contract.
 */
import { describe, expect, it } from 'vitest';
import { amsterdamEvent, attendance, registrant, view } from '../../test/fixtures/core-fixtures.ts';
import {
  analyzeAttendance,
  analyzeAttendanceInSteps,
  attendsEventTriggerFires,
  calendarDayOf,
  checkDayRange,
  checkWebinarEvent,
  dailyOnDemandActivity,
  dailyOnDemandVisitors,
  daysRemaining,
  InvalidCriteriaError,
  InvalidInputError,
  nextClockChange,
  normalizeStatus,
  onDemandStatistics,
  onDemandWindow,
  resolveStatuses,
  selectAudience,
  statisticsOf,
  summaryRange,
  validateCriteria,
  type AttendanceActivity,
  type AttendanceCriteria,
  type InputOrigin,
  type WebinarEvent,
} from './index.ts';

const data = attendance([registrant('A', 'No Show')], [view('A', '2026-03-21T10:00:00Z', 12)], '2026-03-25');
const now = new Date('2026-03-26T09:00:00Z');
const criteria: AttendanceCriteria = { version: 1, kind: 'has-attended' };
const trigger: AttendanceCriteria = { version: 1, kind: 'attends-event' };
const window = onDemandWindow(amsterdamEvent);
const badEvent = { ...amsterdamEvent, endsAt: 'soon' } as WebinarEvent;
const badZone = { ...amsterdamEvent, timeZone: 'Mars/Olympus_Mons' } as WebinarEvent;
const live: AttendanceActivity = { leadId: 'A', mode: 'live' };
const never = (): never => {
  throw new Error('not reached');
};

const CASES: [call: string, origin: InputOrigin, field: string, run: () => unknown][] = [
  // The event and its attendance: the data's fault.
  ['checkWebinarEvent(event without a valid endsAt)', 'data', 'event.endsAt', () => checkWebinarEvent(badEvent)],
  ['checkWebinarEvent(event that is not an object)', 'data', 'event', () => checkWebinarEvent(null as never)],
  ['checkWebinarEvent(event starting after it ends)', 'data', 'event.startsAt', () => checkWebinarEvent({ ...amsterdamEvent, startsAt: '2026-03-21T00:00:00Z' })],
  ['onDemandWindow(event in an unknown zone)', 'data', 'event.timeZone', () => onDemandWindow(badZone)],
  ['onDemandWindow(event with a blank zone)', 'data', 'event.timeZone', () => onDemandWindow({ ...amsterdamEvent, timeZone: ' ' })],
  ['daysRemaining(bad event)', 'data', 'event.endsAt', () => daysRemaining(badEvent, now)],
  ['nextClockChange(bad event)', 'data', 'event.timeZone', () => nextClockChange(badZone, now)],
  ['analyzeAttendance(attendance that is not an object)', 'data', 'attendance', () => analyzeAttendance(amsterdamEvent, 'none' as never)],
  ['analyzeAttendanceInSteps(views not an array)', 'data', 'attendance.views', () => analyzeAttendanceInSteps(amsterdamEvent, { ...data, views: {} as never }).next()],
  ['dailyOnDemandActivity(bad reportedThrough)', 'data', 'attendance.reportedThrough', () => dailyOnDemandActivity(amsterdamEvent, { ...data, reportedThrough: '2026-02-30' })],
  ['resolveStatuses(registrants not an array)', 'data', 'attendance.registrants', () => resolveStatuses(amsterdamEvent, { ...data, registrants: null as never })],
  ['dailyOnDemandVisitors(bad event)', 'data', 'event.endsAt', () => dailyOnDemandVisitors(badEvent, data)],
  ['onDemandStatistics(bad attendance)', 'data', 'attendance', () => onDemandStatistics(amsterdamEvent, [] as never, now)],
  ['selectAudience(bad event)', 'data', 'event.timeZone', () => selectAudience(badZone, data, criteria, now)],
  ['attendsEventTriggerFires(bad event)', 'data', 'event.endsAt', () => attendsEventTriggerFires(badEvent, live, trigger, now)],
  ['validateCriteria(…, { event: bad event })', 'data', 'event.endsAt', () => validateCriteria(criteria, { event: badEvent })],
  ['normalizeStatus(unknown status text)', 'data', 'status', () => normalizeStatus('Watched')],
  // The caller's parameters: the request's fault.
  ['calendarDayOf(unknown zone)', 'request', 'timeZone', () => calendarDayOf(now, 'Mars/Olympus_Mons')],
  ['calendarDayOf(invalid Date)', 'request', 'instant', () => calendarDayOf(new Date(Number.NaN), 'Europe/Amsterdam')],
  ['calendarDayOf(text instead of a Date)', 'request', 'instant', () => calendarDayOf('2026-03-26T09:00:00Z' as never, 'Europe/Amsterdam')],
  ['daysRemaining(invalid now)', 'request', 'now', () => daysRemaining(amsterdamEvent, new Date(Number.NaN))],
  ['daysRemaining(threshold 31)', 'request', 'closingThreshold', () => daysRemaining(amsterdamEvent, now, 31)],
  ['nextClockChange(now in year 10000)', 'request', 'now', () => nextClockChange(amsterdamEvent, new Date(Date.UTC(10_000, 0, 1)))],
  ['onDemandStatistics(now that is not a Date)', 'request', 'now', () => onDemandStatistics(amsterdamEvent, data, '2026-03-26' as never)],
  // Found by a soak of the hostile-input properties: values String() cannot convert were a TypeError.
  ['onDemandStatistics(now { toString: "" })', 'request', 'now', () => onDemandStatistics(amsterdamEvent, data, { toString: '' } as never)],
  ['daysRemaining(now without a prototype)', 'request', 'now', () => daysRemaining(amsterdamEvent, Object.create(null) as never)],
  ['daysRemaining(now a Date in name only)', 'request', 'now', () => daysRemaining(amsterdamEvent, Object.create(Date.prototype) as never)],
  ['onDemandStatistics(threshold −1)', 'request', 'closingThreshold', () => onDemandStatistics(amsterdamEvent, data, now, { closingThreshold: -1 })],
  ['statisticsOf(threshold 2.5)', 'request', 'closingThreshold', () => statisticsOf(analyzeAttendance(amsterdamEvent, data), now.getTime(), { closingThreshold: 2.5 })],
  ['dailyOnDemandVisitors(range outside the window)', 'request', 'range.from', () => dailyOnDemandVisitors(amsterdamEvent, data, { from: '2026-05-01', to: '2026-05-02' })],
  ['dailyOnDemandVisitors(range backwards)', 'request', 'range.to', () => dailyOnDemandVisitors(amsterdamEvent, data, { from: '2026-03-25', to: '2026-03-22' })],
  ['checkDayRange(range that is not an object)', 'request', 'range', () => checkDayRange('all' as never, window)],
  ['checkDayRange(not a day)', 'request', 'range.to', () => checkDayRange({ from: '2026-03-21', to: 'soon' }, window)],
  ['summaryRange(last 0 days)', 'request', 'choice.days', () => summaryRange(window, { kind: 'last-days', days: 0 }, '2026-03-30')],
  ['summaryRange(a day outside the window)', 'request', 'range.from', () => summaryRange(window, { kind: 'day', day: '2026-01-01' }, '2026-03-30')],
  ['selectAudience(invalid criteria)', 'request', 'criteria.version', () => selectAudience(amsterdamEvent, data, { version: 2 } as never, now)],
  ['selectAudience(invalid now)', 'request', 'now', () => selectAudience(amsterdamEvent, data, criteria, new Date('soon'))],
  ['attendsEventTriggerFires(criteria of another kind)', 'request', 'criteria.kind', () => attendsEventTriggerFires(amsterdamEvent, live, criteria, now)],
  ['attendsEventTriggerFires(criteria not an object)', 'request', 'criteria', () => attendsEventTriggerFires(amsterdamEvent, live, null as never, now)],
  [
    'attendsEventTriggerFires(activity with negative minutes)',
    'request',
    'activity.minutes',
    () => attendsEventTriggerFires(amsterdamEvent, { leadId: 'A', mode: 'on-demand', day: '2026-03-22', minutes: -1 }, trigger, now),
  ],
  ['attendsEventTriggerFires(invalid now)', 'request', 'now', () => attendsEventTriggerFires(amsterdamEvent, live, trigger, new Date(Number.NaN))],
];

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return never();
}

describe('InvalidInputError.origin', () => {
  it.each(CASES)('%s → %s %s', (_, origin, field, run) => {
    const error = thrown(run);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ origin, field });
  });

  it('is "request" for every InvalidCriteriaError', () => {
    const validation = validateCriteria({ version: 1, kind: 'attended' });
    expect(validation.valid).toBe(false);
    expect(new InvalidCriteriaError(validation.valid ? [] : validation.errors).origin).toBe('request');
    expect(new InvalidCriteriaError([]).origin).toBe('request');
  });

  it('defaults to "request" for errors built the way they were before origins existed', () => {
    const error = new InvalidInputError('range.from', 'range.from must be a day.');
    expect([error.origin, error.field, error.message, error.name]).toEqual(['request', 'range.from', 'range.from must be a day.', 'InvalidInputError']);
    expect(new InvalidInputError('event.endsAt', 'bad', 'data').origin).toBe('data');
  });
});
