import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import '../src/statistics.ts';
import { expectStaysLoading, inShadow, shadowOf, storyArgTypes, storyDefaults, themeOf, withProvider, type StoryArgs } from './story-kit.ts';

interface Args extends StoryArgs {
  closingThreshold: number;
  noProjection: boolean;
}

const TAG = 'odw-on-demand-statistics';

const meta: Meta<Args> = {
  title: 'Widgets/On-Demand Statistics',
  component: 'odw-on-demand-statistics',
  args: { ...storyDefaults, closingThreshold: 5, noProjection: false },
  argTypes: {
    ...storyArgTypes,
    closingThreshold: { control: { type: 'number', min: 0, max: 30 }, description: 'Days left at or below which the window shows as closing' },
    noProjection: { control: 'boolean', description: "Leave out the projection of visitors by the window's close" },
  },
  render: (args) =>
    withProvider(args, html`<odw-on-demand-statistics closing-threshold=${args.closingThreshold} ?no-projection=${args.noProjection} theme=${ifDefined(themeOf(args))}></odw-on-demand-statistics>`),
};
export default meta;
type Story = StoryObj<Args>;

export const MidWindow: Story = {
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByText('Days remaining'));
    await expect(await inShadow(canvasElement, TAG, (root) => root.getByText(/Reported through/))).toBeTruthy();
  },
};

/** Mid-window: the no-shows expected by the window's close, if nothing changes, with the 80 % range. */
export const WithProjection: Story = {
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByText(/^Expected by .+: \d+ no-shows? who watched \(\d+–\d+\),$/));
    await expect(shadowOf(canvasElement, TAG).getByText('Projection')).toBeTruthy();
    await expect(shadowOf(canvasElement, TAG).getByText('if nothing changes; 80% likely range')).toBeTruthy();
  },
};

/** The figures are in and no projection follows (too early, window closed, or opted out). */
async function expectNoProjection(canvasElement: HTMLElement): Promise<void> {
  await inShadow(canvasElement, TAG, (root) => root.getByText('No-shows who watched'));
  // The projection arrives after the figures, if at all: give it the time it would take.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await expect(shadowOf(canvasElement, TAG).queryByText(/Expected by/)).toBeNull();
}

export const NoProjection: Story = { args: { noProjection: true }, play: async ({ canvasElement }) => expectNoProjection(canvasElement) };

export const Upcoming: Story = {
  args: { scenario: 'upcoming' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByText(/Opens when the event ends/));
  },
};

/** One day reported: too early to project, so no projection. */
export const JustEnded: Story = { args: { scenario: 'just-ended' }, play: async ({ canvasElement }) => expectNoProjection(canvasElement) };

export const ClosingSoon: Story = {
  args: { scenario: 'closing-soon' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByText(/Closing soon/));
  },
};

export const Closed: Story = {
  args: { scenario: 'closed' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByText(/Tracking stopped/));
    // The count is final: the figure above says it, no projection repeats it.
    await expectNoProjection(canvasElement);
  },
};

export const NoViewsYet: Story = {
  args: { scenario: 'no-views' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByText('No on-demand views yet.'));
  },
};

export const BadRecords: Story = {
  args: { scenario: 'bad-records' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByText(/records? could not be used/));
  },
};

export const Loading: Story = {
  args: { fault: 'slow' },
  play: async ({ canvasElement }) => expectStaysLoading(canvasElement, TAG),
};

export const ServerError: Story = {
  args: { fault: 'server-error' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByRole('alert'));
    await expect(await inShadow(canvasElement, TAG, (root) => root.getByRole('button', { name: 'Retry' }))).toBeTruthy();
  },
};

export const RateLimited: Story = {
  args: { fault: 'rate-limited' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByRole('alert'));
  },
};
export const MalformedResponse: Story = {
  args: { fault: 'malformed-json' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByRole('alert'));
  },
};
export const Dark: Story = { args: { theme: 'dark', scenario: 'closing-soon' } };
export const Dutch: Story = {
  args: { locale: 'nl' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByText('Resterende dagen'));
  },
};
export const Narrow: Story = { args: { width: 'narrow' } };
export const LongEventName: Story = { args: { scenario: 'long-name', width: 'narrow' } };
