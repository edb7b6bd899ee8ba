/** Which push-down aggregates an adapter offers. */
export interface PushDownChoice {
  /** `getDailySummary` */
  summary?: boolean;
  /** `getStatistics` */
  statistics?: boolean;
  /** `countAudience` */
  audience?: boolean;
  /** `listAudience` (the people behind the count) */
  members?: boolean;
  /** `getFunnel` (the program-status funnel) */
  funnel?: boolean;
  /** `getProjection` (the projected visitors by the window's close) */
  projection?: boolean;
}

/** `true` = all of them, `false`/absent = none, or a per-aggregate choice. */
export type PushDownOption = boolean | PushDownChoice;

const AGGREGATES = ['summary', 'statistics', 'audience', 'members', 'funnel', 'projection'] as const;

export function pushDownChoice(option: PushDownOption | undefined): Required<PushDownChoice> {
  // Only `true` turns one on: a truthy non-boolean from untyped configuration does not.
  const on = (name: (typeof AGGREGATES)[number]) => (typeof option === 'object' ? option[name] === true : option === true);
  return Object.fromEntries(AGGREGATES.map((name) => [name, on(name)])) as Required<PushDownChoice>;
}
