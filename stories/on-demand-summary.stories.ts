import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/summary.ts';
import { expectStaysLoading, inShadow, shadowOf, STORY_TIMEOUT_MS, storyArgTypes, storyDefaults, themeOf, withProvider, type StoryArgs } from './story-kit.ts';

interface Args extends StoryArgs {
  days: number | undefined;
  from: string | undefined;
  to: string | undefined;
  showRewatches: boolean;
  showTable: boolean;
  noProjection: boolean;
}

const TAG = 'odw-on-demand-summary';

const meta: Meta<Args> = {
  title: 'Widgets/On-Demand Summary',
  component: 'odw-on-demand-summary',
  args: { ...storyDefaults, days: undefined, from: undefined, to: undefined, showRewatches: false, showTable: false, noProjection: false },
  argTypes: {
    ...storyArgTypes,
    days: { control: { type: 'number', min: 1, max: 31 }, description: 'Show the last N days to date' },
    from: { control: 'text', description: 'First day (YYYY-MM-DD, event zone)' },
    to: { control: 'text', description: 'Last day (YYYY-MM-DD, event zone)' },
    showRewatches: { control: 'boolean', description: 'Also draw attendees who rewatched' },
    showTable: { control: 'boolean', description: 'Table instead of chart' },
    noProjection: { control: 'boolean', description: 'Leave out the projection of the days not reported yet' },
  },
  render: (args) =>
    withProvider(
      args,
      html`<odw-on-demand-summary theme=${ifDefined(themeOf(args))} days=${ifDefined(args.days)} from=${ifDefined(args.from)} to=${ifDefined(args.to)}
        ?show-rewatches=${args.showRewatches} ?show-table=${args.showTable} ?no-projection=${args.noProjection}></odw-on-demand-summary>`,
    ),
};
export default meta;
type Story = StoryObj<Args>;

export const MidWindow: Story = {
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByText(/unique no-show visitors in these days/));
    await expect(await inShadow(canvasElement, TAG, (root) => root.getByText(/Reported through/))).toBeTruthy();
  },
};

export const KeyboardReading: Story = {
  play: async ({ canvasElement }) => {
    const chart = await inShadow(canvasElement, TAG, (root) => root.getByRole('group'));
    chart.focus();
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(chart.querySelector('[aria-live]')?.textContent).toMatch(/visitors|not reported/), { timeout: STORY_TIMEOUT_MS });
  },
};

/** Mid-window: the days not reported yet continue as dashed bars (first-time visitors expected) over their 80 % range. */
export const WithProjection: Story = {
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByText(/^Projection if nothing changes/));
    const projected = () => canvasElement.querySelector(TAG)?.shadowRoot?.querySelectorAll('rect.projected').length ?? 0;
    await expect(projected()).toBeGreaterThan(0);
    const chart = shadowOf(canvasElement, TAG).getByRole('group');
    chart.focus();
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(chart.querySelector('[aria-live]')?.textContent).toMatch(/not reported yet; projection: \d+ first-time visitors? \(\d+–\d+\)/), { timeout: STORY_TIMEOUT_MS });
  },
};

/** The projected days in the table, marked as projected. */
export const WithProjectionAsTable: Story = {
  args: { showTable: true },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getAllByText(/not reported yet; projection:/));
  },
};

/** The summary is in and no projection follows (too early, window closed, or opted out). */
async function expectNoProjection(canvasElement: HTMLElement): Promise<void> {
  await inShadow(canvasElement, TAG, (root) => root.getByText(/unique no-show visitors? in these days/));
  // The projection arrives after the chart, if at all: give it the time it would take.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await expect(canvasElement.querySelector(TAG)?.shadowRoot?.querySelector('rect.projected, td.projected')).toBeNull();
  await expect(shadowOf(canvasElement, TAG).queryByText(/^Projection/)).toBeNull();
}

export const NoProjection: Story = { args: { noProjection: true }, play: async ({ canvasElement }) => expectNoProjection(canvasElement) };

export const Upcoming: Story = { args: { scenario: 'upcoming' } };
/** One day reported: too early to project; the days to come are drawn as not reported yet. */
export const JustEnded: Story = { args: { scenario: 'just-ended' }, play: async ({ canvasElement }) => expectNoProjection(canvasElement) };
export const ClosingSoon: Story = { args: { scenario: 'closing-soon' } };
export const Closed: Story = {
  args: { scenario: 'closed' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByText(/Tracking stopped/));
    await expectNoProjection(canvasElement);
  },
};
export const NoViewsYet: Story = { args: { scenario: 'no-views' } };
export const BadRecords: Story = { args: { scenario: 'bad-records' } };
export const LastSevenDays: Story = { args: { days: 7 } };
export const WithRewatches: Story = { args: { showRewatches: true } };
export const AsTable: Story = {
  args: { showTable: true },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByRole('table'));
  },
};
export const Loading: Story = {
  args: { fault: 'slow' },
  play: async ({ canvasElement }) => expectStaysLoading(canvasElement, TAG),
};
export const ServerError: Story = {
  args: { fault: 'server-error' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByRole('button', { name: 'Retry' }));
  },
};
export const Unauthorized: Story = {
  args: { fault: 'unauthorized' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByRole('alert'));
  },
};
export const Dark: Story = { args: { theme: 'dark', showRewatches: true } };
export const Dutch: Story = { args: { locale: 'nl' } };
export const Narrow: Story = { args: { width: 'narrow' } };
export const LongEventName: Story = { args: { scenario: 'long-name' } };
/** Not run as a test: generating and paging ~1 million views takes a while in a browser. */
// Not on the Docs page: generating 200 000 registrants there holds the page while the other stories load.
export const Huge: Story = { args: { scenario: 'huge' }, tags: ['!test'], parameters: { docs: { disable: true } } };
