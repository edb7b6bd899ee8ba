import type { TimeFrame, WatchDateOperator, WatchDurationOperator } from '../../core/index.ts';
import type { StringCatalog, StringOverrides } from '../../i18n/locale.ts';
import type { ProblemKey } from './criteria-problems.ts';

/**
 * Every text the event-mode picker shows; override any key through the `strings` property
 * (for the grouped keys — operators, time frames, problems, counts — any subset of the group).
 * `{name}` placeholders are filled in by the picker.
 */
export interface EventModePickerStrings {
  /** Accessible name of the whole picker. */
  label: string;
  kind: string;
  kindFilters: string;
  kindTriggers: string;
  kindHasAttended: string;
  kindHasNotAttended: string;
  kindAttendsEvent: string;
  /** Placeholder option of a select whose value is missing or unknown. */
  choose: string;
  eventMode: string;
  modeAny: string;
  modeLive: string;
  modeOnDemand: string;
  /** Shown when Event Mode is not On-Demand. */
  constraintsNeedOnDemand: string;
  watchDate: string;
  watchDuration: string;
  condition: string;
  dateOperators: Record<WatchDateOperator, string>;
  durationOperators: Record<WatchDurationOperator, string>;
  timeFrames: Record<TimeFrame, string>;
  date: string;
  fromDate: string;
  toDate: string;
  days: string;
  timeFrame: string;
  minutes: string;
  minMinutes: string;
  maxMinutes: string;
  /** Under the Watch Date inputs once the event is known: `{first}`, `{last}`, `{timeZone}`. */
  windowHint: string;
  /** The audience preview for the filters. */
  count: { one: string; other: string };
  /** The audience preview for the trigger (who would have set it off so far). */
  countTrigger: { one: string; other: string };
  counting: string;
  countNeedsValid: string;
  countErrorPrefix: string;
  retry: string;
  /** The button that asks the page to list the people who match (`show-people`). */
  showPeople: string;
  removeUnsupported: string;
  /**
   * Validation messages, one per kind of problem (core's error code on a field). Placeholders:
   * `{constraint}`, `{field}`, `{version}` (given) and `{supported}`, `{least}` (the smallest
   * number allowed), `{first}` and `{last}` (the on-demand window), `{message}` (core's wording).
   */
  problems: Record<ProblemKey, string>;
}

/**
 * Overrides for the built-in text: any string, and any part of a grouped one.
 *
 * @example
 * picker.strings = { modeAny: 'Either way', durationOperators: { 'at-least': '≥' }, count: { other: '{count} leads' } };
 */
export type EventModePickerStringOverrides = StringOverrides<EventModePickerStrings>;

/** English is built in; other languages load when a picker first speaks them. */
export const eventModePickerStrings: StringCatalog<EventModePickerStrings> = {
  en: {
    label: 'Attendance criteria',
    kind: 'Filter or trigger',
    kindFilters: 'Filters',
    kindTriggers: 'Triggers',
    kindHasAttended: 'Has attended event',
    kindHasNotAttended: 'Has not attended an event',
    kindAttendsEvent: 'Attends Event',
    choose: 'Choose…',
    eventMode: 'Event mode',
    modeAny: 'Live or on-demand',
    modeLive: 'Live',
    modeOnDemand: 'On-demand',
    constraintsNeedOnDemand: 'Choose On-demand to filter by watch date or watch duration.',
    watchDate: 'Watch date',
    watchDuration: 'Watch duration',
    condition: 'Condition',
    dateOperators: {
      is: 'is',
      'is-not': 'is not',
      before: 'before',
      after: 'after',
      'on-or-before': 'on or before',
      'on-or-after': 'on or after',
      between: 'between',
      'in-past': 'in past N days',
      'in-time-frame': 'in time frame',
    },
    durationOperators: {
      is: 'is',
      'is-not': 'is not',
      'greater-than': 'greater than',
      'less-than': 'less than',
      'at-least': 'at least',
      'at-most': 'at most',
      between: 'between',
    },
    timeFrames: {
      today: 'today',
      yesterday: 'yesterday',
      'this-week': 'this week',
      'last-week': 'last week',
      'this-month': 'this month',
      'last-month': 'last month',
    },
    date: 'Date',
    fromDate: 'From',
    toDate: 'To',
    days: 'Days (today included)',
    timeFrame: 'Time frame',
    minutes: 'Minutes',
    minMinutes: 'From (minutes)',
    maxMinutes: 'To (minutes)',
    windowHint: 'On demand {first} – {last}. Dates are days in the event’s time zone ({timeZone}).',
    count: { one: '{count} person matches', other: '{count} people match' },
    countTrigger: { one: '{count} person would have set off this trigger so far', other: '{count} people would have set off this trigger so far' },
    counting: 'Counting people…',
    countNeedsValid: 'Fix the settings above to see how many people match.',
    countErrorPrefix: 'Could not count the people who match:',
    retry: 'Retry',
    showPeople: 'Show people',
    removeUnsupported: 'Remove unsupported settings',
    problems: {
      'not-json': 'The criteria given to this picker are not valid JSON, so it starts empty.',
      'not-an-object': 'The criteria given to this picker are not an object, so it starts empty.',
      'unsupported-version': 'These criteria are version {version}; this picker reads version {supported}.',
      'unknown-field': 'Unsupported setting “{field}”.',
      'choose-kind': 'Choose a filter or trigger.',
      'choose-event-mode': 'Choose an event mode.',
      'needs-on-demand': '{constraint} only applies to on-demand viewing: choose On-demand as the event mode, or uncheck {constraint} to remove it.',
      'constraint-not-an-object': '{constraint} is not set up correctly: choose a condition.',
      'choose-operator': 'Choose a condition.',
      'date-missing': 'Enter a date.',
      'date-outside-window': 'Choose a day in the on-demand window, {first} – {last}.',
      'date-order': 'The end date must be on or after the start date.',
      'days-invalid': 'Enter a whole number of days, {least} or more.',
      'frame-invalid': 'Choose a time frame.',
      'minutes-invalid': 'Enter whole minutes, {least} or more.',
      'minutes-order': 'The maximum must be at least the minimum.',
      other: '{message}',
    },
  },
  nl: () => import('./event-mode-picker.strings.nl.ts'),
};
