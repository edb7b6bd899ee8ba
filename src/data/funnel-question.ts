/*
 * The program-funnel question, with its push-down decision (the pattern of questions.ts): the
 * adapter's `getFunnel` when it has one, else core's `programFunnelOf` on the source's one
 * shared analysis. A module of its own, so only pages with the funnel widget bundle it.
 */
import { analyzeAttendanceInSteps, programFunnelOf } from '../core/index.ts';
import type { FunnelSummary } from '../adapters/adapter.ts';
import { asAdapterFailure } from './data-errors.ts';
import type { EventDataSource } from './event-data-source.ts';

/** The funnel as the widget gets it: with the day views are reported through (client-side always; from a push-down answer when the backend says). */
export type FunnelAnswer = FunnelSummary;

/**
 * The program-status funnel of the source's event at `now` (the adapter's `getFunnel` when it
 * has one). Rejects with `AdapterError`.
 *
 * @example
 * const funnel = await funnelFrom(eventDataSource(adapter, 'evt-1'), new Date());
 * `${funnel.attendedOnDemand} of ${funnel.noShow} no-shows watched the recording`
 */
export function funnelFrom(source: EventDataSource, now: Date, signal?: AbortSignal): Promise<FunnelAnswer> {
  const { adapter, eventId } = source;
  return asAdapterFailure(async () => {
    if (adapter.getFunnel) return adapter.getFunnel(eventId, { now, signal });
    const analysis = await source.analysis(analyzeAttendanceInSteps, signal);
    return { ...programFunnelOf(analysis), reportedThrough: analysis.reportedThrough };
  });
}
