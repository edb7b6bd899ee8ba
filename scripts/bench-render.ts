/*
 * Render benchmark: `npm run bench:render`. In headless Chromium, one page draws the same
 * 31-day bar chart with <odw-on-demand-summary> and with Chart.js. The headline: first render
 * from raw data — JSON text (6 000 views / 2 000 registrants) parsed by a fresh REST adapter
 * each run, analyzed and drawn inside <odw-data-provider> — against Chart.js drawing the
 * already-aggregated series. Then the cached case (an adapter whose data is already analyzed),
 * an update (a new day range), and a 1 M-view event through <odw-data-provider>.
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
    huge: { views: number; took: number; longestTask: number; longTasks: number };
  };
  const { raw, charts, huge } = result;
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
    `${huge.views.toLocaleString('en')} views through <odw-data-provider> (memory adapter, analysis in slices) to statistics + summary painted: ${huge.took.toFixed(0)} ms; longest main-thread task ${huge.longestTask.toFixed(0)} ms (${huge.longTasks} tasks over 50 ms, Long Tasks API).`,
  ].join('\n');
  console.log(table);
  if (process.env.BENCH_RENDER_WRITE !== '0') {
    const readme = readFileSync('README.md', 'utf8');
    const marked = /<!-- bench-render:start -->[\s\S]*<!-- bench-render:end -->/;
    if (marked.test(readme)) writeFileSync('README.md', readme.replace(marked, () => `<!-- bench-render:start -->\n${table}\n<!-- bench-render:end -->`));
  }
});
