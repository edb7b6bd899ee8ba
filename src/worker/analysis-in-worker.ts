/*
 * Opt-in: download and analyze big events' attendance in a Web Worker instead of on the page
 * (public entry: src/analysis-in-worker.ts). A module of its own, so pages that do not use it do
 * not download it; the worker's script is src/analysis-worker.ts.
 */
import type { AttendanceAnalysis, Diagnostic, ProgramStatus, WebinarEvent } from '../core/index.ts';
import type { CheckedRegistrant } from '../core/activity.ts';
import { AdapterError, type DataAdapter } from '../adapters/adapter.ts';
import { restOptions } from '../adapters/rest.ts';
import { abortedError } from '../adapters/abort.ts';
import { inSlices } from '../adapters/slices.ts';
import { elsewhere, type AnalyzedElsewhere } from '../data/event-data-source.ts';
import { STATUSES, type AnalysisColumns, type FromWorker, type ToWorker } from './transfer.ts';

/**
 * From now on, the data layer downloads and analyzes the attendance of events read through
 * `createRestAdapter` in a Web Worker made by `createWorker` (one per download, ended when done):
 * the page never holds the raw views, and its main thread only takes the result in, in pieces of
 * a few milliseconds. Figures, errors and retries are the same as on the page.
 *
 * The worker's script is the package's `analysis-worker` entry; serve it from your own origin (a
 * strict CSP's `worker-src 'self'` allows that; no blob: or eval is needed). The worker fetches
 * with its own `fetch`: the REST adapter's options must be plain data (a `baseUrl`, fixed
 * `headers`, numbers). Where they are not (a `headers` function, your own `fetch`), where the
 * adapter is not the REST adapter, or where a worker cannot be made or its script does not load,
 * the page downloads and analyzes as without this call; also where the worker's attendance
 * request is not found or not the contract's answer (the page may see what the worker cannot:
 * MSW or a patched fetch in the page). `analyzeInWorker(undefined)` turns it off.
 *
 * @example
 * // The worker script served from your own origin:
 * analyzeInWorker(() => new Worker('/assets/analysis-worker.js', { type: 'module' }));
 * @example
 * // Vite bundles it as a worker of its own:
 * import AnalysisWorker from 'on-demand-webinar-widgets/analysis-worker?worker';
 * analyzeInWorker(() => new AnalysisWorker());
 */
export function analyzeInWorker(createWorker: (() => Worker) | undefined): void {
  elsewhere.analyze = createWorker && ((adapter, eventId, event, signal) => analysisInWorker(createWorker, adapter, eventId, event, signal));
}

/** The analysis made by a worker, or `undefined` when a worker cannot make it. Rejects as the page's download and analysis would. */
async function analysisInWorker(
  createWorker: () => Worker,
  adapter: DataAdapter,
  eventId: string,
  event: Promise<WebinarEvent>,
  signal: AbortSignal,
): Promise<AnalyzedElsewhere | undefined> {
  // The page's own download reports a failing event when the worker does not take this one.
  event.catch(() => {});
  const options = restOptions.get(adapter);
  if (options === undefined) return undefined;
  let worker: Worker | undefined;
  try {
    worker = createWorker();
    // A relative base URL is the page's, not the worker script's.
    worker.postMessage({ rest: { ...options, baseUrl: new URL(options.baseUrl, document.baseURI).href }, eventId } satisfies ToWorker);
  } catch {
    // No Worker here, or options a worker cannot take (a function: DataCloneError).
    worker?.terminate();
    return undefined;
  }
  const leadIds: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const registrants: unknown[] = [];
  let settle!: (columns: AnalysisColumns | Error | undefined) => void;
  const done = new Promise<AnalysisColumns | Error | undefined>((resolve) => (settle = resolve));
  worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
    if ('leadIds' in data) for (const leadId of data.leadIds) leadIds.push(leadId);
    else if ('diagnostics' in data) for (const diagnostic of data.diagnostics) diagnostics.push(diagnostic);
    else if ('registrants' in data) for (const registrant of data.registrants) registrants.push(registrant);
    else if ('done' in data) settle(data.done);
    else {
      const { kind, message, status, retryAfterMs } = data.error;
      // Not found, or not the contract's answer, though the page found the event: the page may see
      // what the worker cannot (MSW or a patched fetch in the page; a dev server's HTML fallback
      // is what the worker then gets), so the page asks itself. A real failure fails there too.
      settle(kind === 'not-found' || kind === 'invalid-response' ? undefined : new AdapterError(kind, message, { ...(status === undefined ? {} : { status }), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) }));
    }
  };
  // The script did not load (or threw), or a message could not be read: the page does it.
  worker.onerror = worker.onmessageerror = () => settle(undefined);
  const onAbort = () => settle(abortedError(signal.reason));
  signal.addEventListener('abort', onAbort);
  try {
    worker.postMessage({ event: await event } satisfies ToWorker);
    const columns = await done;
    if (columns instanceof Error) throw columns;
    return columns && { analysis: await inSlices(rebuilt(columns, leadIds, diagnostics), signal), registrants };
  } finally {
    signal.removeEventListener('abort', onAbort);
    worker.terminate();
  }
}

/** The analysis from the worker's columns, as `analyzeAttendance` makes it on the page. */
function* rebuilt(columns: AnalysisColumns, leadIds: string[], diagnostics: Diagnostic[]): Generator<void, AttendanceAnalysis, void> {
  const { resolved, given, liveMinutes, ...rest } = columns;
  const statusOf: ProgramStatus[] = [];
  const registrants = new Map<string, CheckedRegistrant>();
  for (let number = 0; number < leadIds.length; number++) {
    const leadId = leadIds[number] as string;
    statusOf.push(STATUSES[resolved[number] as number] as ProgramStatus);
    const registrant: CheckedRegistrant = { leadId, status: STATUSES[given[number] as number] as ProgramStatus };
    const live = liveMinutes[number] as number;
    if (!Number.isNaN(live)) registrant.liveMinutes = live;
    registrants.set(leadId, registrant);
    if ((number + 1) % 5_000 === 0) yield;
  }
  return { ...rest, registrants, leadIds, statusOf, diagnostics };
}
