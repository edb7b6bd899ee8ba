/*
 * What every story shares: args for the data source (scenario, backend fault, clock), theme,
 * locale and container width, and the provider that feeds the element through the REST
 * adapter over the mock backend (started once in .storybook/preview.ts).
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { within } from 'storybook/test';
import { createRestAdapter } from '../src/adapters/index.ts';
import { MILLISECONDS_PER_DAY } from '../src/core/index.ts';
import '../src/provider.ts';
import { FAULTS, REFERENCE_NOW, SCENARIO_NAMES, type Fault, type ScenarioName } from '../mocks/index.ts';

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
}

export const storyDefaults: StoryArgs = { scenario: 'mid-window', fault: 'none', clockDays: 0, theme: 'light', locale: 'en', width: 'wide' };

export const storyArgTypes: Partial<ArgTypes<StoryArgs>> = {
  scenario: { control: 'select', options: [...SCENARIO_NAMES, LONG_NAME_EVENT_ID], description: 'Which seeded event the mock backend serves', table: { category: 'Data' } },
  fault: { control: 'select', options: ['none', ...FAULTS], description: 'Make the mock backend misbehave', table: { category: 'Data' } },
  clockDays: { control: { type: 'range', min: -45, max: 45, step: 1 }, description: '“Now”, in days from the scenarios’ reference clock', table: { category: 'Data' } },
  theme: { control: 'inline-radio', options: ['light', 'dark', 'system'], table: { category: 'Look' } },
  locale: { control: 'inline-radio', options: ['en', 'nl'], table: { category: 'Look' } },
  width: { control: 'inline-radio', options: ['narrow', 'wide', 'full'], description: 'Width of the box the portal gives the widget', table: { category: 'Look' } },
};

/** The story's clock: the reference clock moved by `clockDays`. */
export function storyNow(args: Pick<StoryArgs, 'clockDays'>): Date {
  return new Date(REFERENCE_NOW.getTime() + args.clockDays * MILLISECONDS_PER_DAY);
}

/** Error stories fail fast: no retries, a short timeout. */
function adapterFor(args: StoryArgs) {
  const failing = args.fault !== 'none' && args.fault !== 'unavailable-then-ok';
  return createRestAdapter({ baseUrl: '/api', retries: failing ? 0 : 2, timeoutMs: failing ? 1500 : 10_000 });
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

/** Testing Library queries inside the shadow root of the first `tag` in the story. */
export function shadowOf(canvasElement: HTMLElement, tag: string): ReturnType<typeof within> {
  const element = canvasElement.querySelector(tag);
  if (!element?.shadowRoot) throw new Error(`${tag} did not render`);
  return within(element.shadowRoot as unknown as HTMLElement);
}
