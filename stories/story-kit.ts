/*
 * What every story shares: args for the data source (scenario, backend fault, clock, latency),
 * theme, locale and container width, and the provider that feeds the element through the REST
 * adapter over the mock backend (started once in .storybook/preview.ts).
 *
 * Every rendered story gets a backend of its own (`MockBackend.scope`: its own base URL, clock,
 * fault and latency), so a Docs page that renders all stories at once shows each exactly as
 * its own page does.
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor, within } from 'storybook/test';
import { createRestAdapter } from '../src/adapters/index.ts';
import { MILLISECONDS_PER_DAY } from '../src/core/index.ts';
import '../src/provider.ts';
import { FAULTS, REFERENCE_NOW, SCENARIO_NAMES, type Fault, type ScenarioName } from '../mocks/index.ts';
import { startMockBackend, type MockBackend } from '../mocks/mock-backend.ts';
import type { GeneratedWebinar } from '../mocks/generate.ts';

/** A long-named event for layout stories, served beside the scenarios. */
export const LONG_NAME_EVENT_ID = 'long-name';

export interface StoryArgs {
  scenario: ScenarioName | typeof LONG_NAME_EVENT_ID;
  fault: Fault | 'none';
  /** Days added to the scenarios' reference clock. */
  clockDays: number;
  theme: 'light' | 'dark' | 'system';
  locale: 'en' | 'nl';
  width: 'narrow' | 'wide' | 'full';
  /** Every answer of the mock backend arrives this much later. */
  latencyMs: number;
}

export const storyDefaults: StoryArgs = { scenario: 'mid-window', fault: 'none', clockDays: 0, theme: 'light', locale: 'en', width: 'wide', latencyMs: 0 };

export const storyArgTypes: Partial<ArgTypes<StoryArgs>> = {
  scenario: { control: 'select', options: [...SCENARIO_NAMES, LONG_NAME_EVENT_ID], description: 'Which seeded event the mock backend serves', table: { category: 'Data' } },
  fault: { control: 'select', options: ['none', ...FAULTS], description: 'Make the mock backend misbehave', table: { category: 'Data' } },
  clockDays: { control: { type: 'range', min: -45, max: 45, step: 1 }, description: '“Now”, in days from the scenarios’ reference clock', table: { category: 'Data' } },
  theme: { control: 'inline-radio', options: ['light', 'dark', 'system'], table: { category: 'Look' } },
  locale: { control: 'inline-radio', options: ['en', 'nl'], table: { category: 'Look' } },
  latencyMs: { control: { type: 'range', min: 0, max: 5000, step: 100 }, description: 'Every answer of the mock backend arrives this many milliseconds later (a slow network)', table: { category: 'Data' } },
  width: { control: 'inline-radio', options: ['narrow', 'wide', 'full'], description: 'Width of the box the portal gives the widget', table: { category: 'Look' } },
};

/** The story's clock: the reference clock moved by `clockDays`. */
export function storyNow(args: Pick<StoryArgs, 'clockDays'>): Date {
  return new Date(REFERENCE_NOW.getTime() + args.clockDays * MILLISECONDS_PER_DAY);
}

let backend: MockBackend | undefined;
/** Base URLs of the backends made so far, by their clock, fault and latency. */
const scopes = new Map<string, string>();

/** Starts the mock backend (once, from the preview's `beforeAll`). */
export async function startStoryBackend(events: readonly GeneratedWebinar[]): Promise<void> {
  backend ??= await startMockBackend({ baseUrl: '/api', events });
}

/** A story's `slow` backend never answers: a Loading story stays loading. */
const NEVER_MS = 2_000_000_000;

/**
 * The story's own backend and an adapter for it. Error stories fail fast (no retries); a slow
 * backend has no timeout, so loading stays loading; a rate limit asks for two minutes.
 */
function adapterFor(args: StoryArgs) {
  if (backend === undefined) throw new Error('The mock backend has not started: startStoryBackend() runs in the preview’s beforeAll.');
  const fault = args.fault === 'none' ? undefined : args.fault;
  const faultOptions = fault === 'slow' ? { delayMs: NEVER_MS } : fault === 'rate-limited' ? { retryAfter: '120' } : {};
  // Stories with the same backend args share one (and the scenarios it has built: `huge` takes a
  // while); a fault that changes with each request gets a fresh backend every render.
  const key = JSON.stringify([args.clockDays, fault, args.latencyMs]);
  let baseUrl = fault === 'unavailable-then-ok' ? undefined : scopes.get(key);
  if (baseUrl === undefined) scopes.set(key, (baseUrl = backend.scope({ now: storyNow(args), fault, faultOptions, latencyMs: args.latencyMs })));
  const failing = fault !== undefined && fault !== 'unavailable-then-ok';
  return createRestAdapter({ baseUrl, retries: failing ? 0 : 2, timeoutMs: fault === 'slow' ? Number.POSITIVE_INFINITY : 10_000 + (args.latencyMs ?? 0) });
}

/** Wraps an element in a provider fed by the mock backend, in a box of the story's width. */
export function withProvider(args: StoryArgs, element: TemplateResult): TemplateResult {
  return html`
    <div class="story-box story-${args.width} story-${args.theme}">
      <odw-data-provider .adapter=${adapterFor(args)} event-id=${args.scenario} .now=${storyNow(args)} locale=${ifDefined(args.locale)}>
        ${element}
      </odw-data-provider>
    </div>
  `;
}

/** `theme` attribute value for an element (undefined = follow the system). */
export function themeOf(args: StoryArgs): 'light' | 'dark' | undefined {
  return args.theme === 'system' ? undefined : args.theme;
}

type Queries = ReturnType<typeof within>;

/**
 * Testing Library queries inside the first `tag` of the story, from its card (`part="base"`):
 * an element, not the shadow root, so a failed query reports what is there instead of
 * "Expected an element or document but got ShadowRoot". Throws while it has not rendered.
 */
export function shadowOf(canvasElement: HTMLElement, tag: string): Queries {
  const base = canvasElement.querySelector(tag)?.shadowRoot?.querySelector<HTMLElement>('[part~="base"]');
  if (!base) throw new Error(`${tag} has not rendered yet`);
  return within(base);
}

/** How long a story waits for the state it asserts: data over a slow backend (see `latencyMs`) takes a while. */
export const STORY_TIMEOUT_MS = 15_000;

/**
 * Waits until `query` succeeds inside the first `tag` of the story (re-reading the element on
 * every try: it may not have rendered yet), and returns what it found.
 *
 * @example
 * await inShadow(canvasElement, 'odw-on-demand-statistics', (root) => root.getByText('Days remaining'));
 */
export function inShadow<T>(canvasElement: HTMLElement, tag: string, query: (root: Queries) => T): Promise<T> {
  return waitFor(() => query(shadowOf(canvasElement, tag)), { timeout: STORY_TIMEOUT_MS });
}

/** A Loading story stays loading: still the status (and no error) well after a request timeout would have fired. */
export async function expectStaysLoading(canvasElement: HTMLElement, tag: string, forMs = 2500): Promise<void> {
  await inShadow(canvasElement, tag, (root) => root.getByRole('status'));
  await new Promise((resolve) => setTimeout(resolve, forMs));
  const root = shadowOf(canvasElement, tag);
  await expect(root.queryByRole('alert')).toBeNull();
  await expect(root.getByRole('status')).toBeTruthy();
}
