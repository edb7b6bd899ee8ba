import type { ProgramFunnelStrings } from './program-funnel.strings.ts';

/** Dutch: a chunk of its own, loaded only when a widget speaks Dutch. */
const nl: ProgramFunnelStrings = {
  title: 'Programmatrechter',
  loading: 'Programmatrechter laden…',
  notConfigured: 'Geen gegevensbron: stel een adapter en event-id in, of plaats deze widget in <odw-data-provider>.',
  retry: 'Opnieuw proberen',
  errorPrefix: 'De programmatrechter kon niet worden geladen:',
  stagesLabel: 'Fasen van het programma',
  registered: 'Geregistreerd',
  attendedLive: 'Live aanwezig',
  noShow: 'Live sessie gemist',
  attendedOnDemand: 'On demand gekeken',
  rewatched: 'Teruggekeken',
  reached: 'Live of on demand bereikt',
  registeredShare: '{percent} van {invited} in het programma',
  ofRegistered: '{percent} van de geregistreerden',
  ofNoShows: '{percent} van de no-shows',
  ofAttendees: '{percent} van de live deelnemers',
  reachedShare: '{reached} van {registrants}',
  registrantCount: { one: '{count} geregistreerde', other: '{count} geregistreerden' },
  noBase: 'niemand om mee te vergelijken',
  notOpenYet: 'De opname is nog niet open.',
  afterTheEvent: 'Bekend na de live sessie.',
  empty: 'Nog niemand heeft zich geregistreerd ({invited} in het programma).',
  invitedCount: { one: '{count} persoon', other: '{count} personen' },
  reportedThrough: 'Gerapporteerd tot en met {date}',
  skippedRecords: { one: '{count} record kon niet worden gebruikt.', other: '{count} records konden niet worden gebruikt.' },
};

export default nl;
