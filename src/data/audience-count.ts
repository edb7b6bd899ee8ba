/*
 * The picker's question, how many people criteria select, with its push-down decision (the
 * pattern of questions.ts). A module of its own that imports only core's criteria types: core's
 * analysis comes through `import()` when the adapter cannot count, so a picker page whose
 * adapter has `countAudience` never downloads it (analysis-engine.ts).
 */
import type { AttendanceCriteria } from '../core/index.ts';
import { asAdapterFailure } from './data-errors.ts';
import type { EventDataSource } from './event-data-source.ts';

// A plain `import()` call of its own: tsc rewrites the `.ts` extension of such a call for dist/
// (data-element.ts explains where it does not).
const loadAnalysisEngine = () => import('./analysis-engine.ts');

/**
 * Starts what `audienceCountFrom` will need while the event loads and the edits settle: core's
 * analysis and the attendance, when the adapter does not count. Failures are `audienceCountFrom`'s
 * to report: it joins the same shared request.
 *
 * @example
 * prefetchAudienceCount(source, signal);
 */
export function prefetchAudienceCount(source: EventDataSource, signal?: AbortSignal): void {
  if (!source.adapter.countAudience) source.analysis(loadAnalysisEngine().then((module) => module.analyzeAttendanceInSteps), signal).catch(() => {});
}

/**
 * How many people `criteria` select at `now` (the adapter's `countAudience` when it has one,
 * else core's `audienceOf` on the source's shared analysis). Rejects with `AdapterError`.
 *
 * @example
 * const count = await audienceCountFrom(eventDataSource(adapter, 'evt-1'), { version: 1, kind: 'has-attended' }, new Date());
 */
export function audienceCountFrom(source: EventDataSource, criteria: AttendanceCriteria, now: Date, signal?: AbortSignal): Promise<number> {
  const { adapter, eventId } = source;
  return asAdapterFailure(async () => {
    if (adapter.countAudience) return adapter.countAudience(eventId, criteria, { now, signal });
    // Loads alongside the attendance download; a chunk that fails to load rejects as `unavailable`.
    const engine = loadAnalysisEngine();
    const analyze = engine.then((module) => module.analyzeAttendanceInSteps);
    const [{ audienceOf }, analysis] = await Promise.all([engine, source.analysis(analyze, signal)]);
    return audienceOf(analysis, criteria, now.getTime()).length;
  });
}
