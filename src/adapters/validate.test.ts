import { describe, expect, it } from 'vitest';
import { analyzeAttendance, dailyOnDemandVisitors, InvalidInputError, onDemandStatistics, onDemandWindow, programFunnel, projectOnDemandVisitors, type Attendance } from '../core/index.ts';
import { isAdapterError } from './adapter.ts';
import { checkAttendancePage, checkAudienceCount, checkAudiencePage, checkDailySummary, checkEvent, checkFunnel, checkProjection, checkStatistics } from './validate.ts';

const event = { id: 'e1', name: 'Launch', startsAt: '2026-03-20T15:00:00Z', endsAt: '2026-03-20T16:00:00+00:00', timeZone: 'Europe/Amsterdam' };
const page = (fields: Record<string, unknown> = {}) => ({ registrants: [], views: [], reportedThrough: '2026-03-25', nextCursor: null, ...fields });

function problemOf(check: () => unknown): string {
  try {
    check();
  } catch (error) {
    if (!isAdapterError(error)) throw error;
    expect(error.kind).toBe('invalid-response');
    return error.message.replace('The reporting service sent data the widgets cannot read: ', '');
  }
  throw new Error('expected an invalid-response');
}

describe('checkEvent', () => {
  it('returns exactly the fields of WebinarEvent', () => {
    expect(checkEvent({ ...event, description: 'extra' })).toEqual(event);
  });

  it.each([
    [null, 'event: the event must be an object, got null.'],
    [[event], 'event: the event must be an object, got an array.'],
    [{ ...event, endsAt: undefined }, 'event: endsAt must be a string, got nothing.'],
    [{ ...event, id: 42 }, 'event: id must be a string, got 42.'],
    [{ ...event, timeZone: null }, 'event: timeZone must be a string, got null.'],
  ])('structural problem %# is invalid-response naming the field', (value, message) => {
    expect(problemOf(() => checkEvent(value))).toBe(message);
  });

  it('leaves the values to core, which refuses them as bad data where the event is used', () => {
    for (const [field, bad] of [['endsAt', '2026-03-20 16:00'], ['startsAt', '2026-03-20T15:00:00'], ['timeZone', 'Mars/Olympus']] as const) {
      const checked = checkEvent({ ...event, [field]: bad });
      expect(checked[field]).toBe(bad);
      let refused: unknown;
      try {
        onDemandWindow(checked);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(InvalidInputError);
      expect(refused).toMatchObject({ origin: 'data', field: `event.${field}` });
    }
  });
});

describe('checkAttendancePage', () => {
  it('accepts a page and a missing nextCursor as the last page', () => {
    const { nextCursor: _, ...withoutCursor } = page();
    expect(checkAttendancePage(withoutCursor).nextCursor).toBeNull();
    expect(checkAttendancePage(page({ nextCursor: 'abc' })).nextCursor).toBe('abc');
  });

  it.each([
    ['not an object', 'x', 'the page must be an object, got "x"'],
    ['registrants missing', { ...page(), registrants: undefined }, 'registrants must be an array, got nothing'],
    ['views an object', page({ views: {} }), 'views must be an array, got an object'],
    ['reportedThrough not a day', page({ reportedThrough: '2026-02-30' }), 'reportedThrough must be a day YYYY-MM-DD, got "2026-02-30"'],
    ['empty cursor', page({ nextCursor: '' }), 'nextCursor must be a non-empty string or null, got ""'],
    ['minutes as text', page({ views: [{ leadId: 'A', viewedAt: '2026-03-21T10:00:00Z', minutes: '12' }] }), 'views[0].minutes must be a number, got "12"'],
    ['viewedAt missing (another schema)', page({ views: [{ lead_id: 'A', watched_at: 'x', duration: 3 }] }), 'views[0].viewedAt must be a string, got nothing'],
    ['status missing', page({ registrants: [{ leadId: 'A' }] }), 'registrants[0].status must be a string, got nothing'],
    ['leadId an object', page({ registrants: [{ leadId: { id: 1 }, status: 'No Show' }] }), 'registrants[0].leadId must be a string or a number, got an object'],
    ['liveMinutes as text', page({ registrants: [{ leadId: 'A', status: 'Attended', liveMinutes: '30' }] }), 'registrants[0].liveMinutes must be a number, got "30"'],
  ])('%s → invalid-response naming the field and index', (_name, value, problem) => {
    expect(problemOf(() => checkAttendancePage(value, 'attendance page 2'))).toBe(`attendance page 2: ${problem}.`);
  });

  it('passes record-level badness through unchanged, for core to diagnose', () => {
    const registrants = [null, 'x', { leadId: '', status: 'No Show' }, { leadId: null, status: 'No Show' }, { leadId: 7, status: 'attended_on_demand' }, { leadId: 'U', status: 'Attended Partially' }, { leadId: 'N', status: 'Attended', liveMinutes: -1 }, { leadId: 'M', status: 'Attended', liveMinutes: null }];
    const views = [null, 42, { leadId: '', viewedAt: '2026-03-21T10:00:00Z', minutes: 3 }, { leadId: 'U', viewedAt: 'yesterday', minutes: 3 }, { leadId: 'U', viewedAt: '2026-03-21T10:00:00Z', minutes: -3 }];
    const checked = checkAttendancePage(page({ registrants, views }));
    expect(checked.registrants).toEqual(registrants);
    expect(checked.views).toEqual(views);
    const codes = analyzeAttendance(event, checked as Attendance).diagnostics.map((diagnostic) => diagnostic.code);
    expect(codes).toEqual(expect.arrayContaining(['registrant-malformed', 'registrant-missing-lead-id', 'registrant-unknown-status', 'registrant-invalid-live-minutes', 'view-malformed', 'view-missing-lead-id', 'view-invalid-date', 'view-invalid-minutes']));
  });
});

describe('push-down results', () => {
  const attendance: Attendance = {
    registrants: [{ leadId: 'A', status: 'No Show' }, { leadId: 'B', status: 'Attended' }],
    views: [{ leadId: 'A', viewedAt: '2026-03-21T10:00:00Z', minutes: 12 }, { leadId: 'B', viewedAt: '2026-03-22T10:00:00Z', minutes: 5 }],
    reportedThrough: '2026-03-25',
  };

  it('accept what core computes', () => {
    const summary = dailyOnDemandVisitors(event, attendance);
    expect(checkDailySummary(JSON.parse(JSON.stringify(summary)))).toEqual(summary);
    const statistics = onDemandStatistics(event, attendance, new Date('2026-03-24T00:00:00Z'));
    expect(checkStatistics(JSON.parse(JSON.stringify(statistics)))).toEqual(statistics);
    expect(checkAudienceCount({ count: 3 })).toBe(3);
  });

  it('name the bad field', () => {
    const summary = JSON.parse(JSON.stringify(dailyOnDemandVisitors(event, attendance))) as { days: Record<string, unknown>[] };
    (summary.days[4] as Record<string, unknown>).visitors = -1;
    expect(problemOf(() => checkDailySummary(summary))).toBe('daily summary: days[4].visitors must be a whole number ≥ 0 or null, got -1.');
    const statistics = { ...onDemandStatistics(event, attendance, new Date('2026-03-24T00:00:00Z')), phase: 'almost' };
    expect(problemOf(() => checkStatistics(statistics))).toBe('statistics: phase must be one of upcoming, open, closing, closed, got "almost".');
    expect(problemOf(() => checkStatistics({ ...statistics, phase: 'open', diagnostics: [{ code: 1 }] }))).toBe('statistics: diagnostics[0].code must be a string, got 1.');
    expect(problemOf(() => checkAudienceCount({ count: 2.5 }))).toBe('audience count: count must be a whole number ≥ 0, got 2.5.');
    expect(problemOf(() => checkAudienceCount(7))).toBe('audience count: the answer must be an object, got 7.');
  });
});

describe('checkAudiencePage', () => {
  const member = { leadId: 'L1', name: 'Ann', email: 'ann@example.com', status: 'attended-on-demand', liveMinutes: 3, onDemandMinutes: 4.5, onDemandViews: 2, firstWatched: '2026-03-21', lastWatched: '2026-03-22' };
  const page = { members: [member], nextCursor: 'p1@2026-03-25', total: 3, reportedThrough: '2026-03-25' };

  it('accepts a page of the contract', () => {
    expect(checkAudiencePage(page)).toEqual(page);
    expect(checkAudiencePage({ ...page, members: [], nextCursor: null, total: 0 })).toEqual({ ...page, members: [], nextCursor: null, total: 0 });
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', [], /the answer must be an object/],
    ['members not an array', { ...page, members: {} }, /members must be an array/],
    ['an unknown status', { ...page, members: [{ ...member, status: 'watched' }] }, /members\[0\]\.status must be a program status id/],
    ['a name that is not text', { ...page, members: [{ ...member, name: 42 }] }, /members\[0\]\.name must be a string/],
    ['minutes as text', { ...page, members: [{ ...member, onDemandMinutes: '4' }] }, /members\[0\]\.onDemandMinutes must be a number/],
    ['a day that does not exist', { ...page, members: [{ ...member, lastWatched: '2026-02-30' }] }, /members\[0\]\.lastWatched must be a day/],
    ['an empty cursor', { ...page, nextCursor: '' }, /nextCursor must be a non-empty string or null/],
    ['a total below the page', { ...page, total: 0 }, /total must be at least the 1 people of this page/],
  ])('refuses %s', (_, value, message) => {
    expect(() => checkAudiencePage(value)).toThrow(message);
  });
});

describe('checkFunnel and checkProjection', () => {
  // Visitors on the first days after the end, a steady decay: enough reported days for a projection.
  const registrants = Array.from({ length: 60 }, (_, index) => ({ leadId: `L${index}`, status: index % 4 === 0 ? 'Attended' : index % 7 === 0 ? 'Invited' : 'No Show' }));
  const views = registrants.slice(0, 40).map((registrant, index) => ({ leadId: registrant.leadId, viewedAt: `2026-03-${String(21 + (index % 6)).padStart(2, '0')}T10:00:00Z`, minutes: 5 }));
  const attendance: Attendance = { registrants, views, reportedThrough: '2026-03-27' };
  const now = new Date('2026-03-28T12:00:00Z');
  const funnel = { ...programFunnel(event, attendance, now), reportedThrough: '2026-03-27' };
  const projection = projectOnDemandVisitors(event, attendance, now);

  it('accept what core computes, with or without reportedThrough, and a null projection', () => {
    expect(checkFunnel(JSON.parse(JSON.stringify(funnel)))).toEqual(funnel);
    const { reportedThrough: _, ...withoutDay } = funnel;
    expect(checkFunnel(withoutDay)).toEqual(withoutDay);
    expect(projection?.days.length).toBeGreaterThan(0);
    expect(checkProjection(JSON.parse(JSON.stringify(projection)))).toEqual(projection);
    expect(checkProjection(null)).toBeNull();
  });

  it.each<[string, unknown, string]>([
    ['a funnel that is not an object', null, 'funnel: the funnel must be an object, got null.'],
    ['a stage as text', { ...funnel, invited: '60' }, 'funnel: invited must be a whole number ≥ 0, got "60".'],
    ['a missing stage', { ...funnel, rewatched: undefined }, 'funnel: rewatched must be a whole number ≥ 0, got nothing.'],
    ['no-shows that are not registered − attendedLive', { ...funnel, noShow: funnel.noShow + 1 }, `funnel: noShow must be registered − attendedLive (${funnel.noShow}), got ${funnel.noShow + 1}.`],
    ['more visitors than no-shows', { ...funnel, attendedOnDemand: funnel.noShow + 1 }, 'funnel: a stage counts more people than the one it comes from.'],
    ['a reportedThrough that is no day', { ...funnel, reportedThrough: '2026-02-30' }, 'funnel: reportedThrough must be a day YYYY-MM-DD, got "2026-02-30".'],
    ['diagnostics missing', { ...funnel, diagnostics: undefined }, 'funnel: diagnostics must be an array, got nothing.'],
  ])('refuse %s, naming the field', (_, value, message) => {
    expect(problemOf(() => checkFunnel(value))).toBe(message);
  });

  it.each<[string, unknown, string]>([
    ['an array', [], 'projection: the projection must be an object, got an array.'],
    ['expected as text', { ...projection, expected: '62' }, 'projection: expected must be a whole number ≥ 0, got "62".'],
    ['a band upside down', { ...projection, low: 9, high: 8 }, 'projection: low must be at most high (8), got 9.'],
    ['a level of 80', { ...projection, level: 80 }, 'projection: level must be a number strictly between 0 and 1, got 80.'],
    ['days missing', { ...projection, days: undefined }, 'projection: days must be an array, got nothing.'],
    ['a day that does not exist', { ...projection, days: [{ day: '2026-02-30', expected: 1, low: 0, high: 2 }] }, 'projection: days[0].day must be a day YYYY-MM-DD, got "2026-02-30".'],
    ['a day with a fractional count', { ...projection, days: [{ day: '2026-03-30', expected: 1.5, low: 0, high: 2 }] }, 'projection: days[0].expected must be a whole number ≥ 0, got 1.5.'],
    ['basedOnDays missing', { ...projection, basedOnDays: undefined }, 'projection: basedOnDays must be a whole number ≥ 0, got nothing.'],
  ])('refuse a projection with %s, naming the field', (_, value, message) => {
    expect(problemOf(() => checkProjection(value))).toBe(message);
  });
});
