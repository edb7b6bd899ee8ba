/*
 * The data layer's loader: loads an event and its attendance once per (adapter, event id) and
 * shares the result among every widget that asks. The questions widgets ask of it (and the
 * push-down decision for each) are in questions.ts. Nothing failed or aborted is kept, so the
 * next call tries again.
 *
 * This module does not import core's analysis engine: each question hands it over (`analysis()`),
 * statically where the page needs it anyway, on demand where it may never be needed (the picker's
 * count, which a push-down adapter answers). A bundler puts whole modules into chunks, so one
 * static import here would put the engine into every page up front.
 */
import type { DataAdapter } from '../adapters/adapter.ts';
import type { analyzeAttendanceInSteps, AttendanceAnalysis, WebinarEvent } from '../core/index.ts';
import { asAdapterError, asAdapterFailure } from './data-errors.ts';
import { inSlices } from '../adapters/slices.ts';
import { SharedRequest } from './shared-request.ts';

/** Core's `analyzeAttendanceInSteps`, as a question hands it to `analysis()`: the function, or the function once its chunk has loaded. */
export type AnalysisEngine = typeof analyzeAttendanceInSteps | Promise<typeof analyzeAttendanceInSteps>;

const registrantRecords = new WeakMap<AttendanceAnalysis, readonly unknown[]>();

/** The registrant records an analysis of this module was made from: names and e-mails for the audience list. */
export function registrantRecordsOf(analysis: AttendanceAnalysis): readonly unknown[] {
  return registrantRecords.get(analysis) ?? [];
}

/**
 * The shared loader of one event's data. Every method rejects with `AdapterError`.
 *
 * @example
 * const source = eventDataSource(adapter, 'mid-window');
 * const event = await source.event(controller.signal);
 */
export class EventDataSource {
  readonly adapter: DataAdapter;
  readonly eventId: string;
  #event: SharedRequest<WebinarEvent> | undefined;
  #analysis: SharedRequest<AttendanceAnalysis> | undefined;

  constructor(adapter: DataAdapter, eventId: string) {
    this.adapter = adapter;
    this.eventId = eventId;
  }

  /** The event. */
  event(signal?: AbortSignal): Promise<WebinarEvent> {
    if (!this.#event?.usable) {
      this.#event = new SharedRequest((shared) => asAdapterFailure(() => this.adapter.getEvent(this.eventId, { signal: shared })));
    }
    return this.#event.join(signal);
  }

  /**
   * The event's attendance, downloaded once and analyzed once by `core` (linear in views, in
   * slices that leave the main thread free). What every client-side answer is computed from.
   * `engine` is core's analysis (or a promise of it, loading alongside the download); the first
   * caller's runs, later callers join its result.
   *
   * @example
   * const analysis = await source.analysis(analyzeAttendanceInSteps, signal);
   */
  analysis(engine: AnalysisEngine, signal?: AbortSignal): Promise<AttendanceAnalysis> {
    if (!this.#analysis?.usableFor(signal)) {
      this.#analysis = new SharedRequest((shared) =>
        asAdapterFailure(async () => {
          const [event, attendance, analyze] = await Promise.all([
            this.event(shared),
            this.adapter.getAttendance(this.eventId, { signal: shared }),
            engine,
          ]);
          const analysis = await inSlices(analyze(event, attendance), shared);
          registrantRecords.set(analysis, attendance.registrants);
          return analysis;
        }),
      );
    }
    return this.#analysis.join(signal);
  }

  /** Forget what was loaded: the next call asks the backend again (Retry, reload()); so does an adapter that holds data of its own. */
  invalidate(): void {
    this.#event = undefined;
    this.#analysis = undefined;
    this.adapter.invalidate?.(this.eventId);
  }
}

/**
 * How many sources each adapter keeps alive when no element holds them: a portal switching back
 * and forth between a few events does not download again, and one walking through a hundred
 * events does not keep a hundred analyses (~40 MB each at a million views).
 */
export const RETAINED_EVENTS_PER_ADAPTER = 4;

interface AdapterSources {
  /** Every source still alive, by event id: weak, so one that nobody holds can be collected. */
  byEvent: Map<string, WeakRef<EventDataSource>>;
  /** The most recently asked-for sources, oldest first: held strongly. */
  recent: EventDataSource[];
}

const sources = new WeakMap<DataAdapter, AdapterSources>();

/**
 * The one shared source for an adapter and event id: the same object for as long as anything
 * (an element, the provider, or the last few requests) holds it, so its download and analysis
 * are shared.
 */
export function eventDataSource(adapter: DataAdapter, eventId: string): EventDataSource {
  let entry = sources.get(adapter);
  if (entry === undefined) sources.set(adapter, (entry = { byEvent: new Map(), recent: [] }));
  const { byEvent, recent } = entry;
  let source = byEvent.get(eventId)?.deref();
  if (source === undefined) {
    // Forget the ids of sources collected meanwhile: a sweep when a source is made, rather than
    // a FinalizationRegistry (smaller, and the map only holds sources still alive).
    for (const [id, held] of byEvent) if (held.deref() === undefined) byEvent.delete(id);
    byEvent.set(eventId, new WeakRef((source = new EventDataSource(adapter, eventId))));
  }
  // Most recent last.
  const at = recent.indexOf(source);
  if (at >= 0) recent.splice(at, 1);
  if (recent.push(source) > RETAINED_EVENTS_PER_ADAPTER) recent.shift();
  return source;
}

/** The event ids whose sources an adapter holds strongly (for tests of the cache bound). */
export function retainedEventIds(adapter: DataAdapter): string[] {
  return (sources.get(adapter)?.recent ?? []).map((source) => source.eventId);
}

export { asAdapterError };
