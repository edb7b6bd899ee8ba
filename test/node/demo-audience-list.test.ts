/*
 * End to end, the audience list recipe of the demo portal (issue #19): "Show people" lists the
 * audience the picker describes, and a day clicked in the chart lists who watched on that day —
 * its no-show visitors among them, as many as the chart says.
 */
import { describe, expect, it } from 'vitest';
import { useDemo } from '../fixtures/use-demo.ts';

const demo = useDemo();

const listText = () => demo.page.evaluate(() => document.querySelector('odw-audience-list')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');
const total = () => demo.page.evaluate(() => document.querySelector('odw-audience-list')?.shadowRoot?.querySelector('[part="total"]')?.textContent ?? '');

describe('demo portal: who watched', { timeout: 60_000 }, () => {
  it('lists who watched the mid-window event on demand, most minutes first, with masked e-mails', async () => {
    await demo.page.waitForFunction(() => document.querySelector('odw-audience-list')?.shadowRoot?.querySelector('tbody tr'), undefined, { timeout: 30_000 });
    expect(await total()).toMatch(/^[\d,]+ people$/);
    expect(await listText()).toMatch(/[a-z]•••@example\.com/);
    // Not everyone who attended (live attendees with 0 on-demand minutes first): the people who watched.
    const minutes = await demo.page.evaluate(() => [...(document.querySelector('odw-audience-list')?.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((row) => Number(row.children[5]?.textContent?.replace(/,/g, ''))));
    expect(minutes.length).toBeGreaterThan(0);
    expect(minutes.every((each) => each > 0)).toBe(true);
    expect(minutes).toEqual([...minutes].sort((a, b) => b - a));
  });

  it('"Show people" lists the audience the picker describes', async () => {
    await demo.page.evaluate(() => {
      const picker = document.querySelector('odw-event-mode-picker') as HTMLElementTagNameMap['odw-event-mode-picker'];
      picker.value = { version: 1, kind: 'has-not-attended' };
    });
    const before = await total();
    // The picker's own button (its `show-people` attribute), beside the count.
    await demo.page.click('odw-event-mode-picker button[part="show-people"]');
    await demo.page.waitForFunction((previous) => document.querySelector('odw-audience-list')?.shadowRoot?.querySelector('[part="total"]')?.textContent !== previous, before, { timeout: 30_000 });
    const counted = await demo.page.evaluate(() => document.querySelector('odw-event-mode-picker')?.shadowRoot?.querySelector('[part~="count"]')?.textContent ?? '');
    const listed = Number((await total()).replace(/\D/g, ''));
    expect(counted.replace(/\D/g, '')).toBe(String(listed));
  });

  it('a day of the chart lists who watched that day: its no-show visitors first', async () => {
    // The day with the most no-show visitors: a click on its bar (the chart's hit area).
    await demo.page.waitForFunction(() => document.querySelector('odw-on-demand-summary')?.shadowRoot?.querySelector('svg[role="img"]'), undefined, { timeout: 30_000 });
    await demo.page.evaluate(() => {
      const root = document.querySelector('odw-on-demand-summary')?.shadowRoot;
      // Days not reported yet are drawn as full-height placeholders: they do not count.
      const heights = [...(root?.querySelectorAll('g.bars rect[part="bar"]') ?? [])].map((bar) => (bar.classList.contains('unreported') ? 0 : Number(bar.getAttribute('height'))));
      const tallest = heights.indexOf(Math.max(...heights));
      root?.querySelectorAll('g.hits rect')[tallest]?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    await demo.page
      .waitForFunction(() => document.querySelector('#people-hint')?.textContent?.startsWith('Who watched on'), undefined, { timeout: 30_000 })
      .catch(async (error: unknown) => {
        throw new Error(`no day selected: ${await demo.page.evaluate(() => document.querySelector('#last-day-select')?.textContent)}; ${String(error)}`);
      });
    // The portal names the day as a reader says it ("Tue, Mar 10"); the day itself is on the line's data.
    const day = await demo.page.evaluate(() => (document.querySelector('#last-day-select') as HTMLElement | null)?.dataset['day']);
    const visitors = await demo.page.evaluate(() => (document.querySelector('#last-day-select') as HTMLElement | null)?.dataset['visitors']);
    expect(await demo.page.locator('#last-day-select').textContent()).toMatch(/^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}: \d+ no-show visitors?\.$/);
    expect(day).toMatch(/^\d{4}-\d\d-\d\d$/);
    await demo.page
      .waitForFunction(() => document.querySelector('odw-audience-list')?.shadowRoot?.querySelector('th[aria-sort="descending"] [data-sort="status"]'), undefined, { timeout: 30_000 })
      .catch(async (error: unknown) => {
        throw new Error(`not sorted by status: ${(await listText()).slice(0, 300)} | ${await demo.page.evaluate(() => `${document.querySelector("#last-day-select")?.textContent} ${JSON.stringify((document.querySelector("odw-audience-list") as HTMLElementTagNameMap["odw-audience-list"]).criteria)} ${String((document.querySelector("odw-audience-list") as HTMLElementTagNameMap["odw-audience-list"]).now)}`)}; ${String(error)}`);
      });
    // Every no-show visitor of that day is listed (Attended On-Demand), before any rewatcher.
    const csv = await demo.page.evaluate(() => (document.querySelector('odw-audience-list') as HTMLElementTagNameMap['odw-audience-list']).downloadCsv({ save: false }));
    const rows = (csv ?? '').trim().split('\r\n').slice(1);
    const onDemand = rows.filter((row) => row.includes(',Attended On-Demand,'));
    expect(String(onDemand.length)).toBe(visitors);
    expect(rows.slice(0, onDemand.length)).toEqual(onDemand);
    expect(demo.errors).toEqual([]);
  });
});
