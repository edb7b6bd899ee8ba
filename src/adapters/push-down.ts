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
}

/** `true` = all four, `false`/absent = none, or a per-aggregate choice. */
export type PushDownOption = boolean | PushDownChoice;

export function pushDownChoice(option: PushDownOption | undefined): Required<PushDownChoice> {
  if (typeof option === 'object') {
    return { summary: option.summary === true, statistics: option.statistics === true, audience: option.audience === true, members: option.members === true };
  }
  const all = option === true;
  return { summary: all, statistics: all, audience: all, members: all };
}
