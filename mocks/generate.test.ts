import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDayOf,
  dailyOnDemandVisitors,
  daysRemaining,
  normalizeStatus,
  onDemandStatistics,
  onDemandWindow,
  resolveStatuses,
  type DiagnosticCode,
  type View,
} from '../src/core/index.ts';
import { generateWebinarData, REFERENCE_NOW, reportedThroughAt, startOfDay } from './generate.ts';
import { buildScenario, SCENARIO_NAMES, scenarioData } from './scenarios.ts';

const DAY = 86_400_000;

function utcOffset(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

describe('generateWebinarData', () => {
  const options = { seed: 11, registrants: 3000, noShowRate: 0.45, endsAt: '2026-03-07T19:00:00Z', now: new Date('2026-05-01T00:00:00Z') };

  it('is deterministic: the same seed gives the same data, another seed other data', () => {
    const first = generateWebinarData(options);
    expect(generateWebinarData(options).attendance).toEqual(first.attendance);
    expect(generateWebinarData({ ...options, seed: 12 }).attendance).not.toEqual(first.attendance);
  });

  it('spells statuses as exports do, all of them known to core', () => {
    const { registrants } = generateWebinarData(options).attendance;
    const spellings = new Set(registrants.map((registrant) => registrant.status));
    expect(spellings).toEqual(new Set(['No Show', 'no-show', 'NO_SHOW', 'Registered', 'Attended', 'attended', 'Invited', 'Pending Approval', 'Wait Listed']));
    for (const spelling of spellings) expect(() => normalizeStatus(spelling)).not.toThrow();
  });

  it('viewing decays after the event and bumps before the window closes; some live attendees rewatch', () => {
    const { event, attendance } = generateWebinarData(options);
    const { days, totalRewatchers, diagnostics } = dailyOnDemandVisitors(event, attendance);
    expect(diagnostics).toEqual([]);
    const visitors = days.map((day) => day.visitors ?? 0);
    const sum = (from: number, to: number) => visitors.slice(from, to).reduce((total, count) => total + count, 0);
    expect(sum(0, 3)).toBeGreaterThan(3 * sum(12, 15));
    // The "last chance" reminder: the last 4 days beat the 4 before them.
    expect(sum(visitors.length - 4, visitors.length)).toBeGreaterThan(sum(visitors.length - 8, visitors.length - 4));
    expect(totalRewatchers).toBeGreaterThan(0);
    const statuses = resolveStatuses(event, attendance).statuses;
    const rewatcher = attendance.registrants.find((registrant) => /attended/i.test(registrant.status) && attendance.views.some((view) => view.leadId === registrant.leadId));
    expect(statuses.get(rewatcher!.leadId)).toBe('attended');
  });

  it('before the event ends everyone is registered and nothing is watched', () => {
    const { attendance } = generateWebinarData({ ...options, now: new Date('2026-03-01T00:00:00Z') });
    expect(attendance.views).toEqual([]);
    expect(new Set(attendance.registrants.map((registrant) => normalizeStatus(registrant.status)))).toEqual(new Set(['registered', 'invited', 'pending-approval', 'rejected']));
  });

  it('serves what is reported by a clock: through the day before it (event zone), clamped to the window', () => {
    const generated = generateWebinarData(options);
    const { event } = generated;
    const at = new Date('2026-03-20T03:30:00Z'); // 23:30 on the 19th in New York
    const served = generated.attendanceAt(at);
    expect(served.reportedThrough).toBe('2026-03-18');
    expect(served.views.length).toBeGreaterThan(0);
    for (const view of served.views) expect(calendarDayOf(new Date(view.viewedAt), event.timeZone) <= '2026-03-18').toBe(true);
    const later = generated.attendanceAt(new Date('2026-03-25T12:00:00Z'));
    expect(later.views.length).toBeGreaterThan(served.views.length);
    expect(generated.attendanceAt(new Date('2026-06-01T00:00:00Z'))).toEqual({ ...generated.attendance, reportedThrough: onDemandWindow(event).lastDay });
    expect(reportedThroughAt(event, new Date('2026-06-01T00:00:00Z'))).toBe('2026-04-06');
  });

  it('startOfDay finds local midnight across a DST change', () => {
    expect(new Date(startOfDay('2026-03-08', 'America/New_York')).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(new Date(startOfDay('2026-03-09', 'America/New_York')).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(new Date(startOfDay('2026-03-30', 'Europe/Amsterdam')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});

describe('scenarios', () => {
  it('every scenario window contains a DST change at the reference clock', () => {
    // huge is checked in its own test (it takes a second to build).
    for (const name of SCENARIO_NAMES.filter((scenario) => scenario !== 'huge')) {
      const { event } = buildScenario(name);
      const window = onDemandWindow(event);
      expect(utcOffset(window.opensAfter, event.timeZone), name).not.toBe(utcOffset(window.closesAt, event.timeZone));
    }
  });

  it('are built relative to the clock', () => {
    const expectations: [string, number, string][] = [
      ['upcoming', -2, 'upcoming'],
      ['just-ended', 1, 'open'],
      ['mid-window', 12, 'open'],
      ['closing-soon', 27, 'closing'],
      ['closed', 40, 'closed'],
    ];
    for (const now of [REFERENCE_NOW, new Date('2026-11-29T08:07:00Z')]) {
      for (const [name, endedDaysAgo, phase] of expectations) {
        const { event } = buildScenario(name as 'upcoming', { now });
        expect((now.getTime() - Date.parse(event.endsAt)) / DAY, name).toBeCloseTo(endedDaysAgo, 1);
        expect(daysRemaining(event, now).phase, name).toBe(phase);
        expect(event.id).toBe(name);
      }
    }
    expect(daysRemaining(buildScenario('closing-soon').event, REFERENCE_NOW).days).toBe(3);
  });

  it('mid-window, as served, is at day 12 and crosses New York’s DST change', () => {
    const { event, attendance } = scenarioData('mid-window');
    const window = onDemandWindow(event);
    expect(attendance.reportedThrough).toBe(addDays(window.firstDay, 11));
    const offsets = new Set(attendance.views.map((view: View) => utcOffset(new Date(view.viewedAt), event.timeZone)));
    expect(offsets).toEqual(new Set(['GMT-05:00', 'GMT-04:00']));
  });

  it('no-views has registrants and an open window but no views', () => {
    const { event, attendance } = scenarioData('no-views');
    expect(attendance.registrants.length).toBeGreaterThan(0);
    expect(attendance.views).toEqual([]);
    expect(onDemandStatistics(event, attendance, REFERENCE_NOW)).toMatchObject({ phase: 'open', totalVisitors: 0, averageWatchMinutes: null });
  });

  it('bad-records holds one bad record of every kind core diagnoses', () => {
    const { event, attendance } = scenarioData('bad-records');
    const codes = new Set(onDemandStatistics(event, attendance, REFERENCE_NOW).diagnostics.map((diagnostic) => diagnostic.code));
    const every: DiagnosticCode[] = [
      'registrant-malformed', 'registrant-missing-lead-id', 'registrant-unknown-status', 'registrant-duplicate', 'registrant-invalid-live-minutes',
      'view-malformed', 'view-missing-lead-id', 'view-invalid-date', 'view-invalid-minutes', 'view-outside-window', 'view-not-yet-reported',
      'view-unknown-registrant', 'view-ineligible-status',
    ];
    expect(codes).toEqual(new Set(every));
  });

  // How fast it is generated and served is `npm run bench`'s business, not a unit test's (a busy
  // machine would fail a timed assertion): this checks the shape, and that serving filters the
  // generated typed arrays instead of parsing a million dates (it would take minutes then).
  it('huge: 200 000 registrants and about a million views, with a DST change inside its window', () => {
    const huge = buildScenario('huge');
    expect(huge.attendance.registrants).toHaveLength(200_000);
    expect(huge.attendance.views.length).toBeGreaterThan(900_000);
    expect(huge.attendance.views.length).toBeLessThan(1_100_000);
    const window = onDemandWindow(huge.event);
    expect(utcOffset(window.opensAfter, huge.event.timeZone)).not.toBe(utcOffset(window.closesAt, huge.event.timeZone));
    expect(huge.attendanceAt(REFERENCE_NOW).views.length).toBeGreaterThan(300_000);
  }, 120_000);
});
