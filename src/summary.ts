/** `<odw-on-demand-summary>`: importing this module registers the element. */
export { OdwOnDemandSummary, type DaySelectDetail, type RangeChangeDetail } from './elements/on-demand-summary/on-demand-summary.ts';
export type { OnDemandSummaryStrings } from './elements/on-demand-summary/on-demand-summary.strings.ts';
