import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, createDayInZone, daysBetween, isCalendarDay, isoWeekday, monthOf, parseInstant } from './calendar.ts';

describe('parseInstant', () => {
  // A property test (fast-check): well under a second idle; 30 s so a busy CI host cannot fail it on time alone.
  it('agrees with Date.parse on every ISO-8601 instant with an offset', { timeout: 30_000 }, () => {
    const pad = (value: number, length = 2) => String(value).padStart(length, '0');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.constantFrom('', ':ss', ':ss.f', ':ss.fff', ':ss.ffffff'),
        fc.integer({ min: -14 * 4, max: 14 * 4 }).map((quarters) => quarters * 15),
        fc.boolean(),
        (date, seconds, offsetMinutes, colon) => {
          const local = new Date(date.getTime() + offsetMinutes * 60_000);
          const offset = offsetMinutes === 0 && colon ? 'Z' : `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}${colon ? ':' : ''}${pad(Math.abs(offsetMinutes) % 60)}`;
          const fraction = seconds
            .replace('ss', pad(local.getUTCSeconds()))
            .replace(/f+/, (f) => pad(local.getUTCMilliseconds(), 3).padEnd(f.length, '7').slice(0, f.length));
          const text = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}${fraction}${offset}`;
          expect(parseInstant(text)).toBe(Date.parse(text));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each([
    '2026-03-21T10:00:00', // no offset: would be read in the runtime's zone
    '2026-03-21',
    '2026-03-21 10:00:00Z',
    '2026-02-29T10:00:00Z',
    '2026-04-31T10:00:00Z',
    '2026-03-21T24:00:00Z',
    '2026-03-21T10:60:00Z',
    '2026-03-21T10:00:00.Z',
    '2026-03-21T10:00:00+25:00',
    '2026-03-21T10:00:00Zjunk',
    'March 21, 2026 10:00 GMT',
    '',
  ])('refuses %j', (text) => {
    expect(parseInstant(text)).toBeNull();
  });

  it('accepts leap days and valid Dates, refuses invalid Dates and other types', () => {
    expect(parseInstant('2028-02-29T00:00:00Z')).toBe(Date.UTC(2028, 1, 29));
    expect(parseInstant(new Date(5))).toBe(5);
    expect(parseInstant(new Date(Number.NaN))).toBeNull();
    expect(parseInstant(1_700_000_000_000)).toBeNull();
  });

  // Date.UTC reads the years 0–99 as 1900–1999: '0099-05-01' must not become 1999-05-01.
  it('reads the years 0000–0099 exactly, not as 1900–1999', () => {
    const exactly = (text: string) => new Date(Date.parse(text)).toISOString();
    for (const text of ['0099-05-01T00:00:00Z', '0000-01-01T00:00:00Z', '0001-12-31T23:59:59.999Z', '0050-06-15T12:30:00+02:00', '0099-12-31T23:00:00-01:00']) {
      const time = parseInstant(text);
      expect(time, text).toBe(Date.parse(text));
      expect(new Date(time!).toISOString(), text).toBe(exactly(text));
    }
    expect(new Date(parseInstant('0099-05-01T00:00:00Z')!).getUTCFullYear()).toBe(99);
    // Leap days follow the year itself: 0000 and 0096 are leap years, 0100 is not (1900 is not, 1996 is).
    expect(parseInstant('0000-02-29T00:00:00Z')).toBe(Date.parse('0000-02-29T00:00:00Z'));
    expect(parseInstant('0096-02-29T00:00:00Z')).toBe(Date.parse('0096-02-29T00:00:00Z'));
    expect(parseInstant('0100-02-29T00:00:00Z')).toBeNull();
    expect(parseInstant('0099-02-29T00:00:00Z')).toBeNull();
  });

  // A property test (fast-check): well under a second idle; 30 s so a busy CI host cannot fail it on time alone.
  it('agrees with Date.parse across the years 0000–0199', { timeout: 30_000 }, () => {
    const pad = (value: number, length = 2) => String(value).padStart(length, '0');
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('0199-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        const text = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}Z`;
        expect(parseInstant(text)).toBe(date.getTime());
      }),
      { numRuns: 300 },
    );
  });
});

describe('calendar days', () => {
  it.each([
    ['2026-03-21', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-3-1', false],
    [20260321, false],
  ])('isCalendarDay(%j) is %s', (text, expected) => {
    expect(isCalendarDay(text)).toBe(expected);
  });

  it('does day arithmetic without a time zone', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysBetween('2026-03-20', '2026-04-19')).toBe(30);
    expect(isoWeekday('2026-03-30')).toBe(1);
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(monthOf('2028-02-10')).toEqual(['2028-02-01', '2028-02-29']);
    expect(monthOf('2026-12-31')).toEqual(['2026-12-01', '2026-12-31']);
  });

  it('maps instants to days in a zone with a 45-minute offset', () => {
    const day = createDayInZone('Asia/Kathmandu'); // UTC+05:45
    expect(day(Date.parse('2026-03-21T18:14:59Z'))).toBe('2026-03-21');
    expect(day(Date.parse('2026-03-21T18:15:00Z'))).toBe('2026-03-22');
  });
});
