import { describe, expect, it } from 'vitest';
import { afterEnd, amsterdamEvent, attendance, registrant, view } from '../../test/fixtures/core-fixtures.ts';
import { selectAudience } from './audience.ts';
import { audienceMembers, compareAudienceMembers, maskEmail, registrantContacts, sortAudienceMembers, type AudienceMember } from './audience-members.ts';
import type { AttendanceCriteria } from './criteria.ts';
import { InvalidCriteriaError, InvalidInputError } from './errors.ts';
import type { Registrant } from './types.ts';

// "Now" is Monday 2026-03-30, 18:00 in Amsterdam (the fixture of audience.test.ts, with names).
const now = new Date(afterEnd(10));
const named = (leadId: string, status: string, name?: unknown, email?: unknown, liveMinutes?: number): Registrant =>
  ({ ...registrant(leadId, status, liveMinutes), ...(name === undefined ? {} : { name }), ...(email === undefined ? {} : { email }) }) as Registrant;

const data = attendance(
  [
    named('d21-5', 'No Show', 'Ann de Vries', 'ann@example.com'),
    named('d25-10', 'No Show', 'Bob', 'bob@example.com'),
    named('d29-20', 'Registered'),
    named('d30-30', 'No Show', 'Zoë', '=HYPERLINK("x")'),
    named('live', 'Attended', 'Live Larry', undefined, 50),
    named('live-rewatch', 'Attended', 'Rita', 'rita@example.com', 40),
    named('idle', 'No Show', 'Ida', 'ida@example.com'),
    named('invited', 'Invited'),
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

const members = (criteria: Omit<AttendanceCriteria, 'version'>, input = data, at = now): AudienceMember[] =>
  audienceMembers(amsterdamEvent, input, { version: 1, ...criteria } as AttendanceCriteria, at);

describe('audienceMembers', () => {
  it('lists the people selectAudience selects, with their on-demand totals, sorted by lead id', () => {
    expect(members({ kind: 'has-attended' })).toEqual([
      { leadId: 'd21-5', name: 'Ann de Vries', email: 'ann@example.com', status: 'attended-on-demand', onDemandMinutes: 5, onDemandViews: 1, firstWatched: '2026-03-21', lastWatched: '2026-03-21' },
      { leadId: 'd25-10', name: 'Bob', email: 'bob@example.com', status: 'attended-on-demand', onDemandMinutes: 10, onDemandViews: 2, firstWatched: '2026-03-25', lastWatched: '2026-03-25' },
      { leadId: 'd29-20', status: 'attended-on-demand', onDemandMinutes: 20, onDemandViews: 1, firstWatched: '2026-03-29', lastWatched: '2026-03-29' },
      { leadId: 'd30-30', name: 'Zoë', email: '=HYPERLINK("x")', status: 'attended-on-demand', onDemandMinutes: 30, onDemandViews: 1, firstWatched: '2026-03-30', lastWatched: '2026-03-30' },
      { leadId: 'live', name: 'Live Larry', status: 'attended', liveMinutes: 50, onDemandMinutes: 0, onDemandViews: 0, firstWatched: null, lastWatched: null },
      { leadId: 'live-rewatch', name: 'Rita', email: 'rita@example.com', status: 'attended', liveMinutes: 40, onDemandMinutes: 15, onDemandViews: 1, firstWatched: '2026-03-25', lastWatched: '2026-03-25' },
    ]);
  });

  it.each<[string, Omit<AttendanceCriteria, 'version'>]>([
    ['has attended', { kind: 'has-attended' }],
    ['has not attended', { kind: 'has-not-attended' }],
    ['has not attended live', { kind: 'has-not-attended', eventMode: 'live' }],
    ['on demand, at least 10 minutes on one day', { kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'at-least', minutes: 10 } }],
    ['attends event last week', { kind: 'attends-event', eventMode: 'on-demand', watchDate: { operator: 'in-time-frame', frame: 'last-week' } }],
  ])('selects exactly selectAudience: %s', (_, criteria) => {
    const full = { version: 1, ...criteria } as AttendanceCriteria;
    expect(members(criteria).map((member) => member.leadId)).toEqual(selectAudience(amsterdamEvent, data, full, now));
  });

  it('people who did not watch have zero totals and null days; statuses as resolved', () => {
    expect(members({ kind: 'has-not-attended' })).toEqual([
      { leadId: 'idle', name: 'Ida', email: 'ida@example.com', status: 'no-show', onDemandMinutes: 0, onDemandViews: 0, firstWatched: null, lastWatched: null },
      { leadId: 'invited', status: 'invited', onDemandMinutes: 0, onDemandViews: 0, firstWatched: null, lastWatched: null },
    ]);
  });

  it('totals every day of a person, not only the day that matched; first and last days across the DST switch', () => {
    const input = attendance(
      [named('L1', 'No Show', 'Ann')],
      [
        // 23:59 CET on the 28th, 00:30 CET on the 29th, 23:59 CEST on the 29th, 00:30 CEST on the 30th.
        view('L1', '2026-03-28T22:59:00Z', 1),
        view('L1', '2026-03-28T23:30:00Z', 2),
        view('L1', '2026-03-29T21:59:00Z', 4),
        view('L1', '2026-03-29T22:30:00Z', 8),
      ],
    );
    const criteria: Omit<AttendanceCriteria, 'version'> = { kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'is', date: '2026-03-29' } };
    expect(members(criteria, input)).toEqual([
      { leadId: 'L1', name: 'Ann', status: 'attended-on-demand', onDemandMinutes: 15, onDemandViews: 4, firstWatched: '2026-03-28', lastWatched: '2026-03-30' },
    ]);
  });

  it('sums durations in whole milliseconds, the same in any order', () => {
    const seconds = [1, 3, 596];
    const orders = [seconds, [...seconds].reverse(), [3, 1, 596]];
    for (const order of orders) {
      const input = attendance([named('L1', 'No Show')], order.map((second, index) => view('L1', afterEnd(1 + index), second / 60)));
      expect(members({ kind: 'has-attended' }, input)[0]?.onDemandMinutes).toBe(10);
    }
  });

  it('leaves out views after reportedThrough and outside the window', () => {
    const input = attendance(
      [named('L1', 'No Show')],
      [view('L1', amsterdamEvent.endsAt, 9), view('L1', afterEnd(2), 3), view('L1', afterEnd(20), 7)],
      '2026-03-25',
    );
    expect(members({ kind: 'has-attended' }, input)).toEqual([
      { leadId: 'L1', status: 'attended-on-demand', onDemandMinutes: 3, onDemandViews: 1, firstWatched: '2026-03-22', lastWatched: '2026-03-22' },
    ]);
  });

  it('takes name and e-mail from the kept entry of a duplicate; ignores non-text ones', () => {
    const input = attendance(
      [named('L1', 'No Show', 'Old name', 'old@example.com'), named('L1', 'Attended', 'New name', 42), named('L2', 'No Show', null, ['x'])],
      [],
    );
    expect(members({ kind: 'has-not-attended' }, input)).toEqual([
      { leadId: 'L2', status: 'no-show', onDemandMinutes: 0, onDemandViews: 0, firstWatched: null, lastWatched: null },
    ]);
    expect(members({ kind: 'has-attended' }, input)).toEqual([
      { leadId: 'L1', name: 'New name', status: 'attended', onDemandMinutes: 0, onDemandViews: 0, firstWatched: null, lastWatched: null },
    ]);
    expect(registrantContacts(input.registrants).diagnostics).toEqual([
      { code: 'registrant-invalid-email', index: 1, leadId: 'L1', message: 'Registrant L1 has email 42, not text; e-mail left out.' },
      { code: 'registrant-invalid-name', index: 2, leadId: 'L2', message: 'Registrant L2 has name null, not text; name left out.' },
      { code: 'registrant-invalid-email', index: 2, leadId: 'L2', message: 'Registrant L2 has email ["x"], not text; e-mail left out.' },
    ]);
  });

  it('throws what selectAudience throws', () => {
    expect(() => members({ kind: 'nope' } as never)).toThrow(InvalidCriteriaError);
    expect(() => members({ kind: 'has-attended' }, data, new Date(Number.NaN))).toThrow(InvalidInputError);
    expect(() => members({ kind: 'has-attended' }, null as never)).toThrow(InvalidInputError);
  });

  it('does not depend on the order of registrants and views', () => {
    const shuffled = attendance([...data.registrants].reverse(), [...data.views].reverse());
    expect(members({ kind: 'has-attended' }, shuffled)).toEqual(members({ kind: 'has-attended' }));
  });
});

