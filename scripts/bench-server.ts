/*
 * `npm run bench:server [-- --seconds 20] [-- --skip-load] [-- --no-readme]`
 *
 * The reference server under load, on the ~1 M-view 'huge' scenario (complete: the window closed
 * and fully reported). Loads it into PostgreSQL (DATABASE_URL, else a throwaway cluster), starts
 * the server in a child process (pool of 8, its defaults), and has 1, 8 and 32 concurrent
 * clients each ask for dashboards back to back — a dashboard is what the widgets ask for at once,
 * in parallel, through the REST adapter with push-down: the daily summary of the whole window,
 * the statistics and one audience count ("in the past 7 days, at least 10 minutes"). Prints p50,
 * p95 and throughput per level, and the latency of single audience counts of other shapes, and
 * writes the tables into README.md between <!-- bench-server:start --> and <!-- bench-server:end -->.
 *
 * Every answer is compared with core's answer on the same data (exactly, diagnostics included);
 * a difference or an error is counted and fails the run. Client, server and database share the
 * machine: the figures include all three, and another process's load skews them — the output
 * states the load average before and after.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isDeepStrictEqual } from 'node:util';
import { createRestAdapter, type DataAdapter } from '../src/adapters/index.ts';
import {
  analyzeAttendance,
  audienceOf,
  checkDayRange,
  dailyVisitorsOf,
  onDemandWindow,
  statisticsOf,
  type AttendanceCriteria,
} from '../src/core/index.ts';
import { buildScenario } from '../mocks/index.ts';
import { benchDatabase, startServerProcess, stopAll, type BenchBackend } from './bench-backend.ts';
import { createPool, loadWebinar, migrate, vacuumAnalyze } from '../server/index.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    'skip-load': { type: 'boolean', default: false },
    'no-readme': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(values.seconds);
if (!Number.isFinite(SECONDS) || SECONDS <= 0) throw new Error(`--seconds must be a positive number, got ${values.seconds}`);
const LEVELS = [1, 8, 32];
const DASHBOARD_CRITERIA: AttendanceCriteria = {
  version: 1,
  kind: 'has-attended',
  eventMode: 'on-demand',
  watchDate: { operator: 'in-past', days: 7 },
  watchDuration: { operator: 'at-least', minutes: 10 },
};
/** Audience counts of other shapes, each alone, one client: what each path of the server costs. */
const SHAPES: [string, AttendanceCriteria][] = [
  ['kind and Event Mode only (has attended, on demand)', { version: 1, kind: 'has-attended', eventMode: 'on-demand' }],
  ['Watch Date only (last week)', { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'in-time-frame', frame: 'last-week' } }],
  ['Watch Duration only (at least 10 min)', { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'at-least', minutes: 10 } }],
  ['both (in past 7 days, at least 10 min): the dashboard’s', DASHBOARD_CRITERIA],
  ['both over the whole window (between 5 and 20 min, on or after the first day)', {
    version: 1,
    kind: 'has-not-attended',
    eventMode: 'on-demand',
    watchDate: { operator: 'on-or-after', date: '2026-03-01' },
    watchDuration: { operator: 'between', minutes: 5, to: 20 },
  }],
  ['Watch Duration only, not a threshold (between 5 and 20 min): every activity', { version: 1, kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'between', minutes: 5, to: 20 } }],
];

