import { describe, expect, it } from 'vitest';
import { afterEnd, amsterdamEvent, attendance, registrant, view } from '../../test/fixtures/core-fixtures.ts';
import { attendsEventTriggerFires, selectAudience, type AttendanceActivity } from './audience.ts';
import type { AttendanceCriteria, WatchDateConstraint, WatchDurationConstraint } from './criteria.ts';
import { InvalidCriteriaError, InvalidInputError } from './errors.ts';

// "Now" is Monday 2026-03-30, 18:00 in Amsterdam; the lead ids say the day and minutes watched.
const now = new Date(afterEnd(10));
const data = attendance(
  [
    registrant('d21-5', 'No Show'),
    registrant('d25-10', 'No Show'),
    registrant('d29-20', 'Registered'),
    registrant('d30-30', 'No Show'),
    registrant('live', 'Attended', 50),
    registrant('live-rewatch', 'Attended', 40),
    registrant('idle', 'No Show'),
    registrant('invited', 'Invited'),
  ],
  [
    view('d21-5', afterEnd(1), 5),
    view('d25-10', afterEnd(5), 4),
    view('d25-10', afterEnd(5, 60), 6),
    view('live-rewatch', afterEnd(5), 15),
    view('d29-20', afterEnd(9), 20),
    view('d30-30', afterEnd(10), 30),
  ],
);
const everyone = ['d21-5', 'd25-10', 'd29-20', 'd30-30', 'idle', 'invited', 'live', 'live-rewatch'];

function audience(criteria: Omit<AttendanceCriteria, 'version'>, at = now): string[] {
  return selectAudience(amsterdamEvent, data, { version: 1, ...criteria } as AttendanceCriteria, at);
}

describe('Event Mode', () => {
  it.each<[string, Omit<AttendanceCriteria, 'version'>, string[]]>([
    ['unset means live or on-demand', { kind: 'has-attended' }, ['d21-5', 'd25-10', 'd29-20', 'd30-30', 'live', 'live-rewatch']],
    ['live', { kind: 'has-attended', eventMode: 'live' }, ['live', 'live-rewatch']],
    ['on-demand, including live attendees who rewatched', { kind: 'has-attended', eventMode: 'on-demand' }, ['d21-5', 'd25-10', 'd29-20', 'd30-30', 'live-rewatch']],
    ['has not attended, either mode', { kind: 'has-not-attended' }, ['idle', 'invited']],
    ['has not attended live', { kind: 'has-not-attended', eventMode: 'live' }, ['d21-5', 'd25-10', 'd29-20', 'd30-30', 'idle', 'invited']],
    ['attends-event read as "would have fired"', { kind: 'attends-event', eventMode: 'live' }, ['live', 'live-rewatch']],
  ])('%s', (_, criteria, expected) => {
    expect(audience(criteria)).toEqual(expected);
  });
});

