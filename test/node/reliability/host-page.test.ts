/*
 * Host-page safety, in Chromium through playwright, on pages served with the strict CSP:
 * - two separately bundled copies of the kit on one page register without throwing and still
 *   share context (a provider of one copy feeds a widget class of the other: the context key
 *   is a string), and AdapterErrors cross copies;
 * - a page's own global CSS does not change the widgets' text size, colours or box sizing
 *   inside their shadow DOM;
 * - mounting and using every widget writes no global on window or document.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, cssFile, html, js, launchChromium, serve, waitUntilReady, watchProblems, type CspServer, type PageProblems } from '../../fixtures/reliability/csp-harness.ts';

let server: CspServer;
let browser: Browser;

const COLUMN = '#column { width: 720px; }';
// Element selectors: they cannot reach into a shadow root, and must not matter.
const TAG_RULES = `h2, p, dl, dd, dt, div, span, section, button, select, input, label, table, td, th, svg, text, rect {
  font-size: 40px !important; color: lime !important; margin: 30px !important; padding: 20px !important;
  box-sizing: content-box !important; line-height: 3 !important; font-family: serif !important; display: inline !important;
}`;
// The universal selector also matches the widget's host element, and text size and colour inherit.
const UNIVERSAL = '* { box-sizing: content-box; font-size: 30px; color: red; line-height: 2; font-family: serif; }';

beforeAll(async () => {
  const [pages, copyA, copyB, browserLaunch] = await Promise.all([bundle('test/csp/pages.ts'), bundle('test/csp/copy.ts'), bundle('test/csp/copy.ts'), launchChromium()]);
  browser = browserLaunch;
  server = await serve({
    '/pages.js': js(pages),
    '/copy-a.js': js(copyA),
    '/copy-b.js': js(copyB),
    '/column.css': cssFile(COLUMN),
    '/tags.css': cssFile(TAG_RULES),
    '/universal.css': cssFile(UNIVERSAL),
    '/two-copies.html': html({ title: 'Two copies of the kit', scripts: ['/copy-a.js', '/copy-b.js'] }),
    '/plain.html': html({ title: 'Layout, no page CSS', styles: ['/column.css'], scripts: ['/pages.js'] }),
    '/tags.html': html({ title: 'Layout, page CSS on element names', styles: ['/column.css', '/tags.css'], scripts: ['/pages.js'] }),
    '/universal.html': html({ title: 'Layout, page CSS on *', styles: ['/column.css', '/universal.css'], scripts: ['/pages.js'] }),
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const problems = await watchProblems(page);
  await page.goto(`${server.url}${path}`);
  return { page, problems };
}

async function expectNoProblems(problems: PageProblems): Promise<void> {
  expect(await problems.violations()).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
}

// Pages of many widgets loading at once: upper bounds for a heavily loaded 2-core machine.
describe('two copies of the kit on one page', { timeout: 120_000 }, () => {
  it('register without throwing, share context both ways, and read each other’s AdapterErrors', async () => {
    const { page, problems } = await open('/two-copies.html');
    try {
      await page.waitForFunction(() => window.odwCopies?.['a'] !== undefined && window.odwCopies['b'] !== undefined);
      const result = await page.evaluate(async () => {
        const { a, b } = window.odwCopies as Record<'a' | 'b', NonNullable<Window['odwCopies']>[string]>;
        const event = { id: 'evt-two', name: 'Two copies webinar', startsAt: '2026-03-20T15:00:00Z', endsAt: '2026-03-20T16:00:00Z', timeZone: 'Europe/Amsterdam' };
        const attendance = {
          registrants: [{ leadId: 'A', status: 'No Show' }, { leadId: 'B', status: 'No Show' }, { leadId: 'C', status: 'Attended' }],
          views: [{ leadId: 'A', viewedAt: '2026-03-21T10:00:00Z', minutes: 10 }, { leadId: 'B', viewedAt: '2026-03-22T10:00:00Z', minutes: 20 }, { leadId: 'C', viewedAt: '2026-03-22T11:00:00Z', minutes: 5 }],
          reportedThrough: '2026-03-25',
        };
        const now = new Date('2026-03-26T12:00:00Z');
        const registered = {
          distinctClasses: a.OdwOnDemandStatistics !== b.OdwOnDemandStatistics,
          firstCopyWins: customElements.get('odw-on-demand-statistics') === a.OdwOnDemandStatistics && customElements.get('odw-data-provider') === a.OdwDataProvider,
        };
        // Copy B's classes were never registered (the tags were taken): give them their own tags.
        customElements.define('odw-b-statistics', b.OdwOnDemandStatistics);
        customElements.define('odw-b-provider', b.OdwDataProvider);

        const providerA = document.createElement('odw-data-provider');
        providerA.adapter = b.createMemoryAdapter({ events: [{ event, attendance }] });
        providerA.eventId = 'evt-two';
        providerA.now = now;
        const widgetB = document.createElement('odw-b-statistics');
        providerA.append(widgetB);

        const providerB = document.createElement('odw-b-provider') as InstanceType<typeof b.OdwDataProvider>;
        providerB.adapter = a.createMemoryAdapter({ events: [{ event, attendance }] });
        providerB.eventId = 'evt-two';
        providerB.now = now;
        const widgetA = document.createElement('odw-on-demand-summary');
        providerB.append(widgetA);

        // An AdapterError made by copy A, shown by copy B's widget.
        const failing = document.createElement('odw-b-statistics') as InstanceType<typeof b.OdwOnDemandStatistics>;
        failing.adapter = a.createMemoryAdapter({ events: [] });
        failing.eventId = 'nowhere';
        failing.now = now;
        document.body.append(providerA, providerB, failing);

        const text = (element: Element) => (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
        const until = async (check: () => boolean) => {
          for (let tries = 0; tries < 200 && !check(); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
        };
        await until(() => text(widgetB).includes('Two copies webinar') && text(widgetA).includes('Two copies webinar') && text(failing).includes('not found'));

        // Loading copy A once more (a third module instance) registers nothing and throws nothing (page errors are checked below).
        const reimport = await new Promise<string>((resolve) => {
          const script = document.createElement('script');
          script.type = 'module';
          script.src = '/copy-a.js?again';
          script.addEventListener('load', () => resolve('ok'));
          script.addEventListener('error', () => resolve('failed to load'));
          document.head.append(script);
        });
        return {
          ...registered,
          reimport,
          widgetB: text(widgetB),
          widgetA: text(widgetA),
          failing: text(failing),
          sameErrorKind: b.isAdapterError(new a.AdapterError('not-found', 'x')) && a.isAdapterError(new b.AdapterError('not-found', 'x')),
        };
      });
      expect(result.distinctClasses, 'two real copies').toBe(true);
      expect(result.firstCopyWins).toBe(true);
      expect(result.reimport).toBe('ok');
      expect(result.widgetB).toContain('Two copies webinar');
      expect(result.widgetB).toMatch(/No-shows who watched 2 /);
      expect(result.widgetA).toContain('2 unique no-show visitors in these days');
      // Plain words from the kind of the other copy's AdapterError; its message in the technical details.
      expect(result.failing).toContain('Could not load the statistics: this event could not be found;');
      expect(result.failing).toContain('Event "nowhere" was not found.');
      expect(result.sameErrorKind).toBe(true);
      await expectNoProblems(problems);
    } finally {
      await page.close();
    }
  });
});

/** Text size, colour, box sizing and boxes inside each widget's shadow root. */
async function measure(page: Page): Promise<Record<string, Record<string, string>>> {
  await page.evaluate(() => window.odwPage.mount('layout'));
  await waitUntilReady(page);
  return page.evaluate(() => {
    const pick = (element: Element | null | undefined) => {
      if (!element) return 'missing';
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return `${style.fontSize} ${style.color} ${style.boxSizing} ${style.lineHeight} ${style.fontFamily.split(',')[0]} ${Math.round(box.width)}×${Math.round(box.height)}`;
    };
    const result: Record<string, Record<string, string>> = {};
    for (const tag of ['odw-on-demand-statistics', 'odw-on-demand-summary', 'odw-event-mode-picker']) {
      const root = document.getElementById(tag)?.shadowRoot;
      result[tag] = {
        base: pick(root?.querySelector('[part="base"]')),
        title: pick(root?.querySelector('h2, legend')),
        value: pick(root?.querySelector('[part="value"], [part="count"]')),
        button: pick(root?.querySelector('button, select')),
        muted: pick(root?.querySelector('.muted')),
      };
    }
    return result;
  });
}

