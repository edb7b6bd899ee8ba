import { describe, expect, it } from 'vitest';
import { afterEnd, amsterdamEvent } from '../../test/fixtures/core-fixtures.ts';
import { MILLISECONDS_PER_DAY } from './calendar.ts';
import { InvalidInputError } from './errors.ts';
import { daysRemaining, ON_DEMAND_TRACKING_DAYS, ON_DEMAND_WINDOW_MILLISECONDS, onDemandWindow, WINDOW_PHASES, type WindowPhase } from './window.ts';

describe('onDemandWindow', () => {
  it('is 30 × 24 h after the event ends, in absolute time', () => {
    const window = onDemandWindow(amsterdamEvent);
    expect(ON_DEMAND_TRACKING_DAYS).toBe(30);
    expect(window.opensAfter.toISOString()).toBe('2026-03-20T16:00:00.000Z');
    expect(window.closesAt.toISOString()).toBe('2026-04-19T16:00:00.000Z');
    expect(window.firstDay).toBe('2026-03-20');
    expect(window.lastDay).toBe('2026-04-19');
  });

  it('names its days in the event zone, not UTC', () => {
    // Ends 23:30 UTC = 08:30 next day in Tokyo.
    const window = onDemandWindow({ ...amsterdamEvent, endsAt: '2026-03-20T23:30:00Z', timeZone: 'Asia/Tokyo' });
    expect(window.firstDay).toBe('2026-03-21');
    expect(window.lastDay).toBe('2026-04-20');
  });

  it('starts on the next day when the event ends exactly at local midnight', () => {
    const window = onDemandWindow({ ...amsterdamEvent, startsAt: '2026-03-20T21:00:00Z', endsAt: '2026-03-20T23:00:00Z' });
    expect(window.firstDay).toBe('2026-03-21');
  });

  it.each([
    [{ ...amsterdamEvent, endsAt: 'tomorrow' }, 'event.endsAt'],
    [{ ...amsterdamEvent, endsAt: '2026-03-20T16:00:00' }, 'event.endsAt'],
    [{ ...amsterdamEvent, endsAt: undefined }, 'event.endsAt'],
    [{ ...amsterdamEvent, startsAt: 'x' }, 'event.startsAt'],
    [{ ...amsterdamEvent, startsAt: '2026-03-21T16:00:00Z' }, 'event.startsAt'],
    [{ ...amsterdamEvent, timeZone: 'Mars/Olympus' }, 'event.timeZone'],
    [{ ...amsterdamEvent, timeZone: '' }, 'event.timeZone'],
    [null, 'event'],
  ])('throws a typed error naming the field for %j', (event, field) => {
    const call = () => onDemandWindow(event as never);
    expect(call).toThrow(InvalidInputError);
    try {
      call();
    } catch (error) {
      expect((error as InvalidInputError).field).toBe(field);
      expect((error as Error).message).toContain(field);
    }
  });
});

describe('daysRemaining', () => {
  it.each([
    ['an hour before the end', afterEnd(0, -60), 30, 'upcoming'],
    ['at the end itself', afterEnd(0), 30, 'upcoming'],
    ['a minute after the end', afterEnd(0, 1), 30, 'open'],
    ['after 1 day exactly', afterEnd(1), 29, 'open'],
    ['after 24 days and 1 hour', afterEnd(24, 60), 6, 'open'],
    ['after 25 days', afterEnd(25), 5, 'closing'],
    ['half a day before closing', afterEnd(29, 720), 1, 'closing'],
    ['at closing', afterEnd(30), 0, 'closed'],
    ['long after closing', afterEnd(45), 0, 'closed'],
  ])('%s', (_, now, days, phase) => {
    expect(daysRemaining(amsterdamEvent, new Date(now))).toEqual({ days, phase });
  });

  it('uses the closing threshold given', () => {
    expect(daysRemaining(amsterdamEvent, new Date(afterEnd(21)), 10)).toEqual({ days: 9, phase: 'closing' });
    expect(daysRemaining(amsterdamEvent, new Date(afterEnd(25)), 0)).toEqual({ days: 5, phase: 'open' });
  });

  it.each([-1, 1.5, 31, Number.NaN])('rejects closing threshold %s', (threshold) => {
    expect(() => daysRemaining(amsterdamEvent, new Date(afterEnd(3)), threshold)).toThrow(/closingThreshold/);
  });

  it('rejects an invalid clock', () => {
    expect(() => daysRemaining(amsterdamEvent, new Date('nope'))).toThrow(InvalidInputError);
  });

  it('passes through WINDOW_PHASES in their order, and through no other phase', () => {
    const seen: WindowPhase[] = [];
    for (let hours = -24; hours <= (ON_DEMAND_TRACKING_DAYS + 1) * 24; hours++) {
      const { phase } = daysRemaining(amsterdamEvent, new Date(Date.parse(amsterdamEvent.endsAt) + hours * 3_600_000));
      if (seen.at(-1) !== phase) seen.push(phase);
    }
    expect(seen).toEqual(WINDOW_PHASES);
    expect(Object.isFrozen(WINDOW_PHASES)).toBe(true);
    expect(ON_DEMAND_WINDOW_MILLISECONDS).toBe(2_592_000_000);
    // Written out in window.ts (so bundles can drop it); it must stay the product of the two.
    expect(ON_DEMAND_WINDOW_MILLISECONDS).toBe(ON_DEMAND_TRACKING_DAYS * MILLISECONDS_PER_DAY);
  });
});
