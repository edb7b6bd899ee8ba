/*
 * The projection question, with its push-down decision (the pattern of questions.ts): the
 * adapter's `getProjection` when it has one, else core's `projectionOf` on the source's one
 * shared analysis. A module of its own, so only pages that show the projection bundle it.
 * Core's projection is imported statically: the widgets that ask already import core's index
 * (questions.ts), and a bundler then puts an `import()`ed core module into a chunk that page loads
 * up front anyway (esbuild measured: 1.0 KB gzip more on the dashboard than a static import).
 */
import { analyzeAttendanceInSteps, projectionOf, type AttendanceAnalysis, type OnDemandProjection } from '../core/index.ts';
import { nextTask } from '../adapters/slices.ts';
import { asAdapterFailure } from './data-errors.ts';
import type { EventDataSource } from './event-data-source.ts';
import { SharedRequest } from './shared-request.ts';

/** The last projection computed from an analysis, by its clock: the statistics and the summary ask for the same one. */
const projections = new WeakMap<AttendanceAnalysis, { time: number; projection: Promise<OnDemandProjection | null> }>();

/**
 * The adapter's projection still on its way, by source and clock: the statistics and the summary
 * ask at the same time, and one request serves both. Forgotten once answered, so a Retry or a
 * later load asks the backend again.
 */
const askedBackends = new WeakMap<EventDataSource, SharedRequest<OnDemandProjection | null> & { time: number }>();

/**
 * Unique no-show visitors projected by the window's close at `now`, with each unreported day's
 * continuation (the adapter's `getProjection` when it has one), or `null` when there is none to
 * show: too early, or a push-down backend that does not project. Rejects with `AdapterError`.
 *
 * @example
 * const projection = await projectionFrom(eventDataSource(adapter, 'evt-1'), new Date());
 * if (projection) `Expected by the close: ${projection.expected} (${projection.low}–${projection.high})`;
 */
export function projectionFrom(source: EventDataSource, now: Date, signal?: AbortSignal): Promise<OnDemandProjection | null> {
  const { adapter, eventId } = source;
  return asAdapterFailure(async () => {
    const time = now.getTime();
    if (adapter.getProjection) {
      let asked = askedBackends.get(source);
      if (asked?.time !== time || !asked.usable) {
        const request = Object.assign(
          new SharedRequest((shared) => adapter.getProjection!(eventId, { now, signal: shared }).finally(() => askedBackends.get(source) === request && askedBackends.delete(source))),
          { time },
        );
        askedBackends.set(source, (asked = request));
      }
      return asked.join(signal);
    }
    // A backend that aggregates the statistics or the summary itself spares the page the download
    // of every view; an optional figure must not bring that download back. No projection, then.
    if (adapter.getStatistics || adapter.getDailySummary) return null;
    const analysis = await source.analysis(analyzeAttendanceInSteps, signal);
    let known = projections.get(analysis);
    // A task of its own (tens of milliseconds for 100 000 visitors), and two tasks on: the figures
    // that waited for the same analysis compute one task after it settled (questions.ts) and
    // render first; the page stays responsive in between.
    if (known?.time !== time) projections.set(analysis, (known = { time, projection: nextTask().then(nextTask).then(() => projectionOf(analysis, time)) }));
    return known.projection;
  });
}
