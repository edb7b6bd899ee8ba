/*
 * Render benchmark: `npm run bench:render`. In headless Chromium, one page draws the same
 * 31-day bar chart with <odw-on-demand-summary> and with Chart.js. The headline: first render
 * from raw data — JSON text (6 000 views / 2 000 registrants) parsed by a fresh REST adapter
 * each run, analyzed and drawn inside <odw-data-provider> — against Chart.js drawing the
 * already-aggregated series. Then the cached case (an adapter whose data is already analyzed),
 * an update (a new day range), and a 1 M-view event through <odw-data-provider> three ways:
 * memory adapter, REST on the page, REST in the analysis worker (the bench server answers the
 * REST contract from the mock handlers).
 * Prints medians and ratios, and writes the table between README's bench-render markers;
 * asserts nothing about speed.
 */
import os from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { withBenchPage } from './bench-render/open-page.ts';

await withBenchPage({ minify: true, global: 'runBench' }, async (page) => {
  const result = (await page.evaluate(() => (window as unknown as { runBench: () => Promise<unknown> }).runBench())) as {
    raw: Record<'views' | 'registrants' | 'kitDrawn' | 'kitPainted' | 'chartDrawn' | 'chartPainted', number>;
    charts: Record<'kitFirst' | 'kitUpdate' | 'chartFirst' | 'chartUpdate' | 'kitFirstDrawn' | 'kitUpdateDrawn' | 'chartFirstDrawn' | 'chartUpdateDrawn', number>;
    huge: { source: 'memory' | 'rest'; inWorker: boolean; views: number; took: number; longestTask: number; longTasks: number; framesDelivered: number }[];
  };
  const { raw, charts, huge } = result;
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  const hugeRow = (source: 'memory' | 'rest', inWorker: boolean, label: string) => {
    const runs = huge.filter((run) => run.source === source && run.inWorker === inWorker);
    const took = median(runs.map((run) => run.took)).toFixed(0);
    const longest = runs.map((run) => run.longestTask.toFixed(0)).join(' / ');
    const over = runs.map((run) => run.longTasks).join(' / ');
    const frames = runs.map((run) => `${Math.round(100 * run.framesDelivered)} %`).join(' / ');
    return `| ${label} | ${took} ms | ${longest} ms | ${over} | ${frames} |`;
  };
  const row = (label: string, kit: number, chart: number) => `| ${label} | ${kit.toFixed(1)} ms | ${chart.toFixed(1)} ms | ${(chart / kit).toFixed(2)}× |`;
  const table = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, headless Chromium (60 Hz frames); medians of 15 runs.`,
    '"drawn": until the SVG / canvas holds the bars; "painted": until the next frame after that. **From raw data**: a fresh REST',
    `adapter each run fetches and parses the JSON text of ${raw.views.toLocaleString('en')} views / ${raw.registrants.toLocaleString('en')} registrants, the provider analyzes it and the summary draws it;`,
    'Chart.js draws the already-aggregated series of the same data. **Cached**: the adapter\'s data already loaded and analyzed.',
    '',
    '| 31-day bar chart | odw-on-demand-summary | Chart.js 4 (canvas, animation off) | Chart.js ÷ kit |',
    '|---|---:|---:|---:|',
    row('**first render from raw JSON, drawn**', raw.kitDrawn, raw.chartDrawn),
    row('first render from raw JSON, painted', raw.kitPainted, raw.chartPainted),
    row('first render, cached data, drawn', charts.kitFirstDrawn, charts.chartFirstDrawn),
    row('first render, cached data, painted', charts.kitFirst, charts.chartFirst),
    row('update to the last 7 days, drawn', charts.kitUpdateDrawn, charts.chartUpdateDrawn),
    row('update to the last 7 days, painted', charts.kitUpdate, charts.chartUpdate),
    '',
    `A big event: the \`huge\` scenario's whole window, ${(huge[0]?.views ?? 0).toLocaleString('en')} views / 200,000 registrants, through <odw-data-provider> to statistics + summary painted; 3 runs each, taking turns, each after a garbage collection (the previous run's views); main-thread tasks from the Long Tasks API. Over REST: pages of 5,000 records from a server on 127.0.0.1.`,
    '',
    '| data, analysis | time to figures (median) | longest main-thread task (each run) | tasks over 50 ms (each run) | frames delivered at 60 Hz during the load (each run) |',
    '|---|---:|---:|---:|---:|',
    hugeRow('memory', false, 'memory adapter, on the page in slices'),
    hugeRow('rest', false, 'REST adapter, on the page in slices (default)'),
    hugeRow('rest', true, 'REST, figures computed in a Web Worker (`createWorkerRestAdapter`)'),
  ].join('\n');
  console.log(table);
  if (process.env.BENCH_RENDER_WRITE !== '0') {
    const readme = readFileSync('README.md', 'utf8');
    const marked = /<!-- bench-render:start -->[\s\S]*<!-- bench-render:end -->/;
    if (marked.test(readme)) writeFileSync('README.md', readme.replace(marked, () => `<!-- bench-render:start -->\n${table}\n<!-- bench-render:end -->`));
  }
});
