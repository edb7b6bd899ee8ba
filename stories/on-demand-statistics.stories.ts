import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import '../src/statistics.ts';
import { expectStaysLoading, inShadow, storyArgTypes, storyDefaults, themeOf, withProvider, type StoryArgs } from './story-kit.ts';

interface Args extends StoryArgs {
  closingThreshold: number;
}

const TAG = 'odw-on-demand-statistics';

const meta: Meta<Args> = {
  title: 'Widgets/On-Demand Statistics',
  component: 'odw-on-demand-statistics',
  args: { ...storyDefaults, closingThreshold: 5 },
  argTypes: {
    ...storyArgTypes,
    closingThreshold: { control: { type: 'number', min: 0, max: 30 }, description: 'Days left at or below which the window shows as closing' },
  },
  render: (args) =>
    withProvider(args, html`<odw-on-demand-statistics closing-threshold=${args.closingThreshold} theme=${ifDefined(themeOf(args))}></odw-on-demand-statistics>`),
};
export default meta;
type Story = StoryObj<Args>;

export const MidWindow: Story = {
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByText('Days remaining'));
    await expect(await inShadow(canvasElement, TAG, (root) => root.getByText(/Reported through/))).toBeTruthy();
  },
};

export const Upcoming: Story = {
  args: { scenario: 'upcoming' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByText(/Opens when the event ends/));
  },
};

export const JustEnded: Story = { args: { scenario: 'just-ended' } };

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
