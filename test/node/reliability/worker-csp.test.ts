/*
 * analyzeInWorker() under a strict CSP: the worker script comes from the page's own origin, so
 * `default-src 'self'` (and so `worker-src 'self'`) lets it run with no blob: and no eval, and the
 * attendance is downloaded by the worker, not the page. Where the host's policy refuses workers
 * (`worker-src 'none'`), the page downloads and analyzes itself and shows the same figures.
 */
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioData } from '../../../mocks/scenarios.ts';
import { REFERENCE_NOW } from '../../../mocks/generate.ts';
import { bundle, html, js, launchChromium, serve, STRICT_CSP, waitUntilReady, watchProblems, type ServedFile } from '../../fixtures/reliability/csp-harness.ts';

let browser: Browser;
let files: Record<string, ServedFile>;

beforeAll(async () => {
  const [pageScript, workerScript, launched] = await Promise.all([bundle('test/csp/worker-page.ts'), bundle('src/analysis-worker.ts'), launchChromium()]);
  browser = launched;
  const { event, attendance } = scenarioData('mid-window', { now: REFERENCE_NOW });
  const json = (body: unknown): ServedFile => ({ type: 'application/json', body: JSON.stringify(body) });
  files = {
    '/index.html': html({ title: 'Analysis worker, strict CSP', scripts: ['/page.js'] }),
    '/page.js': js(pageScript),
    '/analysis-worker.js': js(workerScript),
    '/api/events/mid-window': json(event),
    '/api/events/mid-window/attendance': json({ ...attendance, nextCursor: null }),
  };
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens the page under `csp`: the statistics text, the workers made and ended, who asked for the attendance, and the problems seen. */
async function load(csp: string) {
  const requests: string[] = [];
  const server = await serve(files, csp, requests);
  const page = await browser.newPage();
  try {
    const problems = await watchProblems(page);
    await page.goto(`${server.url}/index.html`);
    await waitUntilReady(page);
    const text = await page.evaluate(() => document.querySelector('odw-on-demand-statistics')?.shadowRoot?.textContent?.replace(/\s+/g, ' '));
    const workers = await page.evaluate(() => (window as unknown as { odwWorkers: { made: number; ended: number } }).odwWorkers);
    return { text, workers, attendanceAskedBy: requests.filter((line) => line.startsWith('/api/events/mid-window/attendance')), violations: await problems.violations(), consoleErrors: problems.consoleErrors };
  } finally {
    await page.close();
    await server.close();
  }
}

describe('analysis in a Web Worker under a strict CSP', { timeout: 120_000 }, () => {
  it('runs the worker from the page\'s origin with no violation, and the page never downloads the attendance', async () => {
    const strict = await load(STRICT_CSP);
    expect(strict.violations).toEqual([]);
    expect(strict.consoleErrors).toEqual([]);
    // One worker for the event, kept to answer the next question.
    expect(strict.workers).toEqual({ made: 1, ended: 0 });
    expect(strict.attendanceAskedBy).toEqual(['/api/events/mid-window/attendance ← /analysis-worker.js']);
    expect(strict.text).toMatch(/\d/);

    const refused = await load(`${STRICT_CSP}; worker-src 'none'`);
    expect(refused.violations).toEqual([expect.stringMatching(/^worker-src blocked/)]);
    expect(refused.attendanceAskedBy).toEqual(['/api/events/mid-window/attendance ← /index.html']);
    expect(refused.text).toBe(strict.text);
  });
});