describe('a page’s own global CSS', { timeout: 120_000 }, () => {
  let plain: Record<string, Record<string, string>>;

  beforeAll(async () => {
    const { page, problems } = await open('/plain.html');
    try {
      plain = await measure(page);
      await expectNoProblems(problems);
    } finally {
      await page.close();
    }
  }, 30_000);

  it('rules on element names (h2, p, div, button, svg…) do not reach inside the widgets', async () => {
    const { page, problems } = await open('/tags.html');
    try {
      expect(await measure(page)).toEqual(plain);
      await expectNoProblems(problems);
    } finally {
      await page.close();
    }
  });

  // Was a bug, now fixed: src/styles/tokens.styles.ts sets font-size, color, line-height, font-family and box-sizing on
  // `:host`, and every inner element inherits them (`* { box-sizing: inherit; font-size: inherit }`).
  // A page rule that matches the host element itself — `* { … }` — beats `:host` in the cascade (outer
  // context wins for normal declarations), so the widgets' text becomes 30px, red, serif, and their
  // boxes content-box. Fix: set those on the card root ([part="base"]) instead of relying on the
  // host, or mark the :host declarations !important (inner !important beats outer normal).
  it('`* { font-size: 30px; color: red; box-sizing: content-box }` on the page does not change the text or boxes inside the widgets', async () => {
    const { page } = await open('/universal.html');
    try {
      expect(await measure(page)).toEqual(plain);
    } finally {
      await page.close();
    }
  });
});

