/*
 * Strict CSP: a page served with
 *   Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'
 * (no 'unsafe-inline', no 'unsafe-eval') renders every element in every state — loaded,
 * loading, error, empty, upcoming, closing, closed, not configured, bad records, push-down,
 * table, rewatches, invalid picker criteria, inside a provider — in the light and dark themes
 * and under prefers-color-scheme light and dark, is used (table toggle, details, keyboard
 * reading of the chart, CSV export, picker edits, Retry), and no CSP violation is reported.
 *
 * Vitest's browser page cannot carry that header, so this runs in Node: esbuild bundles
 * test/csp/pages.ts (production Lit, memory adapter over the scenarios), node:http serves it
 * with the header, and playwright drives Debian's Chromium.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, html, js, launchChromium, serve, STRICT_CSP, waitUntilReady, watchProblems, type CspServer, type PageProblems } from '../../fixtures/reliability/csp-harness.ts';

let server: CspServer;
let browser: Browser;

beforeAll(async () => {
  const [pageScript, browserLaunch] = await Promise.all([bundle('test/csp/pages.ts'), launchChromium()]);
  browser = browserLaunch;
  server = await serve({
    '/every-state.html': html({ title: 'Every element, every state, strict CSP', scripts: ['/pages.js'] }),
    '/pages.js': js(pageScript),
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(colorScheme: 'light' | 'dark'): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
  const problems = await watchProblems(page);
  const response = await page.goto(`${server.url}/every-state.html`);
  expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
  await page.waitForFunction(() => window.odwPage !== undefined);
  await page.evaluate(() => window.odwPage.mount('every-state'));
  return { page, problems };
}

/** Clicks, keys and edits across the widgets, all inside their shadow roots. */
async function useEverything(page: Page): Promise<{ tooltips: number }> {
  return page.evaluate(async () => {
    const shadowButtons = (tag: string, label: RegExp) =>
      [...document.querySelectorAll(tag)].flatMap((element) => [...(element.shadowRoot?.querySelectorAll('button') ?? [])].filter((button) => label.test(button.textContent ?? '')));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
    // Summary: table and chart, rewatches, CSV (the download link is a blob: URL), keyboard reading with tooltip.
    for (const button of shadowButtons('odw-on-demand-summary', /Show as table|Show as chart/)) button.click();
    await settle();
    for (const button of shadowButtons('odw-on-demand-summary', /Show as table|Show as chart/)) button.click();
    for (const button of shadowButtons('odw-on-demand-summary', /Download CSV/).slice(0, 2)) button.click();
    let tooltips = 0;
    for (const summary of document.querySelectorAll('odw-on-demand-summary')) {
      const chart = summary.shadowRoot?.querySelector<HTMLElement>('[part="chart"]');
      if (!chart) continue;
      chart.focus();
      for (const key of ['Home', 'ArrowRight', 'ArrowRight', 'End', 'Enter']) chart.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      await (summary as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      if (summary.shadowRoot?.querySelector('.tooltip')) tooltips++;
      const checkbox = summary.shadowRoot?.querySelector<HTMLInputElement>('input[type="checkbox"]');
      checkbox?.click();
    }
    // Statistics: open the details.
    for (const statistics of document.querySelectorAll('odw-on-demand-statistics')) {
      const details = statistics.shadowRoot?.querySelector('details');
      if (details) details.open = true;
    }
    // Picker: switch to on-demand, add both constraints, type a duration.
    for (const picker of document.querySelectorAll('odw-event-mode-picker')) {
      const root = picker.shadowRoot;
      root?.querySelector<HTMLInputElement>('#mode-on-demand')?.click();
      await settle();
      for (const id of ['watchDate', 'watchDuration']) {
        const box = root?.querySelector<HTMLInputElement>(`#${id}`);
        if (box && !box.checked) box.click();
      }
      await settle();
      const minutes = root?.querySelector<HTMLInputElement>('#watchDuration-minutes');
      if (minutes) {
        minutes.value = '12';
        minutes.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
    }
    // Retry on every error box.
    for (const tag of ['odw-on-demand-statistics', 'odw-on-demand-summary', 'odw-event-mode-picker']) {
      for (const button of shadowButtons(tag, /Retry/)) button.click();
    }
    await new Promise((resolve) => setTimeout(resolve, 600));
    return { tooltips };
  });
}

// Every element in every state on one page, used by keyboard and mouse: about 10 s on a quiet
// machine, over 60 s measured on a 2-core machine under heavy load. Upper bounds, not targets.
describe('strict CSP (no unsafe-inline, no unsafe-eval)', { timeout: 240_000 }, () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`every element in every state renders and is used without a CSP violation (prefers-color-scheme: ${colorScheme})`, async () => {
      const { page, problems } = await open(colorScheme);
      try {
        const count = await waitUntilReady(page);
        expect(count, 'elements on the page').toBeGreaterThan(60);
        // Styles really applied (adoptedStyleSheets are allowed by style-src 'self'): the card has its border radius and the dark theme its colours.
        const styles = await page.evaluate(() => {
          const card = (selector: string) => {
            const element = document.querySelector(selector);
            const base = element?.shadowRoot?.querySelector('[part="base"]');
            return base ? getComputedStyle(base) : undefined;
          };
          return {
            radius: card('odw-on-demand-statistics')?.borderTopLeftRadius,
            light: card('odw-on-demand-statistics[theme="light"]')?.backgroundColor,
            dark: card('odw-on-demand-statistics[theme="dark"]')?.backgroundColor,
            adopted: document.querySelector('odw-on-demand-statistics')?.shadowRoot?.adoptedStyleSheets.length,
          };
        });
        expect(styles.radius).toBe('8px');
        expect(styles.light).toBe('rgb(255, 255, 255)');
        expect(styles.dark).toBe('rgb(27, 30, 37)');
        expect(styles.adopted).toBeGreaterThan(0);
        const used = await useEverything(page);
        expect(used.tooltips, 'charts read by keyboard, with their tooltip').toBeGreaterThan(5);
        expect(await problems.violations()).toEqual([]);
        expect(problems.consoleErrors).toEqual([]);
        expect(problems.pageErrors).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('the check itself works: an inline style attribute on the same page is reported', async () => {
    const { page, problems } = await open('light');
    try {
      await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
      // Chromium reports the violation asynchronously; on a busy machine that takes longer than poll's default second.
      await expect.poll(() => problems.violations(), { timeout: 60_000 }).toEqual([expect.stringMatching(/^style-src-attr blocked inline/)]);
    } finally {
      await page.close();
    }
  });
});
