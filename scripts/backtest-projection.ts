/*
 * Backtest of `projectOnDemandVisitors` (docs/domain.md, "Projection"): `npm run backtest`.
 * Generates events whose final count is known — sizes from tens to thousands of visitors,
 * geometric, power-law and mixed decay, weekend dips, late reminder spikes, eight time zones and
 * end hours round the clock — cuts each at 7 and 14 reported days, projects, and compares with
 * the truth. Prints the band's coverage and the median absolute error, overall and by kind of
 * event, and writes the table into README between the `projection` markers.
 *
 * The generator is not the model: visits happen in continuous time (hours after the end), days
 * are local calendar days, and weekend dips and reminder spikes are outside what the model knows.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { seededRandom, type Random } from '../mocks/random.ts';
import { addDays, calendarDayOf, onDemandStatistics, onDemandWindow, projectOnDemandVisitors, type Registrant, type View, type WebinarEvent } from '../src/core/index.ts';

const EVENTS = Number(process.env['BACKTEST_EVENTS'] ?? 200);
const CUTS = [7, 14] as const;
const ZONES = ['America/New_York', 'America/Los_Angeles', 'Europe/Amsterdam', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Adelaide', 'Pacific/Chatham', 'UTC'];
const DAY = 86_400_000;

interface Generated {
  event: WebinarEvent;
  registrants: Registrant[];
  views: View[];
  kind: { size: string; decay: string; spike: boolean };
}

/** A delay after the end, in days, for one visitor's first visit. */
type Delay = (random: Random) => number;

function generate(random: Random, index: number): Generated {
  const visitors = Math.round(Math.exp(Math.log(20) + random() * (Math.log(5000) - Math.log(20))));
  const endsAt = Date.UTC(2026, Math.floor(random() * 12), 1 + Math.floor(random() * 28), Math.floor(random() * 24), Math.floor(random() * 4) * 15);
  const timeZone = ZONES[Math.floor(random() * ZONES.length)] as string;
  const event: WebinarEvent = { id: `backtest-${index}`, name: `Backtest ${index}`, startsAt: new Date(endsAt - 3_600_000).toISOString(), endsAt: new Date(endsAt).toISOString(), timeZone };
  const family = Math.floor(random() * 3);
  let delay: Delay;
  let decay: string;
  if (family === 0) {
    const meanDays = 1 + random() * 6;
    delay = (r) => -Math.log(1 - r()) * meanDays;
    decay = 'geometric';
  } else if (family === 1) {
    const alpha = 0.8 + random() * 1.5;
    const scale = 0.5 + random() * 2;
    delay = (r) => ((1 - r()) ** (-1 / alpha) - 1) * scale;
    decay = 'power law';
  } else {
    const fast = 0.5 + random() * 1.5;
    const slow = 6 + random() * 10;
    const share = 0.5 + random() * 0.4;
    delay = (r) => -Math.log(1 - r()) * (r() < share ? fast : slow);
    decay = 'mixed';
  }
  const spike = random() < 0.3;
  const spikeDay = 8 + random() * 17;
  const spikeShare = 0.05 + random() * 0.15;
  const registrants: Registrant[] = [];
  const views: View[] = [];
  for (let person = 0; person < visitors; person++) {
    const leadId = `L${person}`;
    registrants.push({ leadId, status: 'No Show' });
    let days = spike && random() < spikeShare ? spikeDay + random() * 0.7 : delay(random);
    // Weekends: four in ten visits that would fall on a Saturday or Sunday (local) happen a day or two later.
    const weekday = new Date(endsAt + days * DAY).getUTCDay();
    if ((weekday === 0 || weekday === 6) && random() < 0.4) days += weekday === 6 ? 2 : 1;
    const at = endsAt + Math.max(1, Math.round(days * DAY));
    views.push({ leadId, viewedAt: new Date(at).toISOString(), minutes: 1 + Math.round(random() * 40) });
    if (random() < 0.3) views.push({ leadId, viewedAt: new Date(at + random() * 5 * DAY).toISOString(), minutes: 5 });
  }
  // People who never watch, and live attendees (some rewatch): they must not count.
  for (let person = 0; person < visitors; person++) registrants.push({ leadId: `N${person}`, status: 'No Show' });
  for (let person = 0; person < visitors / 2; person++) {
    registrants.push({ leadId: `A${person}`, status: 'Attended', liveMinutes: 30 });
    if (random() < 0.2) views.push({ leadId: `A${person}`, viewedAt: new Date(endsAt + random() * 20 * DAY).toISOString(), minutes: 3 });
  }
  const size = visitors < 100 ? 'tens (< 100)' : visitors < 1000 ? 'hundreds' : 'thousands';
  return { event, registrants, views, kind: { size, decay, spike } };
}

