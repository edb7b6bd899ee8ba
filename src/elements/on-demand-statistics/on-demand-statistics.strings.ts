import type { StringCatalog } from '../../i18n/locale.ts';

/** Every text the statistics widget shows; override any key through the `strings` property. */
export interface OnDemandStatisticsStrings {
  title: string;
  loading: string;
  notConfigured: string;
  retry: string;
  errorPrefix: string;
  daysRemaining: string;
  opens: string;
  notOpenYet: string;
  dayUnit: { one: string; other: string };
  phaseUpcoming: string;
  phaseOpen: string;
  phaseClosing: string;
  phaseClosed: string;
  totalVisitors: string;
  totalVisitorsHint: string;
  averageWatch: string;
  averageWatchHint: string;
  viewerCount: { one: string; other: string };
  noShowCount: { one: string; other: string };
  rewatcherCount: { one: string; other: string };
  minutesUnit: string;
  noViewsYet: string;
  noAverage: string;
  details: string;
  median: string;
  noShowVisitors: string;
  rewatchers: string;
  noShowMinutes: string;
  rewatchMinutes: string;
  reportedThrough: string;
  projection: string;
  projectionExpected: string;
  projectedVisitors: { one: string; other: string };
  projectionHint: string;
  skippedRecords: { one: string; other: string };
}

export const onDemandStatisticsStrings: StringCatalog<OnDemandStatisticsStrings> = {
  en: {
    title: 'On-demand statistics',
    loading: 'Loading on-demand statistics…',
    notConfigured: 'No data source: set an adapter and event-id, or place this widget inside <odw-data-provider>.',
    retry: 'Retry',
    errorPrefix: 'Could not load the statistics:',
    daysRemaining: 'Days remaining',
    opens: 'On demand from',
    notOpenYet: 'Not open yet.',
    dayUnit: { one: '{count} day', other: '{count} days' },
    phaseUpcoming: 'Opens when the event ends, at {time}, for 30 days.',
    phaseOpen: 'The recording is available on demand.',
    phaseClosing: 'Closing soon: time for the last reminder.',
    phaseClosed: 'Tracking stopped: the 30-day window has closed.',
    totalVisitors: 'No-shows who watched',
    totalVisitorsHint: 'Missed the live event and watched the recording, to date',
    averageWatch: 'Average watch time',
    averageWatchHint: 'Average of {viewers}: {noShows} + {rewatchers}',
    viewerCount: { one: '{count} viewer', other: '{count} viewers' },
    noShowCount: { one: '{count} no-show', other: '{count} no-shows' },
    rewatcherCount: { one: '{count} attendee who rewatched', other: '{count} attendees who rewatched' },
    minutesUnit: 'min',
    noViewsYet: 'No on-demand views yet.',
    noAverage: 'Nothing to average yet.',
    details: 'Details',
    median: 'Median watch time',
    noShowVisitors: 'No-show visitors',
    rewatchers: 'Attendees who rewatched',
    noShowMinutes: 'Minutes watched by no-shows',
    rewatchMinutes: 'Minutes rewatched by attendees',
    reportedThrough: 'Reported through {date}',
    projection: 'Projection',
    projectionExpected: 'Expected by {date}: {visitors} ({low}–{high}),',
    projectedVisitors: { one: '{count} no-show who watched', other: '{count} no-shows who watched' },
    projectionHint: 'if nothing changes; {level}% likely range',
    skippedRecords: { one: '{count} record could not be used.', other: '{count} records could not be used.' },
  },
  nl: () => import('./on-demand-statistics.strings.nl.ts'),
};
