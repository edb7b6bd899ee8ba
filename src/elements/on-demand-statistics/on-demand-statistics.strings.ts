import type { StringCatalog } from '../../i18n/locale.ts';

/** Every text the statistics widget shows; override any key through the `strings` property. */
export interface OnDemandStatisticsStrings {
  title: string;
  loading: string;
  notConfigured: string;
  retry: string;
  errorPrefix: string;
  daysRemaining: string;
  dayUnit: { one: string; other: string };
  phaseUpcoming: string;
  phaseOpen: string;
  phaseClosing: string;
  phaseClosed: string;
  totalVisitors: string;
  totalVisitorsHint: string;
  averageWatch: string;
  averageWatchHint: string;
  minutesUnit: string;
  noViewsYet: string;
  details: string;
  median: string;
  noShowVisitors: string;
  rewatchers: string;
  noShowMinutes: string;
  rewatchMinutes: string;
  reportedThrough: string;
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
    dayUnit: { one: '{count} day', other: '{count} days' },
    phaseUpcoming: 'Opens when the event ends: available on demand for 30 days.',
    phaseOpen: 'The recording is available on demand.',
    phaseClosing: 'Closing soon: time for the last reminder.',
    phaseClosed: 'Tracking stopped: the 30-day window has closed.',
    totalVisitors: 'On-demand visitors',
    totalVisitorsHint: 'No-shows who watched the recording, to date',
    averageWatch: 'Average watch time',
    averageWatchHint: 'For all visitors, including attendees who rewatched',
    minutesUnit: 'min',
    noViewsYet: 'No on-demand views yet.',
    details: 'Details',
    median: 'Median watch time',
    noShowVisitors: 'No-show visitors',
    rewatchers: 'Attendees who rewatched',
    noShowMinutes: 'Minutes watched by no-shows',
    rewatchMinutes: 'Minutes rewatched by attendees',
    reportedThrough: 'Reported through {date}',
    skippedRecords: { one: '{count} record could not be used.', other: '{count} records could not be used.' },
  },
  nl: () => import('./on-demand-statistics.strings.nl.ts'),
};
