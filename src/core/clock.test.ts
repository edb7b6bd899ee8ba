import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterEnd, amsterdamEvent } from '../../test/fixtures/core-fixtures.ts';
import { nextClockChange } from './clock.ts';
import { daysRemaining } from './window.ts';

describe('nextClockChange', () => {
  it.each([
    ['before the event: the window opening', afterEnd(0, -60), afterEnd(0, 1 / 60_000)],
    ['mid-window at 09:00 local: the days-remaining step at 17:00', '2026-03-25T08:00:00Z', '2026-03-25T16:00:00.000Z'],
    ['mid-window at 20:00 local: midnight in Amsterdam', '2026-03-25T19:00:00Z', '2026-03-25T23:00:00.000Z'],
    ['on the DST night: midnight is 22:00 UTC', '2026-03-29T20:00:00Z', '2026-03-29T22:00:00.000Z'],
    ['after closing: the next midnight', afterEnd(40), '2026-04-29T22:00:00.000Z'],
  ])('%s', (_, now, expected) => {
    expect(nextClockChange(amsterdamEvent, new Date(now)).toISOString()).toBe(new Date(expected).toISOString());
  });

  // A property test (fast-check): well under a second idle; 30 s so a busy CI host cannot fail it on time alone.
  it('nothing clock-dependent changes before the instant it returns', { timeout: 30_000 }, () => {
    const start = Date.parse(amsterdamEvent.endsAt) - 2 * 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 35 * 86_400_000 }), (offset) => {
        const now = new Date(start + offset);
        const next = nextClockChange(amsterdamEvent, now);
        expect(next.getTime()).toBeGreaterThan(now.getTime());
        expect(daysRemaining(amsterdamEvent, new Date(next.getTime() - 1))).toEqual(daysRemaining(amsterdamEvent, now));
      }),
      { numRuns: 1000 },
    );
  });
});
