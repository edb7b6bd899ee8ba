/** `<odw-on-demand-summary>`: importing this module registers the element. */
export * from './widgets/on-demand-summary/on-demand-summary.ts';
export type { OnDemandSummaryStrings } from './widgets/on-demand-summary/on-demand-summary.strings.ts';
