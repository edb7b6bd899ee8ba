/*
 * `node scripts/tour.ts <folder> [group…]`: the tour of issue #16 — the demo portal (and, with
 * `storybook`, every Storybook story) in the states a marketer, a Dutch reader, a phone user and a
 * keyboard user meet. Screenshots go to `<folder>`, and `<folder>/tour.md` records, per stop, what
 * each widget says (its visible text) and what the automatic checks found:
 * - console errors and page errors;
 * - the page wider than the window (sideways scrolling), anything drawn outside its card, text cut
 *   by its box (overflow hidden or an ellipsis);
 * - on Dutch pages, English words in the widgets and in the portal's own text;
 * - on the keyboard walk, every Tab stop (forwards and back) with whether its focus ring shows and
 *   whether it is on screen.
 *
 * Groups (default: all but `storybook`):
 * - `legacy`    the six stops of the first tour (docs/tour/before, docs/tour/after);
 * - `finish`    the stops of the second tour's fixes (docs/tour/finish);
 * - `scenarios` every scenario at every clock position (1280 px, light, English);
 * - `faults`    every backend fault, English light 1280 px and Dutch dark 375 px;
 * - `looks`     four scenarios at 375, 1280 and 1600 px, light English and dark Dutch;
 * - `keyboard`  Tab / Shift+Tab through the page, then arrows, Enter and Space in each widget;
 * - `storybook` every story of a running Storybook (`STORYBOOK_URL`, default http://127.0.0.1:6006).
 * Run it on two checkouts to compare before and after (docs/tour/).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { FAULTS } from '../mocks/faults.ts';
import { SCENARIO_NAMES } from '../mocks/scenarios.ts';
import { startDemoServer } from '../test/fixtures/demo-server.ts';
import { CHROME_PATH, CHROMIUM_ARGS } from './toolchain.ts';

const [folder, ...wanted] = process.argv.slice(2);
if (folder === undefined) throw new Error('usage: node scripts/tour.ts <folder for the screenshots> [legacy|scenarios|faults|looks|keyboard|storybook …]');
mkdirSync(folder, { recursive: true });
const GROUPS = ['legacy', 'finish', 'scenarios', 'faults', 'looks', 'keyboard', 'storybook'] as const;
type Group = (typeof GROUPS)[number];
const groups = new Set<Group>(wanted.length > 0 ? (wanted as Group[]) : GROUPS.filter((group) => group !== 'storybook'));
for (const group of groups) if (!GROUPS.includes(group)) throw new Error(`unknown group ${group}; the groups are ${GROUPS.join(', ')}`);

const CLOCKS = ['scenario', 'before', 'day-1', 'day-12', 'day-25', 'day-27', 'after'] as const;
const WIDGETS = 'odw-on-demand-statistics, odw-on-demand-summary, odw-event-mode-picker, odw-audience-list, odw-program-funnel';

interface Stop {
  name: string;
  query: string;
  width?: number;
  scheme?: 'light' | 'dark';
  /** What to do once the page has settled. */
  act?: (page: Page) => Promise<void>;
  /** Screenshot: the whole page (default), the window, or none. */
  shot?: 'page' | 'window' | 'none';
}

