/*
 * Layout shift while the widgets load (issue #22): Cumulative Layout Shift ≤ 0.1 — Chromium's
 * Layout Instability API, entries without recent input summed — at 1280 px and 390 px wide, for a
 * load that ends with data, one that ends in an error, and an upcoming event:
 * - on a host page with a provider, the statistics, the summary and the picker above the portal's
 *   own content (English and Dutch). Its adapter holds every answer until the test releases it,
 *   so the loading state is always painted first and data arrives when the test says, however
 *   busy the machine;
 * - on the same page after it loaded: switching the event, the summary's range and the language,
 *   then an error replacing the data (no input involved, so every shift counts);
 * - the statistics and the summary alone, 320 to 1200 px wide, over the scenarios and the
 *   summary's attributes, English and Dutch: the loaded state is never taller than the skeleton;
 * - on the demo portal of `npm start` (`?event=…&fault=…`), with its mock backend.
 * The figures are printed. Geometry, not timing: each run waits for the page to hold still.
 */
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../fixtures/demo-server.ts';
import { boxesPage, hostPage, HOST_CSS, layoutShift, observeLayoutShift, waitForStates, waitUntilStill, type LayoutShiftCase, type Shift, type WidgetState } from '../fixtures/layout-shift/harness.ts';
import { bundle, cssFile, js, launchChromium, serve, type CspServer } from '../fixtures/reliability/csp-harness.ts';

const GOOD_CLS = 0.1;
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;
const CASES: readonly LayoutShiftCase[] = ['data', 'error', 'upcoming'];
const END_STATE: Record<LayoutShiftCase, WidgetState> = { data: 'data', error: 'error', upcoming: 'data' };

let browser: Browser;
let server: CspServer;
let demo: Awaited<ReturnType<typeof startDemoServer>>;
const figures: string[] = [];

beforeAll(async () => {
  const [script, boxes, launched, demoServer] = await Promise.all([bundle('test/fixtures/layout-shift/page.ts'), bundle('test/fixtures/layout-shift/boxes.ts'), launchChromium(), startDemoServer()]);
  browser = launched;
  demo = demoServer;
  const files: Parameters<typeof serve>[0] = { '/page.js': js(script), '/boxes.js': js(boxes), '/portal.css': cssFile(HOST_CSS), '/en/boxes.html': boxesPage('en'), '/nl/boxes.html': boxesPage('nl') };
  for (const lang of ['en', 'nl'] as const) {
    for (const name of CASES) {
      files[`/${lang}/${name}.html`] = hostPage({ lang, case: name, title: `Layout shift: ${name}` });
    }
  }
  server = await serve(files, undefined);
}, 120_000);

afterAll(async () => {
  if (figures.length > 0) console.log(`\nCumulative Layout Shift while the widgets load (good: ≤ ${GOOD_CLS})\n${figures.join('\n')}\n`);
  await browser?.close();
  await server?.close();
  await demo?.close();
});

/** The entries that moved the most, for the failure message. */
const worst = (shifts: Shift[]) =>
  [...shifts]
    .sort((a, b) => b.value - a.value)
    .slice(0, 4)
    .map((shift) => `  ${shift.value.toFixed(4)} at ${shift.time} ms${shift.hadRecentInput ? ' (after input)' : ''}: ${shift.sources.join('; ')}`)
    .join('\n');

function record(label: string, cls: number, shifts: Shift[]): void {
  figures.push(`${label.padEnd(44)} CLS ${cls.toFixed(3)}`);
  expect(cls, `${label}: CLS ${cls.toFixed(4)}; largest shifts:\n${worst(shifts)}`).toBeLessThanOrEqual(GOOD_CLS);
}

