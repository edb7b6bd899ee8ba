import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterEnd, amsterdamEvent, attendance, registrant, view } from '../../test/fixtures/core-fixtures.ts';
import { programFunnel } from './program-funnel.ts';
import { onDemandStatistics } from './statistics.ts';
import type { Registrant, View } from './types.ts';

const now = new Date(afterEnd(10));

describe('programFunnel', () => {
  const data = attendance(
    [
      registrant('N', 'Not in Program'),
      registrant('I', 'Invited'),
      registrant('P', 'Pending Approval'),
      registrant('W', 'Rejected / Wait Listed'),
      registrant('R', 'Registered'),
      registrant('S', 'No Show'),
      registrant('S2', 'No Show'),
      registrant('A', 'Attended', 50),
      registrant('A2', 'Attended', 40),
      registrant('O', 'Attended On-Demand'),
      registrant('O2', 'Attended On-Demand'),
    ],
    [
      view('R', afterEnd(1), 5), // Registered who watched: on demand
      view('S', afterEnd(2), 10),
      view('S', afterEnd(3), 10), // one person, two days: counted once
      view('A', afterEnd(1), 12), // a live attendee who rewatched
      view('O', afterEnd(4), 3),
      view('I', afterEnd(1), 7), // invited, never registered: the view is ineligible
    ],
  );

  it('counts every stage by status, one per person', () => {
    const { diagnostics, ...funnel } = programFunnel(amsterdamEvent, data, now);
    expect(funnel).toEqual({
      invited: 11, // every registrant, whatever the status
      registered: 7, // R, S, S2, A, A2, O, O2
      attendedLive: 2, // A, A2
      noShow: 5, // R, S, S2, O, O2: missed the live session whatever their status says
      attendedOnDemand: 3, // R, S, O — O2's status says on-demand, but no view is reported
      rewatched: 1, // A
    });
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['view-ineligible-status']);
  });

  it('leaves bad records out and says why', () => {
    const bad = attendance(
      [registrant('R', 'Registered'), registrant('R', 'No Show'), registrant('X', 'Maybe'), { status: 'No Show' } as unknown as Registrant],
      [view('R', afterEnd(1), 5), view('ghost', afterEnd(1), 5), view('R', 'yesterday', 5)],
    );
    const funnel = programFunnel(amsterdamEvent, bad, now);
    expect(funnel).toMatchObject({ invited: 1, registered: 1, attendedLive: 0, noShow: 1, attendedOnDemand: 1, rewatched: 0 });
    expect(funnel.diagnostics.map((diagnostic) => diagnostic.code).sort()).toEqual(
      ['registrant-duplicate', 'registrant-missing-lead-id', 'registrant-unknown-status', 'view-invalid-date', 'view-unknown-registrant'].sort(),
    );
  });

  it('counts only views reported so far and inside the window', () => {
    const partial = { ...data, reportedThrough: '2026-03-21' };
    expect(programFunnel(amsterdamEvent, partial, now)).toMatchObject({ attendedOnDemand: 1, rewatched: 1 }); // R and A on the 21st
    const late = { ...data, views: [view('S2', afterEnd(31), 20)] };
    expect(programFunnel(amsterdamEvent, late, new Date(afterEnd(40)))).toMatchObject({ attendedOnDemand: 0 });
  });

  it('is all zeros for an event without registrants', () => {
    const { diagnostics, ...funnel } = programFunnel(amsterdamEvent, attendance([], []), now);
    expect(funnel).toEqual({ invited: 0, registered: 0, attendedLive: 0, noShow: 0, attendedOnDemand: 0, rewatched: 0 });
    expect(diagnostics).toEqual([]);
  });

  it('rejects an invalid clock like every clocked call', () => {
    expect(() => programFunnel(amsterdamEvent, data, new Date(Number.NaN))).toThrow(/now/);
  });

  const STATUSES = ['Not in Program', 'Invited', 'Pending Approval', 'Rejected / Wait Listed', 'Registered', 'No Show', 'Attended', 'Attended On-Demand'];
  const people = fc.uniqueArray(fc.record({ leadId: fc.constantFrom(...'ABCDEFGHIJKLMNOP'), status: fc.constantFrom(...STATUSES) }), { selector: (person) => person.leadId });
  const views = fc.array(fc.record({ leadId: fc.constantFrom(...'ABCDEFGHIJKLMNOPQ'), day: fc.integer({ min: -1, max: 32 }), minutes: fc.integer({ min: 0, max: 90 }) }), { maxLength: 40 });

  it('agrees with the statistics and keeps the stages nested, for any data', () => {
    fc.assert(
      fc.property(people, views, (registrants: Registrant[], visits) => {
        const data = attendance(registrants, visits.map((visit): View => view(visit.leadId, afterEnd(visit.day, 30), visit.minutes)));
        const funnel = programFunnel(amsterdamEvent, data, now);
        const statistics = onDemandStatistics(amsterdamEvent, data, now);
        expect(funnel.attendedOnDemand).toBe(statistics.totalVisitors);
        expect(funnel.rewatched).toBe(statistics.rewatchers);
        expect(funnel.noShow + funnel.attendedLive).toBe(funnel.registered);
        expect(funnel.registered).toBeLessThanOrEqual(funnel.invited);
        expect(funnel.attendedOnDemand).toBeLessThanOrEqual(funnel.noShow);
        expect(funnel.rewatched).toBeLessThanOrEqual(funnel.attendedLive);
      }),
      { numRuns: 200 },
    );
  }, 30_000); // 200 runs of two full analyses: ~1.5 s here, several times that on a loaded CI machine.
});
