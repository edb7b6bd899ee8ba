/*
 * Long work in slices: a million records must not freeze the portal. Used by the data layer
 * (core's analysis steps) and the in-memory adapter (copying what it hands out).
 */
import { abortedError } from './abort.ts';

// A long task is anything over 50 ms; stay well under it so input and animation stay smooth.
const SLICE_MS = 12;

/**
 * Resolves in a new task, after the browser has had its turn (input, paint): a message to
 * ourselves. Not `setTimeout(0)`, which browsers clamp to 4 ms when nested — a third of every
 * 12 ms slice wasted.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(0);
  });
}

/**
 * Runs resumable work in slices of about SLICE_MS, giving the main thread back in between.
 * Rejects with an `aborted` AdapterError when `signal` aborts between slices.
 *
 * @example
 * const analysis = await inSlices(analyzeAttendanceInSteps(event, attendance), signal);
 */
export async function inSlices<Result>(steps: Generator<void, Result, void>, signal?: AbortSignal): Promise<Result> {
  let sliceStart = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (performance.now() - sliceStart < SLICE_MS) continue;
    await nextTask();
    if (signal?.aborted) throw abortedError(signal.reason);
    sliceStart = performance.now();
  }
}