describe('Watch Date operators (event zone, inclusive)', () => {
  it.each<[WatchDateConstraint, string[]]>([
    [{ operator: 'is', date: '2026-03-25' }, ['d25-10', 'live-rewatch']],
    [{ operator: 'is-not', date: '2026-03-25' }, ['d21-5', 'd29-20', 'd30-30']],
    [{ operator: 'before', date: '2026-03-25' }, ['d21-5']],
    [{ operator: 'after', date: '2026-03-25' }, ['d29-20', 'd30-30']],
    [{ operator: 'on-or-before', date: '2026-03-25' }, ['d21-5', 'd25-10', 'live-rewatch']],
    [{ operator: 'on-or-after', date: '2026-03-25' }, ['d25-10', 'd29-20', 'd30-30', 'live-rewatch']],
    [{ operator: 'between', date: '2026-03-22', to: '2026-03-29' }, ['d25-10', 'd29-20', 'live-rewatch']],
    [{ operator: 'between', date: '2026-03-25', to: '2026-03-25' }, ['d25-10', 'live-rewatch']],
    [{ operator: 'in-past', days: 1 }, ['d30-30']],
    [{ operator: 'in-past', days: 2 }, ['d29-20', 'd30-30']],
    [{ operator: 'in-past', days: 6 }, ['d25-10', 'd29-20', 'd30-30', 'live-rewatch']],
    [{ operator: 'in-time-frame', frame: 'today' }, ['d30-30']],
    [{ operator: 'in-time-frame', frame: 'yesterday' }, ['d29-20']],
    [{ operator: 'in-time-frame', frame: 'this-week' }, ['d30-30']],
    [{ operator: 'in-time-frame', frame: 'last-week' }, ['d25-10', 'd29-20', 'live-rewatch']],
    [{ operator: 'in-time-frame', frame: 'this-month' }, ['d21-5', 'd25-10', 'd29-20', 'd30-30', 'live-rewatch']],
    [{ operator: 'in-time-frame', frame: 'last-month' }, []],
  ])('%j', (watchDate, expected) => {
    expect(audience({ kind: 'has-attended', eventMode: 'on-demand', watchDate })).toEqual(expected);
  });

  it("takes today from now in the event's zone, not UTC", () => {
    // 22:30 UTC on the 29th is already 00:30 on the 30th in Amsterdam (summer time).
    const lateEvening = new Date('2026-03-29T22:30:00Z');
    expect(audience({ kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'in-time-frame', frame: 'today' } }, lateEvening)).toEqual(['d30-30']);
  });

  it('starts weeks on Monday and months on the 1st across a year boundary', () => {
    const newYear = { ...amsterdamEvent, startsAt: '2026-12-28T09:00:00Z', endsAt: '2026-12-28T10:00:00Z' };
    const data = attendance(
      [registrant('sun', 'No Show'), registrant('mon', 'No Show'), registrant('dec', 'No Show')],
      [view('sun', '2027-01-03T12:00:00Z', 3), view('mon', '2027-01-04T12:00:00Z', 3), view('dec', '2026-12-31T12:00:00Z', 3)],
      '2027-01-10',
    );
    const at = new Date('2027-01-05T12:00:00Z'); // Tuesday
    const frame = (frame: 'this-week' | 'last-week' | 'last-month' | 'this-month') =>
      selectAudience(newYear, data, { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'in-time-frame', frame } }, at);
    expect(frame('this-week')).toEqual(['mon']);
    expect(frame('last-week')).toEqual(['dec', 'sun']);
    expect(frame('this-month')).toEqual(['mon', 'sun']);
    expect(frame('last-month')).toEqual(['dec']);
  });
});

describe('Watch Duration operators (minutes watched that day)', () => {
  it.each<[WatchDurationConstraint, string[]]>([
    [{ operator: 'is', minutes: 10 }, ['d25-10']],
    [{ operator: 'is-not', minutes: 10 }, ['d21-5', 'd29-20', 'd30-30', 'live-rewatch']],
    [{ operator: 'greater-than', minutes: 15 }, ['d29-20', 'd30-30']],
    [{ operator: 'less-than', minutes: 15 }, ['d21-5', 'd25-10']],
    [{ operator: 'at-least', minutes: 15 }, ['d29-20', 'd30-30', 'live-rewatch']],
    [{ operator: 'at-most', minutes: 10 }, ['d21-5', 'd25-10']],
    [{ operator: 'between', minutes: 10, to: 20 }, ['d25-10', 'd29-20', 'live-rewatch']],
  ])('%j', (watchDuration, expected) => {
    expect(audience({ kind: 'has-attended', eventMode: 'on-demand', watchDuration })).toEqual(expected);
  });
});

describe('one activity must satisfy all constraints together', () => {
  const split = attendance([registrant('split', 'No Show')], [view('split', '2026-03-21T12:00:00Z', 30), view('split', '2026-03-25T12:00:00Z', 5)]);
  it.each([
    ['2026-03-25', []],
    ['2026-03-21', ['split']],
  ])('long viewing on another day does not make %s match', (date, expected) => {
    const criteria: AttendanceCriteria = {
      version: 1, kind: 'has-attended', eventMode: 'on-demand',
      watchDate: { operator: 'is', date }, watchDuration: { operator: 'at-least', minutes: 10 },
    };
    expect(selectAudience(amsterdamEvent, split, criteria, now)).toEqual(expected);
    expect(selectAudience(amsterdamEvent, split, { ...criteria, kind: 'has-not-attended' }, now)).toEqual(expected.length ? [] : ['split']);
  });
});

