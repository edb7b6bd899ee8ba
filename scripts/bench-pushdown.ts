/*
 * `npm run bench:pushdown` — push-down vs download-and-compute, side by side, on 1 M views.
 *
 * Loads the 'huge' scenario complete (every view the platform will ever report: ~1 M views of
 * 200 000 registrants, the window closed and fully reported) into PostgreSQL, starts the
 * reference server in a child process, then answers what the dashboard asks — the daily summary
 * of the whole window, the statistics, one audience count — two ways through the REST adapter:
 *
 *   push-down   the adapter calls …/on-demand/summary, …/statistics, …/audience/count: SQL.
 *   download    the adapter reads all of …/attendance (pages of 5 000) and core computes in Node.
 *
 * Prints wall time and bytes over the wire (response bodies) for each, and checks both give the
 * same answers. Uses DATABASE_URL when set (the 'huge' event there is replaced), else starts a
 * throwaway cluster (server/cluster.ts) and removes it at the end. Not a test: asserts nothing
 * about speed.
 */
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { createRestAdapter, type DataAdapter } from '../src/adapters/index.ts';
import {
  dailyOnDemandVisitors,
  onDemandStatistics,
  onDemandWindow,
  selectAudience,
  type AttendanceCriteria,
} from '../src/core/index.ts';
import { buildScenario } from '../mocks/index.ts';
import { benchDatabase, startServerProcess, stopAll, type BenchBackend } from './bench-backend.ts';
import { createPool, loadWebinar, migrate, vacuumAnalyze } from '../server/index.ts';

const RUNS = 3;
const criteria: AttendanceCriteria = {
  version: 1,
  kind: 'has-attended',
  eventMode: 'on-demand',
  watchDate: { operator: 'in-past', days: 7 },
  watchDuration: { operator: 'at-least', minutes: 10 },
};

