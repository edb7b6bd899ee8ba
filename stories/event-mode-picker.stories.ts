import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../src/picker.ts';
import type { AttendanceCriteria } from '../src/core/index.ts';
import { inShadow, STORY_TIMEOUT_MS, storyArgTypes, storyDefaults, themeOf, withProvider, type StoryArgs } from './story-kit.ts';

interface Args extends StoryArgs {
  criteria: string;
  disabled: boolean;
}

const json = (criteria: Omit<AttendanceCriteria, 'version'> & Record<string, unknown>) => JSON.stringify({ version: 1, ...criteria });

const TAG = 'odw-event-mode-picker';

const meta: Meta<Args> = {
  title: 'Widgets/Event-Mode Picker',
  component: 'odw-event-mode-picker',
  args: { ...storyDefaults, criteria: json({ kind: 'has-attended' }), disabled: false },
  argTypes: {
    ...storyArgTypes,
    criteria: { control: 'text', description: 'Criteria JSON (the `criteria` attribute)' },
    disabled: { control: 'boolean' },
  },
  render: (args) =>
    withProvider(
      args,
      html`<form>
        <odw-event-mode-picker name="criteria" criteria=${args.criteria} ?disabled=${args.disabled} theme=${ifDefined(themeOf(args))}></odw-event-mode-picker>
      </form>`,
    ),
};
export default meta;
type Story = StoryObj<Args>;

export const HasAttendedEitherMode: Story = {
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByText(/people? match/));
  },
};
export const HasNotAttended: Story = { args: { criteria: json({ kind: 'has-not-attended' }) } };
export const AttendsEventTrigger: Story = { args: { criteria: json({ kind: 'attends-event', eventMode: 'live' }) } };
export const OnDemandLastSevenDaysTenMinutes: Story = {
  args: { criteria: json({ kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'in-past', days: 7 }, watchDuration: { operator: 'at-least', minutes: 10 } }) },
};
export const WatchDateBetween: Story = {
  args: { criteria: json({ kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'between', date: '2026-03-08', to: '2026-03-12' } }) },
};
export const WatchDateTimeFrame: Story = {
  args: { criteria: json({ kind: 'attends-event', eventMode: 'on-demand', watchDate: { operator: 'in-time-frame', frame: 'last-week' } }) },
};
export const WatchDurationBetween: Story = {
  args: { criteria: json({ kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'between', minutes: 5, to: 30 } }) },
};
export const InvalidConstraintWithLiveMode: Story = {
  args: { criteria: json({ kind: 'has-attended', eventMode: 'live', watchDuration: { operator: 'at-least', minutes: 10 } }) },
  play: async ({ canvasElement }) => {
    const picker = canvasElement.querySelector('odw-event-mode-picker');
    await waitFor(() => expect(picker?.validity.valid).toBe(false), { timeout: STORY_TIMEOUT_MS });
    // Kept as given, never dropped: the draft holds it, `value` is null while it is invalid.
    expect(picker?.value).toBeNull();
    expect(picker?.draft.watchDuration).toEqual({ operator: 'at-least', minutes: 10 });
  },
};
export const InvalidReversedRange: Story = {
  args: { criteria: json({ kind: 'has-attended', eventMode: 'on-demand', watchDuration: { operator: 'between', minutes: 30, to: 5 } }) },
};
export const Disabled: Story = { args: { disabled: true } };
export const Dark: Story = { args: { theme: 'dark', criteria: json({ kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'in-past', days: 7 } }) } };
export const Dutch: Story = { args: { locale: 'nl', criteria: json({ kind: 'has-not-attended', eventMode: 'on-demand', watchDuration: { operator: 'at-most', minutes: 3 } }) } };
export const Narrow: Story = { args: { width: 'narrow', criteria: json({ kind: 'has-attended', eventMode: 'on-demand', watchDate: { operator: 'between', date: '2026-03-08', to: '2026-03-12' } }) } };
export const CountError: Story = {
  args: { fault: 'server-error' },
  play: async ({ canvasElement }) => {
    await inShadow(canvasElement, TAG, (root) => root.getByRole('alert'));
  },
};
