import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../src/index.ts';
import { storyArgTypes, storyDefaults, themeOf, withProvider, type StoryArgs } from './story-kit.ts';

/** All elements in one `<odw-data-provider>`: the event and its attendance load once for all of them. */
const meta: Meta<StoryArgs> = {
  title: 'Widgets/Dashboard (provider)',
  component: 'odw-data-provider',
  args: { ...storyDefaults, width: 'full' },
  argTypes: storyArgTypes,
  render: (args) =>
    withProvider(
      args,
      html`
        <odw-on-demand-statistics theme=${ifDefined(themeOf(args))}></odw-on-demand-statistics>
        <br />
        <odw-on-demand-summary theme=${ifDefined(themeOf(args))}></odw-on-demand-summary>
        <br />
        <odw-event-mode-picker theme=${ifDefined(themeOf(args))} name="criteria"></odw-event-mode-picker>
      `,
    ),
};
export default meta;
type Story = StoryObj<StoryArgs>;

export const MidWindow: Story = {
  play: async ({ canvasElement }) => {
    const statistics = canvasElement.querySelector('odw-on-demand-statistics');
    await waitFor(() => expect(statistics?.shadowRoot?.querySelector('.value')).toBeTruthy());
  },
};
export const DarkDutch: Story = { args: { theme: 'dark', locale: 'nl' } };
