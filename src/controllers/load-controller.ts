/*
 * Runs an element's load whenever its inputs change and aborts the run they replaced: the
 * `@lit/task` pattern, cut to what the widgets use (it is a third of that package's size, and
 * every data widget carries it).
 */
import { notEqual, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** Where the load stands. */
export type LoadStatus = 'initial' | 'pending' | 'complete' | 'error';

/** What `render` shows in each status. */
export interface LoadRenderers<Result, Rendered> {
  initial: () => Rendered;
  pending: () => Rendered;
  complete: (value: Result) => Rendered;
  error: (error: unknown) => Rendered;
}

/**
 * @example
 * readonly load = new LoadController(this, ([eventId], signal) => eventId ? fetchEvent(eventId, signal) : undefined, () => [this.eventId]);
 * render() { return this.load.render({ initial: …, pending: …, complete: (event) => …, error: … }); }
 */
export class LoadController<Args extends readonly unknown[], Result> implements ReactiveController {
  status: LoadStatus = 'initial';
  /** The last completed run's result; kept while a new run is pending. */
  value: Result | undefined;
  /** The last run's failure, if it failed. */
  error: unknown;
  readonly #host: ReactiveControllerHost;
  /** Starts a run; `undefined` means there is nothing to load (status `initial`). */
  readonly #load: (args: Args, signal: AbortSignal) => Promise<Result> | undefined;
  readonly #args: () => Args;
  #previous: Args | undefined;
  #current: AbortController | undefined;

  constructor(host: ReactiveControllerHost, load: (args: Args, signal: AbortSignal) => Promise<Result> | undefined, args: () => Args) {
    this.#host = host;
    this.#load = load;
    this.#args = args;
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.#args();
    const previous = this.#previous;
    if (previous === undefined || args.length !== previous.length || args.some((arg, index) => notEqual(arg, previous[index]))) void this.run(args);
  }

  /** Runs now (Retry, reconnect), with the current inputs unless others are given. */
  async run(args: Args = this.#args()): Promise<void> {
    this.#previous = args;
    this.#current?.abort();
    const controller = (this.#current = new AbortController());
    const running = this.#load(args, controller.signal);
    this.status = running ? 'pending' : 'initial';
    this.#host.requestUpdate();
    if (!running) return;
    let status: LoadStatus = 'complete';
    let value: Result | undefined;
    let error: unknown;
    try {
      value = await running;
    } catch (thrown) {
      status = 'error';
      error = thrown;
    }
    // A later run replaced this one: its answer is stale.
    if (controller !== this.#current) return;
    this.status = status;
    this.value = value;
    this.error = error;
    this.#host.requestUpdate();
  }

  /**
   * Aborts the current run's signal: a pending run then ends in `error` with the abort; a
   * completed one keeps its value, and what it left going on that signal (a follow-up) stops.
   */
  abort(): void {
    this.#current?.abort();
  }

  render<Rendered>(renderers: LoadRenderers<Result, Rendered>): Rendered {
    // initial() and pending() take no argument; complete() the value, error() the error.
    return (renderers[this.status] as (valueOrError: unknown) => Rendered)(this.status === 'error' ? this.error : this.value);
  }
}
