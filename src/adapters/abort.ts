/*
 * Abort helpers shared by the built-in adapters. Every wait an adapter does (latency, back-off)
 * goes through `sleep`, so an abort ends it at once instead of after the timer.
 */
import { AdapterError } from './adapter.ts';

/** The error every built-in adapter rejects with when its caller aborts. */
export function abortedError(cause?: unknown): AdapterError {
  // An undefined cause is no cause: AdapterError leaves it out.
  return new AdapterError('aborted', 'The request was cancelled.', { cause });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError(signal.reason);
}

/**
 * Settles like `promise`, but rejects with an `aborted` AdapterError as soon as `signal` aborts
 * — for waits we do not control (an injected sleep that ignores the signal).
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError(signal.reason));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    // Handlers are attached either way, so a late rejection of `promise` is never unhandled.
    promise.then(
      (value) => (signal.removeEventListener('abort', onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener('abort', onAbort), reject(error)),
    );
  });
}

/** Waits `ms`; rejects with an `aborted` AdapterError the moment `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError(signal.reason));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal?.reason));
    };
    // Clamped: setTimeout fires at once for anything above 2^31 − 1 ms.
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.min(ms, 2 ** 31 - 1));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
