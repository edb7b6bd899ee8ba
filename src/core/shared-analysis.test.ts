/*
 * The shared analysis of the public API (issue #18): the local-midnight day breaks that replace
 * per-bucket Intl formatting, the epoch-day arithmetic, the per-attendance memo and the
 * `analyzeAttendance` result taken in place of `event, attendance`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attendanceArbitrary, criteriaArbitrary, nowArbitrary } from '../../test/fixtures/core-arbitraries.ts';
import { amsterdamEvent as event } from '../../test/fixtures/core-fixtures.ts';
import { isAttendanceAnalysis, sharedAnalysis } from './activity.ts';
import { breakIndexOf, createDayInZone, daysFromTo, epochDayOf, epochDayOfDay, localDayBreaks, MILLISECONDS_PER_DAY, parseInstant, QUARTER_HOUR } from './calendar.ts';
import {
  analyzeAttendance,
  audienceMembers,
  dailyOnDemandActivity,
  dailyOnDemandVisitors,
  onDemandStatistics,
  programFunnel,
  projectOnDemandVisitors,
  resolveStatuses,
  selectAudience,
  type Attendance,
} from './index.ts';

// Zones with DST at 02:00, at midnight (Santiago, historical São Paulo and Havana), half-hour DST
// (Lord Howe), quarter-hour offsets (Kathmandu, Chatham), two-hour DST (Troll), Ramadan breaks
// (Casablanca), a skipped day (Apia, December 2011) and a southern-hemisphere DST (Sydney).
const ZONES = [
  'UTC',
  'Europe/Amsterdam',
  'America/Los_Angeles',
  'America/Santiago',
  'America/Sao_Paulo',
  'America/Havana',
  'Australia/Lord_Howe',
  'Australia/Sydney',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Antarctica/Troll',
  'Africa/Casablanca',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'Asia/Tokyo',
];
const SPAN = 30 * MILLISECONDS_PER_DAY;

describe('localDayBreaks', () => {
  it('gives every instant of a 30-day span the day Intl gives it, in every kind of zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.array(fc.integer({ min: 0, max: SPAN }), { minLength: 1, maxLength: 40 }),
        (timeZone, from, offsets) => {
          const breaks = localDayBreaks(timeZone, from, from + SPAN);
          const dayOf = createDayInZone(timeZone);
          for (const offset of offsets) {
            const instant = from + offset;
            const [year, month, date] = dayOf(instant).split('-').map(Number) as [number, number, number];
            expect(breaks.day[breakIndexOf(breaks.at, instant)], `${timeZone} ${new Date(instant).toISOString()}`).toBe(epochDayOf(year, month, date));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds each local midnight to the quarter hour, across DST changes (Amsterdam, spring 2026)', () => {
    const from = Date.parse('2026-03-20T16:00:00.001Z');
    const breaks = localDayBreaks('Europe/Amsterdam', from, from + SPAN);
    const at = [...breaks.at].map((instant) => new Date(instant).toISOString());
    expect(at.slice(0, 3)).toEqual(['2026-03-20T16:00:00.001Z', '2026-03-20T23:00:00.000Z', '2026-03-21T23:00:00.000Z']);
    // Summer time from 29 March: midnight is 22:00 UTC from the 30th on.
    expect(at).toContain('2026-03-28T23:00:00.000Z');
    expect(at).toContain('2026-03-29T22:00:00.000Z');
    expect(breaks.at.length).toBe(31);
    // Every break on a UTC quarter hour but the first (the window's first instant).
    for (const instant of [...breaks.at].slice(1)) expect(instant % QUARTER_HOUR).toBe(0);
  });

  it('steps back a day where a DST change at midnight repeats the evening before (Santiago, April 2026)', () => {
    // Chile leaves summer time at 00:00 on Sunday 5 April 2026: 00:00 → 23:00 on Saturday the 4th.
    const from = Date.parse('2026-03-25T12:00:00Z');
    const breaks = localDayBreaks('America/Santiago', from, from + SPAN);
    const dayOf = createDayInZone('America/Santiago');
    for (let instant = from; instant <= from + SPAN; instant += QUARTER_HOUR) {
      const [year, month, date] = dayOf(instant).split('-').map(Number) as [number, number, number];
      expect(breaks.day[breakIndexOf(breaks.at, instant)]).toBe(epochDayOf(year, month, date));
    }
  });
});

describe('parseInstant by arithmetic', () => {
  // The shape parseInstant checks, as the reference for which texts it must refuse.
  const INSTANT = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;

  it('reads what toISOString writes (years 0–9999), and with any one character changed agrees with Date.parse or refuses', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }),
        fc.nat({ max: 23 }),
        fc.constantFrom(...'0123456789-:.TtZz+ x'),
        (date, at, character) => {
          const text = date.toISOString();
          expect(parseInstant(text)).toBe(date.getTime());
          const changed = text.slice(0, at) + character + text.slice(at + 1);
          const time = Date.parse(changed);
          // A real instant reads back to the same wall clock; Date.parse rolls 02-30 into March.
          const real = Number.isFinite(time) && new Date(time).toISOString().slice(8, 10) === changed.slice(8, 10);
          expect(parseInstant(changed), changed).toBe(INSTANT.test(changed) && real ? time : null);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('epoch days', () => {
  it('agree with Date.UTC for the years 100–9999, and daysFromTo lists consecutive days', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0100-01-01T00:00:00Z'), max: new Date('9999-10-01T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 0, max: 40 }), (date, length) => {
        const day = date.toISOString().slice(0, 10);
        const epochDay = Math.floor(date.getTime() / MILLISECONDS_PER_DAY);
        expect(epochDayOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(epochDay);
        expect(epochDayOfDay(day)).toBe(epochDay);
        const last = new Date((epochDay + length) * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
        const days = daysFromTo(day, last);
        expect(days).toHaveLength(length + 1);
        days.forEach((listed, offset) => expect(listed).toBe(new Date((epochDay + offset) * MILLISECONDS_PER_DAY).toISOString().slice(0, 10)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the shared analysis', () => {
  const attendance = (): Attendance => ({
    registrants: [
      { leadId: 'L1', status: 'No Show' },
      { leadId: 'L2', status: 'Attended' },
    ],
    views: [
      { leadId: 'L1', viewedAt: '2026-03-21T10:00:00Z', minutes: 12 },
      { leadId: 'L2', viewedAt: '2026-03-22T10:00:00Z', minutes: 3 },
    ],
    reportedThrough: '2026-04-19',
  });

  it('analyzes one attendance object once for all the public calls', () => {
    const data = attendance();
    const analysis = sharedAnalysis(event, data);
    expect(sharedAnalysis({ ...event }, data)).toBe(analysis);
    expect(sharedAnalysis(event, { ...data })).not.toBe(analysis);
    // A different event is a different analysis.
    expect(sharedAnalysis({ ...event, timeZone: 'Asia/Tokyo' }, data)).not.toBe(analysis);
  });

  it('serves the funnel, the projection and the audience members from the same analysis', () => {
    // Changing a record in place is what the memo does not notice (documented): an answer that
    // still shows the old record came from the analysis made before the change.
    const data = attendance();
    const now = new Date('2026-03-25T00:00:00Z');
    expect(onDemandStatistics(event, data, now).totalVisitors).toBe(1);
    (data.registrants[0] as { status: string }).status = 'Attended';
    Object.assign(data.views[0] as object, { minutes: 99, viewedAt: '2026-03-23T10:00:00Z' });
    expect(programFunnel(event, data, now)).toMatchObject({ attendedLive: 1, attendedOnDemand: 1 });
    expect(audienceMembers(event, data, { version: 1, kind: 'has-attended', eventMode: 'on-demand' }, now).map((member) => member.onDemandMinutes)).toEqual([12, 3]);
    const before = projectOnDemandVisitors(event, attendance(), now);
    expect(projectOnDemandVisitors(event, data, now)).toEqual(before);
    // A fresh attendance object is analyzed afresh.
    const copy = { ...data };
    expect(programFunnel(event, copy, now)).toMatchObject({ attendedLive: 2, attendedOnDemand: 0 });
    expect(projectOnDemandVisitors(event, copy, now)).not.toEqual(before);
  });

  it('notices replaced arrays, added records and a new reportedThrough', () => {
    const data = attendance() as { -readonly [K in keyof Attendance]: Attendance[K] } & { views: Attendance['views'][number][] };
    expect(dailyOnDemandVisitors(event, data).totalVisitors).toBe(1);
    data.registrants = [...data.registrants, { leadId: 'L3', status: 'Registered' }];
    data.views.push({ leadId: 'L3', viewedAt: '2026-03-23T10:00:00Z', minutes: 4 });
    expect(dailyOnDemandVisitors(event, data).totalVisitors).toBe(2);
    data.reportedThrough = '2026-03-21';
    expect(dailyOnDemandVisitors(event, data).totalVisitors).toBe(1);
  });

  it('hands out copies of the diagnostics, never the shared array', () => {
    const data = { ...attendance(), views: [...attendance().views, { leadId: 'nobody', viewedAt: '2026-03-21T10:00:00Z', minutes: 1 }] };
    const first = onDemandStatistics(event, data, new Date('2026-03-25T00:00:00Z')).diagnostics;
    first.length = 0;
    expect(dailyOnDemandVisitors(event, data).diagnostics).toHaveLength(1);
    expect(dailyOnDemandActivity(event, data).diagnostics).toHaveLength(1);
    expect(resolveStatuses(event, data).diagnostics).toHaveLength(1);
  });

  it('tells an analysis from an event or attendance', () => {
    expect(isAttendanceAnalysis(analyzeAttendance(event, attendance()))).toBe(true);
    expect(isAttendanceAnalysis(event)).toBe(false);
    expect(isAttendanceAnalysis(attendance())).toBe(false);
    expect(isAttendanceAnalysis(null)).toBe(false);
  });

  it('gives the same answers from an analysis as from event and attendance, for any data', () => {
    fc.assert(
      fc.property(attendanceArbitrary, criteriaArbitrary, nowArbitrary, (data, criteria, now) => {
        const analysis = analyzeAttendance(event, data);
        expect(onDemandStatistics(analysis, now)).toEqual(onDemandStatistics(event, data, now));
        expect(onDemandStatistics(analysis, now, { closingThreshold: 2 })).toEqual(onDemandStatistics(event, data, now, { closingThreshold: 2 }));
        expect(dailyOnDemandVisitors(analysis)).toEqual(dailyOnDemandVisitors(event, data));
        expect(dailyOnDemandVisitors(analysis, { from: analysis.window.firstDay, to: analysis.window.firstDay })).toEqual(
          dailyOnDemandVisitors(event, data, { from: analysis.window.firstDay, to: analysis.window.firstDay }),
        );
        expect(selectAudience(analysis, criteria, now)).toEqual(selectAudience(event, data, criteria, now));
        // And the memo answers as a fresh analysis would.
        expect(selectAudience(event, { ...data }, criteria, now)).toEqual(selectAudience(event, data, criteria, now));
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
