import type { StringCatalog } from '../../i18n/locale.ts';

/** Every text the program-funnel widget shows; override any key through the `strings` property. */
export interface ProgramFunnelStrings {
  title: string;
  loading: string;
  notConfigured: string;
  retry: string;
  errorPrefix: string;
  /** Label of the stages list, for screen readers. */
  stagesLabel: string;
  registered: string;
  attendedLive: string;
  noShow: string;
  attendedOnDemand: string;
  rewatched: string;
  reached: string;
  /** `{percent}` of `{invited}` people in the program (any status). */
  registeredShare: string;
  ofRegistered: string;
  ofNoShows: string;
  ofAttendees: string;
  /** Reached live or on demand: `{reached}` of `{registrants}`. */
  reachedShare: string;
  registrantCount: { one: string; other: string };
  /** A share of nobody (no no-shows, no live attendees). */
  noBase: string;
  notOpenYet: string;
  afterTheEvent: string;
  /** Nobody registered: `{invited}` is the people in the program. */
  empty: string;
  invitedCount: { one: string; other: string };
  reportedThrough: string;
  skippedRecords: { one: string; other: string };
}

export const programFunnelStrings: StringCatalog<ProgramFunnelStrings> = {
  en: {
    title: 'Program funnel',
    loading: 'Loading the program funnel…',
    notConfigured: 'No data source: set an adapter and event-id, or place this widget inside <odw-data-provider>.',
    retry: 'Retry',
    errorPrefix: 'Could not load the program funnel:',
    stagesLabel: 'Stages of the program',
    registered: 'Registered',
    attendedLive: 'Attended live',
    noShow: 'Missed the live session',
    attendedOnDemand: 'Watched on demand',
    rewatched: 'Rewatched',
    reached: 'Reached live or on demand',
    registeredShare: '{percent} of {invited} in the program',
    ofRegistered: '{percent} of registrants',
    ofNoShows: '{percent} of no-shows',
    ofAttendees: '{percent} of live attendees',
    reachedShare: '{reached} of {registrants}',
    registrantCount: { one: '{count} registrant', other: '{count} registrants' },
    noBase: 'nobody to compare with',
    notOpenYet: 'The recording is not open yet.',
    afterTheEvent: 'Known after the live session.',
    empty: 'Nobody has registered yet ({invited} in the program).',
    invitedCount: { one: '{count} person', other: '{count} people' },
    reportedThrough: 'Reported through {date}',
    skippedRecords: { one: '{count} record could not be used.', other: '{count} records could not be used.' },
  },
  nl: () => import('./program-funnel.strings.nl.ts'),
};