const LEGACY: Stop[] = [
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

const FINISH: Stop[] = [
  { name: 'dutch-portal-1280', query: '?event=mid-window&lang=nl' },
  { name: 'phone-dutch-dark-375', query: '?event=mid-window&lang=nl&theme=dark', width: 375, scheme: 'dark' },
  { name: 'upcoming-who-watched', query: '?event=upcoming' },
  {
    name: 'keyboard-next-page',
    query: '?event=mid-window',
    shot: 'window',
    act: async (page) => {
      await focusIn(page, 'button[data-page="next"]');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(1500);
      await page.evaluate(() => document.querySelector('odw-audience-list')?.scrollIntoView({ block: 'end' }));
    },
  },
];

const SCENARIO_STOPS: Stop[] = SCENARIO_NAMES.flatMap((scenario) => CLOCKS.map((clock) => ({ name: `scenario-${scenario}-${clock}`, query: `?event=${scenario}&clock=${clock}` })));

const FAULT_STOPS: Stop[] = FAULTS.flatMap((fault) => [
  { name: `fault-${fault}-en-light-1280`, query: `?event=mid-window&fault=${fault}`, shot: 'window' as const },
  { name: `fault-${fault}-nl-dark-375`, query: `?event=mid-window&fault=${fault}&lang=nl`, width: 375, scheme: 'dark' as const, shot: 'window' as const },
]);

const LOOK_STOPS: Stop[] = (['mid-window', 'upcoming', 'closed', 'bad-records'] as const).flatMap((scenario) =>
  [375, 1280, 1600].flatMap((width) => [
    { name: `look-${scenario}-${width}-en-light`, query: `?event=${scenario}`, width, scheme: 'light' as const },
    { name: `look-${scenario}-${width}-nl-dark`, query: `?event=${scenario}&lang=nl&theme=dark`, width, scheme: 'dark' as const },
  ]),
);

/** One widget as the reader sees it: its visible text, and what is cut or drawn outside it. */
interface WidgetAudit {
  tag: string;
  text: string;
  cut: string[];
  outside: string[];
}

interface PageAudit {
  pageOverflow: number;
  widgets: WidgetAudit[];
  portalText: string;
}

/** Runs in the page: the widgets' visible text and the geometry checks. */
function auditPage(selector: string): PageAudit {
  const describe = (element: Element) => {
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    const part = element.getAttribute('part') ?? element.getAttribute('class') ?? '';
    return `${element.localName}${part ? `.${part.replace(/\s+/g, '.')}` : ''} "${text}"`;
  };
  const visible = (element: Element) => element.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && element.getClientRects().length > 0;
  const clipped = (element: Element) => {
    const style = getComputedStyle(element);
    return style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
  };
  const screenReaderOnly = (element: Element) => {
    for (let at: Element | null = element; at !== null; at = at.parentElement) {
      const rect = at.getBoundingClientRect();
      if (rect.width <= 1 && rect.height <= 1) return true;
    }
    return false;
  };
  /** Inside a box that scrolls (the table, the chart's scroller): outside its card by design. */
  const inScroller = (element: Element) => {
    for (let at: Element | null = element.parentElement; at !== null; at = at.parentElement) {
      const style = getComputedStyle(at);
      if (['auto', 'scroll'].includes(style.overflowX)) return true;
    }
    return false;
  };
  const widgets: WidgetAudit[] = [];
  for (const host of document.querySelectorAll(selector)) {
    const root = host.shadowRoot;
    if (root === null) continue;
    const box = host.getBoundingClientRect();
    const parts: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      if (!text || parent === null || ['STYLE', 'SCRIPT', 'TITLE'].includes(parent.tagName) || !visible(parent) || screenReaderOnly(parent)) continue;
      parts.push(text);
    }
    const cut: string[] = [];
    const outside: string[] = [];
    for (const element of root.querySelectorAll('*')) {
      if (!visible(element) || screenReaderOnly(element) || element.closest('svg') !== null && element.localName !== 'svg') continue;
      if (clipped(element) && element.scrollWidth > element.clientWidth + 1 && (element.textContent ?? '').trim() !== '') cut.push(describe(element));
      const rect = element.getBoundingClientRect();
      if (rect.width > 0 && (rect.right > box.right + 1 || rect.left < box.left - 1) && !inScroller(element)) outside.push(`${describe(element)} ${Math.round(rect.left - box.left)}…${Math.round(rect.right - box.left)} of ${Math.round(box.width)}`);
    }
    widgets.push({ tag: host.localName, text: parts.join(' · '), cut: cut.slice(0, 8), outside: outside.slice(0, 8) });
  }
  // The portal's own words: its headings, hints and buttons, the toolbar's labels and chosen options.
  const toolbar = [...document.querySelectorAll('.toolbar label')].map((label) => `${label.firstChild?.textContent?.trim() ?? ''} ${label.querySelector('select')?.selectedOptions[0]?.text ?? ''}`);
  const portal = [...document.querySelectorAll('main > h1, .panel > h2, .panel > p, #last-day-select, form button, #now')].map((element) => (element as HTMLElement).innerText.replace(/\s+/g, ' ').trim());
  portal.unshift(...toolbar);
  return { pageOverflow: document.documentElement.scrollWidth - window.innerWidth, widgets, portalText: portal.join(' · ') };
}

/** Words that are English and not Dutch: on a Dutch page each is a candidate for English left in. */
const ENGLISH = /\b(the|and|visitors?|days?|loading|error|people|person|watched|reported|through|minutes|average|retry|again|unavailable|failed|choose|from|with|without|yet|which|this|these|show|more|last|first|today|week|month|attended|registered|registrants?|selected|click|who|save|healthy|clock|language|theme|event|before|after|scenario|closing|closed|upcoming|page|pages|next|previous|download|nobody|not)\b/gi;

/** Event names, lead names and e-mail addresses are data, in whatever language they were written. */
const DATA_TEXT = /no-show|Quarterly roadmap webinar|Spring product launch|Partner onboarding live Q&A|Security best practices|Year-end customer summit|Compliance update \(no on-demand views yet\)|Global all-hands \(200 000 registrants\)|Imported from a legacy export|Acme Marketing Cloud|Build audience|Who watched|Webinar report/gi;

