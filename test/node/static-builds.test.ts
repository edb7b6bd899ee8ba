/*
 * The static builds work, not only the dev servers: `npm run build:demo` and
 * `npm run build-storybook` output, served as files and opened in Chromium, render the widgets
 * with data. (A production build tree-shakes; a module whose import registers an element must
 * stay — this once failed silently: blank widgets in built Storybook.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_PATH, CHROMIUM_ARGS } from '../../scripts/toolchain.ts';
import { serveFolder } from '../fixtures/static-server.ts';

const work = mkdtempSync(join(tmpdir(), 'odw-static-'));
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROME_PATH, args: [...CHROMIUM_ARGS] });
});

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

async function statisticsValueAt(url: string): Promise<string> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('odw-on-demand-statistics')?.shadowRoot?.querySelector('.value'), undefined, { timeout: 30_000 });
    expect(errors).toEqual([]);
    return (await page.evaluate(() => document.querySelector('odw-on-demand-statistics')?.shadowRoot?.querySelector('.value')?.textContent)) ?? '';
  } finally {
    await page.close();
  }
}

describe('static builds', { timeout: 120_000 }, () => {
  it('the built demo portal renders the widgets with data', async () => {
    const outDir = join(work, 'demo');
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--logLevel', 'error'], { stdio: 'pipe' });
    const server = await serveFolder(outDir);
    try {
      expect(await statisticsValueAt(server.url)).toMatch(/^\d+ days$/);
    } finally {
      await server.close();
    }
  });

  it('the built Storybook renders a story with data', async () => {
    const outDir = join(work, 'storybook');
    execFileSync(process.execPath, ['node_modules/storybook/dist/bin/dispatcher.js', 'build', '--quiet', '--output-dir', outDir], { stdio: 'pipe' });
    const server = await serveFolder(outDir);
    try {
      expect(await statisticsValueAt(`${server.url}iframe.html?viewMode=story&id=widgets-on-demand-statistics--mid-window`)).toMatch(/^\d+ days$/);
    } finally {
      await server.close();
    }
  });
});
