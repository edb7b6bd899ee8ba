/*
 * Render benchmark: `npm run bench:render`. In headless Chromium, one page draws the same
 * 31-day bar chart with <odw-on-demand-summary> and with Chart.js (first render: connected →
 * painted; update: a new day range), then loads a 1 M-view event through <odw-data-provider>.
 * Prints medians and ratios; asserts nothing about speed.
 */
import { build } from 'esbuild';
import os from 'node:os';
import { chromium } from 'playwright';
import { serveFolder } from '../test/fixtures/static-server.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_PATH, CHROMIUM_ARGS, CONSUMER_BUILD } from './toolchain.ts';

const folder = mkdtempSync(join(tmpdir(), 'odw-bench-render-'));
try {
  await build({ ...CONSUMER_BUILD, entryPoints: ['scripts/bench-render/page.ts'], minify: true, outfile: join(folder, 'page.js') });
  writeFileSync(join(folder, 'index.html'), '<!doctype html><html lang="en"><body><script type="module" src="./page.js"></script></body></html>');
  const server = await serveFolder(folder);
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await page.goto(server.url);
    await page.waitForFunction(() => 'runBench' in window);
    const result = (await page.evaluate(() => (window as unknown as { runBench: () => Promise<unknown> }).runBench())) as {
      charts: Record<'kitFirst' | 'kitUpdate' | 'chartFirst' | 'chartUpdate' | 'kitFirstDrawn' | 'kitUpdateDrawn' | 'chartFirstDrawn' | 'chartUpdateDrawn', number>;
      huge: { views: number; took: number };
    };
    const { charts, huge } = result;
    console.log(`Measured on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, headless Chromium (60 Hz frames); medians of 15 runs.`);
    console.log('"drawn": until the SVG / canvas holds the bars; "painted": until the next frame after that.\n');
    const row = (label: string, kit: number, chart: number) => `| ${label} | ${kit.toFixed(1)} ms | ${chart.toFixed(1)} ms | ${(chart / kit).toFixed(2)}× |`;
    console.log('| 31-day bar chart | odw-on-demand-summary | Chart.js 4 (canvas, animation off) | Chart.js ÷ kit |');
    console.log('|---|---:|---:|---:|');
    console.log(row('first render, drawn', charts.kitFirstDrawn, charts.chartFirstDrawn));
    console.log(row('first render, painted', charts.kitFirst, charts.chartFirst));
    console.log(row('update to the last 7 days, drawn', charts.kitUpdateDrawn, charts.chartUpdateDrawn));
    console.log(row('update to the last 7 days, painted', charts.kitUpdate, charts.chartUpdate));
    console.log(`\n${huge.views.toLocaleString('en')} views through <odw-data-provider> (memory adapter, analysis in slices) to statistics + summary painted: ${huge.took.toFixed(0)} ms.`);
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