function englishIn(text: string): string[] {
  const found = new Set<string>();
  const cleaned = text.replace(DATA_TEXT, '');
  for (const match of cleaned.matchAll(ENGLISH)) {
    const at = match.index ?? 0;
    found.add(`"${cleaned.slice(Math.max(0, at - 25), at + match[0].length + 25).trim()}"`);
  }
  return [...found].slice(0, 12);
}

const log: string[] = [`# Tour ${new Date().toISOString()}`, ''];
const findings: string[] = [];

function note(stop: string, what: string): void {
  findings.push(`- **${stop}**: ${what}`);
}

async function settle(page: Page): Promise<void> {
  // Settled: every card left its loading state (or the upcoming/empty/error state shows).
  await page
    .waitForFunction((selector) => [...document.querySelectorAll(selector)].every((card) => card.shadowRoot?.querySelector('[aria-busy="true"]') == null), WIDGETS, { timeout: 60_000, polling: 250 })
    .catch(() => undefined);
  await page.waitForTimeout(800);
}

async function openPage(browser: Browser, url: string, width: number, scheme: 'light' | 'dark', errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme, acceptDownloads: true });
  page.on('console', (message) => {
    if ((message.type() === 'error' || message.type() === 'warning') && !message.text().startsWith('Lit is in dev mode')) errors.push(`${message.type()}: ${message.text().slice(0, 300)}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${String(error).slice(0, 300)}`));
  await page.goto(url);
  return page;
}

async function recordAudit(page: Page, name: string, dutch: boolean, errors: string[]): Promise<void> {
  const audit = await page.evaluate(auditPage, WIDGETS);
  log.push(`## ${name}`, '');
  if (audit.pageOverflow > 0) note(name, `the page is ${audit.pageOverflow} px wider than the window`);
  for (const widget of audit.widgets) {
    log.push(`- \`${widget.tag}\`: ${widget.text.slice(0, 900)}`);
    if (widget.cut.length > 0) note(name, `${widget.tag}: text cut: ${widget.cut.join('; ')}`);
    if (widget.outside.length > 0) note(name, `${widget.tag}: drawn outside its card: ${widget.outside.join('; ')}`);
    if (dutch) {
      const english = englishIn(widget.text);
      if (english.length > 0) note(name, `${widget.tag}: English on a Dutch page? ${english.join(', ')}`);
    }
  }
  log.push(`- portal: ${audit.portalText.slice(0, 600)}`);
  if (dutch) {
    const english = englishIn(audit.portalText);
    if (english.length > 0) note(name, `portal: English on a Dutch page? ${english.join(', ')}`);
  }
  for (const error of errors) note(name, `console ${error}`);
  log.push('');
}

async function tourStops(browser: Browser, baseUrl: string, stops: Stop[]): Promise<void> {
  for (const stop of stops) {
    const errors: string[] = [];
    const scheme = stop.scheme ?? 'light';
    const page = await openPage(browser, `${baseUrl}${stop.query}`, stop.width ?? 1280, scheme, errors);
    try {
      await settle(page);
      // The demo's theme control (the query names it; the page's own scheme follows the browser's).
      const theme = new URLSearchParams(stop.query).get('theme');
      if (theme !== null) {
        await page.selectOption('#theme', theme);
        await page.waitForTimeout(300);
      }
      try {
        await stop.act?.(page);
      } catch (error) {
        note(stop.name, `the step failed: ${String(error).split('\n')[0]}`);
      }
      await recordAudit(page, stop.name, stop.query.includes('lang=nl'), errors);
      if (stop.shot !== 'none') {
        const file = join(folder as string, `${stop.name}.png`);
        await page.screenshot({ path: file, fullPage: stop.shot !== 'window' });
        console.log(`wrote ${file}`);
      }
    } finally {
      await page.close();
    }
  }
}