const milliseconds = (ms: number) => (ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
const load = () => os.loadavg().map((value) => value.toFixed(2)).join(' / ');

interface Level {
  clients: number;
  dashboards: number;
  seconds: number;
  p50: number;
  p95: number;
  max: number;
  failures: number;
}

async function main(): Promise<void> {
  const backend: BenchBackend = { cluster: undefined, server: undefined };
  try {
    const databaseUrl = await benchDatabase(backend, { shared_buffers: '512MB' });
    const generated = buildScenario('huge');
    const { event, attendance } = generated;
    const window = onDemandWindow(event);
    // The window has closed and everything is reported.
    const now = new Date(window.closesAt.getTime() + 86_400_000);
    console.log(`'huge': ${attendance.registrants.length} registrants, ${attendance.views.length} views; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`);

    if (!values['skip-load']) {
      const pool = createPool({ connectionString: databaseUrl, statementTimeoutMs: 0 });
      try {
        await migrate(pool);
        const report = await loadWebinar(pool, { event, attendance }, { analyze: false });
        await vacuumAnalyze(pool);
        console.log(`loaded and aggregated in ${(report.milliseconds / 1000).toFixed(1)} s`);
      } finally {
        await pool.end();
      }
    }

    // What core answers on the same data: every answer must be exactly this.
    const analysis = analyzeAttendance(event, attendance);
    const range = checkDayRange(undefined, window);
    const expected = {
      summary: { ...dailyVisitorsOf(analysis, range), diagnostics: analysis.diagnostics },
      statistics: statisticsOf(analysis, now.getTime()),
      count: audienceOf(analysis, DASHBOARD_CRITERIA, now.getTime()).length,
    };

    const server = (backend.server = await startServerProcess(databaseUrl));
    const adapter: DataAdapter = createRestAdapter({ baseUrl: server.baseUrl, pushDown: true, retries: 0, timeoutMs: 60_000 });
    let mismatches = 0;
    const dashboard = async (): Promise<boolean> => {
      try {
        const [summary, statistics, count] = await Promise.all([
          adapter.getDailySummary!(event.id, range),
          adapter.getStatistics!(event.id, { now }),
          adapter.countAudience!(event.id, DASHBOARD_CRITERIA, { now }),
        ]);
        const same = isDeepStrictEqual(summary, expected.summary) && isDeepStrictEqual(statistics, expected.statistics) && count === expected.count;
        if (!same) mismatches++;
        return same;
      } catch (error) {
        if (mismatches + 1 <= 3) console.error(`  a dashboard failed: ${(error as Error).message}`);
        return false;
      }
    };

    const before = load();
    // Warm-up: caches on every side.
    for (let run = 0; run < 5; run++) await dashboard();

    const levels: Level[] = [];
    for (const clients of LEVELS) {
      const times: number[] = [];
      let failures = 0;
      const started = performance.now();
      const until = started + SECONDS * 1000;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (performance.now() < until) {
            const t0 = performance.now();
            const ok = await dashboard();
            times.push(performance.now() - t0);
            if (!ok) failures++;
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      times.sort((a, b) => a - b);
      const level = { clients, dashboards: times.length, seconds: elapsed, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) as number, failures };
      levels.push(level);
      console.log(`${clients} client(s): ${level.dashboards} dashboards in ${elapsed.toFixed(1)} s, p50 ${milliseconds(level.p50)}, p95 ${milliseconds(level.p95)}, max ${milliseconds(level.max)}, ${failures} failed`);
    }

    const shapes: [string, number][] = [];
    for (const [name, criteria] of SHAPES) {
      const times: number[] = [];
      const expectedCount = audienceOf(analysis, criteria, now.getTime()).length;
      for (let run = 0; run < 25; run++) {
        const t0 = performance.now();
        const count = await adapter.countAudience!(event.id, criteria, { now });
        times.push(performance.now() - t0);
        if (count !== expectedCount) mismatches++;
      }
      times.sort((a, b) => a - b);
      shapes.push([name, percentile(times, 50)]);
    }
    const after = load();

    const date = new Date().toISOString().slice(0, 10);
    const table = [
      `Measured ${date} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, PostgreSQL in a throwaway cluster on the same host; ${SECONDS} s per level; load average (1/5/15 min) ${before} before, ${after} after. A dashboard = summary + statistics + audience count, requested in parallel through the REST adapter; every answer equal to core's.`,
      '',
      '| concurrent clients | dashboards | p50 | p95 | max | dashboards / s | failed |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...levels.map((level) => `| ${level.clients} | ${level.dashboards} | ${milliseconds(level.p50)} | ${milliseconds(level.p95)} | ${milliseconds(level.max)} | ${(level.dashboards / level.seconds).toFixed(1)} | ${level.failures} |`),
      '',
      '| one audience count, alone (p50 of 25) | |',
      '| --- | ---: |',
      ...shapes.map(([name, p50]) => `| ${name} | ${milliseconds(p50)} |`),
    ].join('\n');
    console.log(`\n${table}\n`);
    const failed = levels.reduce((total, level) => total + level.failures, 0) + mismatches;
    console.log(failed === 0 ? 'every answer equal to core’s' : `${failed} dashboards or counts failed or differed from core`);
    if (failed > 0) process.exitCode = 1;
    else if (!values['no-readme']) {
      const readme = fileURLToPath(new URL('../README.md', import.meta.url));
      const text = readFileSync(readme, 'utf8');
      const pattern = /(<!-- bench-server:start -->\n)[\s\S]*?(\n<!-- bench-server:end -->)/;
      if (!pattern.test(text)) throw new Error('README.md has no <!-- bench-server:start --> … <!-- bench-server:end --> markers.');
      writeFileSync(readme, text.replace(pattern, (_, start: string, end: string) => `${start}${table}${end}`));
      console.log('README.md updated');
    }
  } finally {
    stopAll(backend);
  }
}

await main();
