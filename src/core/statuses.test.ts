import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './errors.ts';
import { laterStatus, normalizeStatus, PROGRAM_STATUS_STEPS, type ProgramStatus } from './statuses.ts';

describe('normalizeStatus', () => {
  it.each([
    ['Not in Program', 'not-in-program'],
    ['Invited', 'invited'],
    ['Pending Approval', 'pending-approval'],
    ['Rejected', 'rejected'],
    ['Wait Listed', 'rejected'],
    ['Registered', 'registered'],
    ['No Show', 'no-show'],
    ['no_show', 'no-show'],
    ['NO-SHOW', 'no-show'],
    ['Attended', 'attended'],
    ['Attended On-Demand', 'attended-on-demand'],
    ['Attended On-demand', 'attended-on-demand'],
    ['attended_on_demand', 'attended-on-demand'],
    ['  attended   on demand ', 'attended-on-demand'],
  ])('reads %j as %s', (text, status) => {
    expect(normalizeStatus(text)).toBe(status);
  });

  it('rejects unknown text with a diagnostic that lists the accepted statuses', () => {
    expect(() => normalizeStatus('Watched')).toThrow(InvalidInputError);
    expect(() => normalizeStatus('Watched')).toThrow(/Unknown program status "Watched".*Attended On-Demand/);
    expect(() => normalizeStatus('')).toThrow(InvalidInputError);
  });
});

describe('laterStatus', () => {
  const statuses = Object.keys(PROGRAM_STATUS_STEPS) as ProgramStatus[];

  // A property test (fast-check): well under a second idle; 30 s so a busy CI host cannot fail it on time alone.
  it('never moves a status backwards', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.constantFrom(...statuses), (current, candidate) => {
        const next = laterStatus(current, candidate);
        expect(PROGRAM_STATUS_STEPS[next]).toBe(Math.max(PROGRAM_STATUS_STEPS[current], PROGRAM_STATUS_STEPS[candidate]));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps Attended On-Demand above Attended', () => {
    expect(laterStatus('attended-on-demand', 'attended')).toBe('attended-on-demand');
    expect(laterStatus('no-show', 'attended-on-demand')).toBe('attended-on-demand');
  });
});