/** Runs in the page: the element that has focus, through shadow roots, and how it shows it. */
function focusedNow(): { path: string; ring: boolean; onScreen: boolean; box: { x: number; y: number; width: number; height: number } | null } {
  let active: Element | null = document.activeElement;
  const path: string[] = [];
  while (active !== null) {
    const label = active.getAttribute('aria-label') ?? active.getAttribute('part') ?? active.getAttribute('data-sort') ?? active.getAttribute('data-page') ?? active.id;
    const text = (active instanceof HTMLElement ? active.innerText : active.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
    path.push(`${active.localName}${label ? `[${label.slice(0, 60)}]` : ''}${text && !label ? ` "${text}"` : ''}`);
    const inner: Element | null | undefined = active.shadowRoot?.activeElement;
    if (inner == null) break;
    active = inner;
  }
  if (active === null || active === document.body) return { path: path.join(' › ') || 'body', ring: false, onScreen: false, box: null };
  const style = getComputedStyle(active);
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none' || active.matches(':focus-visible') === false;
  const rect = active.getBoundingClientRect();
  const onScreen = rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.top < window.innerHeight && rect.left < window.innerWidth;
  return { path: path.join(' › '), ring, onScreen, box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height } };
}

async function focusShot(page: Page, name: string): Promise<void> {
  const focus = await page.evaluate(focusedNow);
  if (focus.box === null) return;
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const x = Math.max(0, focus.box.x - 24);
  const y = Math.max(0, focus.box.y - 24);
  const width = Math.min(viewport.width - x, Math.max(160, focus.box.width + 48));
  const height = Math.min(viewport.height - y, Math.max(60, focus.box.height + 48));
  if (width <= 0 || height <= 0) return;
  await page.screenshot({ path: join(folder as string, `${name}.png`), clip: { x, y, width, height } });
}

async function keyboardWalk(browser: Browser, baseUrl: string, name: string, query: string, width: number, scheme: 'light' | 'dark'): Promise<void> {
  const errors: string[] = [];
  const page = await openPage(browser, `${baseUrl}${query}`, width, scheme, errors);
  try {
    await settle(page);
    log.push(`## ${name}: Tab through the page`, '');
    const seen: string[] = [];
    mkdirSync(join(folder as string, name), { recursive: true });
    for (let step = 1; step <= 90; step++) {
      await page.keyboard.press('Tab');
      await page.waitForTimeout(60);
      const focus = await page.evaluate(focusedNow);
      seen.push(focus.path);
      log.push(`${step}. ${focus.path}${focus.ring ? '' : ' — **no focus ring**'}${focus.onScreen ? '' : ' — off screen'}`);
      // Past the page's last control the focus leaves the page (body): the walk is done.
      if (focus.box === null) break;
      if (!focus.ring) note(name, `Tab stop ${step} shows no focus ring: ${focus.path}`);
      await page.evaluate(() => document.activeElement?.scrollIntoView?.({ block: 'nearest' }));
      await focusShot(page, join(name, `tab-${String(step).padStart(2, '0')}`));
      if (step > 3 && focus.path === seen[0]) break;
    }
    log.push('', `### Shift+Tab back`, '');
    for (let step = 1; step <= 12; step++) {
      await page.keyboard.press('Shift+Tab');
      await page.waitForTimeout(60);
      const focus = await page.evaluate(focusedNow);
      log.push(`${step}. ${focus.path}${focus.ring ? '' : ' — **no focus ring**'}`);
    }
    log.push('');
    await widgetKeys(page, name);
    for (const error of errors) note(name, `console ${error}`);
  } finally {
    await page.close();
  }
}

/** Focuses the first element matching `selector` inside a widget's shadow root. */
async function focusIn(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((wanted) => {
    for (const host of document.querySelectorAll('*')) {
      const found = host.shadowRoot?.querySelector<HTMLElement | SVGElement>(wanted);
      if (found) {
        found.focus();
        found.scrollIntoView({ block: 'center' });
        return true;
      }
    }
    return false;
  }, selector);
}

