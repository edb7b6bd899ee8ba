import type { OnDemandStatisticsStrings } from './on-demand-statistics.strings.ts';

/** Dutch: a chunk of its own, loaded only when a widget speaks Dutch. */
const nl: OnDemandStatisticsStrings = {
  title: 'On-demand statistieken',
  loading: 'On-demand statistieken laden…',
  notConfigured: 'Geen gegevensbron: stel een adapter en event-id in, of plaats deze widget in <odw-data-provider>.',
  retry: 'Opnieuw proberen',
  errorPrefix: 'De statistieken konden niet worden geladen:',
  daysRemaining: 'Resterende dagen',
  opens: 'On demand vanaf',
  notOpenYet: 'Nog niet open.',
  dayUnit: { one: '{count} dag', other: '{count} dagen' },
  phaseUpcoming: 'Opent na afloop van het evenement, om {time}, voor 30 dagen.',
  phaseOpen: 'De opname is on demand beschikbaar.',
  phaseClosing: 'Sluit binnenkort: tijd voor de laatste herinnering.',
  phaseClosed: 'Meting gestopt: de periode van 30 dagen is voorbij.',
  totalVisitors: 'No-shows die keken',
  totalVisitorsHint: 'Misten het live-evenement en bekeken de opname, tot nu toe',
  averageWatch: 'Gemiddelde kijktijd',
  averageWatchHint: 'Gemiddelde van {viewers}: {noShows} + {rewatchers}',
  viewerCount: { one: '{count} kijker', other: '{count} kijkers' },
  noShowCount: { one: '{count} no-show', other: '{count} no-shows' },
  rewatcherCount: { one: '{count} deelnemer die terugkeek', other: '{count} deelnemers die terugkeken' },
  minutesUnit: 'min',
  noViewsYet: 'Nog geen on-demand weergaven.',
  noAverage: 'Nog niets om te middelen.',
  details: 'Details',
  median: 'Mediane kijktijd',
  noShowVisitors: 'No-show bezoekers',
  rewatchers: 'Deelnemers die terugkeken',
  noShowMinutes: 'Minuten bekeken door no-shows',
  rewatchMinutes: 'Minuten teruggekeken door deelnemers',
  reportedThrough: 'Gerapporteerd tot en met {date}',
  skippedRecords: { one: '{count} record kon niet worden gebruikt.', other: '{count} records konden niet worden gebruikt.' },
};

export default nl;
