/*
 * One request shared by every caller that asks for the same thing. Each caller passes its own
 * AbortSignal: a caller that gives up stops waiting at once, and the request itself is aborted
 * only when no caller is left.
 */
import { abortedError } from '../adapters/abort.ts';

export class SharedRequest<Result> {
  readonly #controller = new AbortController();
  readonly #result: Promise<Result>;
  /** The signals that joined: one load that asks twice (early, then for its figures) is answered once. */
  readonly #joined = new WeakSet<AbortSignal>();
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

  /**
   * Worth joining for a caller with `signal`: usable, or already joined with that signal — the
   * load that started it early (a prefetch) gets its answer, failure included, not a second try.
   */
  usableFor(signal: AbortSignal | undefined): boolean {
    return this.usable || (signal !== undefined && this.#joined.has(signal));
  }

  join(signal: AbortSignal | undefined): Promise<Result> {
    if (signal?.aborted) return Promise.reject(abortedError());
    if (signal) this.#joined.add(signal);
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
