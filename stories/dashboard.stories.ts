import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../src/index.ts';
import { inShadow, STORY_TIMEOUT_MS, storyArgTypes, storyDefaults, themeOf, withProvider, type StoryArgs } from './story-kit.ts';

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
    await waitFor(() => expect(statistics?.shadowRoot?.querySelector('.value')).toBeTruthy(), { timeout: STORY_TIMEOUT_MS });
    // The projection, from the same one download: the expected count in the card, the days to come in the chart.
    await inShadow(canvasElement, 'odw-on-demand-statistics', (root) => root.getByText(/^Expected by /));
    await waitFor(() => expect(canvasElement.querySelector('odw-on-demand-summary')?.shadowRoot?.querySelector('rect.projected')).toBeTruthy(), { timeout: STORY_TIMEOUT_MS });
  },
};
export const DarkDutch: Story = { args: { theme: 'dark', locale: 'nl' } };
/** Every widget fails the same way: the first shows the problem (an alert, with Retry for all), the others refer to it. */
export const ServerError: Story = {
  args: { fault: 'server-error' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, 'odw-on-demand-statistics', (root) => root.getByRole('alert'));
    await inShadow(canvasElement, 'odw-on-demand-summary', (root) => root.getByText('Could not load the summary: see the message in “On-demand statistics”.'));
    await inShadow(canvasElement, 'odw-event-mode-picker', (root) => root.getByText('Could not count the people who match: see the message in “On-demand statistics”.'));
    const alerts = [...canvasElement.querySelectorAll('odw-on-demand-statistics, odw-on-demand-summary, odw-event-mode-picker')].flatMap((widget) => [...(widget.shadowRoot?.querySelectorAll('[role="alert"]') ?? [])]);
    await expect(alerts).toHaveLength(1);
  },
};
