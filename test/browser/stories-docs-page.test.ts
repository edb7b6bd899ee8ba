/*
 * Stories as Storybook's Docs page shows them: every story of a file rendered on ONE page at
 * the same time, through the project's preview (its beforeAll/beforeEach), each run with its
 * play function. Each must show what it shows on its own page: no story's backend fault or
 * clock may leak into another (issue #16, item 2), loading stays loading, and play functions
 * wait for data that arrives late (item 9).
 */
import { setProjectAnnotations } from '@storybook/web-components-vite';
import { composeStory } from 'storybook/preview-api';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import preview from '../../.storybook/preview.ts';
import * as statistics from '../../stories/on-demand-statistics.stories.ts';
import * as picker from '../../stories/event-mode-picker.stories.ts';
import * as summary from '../../stories/on-demand-summary.stories.ts';
import * as audienceList from '../../stories/audience-list.stories.ts';
import * as funnel from '../../stories/program-funnel.stories.ts';
import * as dashboard from '../../stories/dashboard.stories.ts';
import { cleanup, mount, shadowText, waitForShadow } from '../fixtures/dom.ts';

const annotations = setProjectAnnotations([preview]);

beforeAll(async () => {
  await annotations.beforeAll?.();
}, 30_000);
afterEach(cleanup);

type Composed = ReturnType<typeof composeStory>;

/** A story as Storybook composes it with its file's meta and the project's preview. */
const compose = (story: object, meta: object, name?: string): Composed => composeStory(story as never, meta as never, undefined, undefined, name);

function canvas(): HTMLElement {
  return mount(document.createElement('div'));
}

/** Runs the stories side by side, as the Docs page does (all rendered before any settles). */
async function runTogether(stories: Composed[]): Promise<HTMLElement[]> {
  const canvases = stories.map(() => canvas());
  await Promise.all(stories.map((story, index) => story.run({ canvasElement: canvases[index] } as never)));
  return canvases;
}

describe('a Docs page renders each story in its own state', () => {
  it('statistics: Server Error, Rate Limited and Mid-Window side by side', async () => {
    const stories = [
      compose(statistics.ServerError, statistics.default),
      compose(statistics.MidWindow, statistics.default),
      compose(statistics.RateLimited, statistics.default),
      compose(statistics.Closed, statistics.default),
    ];
    const [serverError, midWindow, rateLimited, closed] = (await runTogether(stories)).map((element) => element.querySelector('odw-on-demand-statistics') as HTMLElement);
    await waitForShadow(serverError!, (root) => root.querySelector('[role="alert"]'));
    await waitForShadow(rateLimited!, (root) => root.querySelector('[role="alert"]'));
    expect(serverError!.shadowRoot?.querySelector('.metrics')).toBeNull();
    expect(rateLimited!.shadowRoot?.querySelector('.metrics')).toBeNull();
    expect(shadowText(midWindow!)).toContain('Days remaining');
    expect(midWindow!.shadowRoot?.querySelector('[role="alert"]')).toBeNull();
    expect(shadowText(closed!)).toContain('Tracking stopped');
  }, 60_000);

  it('picker: the hero counts people while Count Error fails', async () => {
    const stories = [compose(picker.CountError, picker.default), compose(picker.HasAttendedEitherMode, picker.default)];
    const [failing, hero] = (await runTogether(stories)).map((element) => element.querySelector('odw-event-mode-picker') as HTMLElement);
    await waitForShadow(failing!, (root) => root.querySelector('[part="count-error"]'));
    expect(shadowText(hero!)).toMatch(/people? match/);
    expect(hero!.shadowRoot?.querySelector('[part="count-error"]')).toBeNull();
  }, 60_000);
});

describe('Docs pages leave out the stories that would hold the page', () => {
  // The Storybook tour found the audience list's Docs page with 11 of 13 stories showing a
  // timeout: its 200 000-registrant story, generated on the same page, held it past their limit.
  it.each([
    ['statistics', statistics],
    ['summary', summary],
    ['picker', picker],
    ['audience list', audienceList],
    ['program funnel', funnel],
    ['dashboard', dashboard],
  ] as const)('%s: every story of the huge scenario is off its Docs page', (_, stories) => {
    const huge = Object.entries(stories as Record<string, { args?: { scenario?: string }; parameters?: { docs?: { disable?: boolean } } }>).filter(
      ([name, story]) => name !== 'default' && story.args?.scenario === 'huge',
    );
    for (const [name, story] of huge) expect(story.parameters?.docs?.disable, name).toBe(true);
  });
});

describe('stories for developers', () => {
  it('a play function waits for data that arrives late (a slow backend)', async () => {
    const story = compose(statistics.MidWindow, statistics.default, 'MidWindow');
    await story.run({ canvasElement: canvas(), args: { ...story.args, latencyMs: 1500 } } as never);
  }, 60_000);

  it('a Loading story stays loading (no timeout error)', async () => {
    const story = compose(statistics.Loading, statistics.default);
    const [element] = (await runTogether([story])).map((root) => root.querySelector('odw-on-demand-statistics') as HTMLElement);
    // Well past the 1.5 s timeout the stories' adapter used to have.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(element!.shadowRoot?.querySelector('[role="alert"]')).toBeNull();
    expect(element!.shadowRoot?.querySelector('[role="status"]')).not.toBeNull();
  }, 60_000);
});
