/*
 * `npm run screenshot`: takes the README's picture of the demo portal in headless Chromium, so
 * it stays current. Writes docs/demo-portal.png (light) and docs/demo-portal-dark.png.
 */
import { chromium } from 'playwright';
import { startDemoServer } from '../test/fixtures/demo-server.ts';
import { CHROME_PATH, CHROMIUM_ARGS } from './toolchain.ts';

const server = await startDemoServer();
const browser = await chromium.launch({ executablePath: CHROME_PATH, args: [...CHROMIUM_ARGS] });
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('odw-on-demand-summary')?.shadowRoot?.querySelector('svg[role="img"]'), undefined, { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('odw-event-mode-picker')?.shadowRoot?.querySelector('[part~="count"]')?.textContent?.match(/\d/), undefined, { timeout: 30_000 });
    const file = `docs/demo-portal${scheme === 'dark' ? '-dark' : ''}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(`wrote ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
