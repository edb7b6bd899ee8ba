import { abortedError } from '../adapters/abort.ts';
import { AdapterError, isAdapterError } from '../adapters/adapter.ts';
// Core's errors module, not its index: the data layer is on every page (event-data-source.ts says why).
import { InvalidInputError } from '../core/errors.ts';

/**
 * Any failure as an AdapterError: its `kind` is what the widgets tell the person (in plain
 * words, error-messages.ts), its message the technical detail for developers. Core says whose
 * input was wrong (`origin`): the event's and attendance's come from the backend
 * (`invalid-response`), the rest (a closing threshold, a day range, criteria) from the page
 * (`invalid-request`); core's message names the field and the value.
 */
export function asAdapterError(error: unknown): AdapterError {
  if (isAdapterError(error)) return error;
  if (error instanceof InvalidInputError) return new AdapterError(error.origin === 'data' ? 'invalid-response' : 'invalid-request', error.message, { cause: error });
  if (error instanceof DOMException && error.name === 'AbortError') return abortedError(error);
  return new AdapterError('unavailable', error instanceof Error ? error.message : String(error), { cause: error });
}

/** Rejects with an AdapterError whatever `work` throws. */
export async function asAdapterFailure<Result>(work: () => Promise<Result>): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    throw asAdapterError(error);
  }
}