// Mounting every state waits for up to 60 s (waitUntilReady) on a heavily loaded machine.
describe('globals', { timeout: 120_000 }, () => {
  it('mounting and using every widget writes nothing on window or document (nor storage or cookies)', async () => {
    const { page, problems } = await open('/plain.html');
    try {
      await page.waitForFunction(() => window.odwPage !== undefined);
      const snapshot = () =>
        page.evaluate(() => ({
          window: Object.getOwnPropertyNames(window).sort(),
          document: Object.getOwnPropertyNames(document).sort(),
          storage: localStorage.length + sessionStorage.length,
          cookie: document.cookie,
        }));
      const before = await snapshot();
      await page.evaluate(() => window.odwPage.mount('every-state'));
      await waitUntilReady(page);
      await page.evaluate(async () => {
        for (const element of document.querySelectorAll('odw-on-demand-summary, odw-on-demand-statistics, odw-event-mode-picker')) {
          for (const button of element.shadowRoot?.querySelectorAll('button') ?? []) if (!/CSV/.test(button.textContent ?? '')) button.click();
          element.shadowRoot?.querySelector<HTMLInputElement>('#mode-on-demand')?.click();
        }
        await new Promise((resolve) => setTimeout(resolve, 400));
        for (const section of document.querySelectorAll('section')) section.remove();
        await new Promise((resolve) => setTimeout(resolve, 100));
      });
      const after = await snapshot();
      expect(after.window.filter((name) => !before.window.includes(name)), 'new window globals').toEqual([]);
      expect(after.document.filter((name) => !before.document.includes(name)), 'new document properties').toEqual([]);
      expect(after.storage).toBe(before.storage);
      expect(after.cookie).toBe(before.cookie);
      await expectNoProblems(problems);
    } finally {
      await page.close();
    }
  });
});
