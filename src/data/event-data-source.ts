/*
 * Loads an event and its attendance once per (adapter, event id) and shares the result among
 * every widget that asks, however many there are. Each caller passes its own AbortSignal: a
 * caller that gives up stops waiting at once, and the request itself is aborted only when no
 * caller is left. Nothing failed or aborted is kept, so the next call tries again.
 */
import { AdapterError, isAdapterError, type DataAdapter } from '../adapters/adapter.ts';
import { analyzeAttendanceInSteps, InvalidInputError, type AttendanceAnalysis, type WebinarEvent } from '../core/index.ts';

function abortedError(): AdapterError {
  return new AdapterError('aborted', 'The request was cancelled.');
}

class SharedRequest<Result> {
  readonly #controller = new AbortController();
  readonly #result: Promise<Result>;
  #waiting = 0;
  #settled = false;
  #failed = false;

  constructor(run: (signal: AbortSignal) => Promise<Result>) {
    this.#result = run(this.#controller.signal);
    this.#result.then(
      () => (this.#settled = true),
      () => ((this.#settled = true), (this.#failed = true)),
    );
  }

  /** Still worth joining: not failed and not aborted. */
  get usable(): boolean {
    return !this.#failed && !this.#controller.signal.aborted;
  }

  join(signal: AbortSignal | undefined): Promise<Result> {
    if (signal?.aborted) return Promise.reject(abortedError());
    this.#waiting++;
    return new Promise<Result>((resolve, reject) => {
      const onAbort = () => {
        reject(abortedError());
        // Abort the request only if nobody joins within a tick: a widget whose inputs changed
        // (a new day range) aborts its run and at once asks again for the same attendance.
        if (--this.#waiting === 0 && !this.#settled) {
          setTimeout(() => {
            if (this.#waiting === 0 && !this.#settled) this.#controller.abort();
          }, 0);
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const leave = () => {
        signal?.removeEventListener('abort', onAbort);
        this.#waiting--;
      };
      this.#result.then(
        (value) => (leave(), resolve(value)),
        (error: unknown) => (leave(), reject(error)),
      );
    });
  }
}

// A long task is anything over 50 ms; stay well under it so input and animation stay smooth.
const SLICE_MS = 12;

/**
 * Runs resumable work (core's analysis steps) in slices of about SLICE_MS, giving the main
 * thread back in between: a million views must not freeze the portal for a second.
 */
async function inSlices<Result>(steps: Generator<void, Result, void>, signal: AbortSignal): Promise<Result> {
  let sliceStart = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (performance.now() - sliceStart < SLICE_MS) continue;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (signal.aborted) throw abortedError();
    sliceStart = performance.now();
  }
}

/** Any failure as an AdapterError with a message a person can read. */
function asAdapterError(error: unknown): AdapterError {
  if (isAdapterError(error)) return error;
  if (error instanceof InvalidInputError) {
    // Core names the field: the event's and attendance's come from the backend, the rest
    // (a closing threshold, a day range) from the page.
    return /^(event|attendance)\b/.test(error.field)
      ? new AdapterError('invalid-response', `The backend sent data the widgets cannot use: ${error.message}`, { cause: error })
      : new AdapterError('invalid-request', `This widget is set up wrongly: ${error.message}`, { cause: error });
  }
  if (error instanceof DOMException && error.name === 'AbortError') return abortedError();
  return new AdapterError('unavailable', error instanceof Error ? error.message : String(error), { cause: error });
}

/**
 * The shared loader of one event's data.
 *
 * @example
 * const source = eventDataSource(adapter, 'mid-window');
 * const analysis = await source.analysis(controller.signal);
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

  /** The event; rejects with `AdapterError`. */
  event(signal?: AbortSignal): Promise<WebinarEvent> {
    if (!this.#event?.usable) {
      this.#event = new SharedRequest((shared) => this.adapter.getEvent(this.eventId, { signal: shared }).catch((error: unknown) => Promise.reject(asAdapterError(error))));
    }
    return this.#event.join(signal);
  }

  /** The event's attendance, analyzed once by `core` (linear in views). Rejects with `AdapterError`. */
  analysis(signal?: AbortSignal): Promise<AttendanceAnalysis> {
    if (!this.#analysis?.usable) {
      this.#analysis = new SharedRequest(async (shared) => {
        try {
          const [event, attendance] = await Promise.all([this.event(shared), this.adapter.getAttendance(this.eventId, { signal: shared })]);
          return await inSlices(analyzeAttendanceInSteps(event, attendance), shared);
        } catch (error) {
          throw asAdapterError(error);
        }
      });
    }
    return this.#analysis.join(signal);
  }

  /** Forget what was loaded: the next call asks the backend again (Retry, reload()). */
  invalidate(): void {
    this.#event = undefined;
    this.#analysis = undefined;
  }
}

const sources = new WeakMap<DataAdapter, Map<string, EventDataSource>>();

/** The one shared source for an adapter and event id. */
export function eventDataSource(adapter: DataAdapter, eventId: string): EventDataSource {
  let byEvent = sources.get(adapter);
  if (byEvent === undefined) sources.set(adapter, (byEvent = new Map()));
  let source = byEvent.get(eventId);
  if (source === undefined) byEvent.set(eventId, (source = new EventDataSource(adapter, eventId)));
  return source;
}

export { asAdapterError };