describe('sorting', () => {
  const all = members({ kind: 'has-attended' });
  const ids = (sorted: AudienceMember[]) => sorted.map((member) => member.leadId);

  it.each<[Parameters<typeof compareAudienceMembers>[0], string[]]>([
    [{ by: 'leadId', direction: 'descending' }, ['live-rewatch', 'live', 'd30-30', 'd29-20', 'd25-10', 'd21-5']],
    // Code units: upper case before lower case; no name last in either direction.
    [{ by: 'name', direction: 'ascending' }, ['d21-5', 'd25-10', 'live', 'live-rewatch', 'd30-30', 'd29-20']],
    [{ by: 'name', direction: 'descending' }, ['d30-30', 'live-rewatch', 'live', 'd25-10', 'd21-5', 'd29-20']],
    [{ by: 'onDemandMinutes', direction: 'descending' }, ['d30-30', 'd29-20', 'live-rewatch', 'd25-10', 'd21-5', 'live']],
    [{ by: 'onDemandViews', direction: 'descending' }, ['d25-10', 'd21-5', 'd29-20', 'd30-30', 'live-rewatch', 'live']],
    // Status by step (Attended 70 < Attended On-Demand 75); ties by lead id.
    [{ by: 'status', direction: 'ascending' }, ['live', 'live-rewatch', 'd21-5', 'd25-10', 'd29-20', 'd30-30']],
    [{ by: 'lastWatched', direction: 'descending' }, ['d30-30', 'd29-20', 'd25-10', 'live-rewatch', 'd21-5', 'live']],
    [{ by: 'firstWatched', direction: 'ascending' }, ['d21-5', 'd25-10', 'live-rewatch', 'd29-20', 'd30-30', 'live']],
    [{ by: 'email', direction: 'ascending' }, ['d30-30', 'd21-5', 'd25-10', 'live-rewatch', 'd29-20', 'live']],
  ])('%j', (sort, expected) => {
    expect(ids(sortAudienceMembers(all, sort))).toEqual(expected);
    expect(ids(sortAudienceMembers([...all].reverse(), sort))).toEqual(expected);
  });

  it('without a sort: by lead id, a copy', () => {
    const sorted = sortAudienceMembers(all);
    expect(sorted).toEqual(all);
    expect(sorted).not.toBe(all);
  });
});

describe('maskEmail', () => {
  it.each([
    ['ann@example.com', 'a•••@example.com'],
    ['a@b.nl', 'a•••@b.nl'],
    ['@example.com', '•••@example.com'],
    ['no-at-sign', 'n•••'],
    ['', '•••'],
    ['😀x@example.com', '😀•••@example.com'],
  ])('%s → %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});
