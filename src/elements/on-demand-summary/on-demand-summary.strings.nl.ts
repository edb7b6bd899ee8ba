import type { OnDemandSummaryStrings } from './on-demand-summary.strings.ts';

/** Dutch: a chunk of its own, loaded only when a widget speaks Dutch. */
const nl: OnDemandSummaryStrings = {
  title: 'On-demand overzicht',
  loading: 'Het on-demand overzicht laden…',
  notConfigured: 'Geen gegevensbron: stel een adapter en event-id in, of plaats deze widget in <odw-data-provider>.',
  retry: 'Opnieuw proberen',
  errorPrefix: 'Het overzicht kon niet worden geladen:',
  range: 'Dagen',
  rangeWindow: 'Hele periode',
  rangeLastDays: 'Laatste 7 dagen',
  rangeDay: 'Eén dag',
  day: 'Dag',
  showRewatches: 'Terugkijkers tonen',
  showTable: 'Als tabel tonen',
  showChart: 'Als grafiek tonen',
  downloadCsv: 'CSV downloaden',
  totalVisitors: { one: '{count} unieke no-show bezoeker in deze dagen', other: '{count} unieke no-show bezoekers in deze dagen' },
  totalRewatchers: { one: '{count} deelnemer keek terug', other: '{count} deelnemers keken terug' },
  chartLabel: 'Unieke no-show bezoekers per dag',
  chartKeyboardHint: 'Gebruik de pijltoetsen, Home en End om elke dag te lezen; Enter selecteert de dag.',
  chartEmptySummary: 'Geen on-demand bezoekers in deze dagen.',
  chartSummary: 'Unieke no-show bezoekers per dag van {from} tot {to}: {total} in totaal; de drukste dag was {peakDay} met {peak}.',
  tooltip: '{day}: {visitors} bezoekers',
  tooltipRewatch: '{day}: {visitors} bezoekers, {rewatchers} terugkijkers',
  notReported: 'nog niet gerapporteerd',
  reportedThrough: 'Gerapporteerd tot en met {date}; latere dagen zijn nog niet gerapporteerd.',
  upcoming: 'De opname is on demand beschikbaar zodra het evenement is afgelopen ({date}).',
  closed: 'Meting gestopt op {date}.',
  noViewsYet: 'Nog geen on-demand weergaven.',
  columnDay: 'Dag',
  columnVisitors: 'No-show bezoekers',
  columnRewatchers: 'Terugkijkers (deelnemers)',
  columnMinutes: 'Bekeken minuten',
  skippedRecords: { one: '{count} record kon niet worden gebruikt.', other: '{count} records konden niet worden gebruikt.' },
};

export default nl;
