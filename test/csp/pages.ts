/*
 * The page script of the strict-CSP and host-page tests (test/node/reliability/), bundled with
 * esbuild (production Lit) and served under
 *   Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'
 * It only builds pages on request: `window.odwPage.mount(kind)` (the one global this page
 * itself writes, before anything is measured). Data comes from the memory adapter over the
 * named scenarios; a never-answering adapter holds the loading state.
 */
import { type DataAdapter } from '../../src/adapters/index.ts';
import { createMemoryAdapter } from '../../src/adapters/memory.ts';
import '../../src/index.ts';
import type { OdwDataProvider } from '../../src/provider.ts';
import { REFERENCE_NOW } from '../../mocks/generate.ts';
import { scenarioData, type ScenarioName } from '../../mocks/scenarios.ts';

const now = REFERENCE_NOW;
const SCENARIOS: ScenarioName[] = ['mid-window', 'no-views', 'closed', 'upcoming', 'closing-soon', 'bad-records'];
const adapter = createMemoryAdapter({ events: SCENARIOS.map((name) => scenarioData(name, { now })), latencyMs: 5 });
const pushDownAdapter = createMemoryAdapter({ events: SCENARIOS.map((name) => scenarioData(name, { now })), latencyMs: 5, pushDown: true });
const never: DataAdapter = { getEvent: () => new Promise(() => {}), getAttendance: () => new Promise(() => {}) };

type Tag = 'odw-on-demand-statistics' | 'odw-on-demand-summary' | 'odw-event-mode-picker';

interface Spec {
  /** What the test waits for in the element's shadow root: a selector, and optionally a text. */
  ready: string;
  text?: string;
}

/** A widget with its data source and the state it must reach; `data-ready` / `data-text` tell the test. */
function widget(tag: Tag, options: { adapter?: DataAdapter; eventId?: string; theme?: 'light' | 'dark'; attributes?: Record<string, string> }, spec: Spec): HTMLElement {
  const element = document.createElement(tag);
  element.adapter = options.adapter ?? adapter;
  if (options.eventId !== undefined) element.eventId = options.eventId;
  element.now = now;
  if (options.theme) element.theme = options.theme;
  for (const [name, value] of Object.entries(options.attributes ?? {})) element.setAttribute(name, value);
  element.dataset['ready'] = spec.ready;
  if (spec.text !== undefined) element.dataset['text'] = spec.text;
  return element;
}

const LOADED: Record<Tag, Spec> = {
  'odw-on-demand-statistics': { ready: '[part="value"]' },
  'odw-on-demand-summary': { ready: 'svg[role="img"] rect.bar' },
  'odw-event-mode-picker': { ready: '[part="count"] strong' },
};
// The first widget failing on a data source shows the alert; later ones failing the same way refer to it (#16).
const ERROR: Record<Tag, Spec> = {
  'odw-on-demand-statistics': { ready: '[part="error"]' },
  'odw-on-demand-summary': { ready: '[part="error"]' },
  'odw-event-mode-picker': { ready: '[part="count-error"]' },
};
const LOADING: Record<Tag, Spec> = {
  'odw-on-demand-statistics': { ready: '[aria-busy="true"] .skeleton' },
  'odw-on-demand-summary': { ready: '[aria-busy="true"] .skeleton' },
  'odw-event-mode-picker': { ready: '[part="count"][aria-busy="true"]' },
};
const TAGS: Tag[] = ['odw-on-demand-statistics', 'odw-on-demand-summary', 'odw-event-mode-picker'];

