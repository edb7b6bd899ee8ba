import { describe, expect, it } from 'vitest';
import { afterEnd, amsterdamEvent, attendance, registrant, view } from '../../test/fixtures/core-fixtures.ts';
import { dailyOnDemandActivity, readLeadId, resolveStatuses } from './activity.ts';
import { MAX_VIEW_MINUTES } from './diagnostics.ts';
import { InvalidInputError } from './errors.ts';
import type { Attendance, DiagnosticCode } from './types.ts';

const noShow = registrant('L1', 'No Show');

describe('dailyOnDemandActivity', () => {
  it('folds views into one record per registrant and day', () => {
    const { activities, diagnostics } = dailyOnDemandActivity(
      amsterdamEvent,
      attendance(
        [noShow, registrant('L2', 'Attended', 45)],
        [
          view('L1', '2026-03-21T09:00:00Z', 10),
          view('L1', '2026-03-21T20:00:00Z', 5.5),
          view('L1', '2026-03-22T09:00:00Z', 3),
          view('L2', '2026-03-21T12:00:00+01:00', 20),
        ],
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(activities).toEqual([
      { leadId: 'L1', day: '2026-03-21', minutes: 15.5, views: 2 },
      { leadId: 'L1', day: '2026-03-22', minutes: 3, views: 1 },
      { leadId: 'L2', day: '2026-03-21', minutes: 20, views: 1 },
    ]);
  });

  it('counts the open and closed ends of the window exactly: (endsAt, endsAt + 30 d]', () => {
    const views = [
      view('L1', afterEnd(0), 1), // at endsAt: live attendance, not on demand
      view('L1', afterEnd(0, 1 / 60_000), 2), // 1 ms later: first on-demand instant
      view('L1', afterEnd(30), 4), // at closesAt: still counted
      view('L1', afterEnd(30, 1 / 60_000), 8), // 1 ms after closing: not counted
    ];
    const { activities, diagnostics } = dailyOnDemandActivity(amsterdamEvent, attendance([noShow], views));
    expect(activities.map((activity) => activity.minutes)).toEqual([2, 4]);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.index])).toEqual([
      ['view-outside-window', 0],
      ['view-outside-window', 3],
    ]);
  });

  it('groups days in the event zone across the DST change, whatever the runtime zone', () => {
    const views = [
      view('L1', '2026-03-28T22:59:00Z', 1), // 23:59 CET, 28 March
      view('L1', '2026-03-28T23:30:00Z', 2), // 00:30 CET, 29 March
      view('L1', '2026-03-29T21:59:00Z', 4), // 23:59 CEST, 29 March
      view('L1', '2026-03-29T22:30:00Z', 8), // 00:30 CEST, 30 March
    ];
    const expected = [
      { leadId: 'L1', day: '2026-03-28', minutes: 1, views: 1 },
      { leadId: 'L1', day: '2026-03-29', minutes: 6, views: 2 },
      { leadId: 'L1', day: '2026-03-30', minutes: 8, views: 1 },
    ];
    const original = process.env.TZ;
    try {
      for (const zone of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = zone;
        expect(dailyOnDemandActivity(amsterdamEvent, attendance([noShow], views)).activities).toEqual(expected);
      }
    } finally {
      process.env.TZ = original;
    }
  });

  it('includes live attendees who rewatched', () => {
    const { activities } = dailyOnDemandActivity(
      amsterdamEvent,
      attendance([registrant('L9', 'attended')], [view('L9', afterEnd(2), 7)]),
    );
    expect(activities).toEqual([{ leadId: 'L9', day: '2026-03-22', minutes: 7, views: 1 }]);
  });

  it.each([
    ['L1', 'L1'],
    [' L1 ', ' L1 '],
    [42, '42'],
    [0, '0'],
    ['', null],
    ['  ', null],
    [1.5, null],
    [2 ** 53, null],
    [null, null],
    [undefined, null],
    [{ id: 1 }, null],
  ])('readLeadId(%j) is %j', (value, leadId) => {
    expect(readLeadId(value)).toBe(leadId);
  });

  it('counts a view of exactly MAX_VIEW_MINUTES (the whole window), not one longer', () => {
    expect(MAX_VIEW_MINUTES).toBe(43_200);
    const { activities, diagnostics } = dailyOnDemandActivity(
      amsterdamEvent,
      attendance([noShow], [view('L1', afterEnd(1), MAX_VIEW_MINUTES), view('L1', afterEnd(2), MAX_VIEW_MINUTES + 0.5)]),
    );
    expect(activities.map((activity) => activity.minutes)).toEqual([MAX_VIEW_MINUTES]);
    expect(diagnostics).toEqual([
      {
        code: 'view-invalid-minutes',
        index: 1,
        leadId: 'L1',
        message: 'View 1 of lead L1 has minutes 43200.5, not a number from 0 to 43200 (30 days); left out.',
      },
    ]);
  });

  it('keys numeric lead ids as text', () => {
    const data = attendance([{ leadId: 42 as unknown as string, status: 'No Show' }], [view(42 as unknown as string, afterEnd(1), 3)]);
    expect(dailyOnDemandActivity(amsterdamEvent, data).activities).toEqual([{ leadId: '42', day: '2026-03-21', minutes: 3, views: 1 }]);
  });

  it('leaves views after reportedThrough out: their days are not complete yet', () => {
    const { activities, diagnostics } = dailyOnDemandActivity(
      amsterdamEvent,
      attendance([noShow], [view('L1', afterEnd(1), 3), view('L1', afterEnd(3), 9)], '2026-03-22'),
    );
    expect(activities.map((activity) => activity.day)).toEqual(['2026-03-21']);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['view-not-yet-reported']);
  });

  describe('bad records are left out and reported, never thrown', () => {
    const good = view('L1', afterEnd(1), 5);
    it.each<[string, unknown, DiagnosticCode]>([
      ['a view that is not an object', 'oops', 'view-malformed'],
      ['a view without lead id', { viewedAt: afterEnd(1), minutes: 3 }, 'view-missing-lead-id'],
      ['a view with an empty lead id', { leadId: '  ', viewedAt: afterEnd(1), minutes: 3 }, 'view-missing-lead-id'],
      ['an unparsable date', view('L1', 'yesterday', 3), 'view-invalid-date'],
      ['a date without offset', view('L1', '2026-03-21T10:00:00', 3), 'view-invalid-date'],
      ['negative minutes', view('L1', afterEnd(1), -1), 'view-invalid-minutes'],
      ['infinite minutes', view('L1', afterEnd(1), Number.POSITIVE_INFINITY), 'view-invalid-minutes'],
      ['minutes as text', { leadId: 'L1', viewedAt: afterEnd(1), minutes: '3' }, 'view-invalid-minutes'],
      ['a view by someone not registered', view('L404', afterEnd(1), 3), 'view-unknown-registrant'],
      ['a view by an invited lead', view('L5', afterEnd(1), 3), 'view-ineligible-status'],
      ['a view before the event ended', view('L1', afterEnd(-1), 3), 'view-outside-window'],
    ])('%s', (_, bad, code) => {
      const data = attendance([noShow, registrant('L5', 'Invited')], [good, bad as never]);
      const { activities, diagnostics } = dailyOnDemandActivity(amsterdamEvent, data);
      expect(activities).toEqual([{ leadId: 'L1', day: '2026-03-21', minutes: 5, views: 1 }]);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ code, index: 1 });
      expect(diagnostics[0]?.message).toMatch(/View 1/);
    });

    it.each<[string, unknown, DiagnosticCode]>([
      ['a registrant that is not an object', 7, 'registrant-malformed'],
      ['a registrant without lead id', { status: 'No Show' }, 'registrant-missing-lead-id'],
      ['an unknown status', { leadId: 'L2', status: 'Watched' }, 'registrant-unknown-status'],
      ['a duplicate registrant', { leadId: 'L1', status: 'Registered' }, 'registrant-duplicate'],
    ])('%s', (_, bad, code) => {
      const data = attendance([noShow, bad as never], [good]);
      const { statuses, diagnostics } = resolveStatuses(amsterdamEvent, data);
      expect([...statuses]).toEqual([['L1', 'attended-on-demand']]);
      expect(diagnostics).toEqual([expect.objectContaining({ code, index: 1 })]);
    });

    it('keeps a registrant with invalid live minutes but ignores the minutes', () => {
      const data = attendance([{ leadId: 'L3', status: 'Attended', liveMinutes: Number.NaN }], []);
      const { statuses, diagnostics } = resolveStatuses(amsterdamEvent, data);
      expect(statuses.get('L3')).toBe('attended');
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['registrant-invalid-live-minutes']);
    });

    it('keeps the furthest status of duplicates, whichever comes first', () => {
      for (const order of [[0, 1], [1, 0]]) {
        const pair = [registrant('L1', 'Attended'), registrant('L1', 'No Show')];
        const data = attendance(order.map((index) => pair[index]!), []);
        expect(resolveStatuses(amsterdamEvent, data).statuses.get('L1')).toBe('attended');
      }
    });
  });

  it.each<[string, unknown, string]>([
    ['attendance that is not an object', null, 'attendance'],
    ['registrants that are not an array', { registrants: {}, views: [], reportedThrough: '2026-03-25' }, 'attendance.registrants'],
    ['views that are not an array', { registrants: [], views: 'x', reportedThrough: '2026-03-25' }, 'attendance.views'],
    ['an invalid reportedThrough', { registrants: [], views: [], reportedThrough: '2026-02-30' }, 'attendance.reportedThrough'],
  ])('throws a typed error for %s', (_, data, field) => {
    expect(() => dailyOnDemandActivity(amsterdamEvent, data as Attendance)).toThrow(expect.objectContaining({ name: 'InvalidInputError', field }));
    expect(() => dailyOnDemandActivity(amsterdamEvent, data as Attendance)).toThrow(InvalidInputError);
  });
});

