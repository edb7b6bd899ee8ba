/*
 * `node scripts/tour.ts <folder>`: screenshots of the demo portal in the states a marketer meets
 * (issue #16's tour): a Dutch page with a failing backend, an upcoming event, an event nobody
 * watched, a day typed outside the window, a 375 px phone in dark, and the keyboard on the chart.
 * Run it on two checkouts to compare before and after (docs/tour/).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright';
import { startDemoServer } from '../test/fixtures/demo-server.ts';
import { CHROME_PATH, CHROMIUM_ARGS } from './toolchain.ts';

const folder = process.argv[2];
if (folder === undefined) throw new Error('usage: node scripts/tour.ts <folder for the screenshots>');
mkdirSync(folder, { recursive: true });

interface Stop {
  name: string;
  query: string;
  width?: number;
  scheme?: 'light' | 'dark';
  /** What to do once the page has settled. */
  act?: (page: Page) => Promise<void>;
}

const STOPS: Stop[] = [
  { name: 'dutch-server-error', query: '?event=mid-window&lang=nl&fault=server-error' },
  { name: 'upcoming', query: '?event=upcoming' },
  { name: 'no-views', query: '?event=no-views' },
  {
    name: 'one-day-typed-outside-window',
    query: '?event=mid-window',
    act: async (page) => {
      await page.selectOption('odw-on-demand-summary select', 'day');
      await page.waitForTimeout(1500);
      await page.fill('odw-on-demand-summary input[type="date"]', '2026-01-01');
      await page.waitForTimeout(1500);
    },
  },
  { name: 'phone-dark', query: '?event=mid-window', width: 375, scheme: 'dark' },
  {
    name: 'keyboard-on-chart',
    query: '?event=mid-window',
    act: async (page) => {
      await page.focus('odw-on-demand-summary svg[role="img"] [tabindex="0"], odw-on-demand-summary [tabindex="0"]');
      for (let step = 0; step < 5; step++) await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(500);
    },
  },
];

const server = await startDemoServer();
const browser = await chromium.launch({ executablePath: CHROME_PATH, args: [...CHROMIUM_ARGS] });
try {
  for (const stop of STOPS) {
    const page = await browser.newPage({ viewport: { width: stop.width ?? 1280, height: 900 }, colorScheme: stop.scheme ?? 'light' });
    await page.goto(`${server.url}${stop.query}`);
    // Settled: every card left its loading state (or the upcoming/empty/error state shows).
    await page.waitForFunction(() => [...document.querySelectorAll('odw-on-demand-statistics, odw-on-demand-summary')].every((card) => card.shadowRoot?.querySelector('[aria-busy="false"]')), undefined, { timeout: 60_000 }).catch(() => undefined);
    await page.waitForTimeout(1000);
    try {
      await stop.act?.(page);
    } catch (error) {
      console.log(`${stop.name}: ${String(error).split('\n')[0]}`);
    }
    const file = join(folder, `${stop.name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`wrote ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