/** Arrows, Enter and Space in each widget; after each, where the focus is and a screenshot of it. */
async function widgetKeys(page: Page, name: string): Promise<void> {
  const steps: { what: string; focus: string; keys: string[] }[] = [
    { what: 'chart: → ×3, End, Home, → ×2, Enter (selects the day)', focus: 'odw-on-demand-summary >> [tabindex="0"]', keys: ['ArrowRight', 'ArrowRight', 'ArrowRight', 'End', 'Home', 'ArrowRight', 'ArrowRight', 'Enter'] },
    { what: 'summary range select: ↓ (Chromium changes a closed select)', focus: 'odw-on-demand-summary >> select', keys: ['ArrowDown'] },
    { what: 'summary range select: ↓ ↓', focus: 'odw-on-demand-summary >> select', keys: ['ArrowDown', 'ArrowDown'] },
    { what: 'picker: first radio, → →', focus: 'odw-event-mode-picker >> input[type="radio"]', keys: ['ArrowRight', 'ArrowRight'] },
    { what: 'picker: Show people (Enter)', focus: 'odw-event-mode-picker >> button[part="show-people"]', keys: ['Enter'] },
    { what: 'audience list: sort by minutes (Enter), again (Space)', focus: 'odw-audience-list >> button[data-sort="onDemandMinutes"]', keys: ['Enter', ' '] },
    { what: 'audience list: table box, ↓ ↓ → (scrolls)', focus: 'odw-audience-list >> .scroller', keys: ['ArrowDown', 'ArrowDown', 'ArrowRight'] },
    { what: 'audience list: Next page (Enter), Enter again', focus: 'odw-audience-list >> button[data-page="next"]', keys: ['Enter', 'Enter'] },
    { what: 'audience list: Download CSV (Enter)', focus: 'odw-audience-list >> [part="export"] button', keys: ['Enter'] },
  ];
  log.push(`### ${name}: keys in the widgets`, '');
  let index = 0;
  for (const step of steps) {
    index++;
    const [, inner] = step.focus.split(' >> ') as [string, string];
    if (!(await focusIn(page, inner))) {
      log.push(`- ${step.what}: **nothing to focus** (${step.focus})`);
      note(name, `${step.what}: nothing to focus (${step.focus})`);
      continue;
    }
    const before = await page.evaluate(focusedNow);
    for (const key of step.keys) {
      await page.keyboard.press(key);
      await page.waitForTimeout(400);
    }
    await page.waitForTimeout(1200);
    const after = await page.evaluate(focusedNow);
    log.push(`- ${step.what}: from ${before.path} → focus on ${after.path}${after.ring ? '' : ' — **no focus ring**'}`);
    if (after.box === null) note(name, `${step.what}: the focus is lost (on ${after.path})`);
    const hint = await page.evaluate(() => `${document.querySelector('#people-hint')?.textContent ?? ''} | ${document.querySelector('#last-day-select')?.textContent ?? ''}`);
    log.push(`  - portal says: ${hint}`);
    await page.screenshot({ path: join(folder as string, name, `key-${String(index).padStart(2, '0')}.png`) });
  }
  log.push('');
}

/** Every story of a running Storybook, light and dark: its visible text, the checks and a screenshot. */
async function tourStorybook(browser: Browser): Promise<void> {
  const base = (process.env['STORYBOOK_URL'] ?? 'http://127.0.0.1:6006').replace(/\/+$/, '');
  const index = (await (await fetch(`${base}/index.json`)).json()) as { entries: Record<string, { id: string; type: string; title: string; name: string }> };
  for (const entry of Object.values(index.entries)) {
    for (const [viewMode, width] of [['story', 1280], ['docs', 1280]] as const) {
      if ((entry.type === 'docs') !== (viewMode === 'docs')) continue;
      const errors: string[] = [];
      const name = `storybook-${entry.id}`;
      const page = await openPage(browser, `${base}/iframe.html?id=${entry.id}&viewMode=${viewMode}`, width, 'light', errors);
      try {
        await page.waitForLoadState('networkidle').catch(() => undefined);
        await page.waitForTimeout(2500);
        await recordAudit(page, name, entry.name.toLowerCase().includes('dutch') || entry.id.includes('dutch'), errors);
        await page.screenshot({ path: join(folder as string, `${name}.png`), fullPage: true });
        console.log(`wrote ${name}`);
      } finally {
        await page.close();
      }
    }
  }
}

const browser = await chromium.launch({ executablePath: CHROME_PATH, args: [...CHROMIUM_ARGS] });
const server = groups.size === 1 && groups.has('storybook') ? undefined : await startDemoServer();
try {
  if (server !== undefined) {
    if (groups.has('legacy')) await tourStops(browser, server.url, LEGACY);
    if (groups.has('finish')) await tourStops(browser, server.url, FINISH);
    if (groups.has('scenarios')) await tourStops(browser, server.url, SCENARIO_STOPS);
    if (groups.has('faults')) await tourStops(browser, server.url, FAULT_STOPS);
    if (groups.has('looks')) await tourStops(browser, server.url, LOOK_STOPS);
    if (groups.has('keyboard')) {
      await keyboardWalk(browser, server.url, 'keyboard-en-1280', '?event=mid-window', 1280, 'light');
      await keyboardWalk(browser, server.url, 'keyboard-nl-375-dark', '?event=mid-window&lang=nl', 375, 'dark');
    }
  }
  if (groups.has('storybook')) await tourStorybook(browser);
} finally {
  await browser.close();
  await server?.close();
  writeFileSync(join(folder, 'tour.md'), [...log, '# Findings', '', ...(findings.length > 0 ? findings : ['(none)']), ''].join('\n'));
  console.log(`${findings.length} findings; see ${join(folder, 'tour.md')}`);
}
