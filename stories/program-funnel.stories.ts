import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect } from 'storybook/test';
import '../src/program-funnel.ts';
import { createMemoryAdapter } from '../src/adapters/memory.ts';
import { scenarioData } from '../mocks/index.ts';
import { expectStaysLoading, inShadow, storyArgTypes, storyDefaults, storyNow, themeOf, withProvider, type StoryArgs } from './story-kit.ts';

const TAG = 'odw-program-funnel';

const meta: Meta<StoryArgs> = {
  title: 'Widgets/Program Funnel',
  component: TAG,
  args: { ...storyDefaults },
  argTypes: { ...storyArgTypes },
  render: (args) => withProvider(args, html`<odw-program-funnel theme=${ifDefined(themeOf(args))}></odw-program-funnel>`),
};
export default meta;
type Story = StoryObj<StoryArgs>;

export const MidWindow: Story = {
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByRole('list', { name: 'Stages of the program' }));
    const stages = await inShadow(canvasElement, TAG, (root) => root.getAllByRole('listitem'));
    await expect(stages.map((stage: HTMLElement) => stage.textContent?.replace(/\s+/g, ' ').trim().split(':')[0])).toEqual([
      'Registered',
      'Attended live',
      'Missed the live session',
      'Watched on demand',
      'Rewatched',
    ]);
    await inShadow(canvasElement, TAG, (root) => root.getByText(/Reported through/));
  },
};

export const Upcoming: Story = {
  args: { scenario: 'upcoming' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getAllByText('The recording is not open yet.'));
  },
};

export const JustEnded: Story = { args: { scenario: 'just-ended' } };

export const Closed: Story = { args: { scenario: 'closed' } };

export const NoViewsYet: Story = {
  args: { scenario: 'no-views' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByText('0% of no-shows'));
  },
};

export const BadRecords: Story = {
  args: { scenario: 'bad-records' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByText(/records? could not be used/));
  },
};

/** Nobody registered (everyone still Invited): the widget says so. A memory adapter, no provider. */
export const NobodyRegistered: Story = {
  render: (args) => {
    const { event, attendance } = scenarioData('mid-window');
    const invitationOnly = { ...event, id: 'invitation-only', name: 'Invitation-only briefing' };
    const adapter = createMemoryAdapter({
      events: [{ event: invitationOnly, attendance: { ...attendance, registrants: [1, 2, 3].map((lead) => ({ leadId: `lead-${lead}`, status: 'Invited' })), views: [] } }],
    });
    return html`
      <div class="story-box story-${args.width} story-${args.theme}">
        <odw-program-funnel .adapter=${adapter} event-id="invitation-only" .now=${storyNow(args)} locale=${args.locale} theme=${ifDefined(themeOf(args))}></odw-program-funnel>
      </div>
    `;
  },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByText('Nobody has registered yet (3 people in the program).'));
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

export const Dark: Story = { args: { theme: 'dark' } };

export const Dutch: Story = {
  args: { locale: 'nl' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByText('Live of on demand bereikt'));
  },
};

export const Narrow: Story = { args: { width: 'narrow' } };

export const LongEventName: Story = { args: { scenario: 'long-name', width: 'narrow' } };
