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
  dayOutside: string;
  rangeMisfit: string;
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
  busiest: { one: string; other: string };
  tooltip: string;
  tooltipRewatch: string;
  visitorCount: { one: string; other: string };
  rewatchCount: { one: string; other: string };
  notReported: string;
  projectionKey: string;
  projectedDay: string;
  projectedVisitorCount: { one: string; other: string };
  reportedThrough: string;
  barsAddUp: string;
  opensTotal: string;
  upcoming: string;
  closed: string;
  noViews: string;
  nothingReported: string;
  csvFileName: string;
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
    dayOutside: 'Choose a day from {from} to {to}.',
    rangeMisfit: "The chosen days are outside this event's on-demand window; showing the whole window.",
    showRewatches: 'Show rewatches',
    showTable: 'Show as table',
    showChart: 'Show as chart',
    downloadCsv: 'Download CSV',
    totalVisitors: { one: '{count} unique no-show visitor in these days', other: '{count} unique no-show visitors in these days' },
    totalRewatchers: { one: '{count} attendee rewatched', other: '{count} attendees rewatched' },
    chartLabel: 'Unique no-show visitors per day',
    chartKeyboardHint: 'Use the arrow keys, Home and End to read each day; Enter selects it.',
    chartEmptySummary: 'No on-demand visitors in these days.',
    chartSummary: 'Unique no-show visitors per day from {from} to {to}: {total} in all; {busiest}.',
    busiest: { one: 'the busiest day was {days} with {peak}', other: 'the busiest days were {days}, with {peak} each' },
    tooltip: '{day}: {visitors}',
    tooltipRewatch: '{day}: {visitors}, {rewatchers}',
    visitorCount: { one: '{count} visitor', other: '{count} visitors' },
    rewatchCount: { one: '{count} rewatch', other: '{count} rewatches' },
    notReported: 'not reported yet',
    projectionKey: 'Projection if nothing changes: first-time visitors expected per day (a bar counts everyone who watched that day), {level}% likely range',
    projectedDay: 'not reported yet; projection: {visitors} ({low}–{high})',
    projectedVisitorCount: { one: '{count} first-time visitor', other: '{count} first-time visitors' },
    reportedThrough: 'Reported through {date}.',
    barsAddUp: 'The bars add up to {sum}: a person who watched on several days counts once in the total.',
    opensTotal: 'Opens on demand on {date}',
    upcoming: 'The recording opens on demand when the event ends, on {date}, for 30 days.',
    closed: 'Tracking stopped on {date}.',
    noViews: 'No one watched the recording on demand in these days.',
    nothingReported: 'These days are not reported yet.',
    csvFileName: '{event} - on-demand {from} - {to} (reported through {reportedThrough}).csv',
    columnDay: 'Day',
    columnVisitors: 'No-show visitors',
    columnRewatchers: 'Rewatches by attendees',
    columnMinutes: 'Minutes watched',
    skippedRecords: { one: '{count} record could not be used.', other: '{count} records could not be used.' },
  },
  nl: () => import('./on-demand-summary.strings.nl.ts'),
};