describe('resolveStatuses', () => {
  const registrants = [
    registrant('no-show-watched', 'No Show'),
    registrant('registered-watched', 'Registered'),
    registrant('no-show-idle', 'No Show'),
    registrant('no-show-too-late', 'No Show'),
    registrant('attended-rewatched', 'Attended'),
    registrant('already-on-demand', 'Attended On-Demand'),
    registrant('invited-watched', 'Invited'),
    registrant('pending-watched', 'Pending Approval'),
    registrant('rejected-watched', 'Rejected'),
    registrant('outsider-watched', 'Not in Program'),
  ];
  const views = [
    view('no-show-watched', afterEnd(2), 12),
    view('registered-watched', afterEnd(29), 4),
    view('no-show-too-late', afterEnd(31), 8),
    view('attended-rewatched', afterEnd(3), 30),
    view('invited-watched', afterEnd(3), 30),
    view('pending-watched', afterEnd(3), 30),
    view('rejected-watched', afterEnd(3), 30),
    view('outsider-watched', afterEnd(3), 30),
    view('stranger', afterEnd(3), 30),
  ];

  it.each([
    ['no-show-watched', 'attended-on-demand'],
    ['registered-watched', 'attended-on-demand'],
    ['no-show-idle', 'no-show'],
    ['no-show-too-late', 'no-show'],
    ['attended-rewatched', 'attended'],
    ['already-on-demand', 'attended-on-demand'],
    ['invited-watched', 'invited'],
    ['pending-watched', 'pending-approval'],
    ['rejected-watched', 'rejected'],
    ['outsider-watched', 'not-in-program'],
  ])('%s ends as %s', (leadId, status) => {
    expect(resolveStatuses(amsterdamEvent, attendance(registrants, views)).statuses.get(leadId)).toBe(status);
  });

  it('reports the views it ignored', () => {
    const { diagnostics, statuses } = resolveStatuses(amsterdamEvent, attendance(registrants, views));
    expect(statuses.has('stranger')).toBe(false);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.leadId])).toEqual([
      ['view-outside-window', 'no-show-too-late'],
      ['view-ineligible-status', 'invited-watched'],
      ['view-ineligible-status', 'pending-watched'],
      ['view-ineligible-status', 'rejected-watched'],
      ['view-ineligible-status', 'outsider-watched'],
      ['view-unknown-registrant', 'stranger'],
    ]);
  });
});
