/*
 * The questions widgets ask about an event, and the one place that decides, for each, whether
 * the adapter answers it (a push-down aggregate) or core computes it from the source's shared
 * analysis. Widgets call these, never the adapter. Free functions rather than methods, so a page
 * bundles only the questions its elements ask (the picker does not carry the summary's code).
 */
import {
  audienceOf,
  checkDayRange,
  dailyVisitorsOf,
  onDemandWindow,
  statisticsOf,
  type AttendanceCriteria,
  type DailyOnDemandVisitorsResult,
  type DayRange,
  type OnDemandStatistics,
} from '../core/index.ts';
import { asAdapterFailure } from './data-errors.ts';
import type { EventDataSource } from './event-data-source.ts';

/**
 * Unique no-show visitors per day of `range` (the adapter's `getDailySummary` when it has one).
 * Rejects with `AdapterError`.
 *
 * @example
 * const summary = await summaryFrom(eventDataSource(adapter, 'evt-1'), { from: '2026-03-21', to: '2026-03-27' });
 */
export function summaryFrom(source: EventDataSource, range: DayRange, signal?: AbortSignal): Promise<DailyOnDemandVisitorsResult> {
  return asAdapterFailure(async () => {
    // A range outside the window is the page's mistake, whoever computes: say so before asking.
    const checked = checkDayRange(range, onDemandWindow(await source.event(signal)));
    const { adapter, eventId } = source;
    if (adapter.getDailySummary) return adapter.getDailySummary(eventId, checked, { signal });
    const analysis = await source.analysis(signal);
    return { ...dailyVisitorsOf(analysis, checked), diagnostics: analysis.diagnostics };
  });
}

/**
 * Days remaining, visitors to date and average watch time at `now` (the adapter's
 * `getStatistics` when it has one). Rejects with `AdapterError`.
 *
 * @example
 * const statistics = await statisticsFrom(eventDataSource(adapter, 'evt-1'), new Date(), undefined);
 */
export function statisticsFrom(source: EventDataSource, now: Date, closingThreshold: number | undefined, signal?: AbortSignal): Promise<OnDemandStatistics> {
  const { adapter, eventId } = source;
  return asAdapterFailure(async () =>
    adapter.getStatistics
      ? adapter.getStatistics(eventId, { now, closingThreshold, signal })
      : statisticsOf(await source.analysis(signal), now.getTime(), closingThreshold === undefined ? {} : { closingThreshold }),
  );
}

/**
 * How many people `criteria` select at `now` (the adapter's `countAudience` when it has one).
 * Rejects with `AdapterError`.
 *
 * @example
 * const count = await audienceCountFrom(eventDataSource(adapter, 'evt-1'), { version: 1, kind: 'has-attended' }, new Date());
 */
export function audienceCountFrom(source: EventDataSource, criteria: AttendanceCriteria, now: Date, signal?: AbortSignal): Promise<number> {
  const { adapter, eventId } = source;
  return asAdapterFailure(async () =>
    adapter.countAudience
      ? adapter.countAudience(eventId, criteria, { now, signal })
      : audienceOf(await source.analysis(signal), criteria, now.getTime()).length,
  );
}
