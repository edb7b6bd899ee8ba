/*
 * End to end, the demo portal read in Dutch (issue #16's tour): with the language set to
 * Nederlands the portal's own words — headings, hints, toolbar, buttons, the clock line and what a
 * click on a day says — are Dutch too, not only the widgets; counts meet their nouns through the
 * plural rules. And the portal shows every element of the kit, the program funnel included.
 */
import { describe, expect, it } from 'vitest';
import { useDemo } from '../fixtures/use-demo.ts';

const demo = useDemo();

/** The portal's own text (outside the widgets), whitespace folded. */
const portalText = () =>
  demo.page.evaluate(() =>
    [...document.querySelectorAll('.topbar, nav, main > h1, .toolbar label, #now, .panel > h2, .panel > p, form button, #last-day-select')]
      .map((node) => (node instanceof HTMLSelectElement ? '' : ((node as HTMLElement).innerText ?? '')))
      .join(' · ')
      .replace(/\s+/g, ' '),
  );

describe('demo portal in Dutch', { timeout: 60_000 }, () => {
  it('shows the program funnel with the other widgets', async () => {
    await demo.page.waitForFunction(() => document.querySelector('odw-program-funnel')?.shadowRoot?.querySelector('[part="stages"]'), undefined, { timeout: 30_000 });
    const funnel = await demo.page.evaluate(() => document.querySelector('odw-program-funnel')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');
    expect(funnel).toContain('Program funnel');
    expect(funnel).toContain('Quarterly roadmap webinar');
  });

  it('speaks Dutch throughout once Nederlands is chosen: headings, hints, toolbar, clock line', async () => {
    await demo.page.selectOption('#language', 'nl');
    await demo.page.waitForFunction(() => document.querySelector('odw-program-funnel')?.shadowRoot?.textContent?.includes('Programmatrechter'), undefined, { timeout: 30_000 });
    const text = await portalText();
    for (const dutch of ['Webinarrapport', 'Evenement', 'Klok', 'Thema', 'Taal', 'Nu: 19 mrt 2026', 'Doelgroep samenstellen', 'Slimme lijst opslaan', 'Herstellen', 'Wie keek er', 'Iedereen die on demand keek']) expect(text).toContain(dutch);
    for (const english of ['Webinar report', 'Event ', 'Clock', 'Now:', 'Build audience', 'Save smart list', 'Reset', 'Who watched', 'Click a day']) expect(text).not.toContain(english);
    const options = await demo.page.evaluate(() => ['#event', '#clock', '#theme', '#fault'].map((id) => (document.querySelector(id) as HTMLSelectElement).selectedOptions[0]?.text));
    expect(options).toEqual(['Halverwege', 'Vandaag (scenario)', 'Systeem', 'Gezond']);
    expect(await demo.page.evaluate(() => document.documentElement.lang)).toBe('nl');
  });

  it('says which day was picked in the chart in Dutch, with the plural rules', async () => {
    const said = async (visitors: number | null) => {
      await demo.page.evaluate((count) => document.querySelector('#provider')?.dispatchEvent(new CustomEvent('odw-day-select', { bubbles: true, composed: true, detail: { eventId: 'mid-window', day: '2026-03-10', visitors: count, rewatchers: 0 } })), visitors);
      return `${await demo.page.locator('#last-day-select').textContent()} | ${await demo.page.locator('#people-hint').textContent()}`;
    };
    expect(await said(1)).toBe('di 10 mrt: 1 no-showbezoeker. | Wie keek er op di 10 mrt: eerst de no-showbezoekers (on demand bekeken), dan deelnemers die opnieuw keken.');
    expect(await said(3)).toMatch(/^di 10 mrt: 3 no-showbezoekers\. \|/);
    expect(await said(null)).toMatch(/^di 10 mrt: nog niet gerapporteerd\. \|/);
    // Back to English: the same lines follow the language.
    await demo.page.selectOption('#language', 'en');
    await demo.page.waitForFunction(() => document.querySelector('#last-day-select')?.textContent?.startsWith('Tue, Mar 10'), undefined, { timeout: 10_000 });
    expect(await said(1)).toBe('Tue, Mar 10: 1 no-show visitor. | Who watched on Tue, Mar 10: no-show visitors (Attended On-Demand) first, then attendees who rewatched.');
  });

  it('logged no console error', () => {
    expect(demo.errors).toEqual([]);
  });
});
