import type { StringCatalog } from '../../i18n/locale.ts';

/** Every text the summary widget shows; override any key through the `strings` property. */
export interface OnDemandSummaryStrings {
  title: string;
  loading: string;
  notConfigured: string;
  retry: string;
  errorPrefix: string;
  range: string;
  rangeWindow: string;
  rangeLastDays: string;
  rangeDay: string;
  day: string;
  showRewatches: string;
  showTable: string;
  showChart: string;
  downloadCsv: string;
  totalVisitors: { one: string; other: string };
  totalRewatchers: { one: string; other: string };
  chartLabel: string;
  chartKeyboardHint: string;
  chartEmptySummary: string;
  chartSummary: string;
  tooltip: string;
  tooltipRewatch: string;
  notReported: string;
  reportedThrough: string;
  upcoming: string;
  closed: string;
  noViewsYet: string;
  columnDay: string;
  columnVisitors: string;
  columnRewatchers: string;
  columnMinutes: string;
  skippedRecords: { one: string; other: string };
}

export const onDemandSummaryStrings: StringCatalog<OnDemandSummaryStrings> = {
  en: {
    title: 'On-demand summary',
    loading: 'Loading the on-demand summary…',
    notConfigured: 'No data source: set an adapter and event-id, or place this widget inside <odw-data-provider>.',
    retry: 'Retry',
    errorPrefix: 'Could not load the summary:',
    range: 'Days',
    rangeWindow: 'Whole window',
    rangeLastDays: 'Last 7 days',
    rangeDay: 'One day',
    day: 'Day',
    showRewatches: 'Show rewatches',
    showTable: 'Show as table',
    showChart: 'Show as chart',
    downloadCsv: 'Download CSV',
    totalVisitors: { one: '{count} unique no-show visitor in these days', other: '{count} unique no-show visitors in these days' },
    totalRewatchers: { one: '{count} attendee rewatched', other: '{count} attendees rewatched' },
    chartLabel: 'Unique no-show visitors per day',
    chartKeyboardHint: 'Use the arrow keys, Home and End to read each day; Enter selects it.',
    chartEmptySummary: 'No on-demand visitors in these days.',
    chartSummary: 'Unique no-show visitors per day from {from} to {to}: {total} in all; the busiest day was {peakDay} with {peak}.',
    tooltip: '{day}: {visitors} visitors',
    tooltipRewatch: '{day}: {visitors} visitors, {rewatchers} rewatches',
    notReported: 'not reported yet',
    reportedThrough: 'Reported through {date}; later days are not reported yet.',
    upcoming: 'The recording becomes available on demand when the event ends ({date}).',
    closed: 'Tracking stopped on {date}.',
    noViewsYet: 'No on-demand views yet.',
    columnDay: 'Day',
    columnVisitors: 'No-show visitors',
    columnRewatchers: 'Rewatches by attendees',
    columnMinutes: 'Minutes watched',
    skippedRecords: { one: '{count} record could not be used.', other: '{count} records could not be used.' },
  },
  nl: () => import('./on-demand-summary.strings.nl.ts'),
};