function seconds(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function bytes(count: number): string {
  if (count < 1024) return `${count} B`;
  if (count < 1024 * 1024) return `${(count / 1024).toFixed(1)} KB`;
  return `${(count / 1024 / 1024).toFixed(1)} MB`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** A fetch that counts the bytes of every response body (what crossed the wire, uncompressed). */
function countingFetch(): { fetch: typeof fetch; take(): number } {
  let received = 0;
  return {
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const body = await response.arrayBuffer();
      received += body.byteLength;
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    },
    take() {
      const value = received;
      received = 0;
      return value;
    },
  };
}

/** Exactly equal: durations are whole milliseconds on both sides, so not even the last bit may differ. */
function same(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}

async function main(): Promise<void> {
  const backend: BenchBackend = { cluster: undefined, server: undefined };
  try {
    const databaseUrl = await benchDatabase(backend, { shared_buffers: '512MB', max_parallel_workers_per_gather: '2' });

    let started = performance.now();
    const generated = buildScenario('huge');
    const { event, attendance } = generated;
    const window = onDemandWindow(event);
    // The window has closed and everything is reported.
    const now = new Date(window.closesAt.getTime() + 86_400_000);
    console.log(`generated 'huge': ${attendance.registrants.length} registrants, ${attendance.views.length} views in ${seconds(performance.now() - started)}`);

    const pool = createPool({ connectionString: databaseUrl, statementTimeoutMs: 600_000 });
    try {
      await migrate(pool);
      const report = await loadWebinar(pool, { event, attendance }, { analyze: false });
      started = performance.now();
      await vacuumAnalyze(pool);
      const rows = report.registrants + report.views;
      console.log(`loaded in ${seconds(report.milliseconds)} (${Math.round(rows / (report.milliseconds / 1000))} rows/s, multi-row INSERT … unnest), VACUUM ANALYZE ${seconds(performance.now() - started)}`);
      const size = await pool.query<{ records: string; aggregates: string }>(
        `SELECT pg_size_pretty(pg_total_relation_size('odw.views') + pg_total_relation_size('odw.registrants')) AS records,
                pg_size_pretty(pg_total_relation_size('odw.daily_activity') + pg_total_relation_size('odw.leads') + pg_total_relation_size('odw.diagnostics')) AS aggregates`,
      );
      console.log(`tables + indexes: records ${size.rows[0]?.records}, aggregates ${size.rows[0]?.aggregates}`);
    } finally {
      await pool.end();
    }

    const server = (backend.server = await startServerProcess(databaseUrl));
    const counter = countingFetch();
    const pushDown: DataAdapter = createRestAdapter({ baseUrl: server.baseUrl, pushDown: true, fetch: counter.fetch, timeoutMs: 600_000, retries: 0 });
    const download: DataAdapter = createRestAdapter({ baseUrl: server.baseUrl, fetch: counter.fetch, timeoutMs: 600_000, retries: 0, maxPages: 10_000 });

    type Row = { time: number[]; bytes: number };
    const row = (): Row => ({ time: [], bytes: 0 });
    const push = { summary: row(), statistics: row(), audience: row(), dashboard: row() };
    const node = { download: row(), summary: row(), statistics: row(), audience: row(), dashboard: row() };
    let answersAgree = true;

    for (let run = 0; run <= RUNS; run++) {
      // Run 0 warms caches on both sides and is not counted.
      const counted = run > 0;
      const time = async <T>(target: Row, work: () => Promise<T> | T): Promise<T> => {
        counter.take();
        const t0 = performance.now();
        const result = await work();
        if (counted) {
          target.time.push(performance.now() - t0);
          target.bytes = counter.take();
        }
        return result;
      };

      // Core just held the event loop for seconds: let the client notice keep-alive connections the
      // server closed meanwhile, or the next request may be sent on one ("other side closed").
      await new Promise((resolve) => setTimeout(resolve, 200));
      const p0 = performance.now();
      const pushSummary = await time(push.summary, () => pushDown.getDailySummary!(event.id, undefined));
      const pushStatistics = await time(push.statistics, () => pushDown.getStatistics!(event.id, { now }));
      const pushCount = await time(push.audience, () => pushDown.countAudience!(event.id, criteria, { now }));
      if (counted) push.dashboard.time.push(performance.now() - p0);

      const n0 = performance.now();
      const served = await time(node.download, async () => ({ event: await download.getEvent(event.id), attendance: await download.getAttendance(event.id) }));
      const nodeSummary = await time(node.summary, () => dailyOnDemandVisitors(served.event, served.attendance));
      const nodeStatistics = await time(node.statistics, () => onDemandStatistics(served.event, served.attendance, now));
      const nodeCount = await time(node.audience, () => selectAudience(served.event, served.attendance, criteria, now).length);
      if (counted) node.dashboard.time.push(performance.now() - n0);

      answersAgree &&= same(pushSummary, nodeSummary) && same(pushStatistics, nodeStatistics) && pushCount === nodeCount;
      process.stdout.write(counted ? `run ${run}/${RUNS} done\n` : 'warm-up done\n');
    }
    push.dashboard.bytes = push.summary.bytes + push.statistics.bytes + push.audience.bytes;
    node.dashboard.bytes = node.download.bytes;

    const lines: [string, string, string, string, string][] = [
      ['', 'push-down (SQL)', '', 'download + core in Node', ''],
      ['step', 'time', 'bytes', 'time', 'bytes'],
      ['read all attendance (pages of 5 000)', '—', '—', seconds(median(node.download.time)), bytes(node.download.bytes)],
      ['daily summary, whole window', seconds(median(push.summary.time)), bytes(push.summary.bytes), seconds(median(node.summary.time)), '—'],
      ['statistics', seconds(median(push.statistics.time)), bytes(push.statistics.bytes), seconds(median(node.statistics.time)), '—'],
      ['audience count (in past 7 days, ≥ 10 min)', seconds(median(push.audience.time)), bytes(push.audience.bytes), seconds(median(node.audience.time)), '—'],
      ['dashboard: all of the above', seconds(median(push.dashboard.time)), bytes(push.dashboard.bytes), seconds(median(node.dashboard.time)), bytes(node.dashboard.bytes)],
    ];
    const widths = [0, 1, 2, 3, 4].map((column) => Math.max(...lines.map((line) => line[column]!.length)));
    console.log(`\n${attendance.views.length} views, ${attendance.registrants.length} registrants; median of ${RUNS} runs after a warm-up; ${os.cpus().length} cores, Node ${process.version}`);
    for (const line of lines) console.log(line.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!))).join('   '));
    console.log(`\nanswers agree: ${answersAgree ? 'yes' : 'NO'} (summary, statistics with diagnostics, audience count)`);
    if (!answersAgree) process.exitCode = 1;
  } finally {
    stopAll(backend);
  }
}

await main();