interface Outcome {
  cut: number;
  kind: Generated['kind'];
  covered: boolean;
  error: number;
  width: number;
}

const SEED = Number(process.env['BACKTEST_SEED'] ?? 2026);
const random = seededRandom(SEED);
const outcomes: Outcome[] = [];
const started = performance.now();
for (let index = 0; index < EVENTS; index++) {
  const { event, registrants, views, kind } = generate(random, index);
  const window = onDemandWindow(event);
  const after = new Date(window.closesAt.getTime() + DAY);
  const truth = onDemandStatistics(event, { registrants, views, reportedThrough: window.lastDay }, after).totalVisitors;
  for (const cut of CUTS) {
    const reportedThrough = addDays(window.firstDay, cut);
    // The morning after the last reported day, in the event's zone: reports arrive daily.
    let now = window.opensAfter.getTime() + cut * DAY;
    while (calendarDayOf(new Date(now), event.timeZone) <= reportedThrough) now += 3_600_000;
    const projection = projectOnDemandVisitors(event, { registrants, views, reportedThrough }, new Date(now));
    if (projection === null) throw new Error(`${event.id}: no projection at day ${cut}`);
    outcomes.push({
      cut,
      kind,
      covered: projection.low <= truth && truth <= projection.high,
      error: truth === 0 ? 0 : Math.abs(projection.expected - truth) / truth,
      width: truth === 0 ? 0 : (projection.high - projection.low) / truth,
    });
  }
}
const seconds = (performance.now() - started) / 1000;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

const groups: Array<[string, (outcome: Outcome) => boolean]> = [
  ['all events', () => true],
  ['tens of visitors (< 100)', (outcome) => outcome.kind.size === 'tens (< 100)'],
  ['hundreds', (outcome) => outcome.kind.size === 'hundreds'],
  ['thousands', (outcome) => outcome.kind.size === 'thousands'],
  ['geometric decay', (outcome) => outcome.kind.decay === 'geometric'],
  ['power-law decay', (outcome) => outcome.kind.decay === 'power law'],
  ['mixed decay', (outcome) => outcome.kind.decay === 'mixed'],
  ['late reminder spike', (outcome) => outcome.kind.spike],
  ['no spike', (outcome) => !outcome.kind.spike],
];
const lines = [
  '| events | n | coverage at day 7 (target 70–95 %) | median error at day 7 (≤ 10 %) | coverage at day 14 | median error at day 14 (≤ 5 %) | median band width at day 14 |',
  '|---|---:|---:|---:|---:|---:|---:|',
];
for (const [name, test] of groups) {
  const at = (cut: number) => outcomes.filter((outcome) => outcome.cut === cut && test(outcome));
  const day7 = at(7);
  const day14 = at(14);
  const coverage = (list: Outcome[]) => percent(list.filter((outcome) => outcome.covered).length / list.length);
  lines.push(
    `| ${name} | ${day7.length} | ${coverage(day7)} | ${percent(median(day7.map((o) => o.error)))} | ${coverage(day14)} | ${percent(median(day14.map((o) => o.error)))} | ${percent(median(day14.map((o) => o.width)))} |`,
  );
}
const table = `${lines.join('\n')}\n\n${EVENTS} generated events (seed ${SEED}), level 0.8; ${seconds.toFixed(1)} s on this machine.`;
console.log(table);

const all = (cut: number) => outcomes.filter((outcome) => outcome.cut === cut);
const coverageAll = (cut: number) => all(cut).filter((outcome) => outcome.covered).length / all(cut).length;
const failures = [
  ...CUTS.filter((cut) => coverageAll(cut) < 0.7 || coverageAll(cut) > 0.95).map((cut) => `coverage at day ${cut} is ${percent(coverageAll(cut))}, outside 70–95 %`),
  ...(median(all(7).map((o) => o.error)) > 0.1 ? ['median error at day 7 is over 10 %'] : []),
  ...(median(all(14).map((o) => o.error)) > 0.05 ? ['median error at day 14 is over 5 %'] : []),
];

if (process.argv.includes('--write')) {
  const readme = readFileSync('README.md', 'utf8');
  const start = '<!-- projection:start -->';
  const end = '<!-- projection:end -->';
  if (readme.includes(start) && readme.includes(end)) {
    writeFileSync('README.md', `${readme.slice(0, readme.indexOf(start) + start.length)}\n${table}\n${readme.slice(readme.indexOf(end))}`);
    console.log('README: projection table updated.');
  }
}
if (failures.length > 0) {
  console.error(`Projection targets missed:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
}
