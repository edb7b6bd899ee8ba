/** `<odw-on-demand-statistics>`: importing this module registers the element. */
export { OdwOnDemandStatistics } from './elements/on-demand-statistics/on-demand-statistics.ts';
export type { OnDemandStatisticsStrings } from './elements/on-demand-statistics/on-demand-statistics.strings.ts';
