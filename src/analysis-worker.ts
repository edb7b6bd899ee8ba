/*
 * The analysis Web Worker's script (the package's `analysis-worker` entry): downloads an event's
 * attendance with the page's REST adapter options, keeps its analysis, and answers the widgets'
 * questions with the data layer's own question functions — the figures the page would compute.
 * The page side is src/worker/analysis-in-worker.ts.
 */
import { createRestAdapter } from './adapters/rest.ts';
import { asAdapterError } from './data/data-errors.ts';
import { computedAnswers, type ComputedAnswers } from './worker/computed-answers.ts';
import type { FromWorker, ToWorker } from './worker/transfer.ts';

let answers: ComputedAnswers | undefined;
/** The questions being answered, to stop one the page no longer waits for. */
const asked = new Map<number, AbortController>();

addEventListener('message', async ({ data }: MessageEvent<ToWorker>) => {
  if ('rest' in data) return void (answers = computedAnswers(createRestAdapter(data.rest)));
  if ('cancel' in data) return asked.get(data.cancel)?.abort();
  const { id, question, eventId, args } = data;
  const controller = new AbortController();
  asked.set(id, controller);
  const reply = (message: FromWorker) => controller.signal.aborted || postMessage(message);
  try {
    // The page sends every argument before the options, `undefined` where left out (OPTIONS_AT).
    const options = { ...(args.at(-1) as object), signal: controller.signal };
    const answer: unknown = await (answers![question] as (...input: unknown[]) => Promise<unknown>)(eventId, ...args.slice(0, -1), options);
    reply({ id, answer });
  } catch (error) {
    // As the page would report it: the same AdapterError, field by field.
    const { kind, message, status, retryAfterMs, cause } = asAdapterError(error);
    const field = (cause as { field?: unknown } | undefined)?.field;
    reply({ id, error: { kind, message, status, retryAfterMs, field: typeof field === 'string' ? field : undefined } });
  } finally {
    asked.delete(id);
  }
});