describe('layout shift while the widgets load', { timeout: 90_000 }, () => {
  for (const lang of ['en', 'nl'] as const) {
    for (const viewport of VIEWPORTS) {
      for (const name of CASES) {
        // Dutch at both widths for the load with data; the other cases in English.
        if (lang === 'nl' && name !== 'data') continue;
        it(`host page, ${lang}, ${viewport.width} px: ${name}`, async () => {
          const page = await browser.newPage({ viewport });
          try {
            await observeLayoutShift(page);
            await page.goto(`${server.url}/${lang}/${name}.html`);
            await waitForStates(page, ['loading']);
            await waitUntilStill(page, '.portal-content');
            await page.evaluate(() => window.odwLayoutShift?.release());
            expect(await waitForStates(page, [END_STATE[name]])).toEqual([END_STATE[name], END_STATE[name], END_STATE[name]]);
            await waitUntilStill(page, '.portal-content');
            const { cls, shifts } = await layoutShift(page);
            record(`host page ${lang} ${viewport.width} px, ${name}`, cls, shifts);
          } finally {
            await page.close();
          }
        });
      }
    }
  }

  for (const lang of ['en', 'nl'] as const) {
    it(`the loaded state is never taller than the skeleton (${lang}, 320 to 1200 px, the summary's attributes)`, async () => {
      const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
      try {
        await page.goto(`${server.url}/${lang}/boxes.html`);
        await page.waitForFunction(() => window.odwBoxes?.().every((box) => box.ready), undefined, { timeout: 60_000, polling: 250 });
        const boxes = await page.evaluate(() => window.odwBoxes?.() ?? []);
        expect(boxes.length).toBeGreaterThan(100);
        const taller = boxes.filter((box) => box.loaded > box.skeleton + 0.5).map((box) => `${box.label}: loaded ${box.loaded.toFixed(1)} px, skeleton ${box.skeleton.toFixed(1)} px`);
        expect(taller).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  for (const viewport of VIEWPORTS) {
    it(`host page, en, ${viewport.width} px: switching event, range and language, and an error replacing the data`, async () => {
      const page = await browser.newPage({ viewport });
      try {
        await observeLayoutShift(page);
        await page.goto(`${server.url}/en/data.html`);
        await waitForStates(page, ['loading']);
        await page.evaluate(() => window.odwLayoutShift?.release());
        await waitForStates(page, ['data']);
        await waitUntilStill(page, '.portal-content');
        const steps: { label: string; change: () => void; held: boolean; end: WidgetState }[] = [
          { label: 'another event', held: true, end: 'data', change: () => ((document.querySelector('odw-data-provider') as HTMLElement & { eventId: string }).eventId = 'upcoming') },
          { label: 'another range', held: false, end: 'data', change: () => ((document.querySelector('odw-on-demand-summary') as HTMLElement & { days: number }).days = 7) },
          // Other texts: what moves is the Dutch text's own length (the same load is ≤ 0.1 on its own, above).
          { label: 'Dutch', held: false, end: 'data', change: () => ((document.querySelector('odw-data-provider') as HTMLElement & { locale: string }).locale = 'nl') },
          { label: 'an error', held: true, end: 'error', change: () => {
            if (window.odwLayoutShift) window.odwLayoutShift.failing = true;
            (document.querySelector('odw-data-provider') as HTMLElement & { reload(): void }).reload();
          } },
        ];
        let before = (await layoutShift(page)).cls;
        for (const step of steps) {
          if (step.held) await page.evaluate(() => window.odwLayoutShift?.hold());
          await page.evaluate(step.change);
          if (step.held) {
            await waitForStates(page, ['loading']);
            await waitUntilStill(page, '.portal-content');
            await page.evaluate(() => window.odwLayoutShift?.release());
          }
          await waitForStates(page, [step.end]);
          if (step.label === 'Dutch') await page.waitForFunction(() => document.querySelector('odw-on-demand-statistics')?.shadowRoot?.textContent?.includes('On-demand statistieken'));
          await waitUntilStill(page, '.portal-content');
          const { cls, shifts } = await layoutShift(page);
          record(`host page en ${viewport.width} px, then ${step.label}`, cls - before, shifts);
          before = cls;
        }
      } finally {
        await page.close();
      }
    });
  }

  for (const viewport of VIEWPORTS) {
    for (const name of CASES) {
      it(`demo portal, ${viewport.width} px: ${name}`, async () => {
        const page = await browser.newPage({ viewport });
        try {
          await observeLayoutShift(page);
          const query = name === 'error' ? '?fault=server-error' : name === 'upcoming' ? '?event=upcoming' : '?event=mid-window';
          await page.goto(`${demo.url}${query}`);
          expect(await waitForStates(page, [END_STATE[name]], 60_000)).toEqual([END_STATE[name], END_STATE[name], END_STATE[name]]);
          await waitUntilStill(page, '.panel');
          const { cls, shifts } = await layoutShift(page);
          record(`demo portal ${viewport.width} px, ${name}`, cls, shifts);
        } finally {
          await page.close();
        }
      });
    }
  }
});
