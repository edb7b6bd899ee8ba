/*
 * End to end: the demo portal that `npm start` serves, in headless Chromium — the widgets load
 * through the REST adapter from the in-page mock backend, the clock moves through the window,
 * the audience form submits its criteria JSON, and nothing logs an error.
 */
import { describe, expect, it } from 'vitest';
import { useDemo } from '../fixtures/use-demo.ts';

const demo = useDemo();

const shadowText = (tag: string) => demo.page.evaluate((name) => document.querySelector(name)?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '', tag);

/** Waits until the element's shadow text contains `text`; on timeout, says what it showed instead. */
async function waitForText(tag: string, text: string): Promise<void> {
  try {
    await demo.page.waitForFunction(([name, wanted]) => document.querySelector(name as string)?.shadowRoot?.textContent?.includes(wanted as string), [tag, text], { timeout: 15_000 });
  } catch {
    throw new Error(`${tag} never showed "${text}"; it shows: ${(await shadowText(tag)).slice(0, 400)}`);
  }
}

describe('demo portal', { timeout: 45_000 }, () => {
  it('shows the statistics and the summary of the mid-window event', async () => {
    await demo.page.waitForFunction(() => document.querySelector('odw-on-demand-statistics')?.shadowRoot?.querySelector('.value'), undefined, { timeout: 20_000 });
    await demo.page.waitForFunction(() => document.querySelector('odw-on-demand-summary')?.shadowRoot?.querySelector('svg[role="img"]'), undefined, { timeout: 20_000 });
    expect(await shadowText('odw-on-demand-statistics')).toContain('Quarterly roadmap webinar');
    expect(await shadowText('odw-on-demand-summary')).toMatch(/\d+ unique no-show visitors in these days/);
  });

  it('moves the clock through the window', async () => {
    await demo.page.selectOption('#clock', 'before');
    await waitForText('odw-on-demand-statistics', 'Opens when the event ends');
    await demo.page.selectOption('#clock', 'day-25');
    await waitForText('odw-on-demand-statistics', '6 days');
    await demo.page.selectOption('#clock', 'day-27');
    await waitForText('odw-on-demand-statistics', 'Closing soon');
    await demo.page.selectOption('#clock', 'after');
    await waitForText('odw-on-demand-statistics', 'Tracking stopped');
    expect(await shadowText('odw-on-demand-summary')).toContain('Tracking stopped');
  });

  it('submits the audience form with the criteria JSON', async () => {
    await demo.page.click('#audience-form button[type="submit"]');
    const submitted = await demo.page.locator('#submitted').textContent();
    expect(JSON.parse(submitted ?? '')).toEqual({ version: 1, kind: 'has-attended' });
  });

  it('shows a backend fault as a retryable error, and recovers', async () => {
    await demo.page.selectOption('#fault', 'server-error');
    await demo.page.waitForFunction(() => document.querySelector('odw-on-demand-statistics')?.shadowRoot?.querySelector('[role="alert"]'), undefined, { timeout: 20_000 });
    await demo.page.selectOption('#fault', '');
    await demo.page.waitForFunction(() => document.querySelector('odw-on-demand-statistics')?.shadowRoot?.querySelector('.value'), undefined, { timeout: 20_000 });
  });

  // Generating and analysing 200 000 registrants: 10–20 s on a quiet machine, over 100 s measured
  // on a 2-core machine under heavy load. Upper bounds; the assertion is the longest task.
  it('switches to the 200 000-registrant event without freezing: loading at once, the page keeps responding', { timeout: 360_000 }, async () => {
    await demo.page.selectOption('#clock', 'scenario');
    await waitForText('odw-on-demand-statistics', 'Quarterly roadmap webinar');
    // The longest task on the main thread from here on (Long Tasks API: every task over 50 ms).
    await demo.page.evaluate(() => {
      const probe = window as unknown as { odwLongTasks: number[]; odwObserver: PerformanceObserver };
      probe.odwLongTasks = [];
      probe.odwObserver = new PerformanceObserver((list) => probe.odwLongTasks.push(...list.getEntries().map((entry) => entry.duration)));
      probe.odwObserver.observe({ type: 'longtask' });
    });
    await demo.page.selectOption('#event', 'huge');
    // At once: both cards say they are loading, and the old event's figures are gone.
    const busy = await demo.page.evaluate(() =>
      ['odw-on-demand-statistics', 'odw-on-demand-summary'].map((tag) => {
        const root = document.querySelector(tag)?.shadowRoot;
        return `${root?.querySelector('[part="base"]')?.getAttribute('aria-busy')} ${root?.querySelector('[role="status"]') ? 'status' : ''} ${root?.textContent?.includes('Quarterly roadmap webinar') ? 'old figures' : ''}`.trim();
      }),
    );
    expect(busy).toEqual(['true status', 'true status']);
    await demo.page.waitForFunction(() => document.querySelector('odw-on-demand-statistics')?.shadowRoot?.textContent?.includes('Global all-hands'), undefined, { timeout: 300_000 });
    const longest = await demo.page.evaluate(() => {
      const probe = window as unknown as { odwLongTasks: number[]; odwObserver: PerformanceObserver };
      probe.odwObserver.disconnect();
      return Math.max(0, ...probe.odwLongTasks);
    });
    // Generating the event used to hold the page in one task (1–2 s on a quiet machine, more on a
    // busy one); now the Worker generates it and the longest task is the analysis' or rendering's.
    // The bound is what that generation costs on the page's main thread here and now, measured
    // after the switch, so a loaded CI machine moves both sides alike.
    // (Text, not a function: Vitest would rewrite a dynamic import in this file.)
    const generation = (await demo.page.evaluate(
      `import('/@fs${process.cwd()}/mocks/index.ts').then((mocks) => { const started = performance.now(); mocks.scenarioData('huge'); return performance.now() - started; })`,
    )) as number;
    expect(longest).toBeLessThan(generation);
    await demo.page.selectOption('#event', 'mid-window');
    await waitForText('odw-on-demand-statistics', 'Quarterly roadmap webinar');
  });

  it('logged no console error', () => {
    // The demo's own fault switch makes the browser log failed requests (HTTP 500): those are the point of that test.
    expect(demo.errors.filter((error) => !/status of 5\d\d/.test(error))).toEqual([]);
  });
});