/** Every element in every state, in one theme (or none: follows prefers-color-scheme). */
function everyState(theme: 'light' | 'dark' | undefined): HTMLElement {
  const section = document.createElement('section');
  const add = (element: HTMLElement) => section.append(element);
  const t = theme === undefined ? {} : { theme };
  for (const tag of TAGS) {
    add(widget(tag, { ...t, eventId: 'mid-window' }, LOADED[tag]));
    add(widget(tag, { ...t, adapter: never, eventId: 'mid-window' }, LOADING[tag]));
    add(widget(tag, { ...t, eventId: 'missing' }, ERROR[tag]));
    add(widget(tag, { ...t, eventId: 'bad-records' }, LOADED[tag]));
    add(widget(tag, { ...t, adapter: pushDownAdapter, eventId: 'mid-window' }, LOADED[tag]));
    add(widget(tag, t, { ready: '.muted, [part="base"]' })); // not configured
  }
  const statistics = 'odw-on-demand-statistics';
  const summary = 'odw-on-demand-summary';
  add(widget(statistics, { ...t, eventId: 'no-views' }, { ready: '[part="value"]', text: 'No on-demand views yet.' }));
  add(widget(statistics, { ...t, eventId: 'closed' }, { ready: '.metric.closed', text: 'Tracking stopped' }));
  add(widget(statistics, { ...t, eventId: 'upcoming' }, { ready: '.metric.upcoming' }));
  add(widget(statistics, { ...t, eventId: 'closing-soon' }, { ready: '.metric.closing' }));
  add(widget(summary, { ...t, eventId: 'no-views' }, { ready: '.empty', text: 'No one watched the recording on demand' }));
  add(widget(summary, { ...t, eventId: 'closed' }, { ready: 'svg[role="img"]', text: 'Tracking stopped' }));
  add(widget(summary, { ...t, eventId: 'upcoming' }, { ready: '.empty', text: 'opens on demand when the event ends' }));
  add(widget(summary, { ...t, eventId: 'mid-window', attributes: { 'show-table': '', 'show-rewatches': '' } }, { ready: 'table[part="table"]' }));
  add(widget(summary, { ...t, eventId: 'mid-window', attributes: { days: '7', 'show-rewatches': '' } }, { ready: 'rect.rewatch' }));
  add(widget(summary, { ...t, eventId: 'mid-window', attributes: { from: '2000-01-01', to: '2000-01-02' } }, { ready: 'svg[role="img"]', text: 'showing the whole window' }));
  const picker = 'odw-event-mode-picker';
  const invalid = JSON.stringify({ version: 1, kind: 'has-attended', eventMode: 'live', watchDate: { operator: 'between', date: '2026-05-02', to: '2026-05-01' }, extra: 1 });
  add(widget(picker, { ...t, eventId: 'mid-window', attributes: { criteria: invalid } }, { ready: '[part="error"]' }));
  add(widget(picker, { ...t, eventId: 'mid-window', attributes: { criteria: '{"version":1,"kind":"attends-event","eventMode":"on-demand","watchDate":{"operator":"in-time-frame","frame":"this-week"},"watchDuration":{"operator":"between","minutes":1,"to":60}}' } }, { ready: '[part="count"] strong' }));
  add(widget(picker, { ...t, eventId: 'mid-window', attributes: { disabled: '' } }, LOADED[picker]));
  add(widget(picker, { ...t, attributes: { criteria: 'not json' } }, { ready: '[part="error"]' }));

  // The provider sharing one load with all three widgets.
  const provider = document.createElement('odw-data-provider') as OdwDataProvider;
  provider.adapter = adapter;
  provider.eventId = 'mid-window';
  provider.now = now;
  for (const tag of TAGS) {
    const element = document.createElement(tag);
    if (theme) element.theme = theme;
    element.dataset['ready'] = LOADED[tag].ready;
    provider.append(element);
  }
  section.append(provider);
  return section;
}

/** The three loaded widgets side by side in a fixed-width column (for layout measurements). */
function layoutPage(): HTMLElement {
  const column = document.createElement('main');
  column.id = 'column';
  for (const tag of TAGS) {
    const element = widget(tag, { eventId: 'mid-window', theme: 'light' }, LOADED[tag]);
    element.id = tag;
    column.append(element);
  }
  return column;
}

declare global {
  interface Window {
    odwPage: { mount(kind: 'every-state' | 'layout'): void };
  }
}

window.odwPage = {
  mount(kind) {
    if (kind === 'layout') {
      document.body.append(layoutPage());
      return;
    }
    for (const theme of [undefined, 'light', 'dark'] as const) document.body.append(everyState(theme));
  },
};