describe('selectAudience input checks', () => {
  it('throws InvalidCriteriaError listing the problems', () => {
    const invalid = { version: 1, kind: 'has-attended', eventMode: 'live', watchDate: { operator: 'in-past', days: 2 } } as AttendanceCriteria;
    expect(() => selectAudience(amsterdamEvent, data, invalid, now)).toThrow(InvalidCriteriaError);
    expect(() => selectAudience(amsterdamEvent, data, invalid, now)).toThrow(/watchDate: Watch Date is only available/);
  });

  it('gives everyone to has-attended or has-not-attended, never both', () => {
    const attended = audience({ kind: 'has-attended', eventMode: 'on-demand' });
    const notAttended = audience({ kind: 'has-not-attended', eventMode: 'on-demand' });
    expect([...attended, ...notAttended].sort()).toEqual(everyone);
  });
});

describe('attendsEventTriggerFires', () => {
  const trigger = (activity: AttendanceActivity, criteria: Omit<AttendanceCriteria, 'version' | 'kind'>) =>
    attendsEventTriggerFires(amsterdamEvent, activity, { version: 1, kind: 'attends-event', ...criteria }, now);
  const live: AttendanceActivity = { leadId: 'L1', mode: 'live' };
  const watched = (minutes: number, day = '2026-03-25'): AttendanceActivity => ({ leadId: 'L1', mode: 'on-demand', day, minutes });

  it.each<[string, AttendanceActivity, Omit<AttendanceCriteria, 'version' | 'kind'>, boolean]>([
    ['live, any mode', live, {}, true],
    ['live, mode live', live, { eventMode: 'live' }, true],
    ['live, mode on-demand', live, { eventMode: 'on-demand' }, false],
    ['on-demand, any mode', watched(1), {}, true],
    ['on-demand, mode live', watched(1), { eventMode: 'live' }, false],
    ['on-demand, all constraints met', watched(12), { eventMode: 'on-demand', watchDate: { operator: 'is', date: '2026-03-25' }, watchDuration: { operator: 'at-least', minutes: 10 } }, true],
    ['on-demand, too short', watched(8), { eventMode: 'on-demand', watchDate: { operator: 'is', date: '2026-03-25' }, watchDuration: { operator: 'at-least', minutes: 10 } }, false],
    ['on-demand, wrong day', watched(12, '2026-03-26'), { eventMode: 'on-demand', watchDate: { operator: 'is', date: '2026-03-25' } }, false],
    ['on-demand, in the past 7 days', watched(1, '2026-03-24'), { eventMode: 'on-demand', watchDate: { operator: 'in-past', days: 7 } }, true],
    ['on-demand, 7 days is not 8', watched(1, '2026-03-23'), { eventMode: 'on-demand', watchDate: { operator: 'in-past', days: 7 } }, false],
  ])('%s', (_, activity, criteria, fires) => {
    expect(trigger(activity, criteria)).toBe(fires);
  });

  it('needs criteria of kind attends-event', () => {
    expect(() => attendsEventTriggerFires(amsterdamEvent, live, { version: 1, kind: 'has-attended' }, now)).toThrow(/criteria.kind must be "attends-event" for the Attends Event trigger, got "has-attended"/);
  });

  it.each<[unknown, string]>([
    [null, 'activity'],
    [{ mode: 'live' }, 'activity.leadId'],
    [{ leadId: 'L1', mode: 'replay' }, 'activity.mode'],
    [{ leadId: 'L1', mode: 'on-demand', day: 'monday', minutes: 3 }, 'activity.day'],
    [{ leadId: 'L1', mode: 'on-demand', day: '2026-03-25', minutes: -3 }, 'activity.minutes'],
  ])('rejects the activity %j naming %s', (activity, field) => {
    const call = () => attendsEventTriggerFires(amsterdamEvent, activity as AttendanceActivity, { version: 1, kind: 'attends-event' }, now);
    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(expect.objectContaining({ field }));
  });
});
