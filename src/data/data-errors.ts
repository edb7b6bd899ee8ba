import { abortedError } from '../adapters/abort.ts';
import { AdapterError, isAdapterError } from '../adapters/adapter.ts';
import { InvalidInputError } from '../core/index.ts';

/**
 * Any failure as an AdapterError with a message a person can read. Core says whose input was
 * wrong (`origin`): the event's and attendance's come from the backend, the rest (a closing
 * threshold, a day range, criteria) from the page.
 */
export function asAdapterError(error: unknown): AdapterError {
  if (isAdapterError(error)) return error;
  if (error instanceof InvalidInputError) {
    const data = error.origin === 'data';
    const whose = data ? 'The backend sent data the widgets cannot use' : 'This widget is set up wrongly';
    return new AdapterError(data ? 'invalid-response' : 'invalid-request', `${whose}: ${error.message}`, { cause: error });
  }
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
