/*
 * Computation benchmark: `npm run bench`. Builds deterministic attendance data, then times the
 * core calls a dashboard makes (onDemandStatistics + dailyOnDemandVisitors + one selectAudience)
 * next to a naive reference implementation, in the same run. Prints figures; asserts nothing
 * about speed (only that both implementations agree).
 */
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import {
  dailyOnDemandVisitors,
  normalizeStatus,
  onDemandStatistics,
  onDemandWindow,
  selectAudience,
  type Attendance,
  type AttendanceCriteria,
  type WebinarEvent,
} from '../src/core/index.ts';

const event: WebinarEvent = {
  id: 'bench',
  name: 'Benchmark webinar',
  startsAt: '2026-03-20T15:00:00Z',
  endsAt: '2026-03-20T16:00:00Z',
  timeZone: 'Europe/Amsterdam',
};
const now = new Date('2026-04-05T12:00:00Z');
const criteria: AttendanceCriteria = {
  version: 1,
  kind: 'has-attended',
  eventMode: 'on-demand',
  watchDate: { operator: 'in-past', days: 7 },
  watchDuration: { operator: 'at-least', minutes: 10 },
};

/** mulberry32: a tiny seeded PRNG so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function benchAttendance(viewCount: number, registrantCount: number, seed = 1): Attendance {
  const next = random(seed);
  const registrants = Array.from({ length: registrantCount }, (_, index) => {
    const roll = next();
    const status = roll < 0.55 ? 'No Show' : roll < 0.95 ? 'Attended' : 'Registered';
    return { leadId: `L${index}`, status };
  });
  const endsAt = Date.parse(event.endsAt);
  const views = Array.from({ length: viewCount }, () => {
    // Most viewing in the first days, decaying over the window.
    const offset = Math.floor(-Math.log(1 - next() * 0.999) * 6 * 86_400_000) % (30 * 86_400_000);
    return {
      leadId: `L${Math.floor(next() * registrantCount)}`,
      viewedAt: new Date(endsAt + 60_000 + offset).toISOString(),
      minutes: Math.round(next() * 600) / 10,
    };
  });
  return { registrants, views, reportedThrough: '2026-04-04' };
}

/**
 * The straightforward implementation: each view's day via toLocaleDateString (no memo),
 * then one scan of all views per day of the window, and one scan per query.
 */
function naiveDashboard(attendance: Attendance): { dailyVisitors: number[]; totalVisitors: number; averageMinutes: number; audience: number } {
  const window = onDemandWindow(event);
  const opensAfter = window.opensAfter.getTime();
  const closesAt = window.closesAt.getTime();
  const statusOf = new Map(attendance.registrants.map((registrant) => [registrant.leadId, normalizeStatus(registrant.status)]));
  const dayOf = (iso: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: event.timeZone });
  const counted = attendance.views
    .filter((view) => {
      const time = Date.parse(view.viewedAt);
      const status = statusOf.get(view.leadId);
      return time > opensAfter && time <= closesAt && status !== undefined && ['registered', 'no-show', 'attended', 'attended-on-demand'].includes(status);
    })
    .map((view) => ({ ...view, day: dayOf(view.viewedAt) }))
    .filter((view) => view.day <= attendance.reportedThrough);
  const days: string[] = [];
  for (let day = window.firstDay; day <= window.lastDay; day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) days.push(day);
  const dailyVisitors = days.map((day) =>
    day > attendance.reportedThrough ? 0 : new Set(counted.filter((view) => view.day === day && statusOf.get(view.leadId) !== 'attended').map((view) => view.leadId)).size,
  );
  const totalVisitors = new Set(counted.filter((view) => statusOf.get(view.leadId) !== 'attended').map((view) => view.leadId)).size;
  const minutesByVisitor = new Map<string, number>();
  for (const view of counted) minutesByVisitor.set(view.leadId, (minutesByVisitor.get(view.leadId) ?? 0) + view.minutes);
  const averageMinutes = [...minutesByVisitor.values()].reduce((a, b) => a + b, 0) / minutesByVisitor.size;
  const today = now.toLocaleDateString('sv-SE', { timeZone: event.timeZone });
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
  const audience = new Set<string>();
  for (const day of days) {
    if (day < from || day > today) continue;
    const minutes = new Map<string, number>();
    for (const view of counted) if (view.day === day) minutes.set(view.leadId, (minutes.get(view.leadId) ?? 0) + view.minutes);
    for (const [leadId, total] of minutes) if (total >= 10) audience.add(leadId);
  }
  return { dailyVisitors, totalVisitors, averageMinutes, audience: audience.size };
}

function kitDashboard(attendance: Attendance) {
  const stats = onDemandStatistics(event, attendance, now);
  const summary = dailyOnDemandVisitors(event, attendance);
  const audience = selectAudience(event, attendance, criteria, now);
  return { dailyVisitors: summary.days.map((day) => day.visitors ?? 0), totalVisitors: stats.totalVisitors, averageMinutes: stats.averageWatchMinutes ?? 0, audience: audience.length };
}

function timed<T>(run: () => T): { result: T; milliseconds: number } {
  const start = performance.now();
  const result = run();
  return { result, milliseconds: performance.now() - start };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}

const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const views = Number(process.env.BENCH_VIEWS ?? 1_000_000);
const registrants = Number(process.env.BENCH_REGISTRANTS ?? 200_000);

console.log(`Building ${views.toLocaleString('en')} views / ${registrants.toLocaleString('en')} registrants (seeded)…`);
const attendance = benchAttendance(views, registrants);
const kitTimes: number[] = [];
const naiveTimes: number[] = [];
let kit: ReturnType<typeof kitDashboard> | undefined;
let naive: ReturnType<typeof naiveDashboard> | undefined;
for (let run = 0; run < repeats; run++) {
  const measuredKit = timed(() => kitDashboard(attendance));
  kitTimes.push(measuredKit.milliseconds);
  kit = measuredKit.result;
  const measuredNaive = timed(() => naiveDashboard(attendance));
  naiveTimes.push(measuredNaive.milliseconds);
  naive = measuredNaive.result;
}
if (!kit || !naive || kit.totalVisitors !== naive.totalVisitors || kit.audience !== naive.audience || kit.dailyVisitors.join() !== naive.dailyVisitors.join() || Math.abs(kit.averageMinutes - naive.averageMinutes) > 1e-6) {
  console.error('The kit and the naive reference disagree:', { kit, naive });
  process.exit(1);
}
const kitMedian = median(kitTimes);
const naiveMedian = median(naiveTimes);
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; median of ${repeats} runs`);
console.log('| implementation | statistics + daily visitors + one audience | ratio |');
console.log('|---|---:|---:|');
console.log(`| kit (core) | ${kitMedian.toFixed(0)} ms | 1.0× |`);
console.log(`| naive reference | ${naiveMedian.toFixed(0)} ms | ${(naiveMedian / kitMedian).toFixed(1)}× slower |`);
console.log(`Results agree: ${kit.totalVisitors} visitors, audience ${kit.audience}, average ${kit.averageMinutes.toFixed(1)} min.`);
