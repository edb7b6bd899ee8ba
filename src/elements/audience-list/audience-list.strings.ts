import type { ProgramStatus } from '../../core/index.ts';
import type { StringCatalog } from '../../i18n/locale.ts';

/** Every text the audience list shows; override any key through the `strings` property. */
export interface AudienceListStrings {
  title: string;
  loading: string;
  notConfigured: string;
  retry: string;
  errorPrefix: string;
  /** The total, announced when it changes. */
  total: { one: string; other: string };
  empty: string;
  /** Nobody matches, and the event has not ended yet: `{date}` is the day of the live session. */
  emptyUpcoming: string;
  reportedThrough: string;
  columnLeadId: string;
  columnName: string;
  columnEmail: string;
  columnStatus: string;
  columnLiveMinutes: string;
  columnFirstWatched: string;
  columnLastWatched: string;
  columnMinutes: string;
  columnViews: string;
  /** Said by screen readers on a column header button. */
  sortBy: string;
  sortedAscending: string;
  sortedDescending: string;
  /** The table's caption (read, not shown): `{sort}` is the column, `{direction}` ascending/descending. */
  caption: string;
  ascending: string;
  descending: string;
  notCaptured: string;
  notWatched: string;
  pages: string;
  /** `{from}`–`{to}` of `{total}` */
  range: string;
  previous: string;
  next: string;
  pageError: string;
  downloadCsv: string;
  exporting: string;
  /** `{done}` of `{total}` people */
  exportProgress: string;
  cancel: string;
  exportFailed: string;
  exportCancelled: string;
  /** `{event}`, `{reportedThrough}` */
  csvFileName: string;
  statusNames: Record<ProgramStatus, string>;
}

export const audienceListStrings: StringCatalog<AudienceListStrings> = {
  en: {
    title: 'People',
    loading: 'Loading people…',
    notConfigured: 'No data source: set an adapter and event-id, or place this widget inside <odw-data-provider>.',
    retry: 'Retry',
    errorPrefix: 'Could not load the people:',
    total: { one: '{count} person', other: '{count} people' },
    empty: 'Nobody matches these criteria.',
    emptyUpcoming: 'Nobody yet: the live session is on {date}, and the recording opens when it ends.',
    reportedThrough: 'Views reported through {date}',
    columnLeadId: 'Lead id',
    columnName: 'Name',
    columnEmail: 'E-mail',
    columnStatus: 'Status',
    columnLiveMinutes: 'Live minutes',
    columnFirstWatched: 'First watched',
    columnLastWatched: 'Last watched',
    columnMinutes: 'On-demand minutes',
    columnViews: 'Views',
    sortBy: 'Sort by {column}',
    sortedAscending: 'sorted ascending',
    sortedDescending: 'sorted descending',
    caption: 'People matching the criteria, sorted by {sort}, {direction}',
    ascending: 'ascending',
    descending: 'descending',
    notCaptured: 'not captured',
    notWatched: 'did not watch',
    pages: 'Pages',
    range: '{from}–{to} of {total}',
    previous: 'Previous',
    next: 'Next',
    pageError: 'Could not load this page:',
    downloadCsv: 'Download CSV',
    exporting: 'Preparing the CSV…',
    exportProgress: '{done} of {total} people',
    cancel: 'Cancel',
    exportFailed: 'The CSV could not be made:',
    exportCancelled: 'Download cancelled.',
    csvFileName: '{event} – people (reported through {reportedThrough}).csv',
    statusNames: {
      'not-in-program': 'Not in Program',
      invited: 'Invited',
      'pending-approval': 'Pending Approval',
      rejected: 'Rejected / Wait Listed',
      registered: 'Registered',
      'no-show': 'No Show',
      attended: 'Attended',
      'attended-on-demand': 'Attended On-Demand',
    },
  },
  nl: () => import('./audience-list.strings.nl.ts'),
};
