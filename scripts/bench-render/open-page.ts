/*
 * The render benchmark's page (scripts/bench-render/page.ts), bundled as a consumer would, served
 * from a temporary folder on 127.0.0.1 and opened in headless Chromium. Shared by
 * `npm run bench:render` and scripts/bench-render/profile.ts.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright';
import { scenarioEvent } from '../../mocks/scenarios.ts';
import { mockRestApi } from '../../test/fixtures/mock-rest-api.ts';
import { serveFolder } from '../../test/fixtures/static-server.ts';
import { CHROME_PATH, CHROMIUM_ARGS, CONSUMER_BUILD } from '../toolchain.ts';

/**
 * Runs `use` with the bench page open once `global` (a function the page defines) exists; closes
 * the browser and the server and removes the folder afterwards, also on failure.
 */
export async function withBenchPage<T>(options: { minify: boolean; global: string }, use: (page: Page) => Promise<T>): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), 'odw-bench-render-'));
  try {
    await build({ ...CONSUMER_BUILD, entryPoints: ['scripts/bench-render/page.ts'], minify: options.minify, outfile: join(folder, 'page.js') });
    // The analysis worker's script, served from the page's own origin as a consumer would.
    await build({ ...CONSUMER_BUILD, entryPoints: ['src/analysis-worker.ts'], minify: options.minify, outfile: join(folder, 'analysis-worker.js') });
    writeFileSync(join(folder, 'index.html'), '<!doctype html><html lang="en"><body><script type="module" src="./page.js"></script></body></html>');
    // The REST contract over the mock scenarios (the big event read at its window's close), for
    // the page and for the analysis worker, which fetches outside the page.
    const close = new Date(Date.parse(scenarioEvent('huge').endsAt) + 31 * 86_400_000);
    const api = mockRestApi({ now: () => close });
    // Built before anything is timed (about 3 s for a million views).
    await api(new Request('http://127.0.0.1/api/events/huge/attendance'));
    const server = await serveFolder(folder, api);
    // gc() on the page: each big-event run starts without the previous run's garbage (page.ts).
    const browser = await chromium.launch({ executablePath: CHROME_PATH, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
      await page.goto(server.url);
      await page.waitForFunction((name) => name in window, options.global);
      return await use(page);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
