/*
 * Opt-in: a REST adapter whose figures a Web Worker computes (public entry:
 * src/analysis-in-worker.ts). A module of its own, so pages that do not use it do not download
 * it; the worker's script is src/analysis-worker.ts. To the data layer this is a backend that
 * aggregates: the widgets ask for figures, never for the attendance, so the page never holds it.
 */
import { AdapterError, type DataAdapter, type RequestOptions } from '../adapters/adapter.ts';
import { createRestAdapter, type RestAdapterOptions } from '../adapters/rest.ts';
import { abortedError } from '../adapters/abort.ts';
import { eventDataSource, RETAINED_EVENTS_PER_ADAPTER } from '../data/event-data-source.ts';
import { computedAnswers } from './computed-answers.ts';
import { OPTIONS_AT, type ErrorFields, type FromWorker, type Question, type ToWorker } from './transfer.ts';

/** A REST adapter whose aggregates a Web Worker computes; `close()` ends its workers. */
export interface WorkerRestAdapter extends DataAdapter {
  /** Ends every worker and rejects what still waits for one (a page leaving for good); later questions start new ones. */
  close(): void;
}

/** How a question waiting for its worker goes on: the worker's reply, on the page, asked again (its worker ended), or a failure. */
type Settle = (reply: FromWorker | 'on the page' | 'again' | AdapterError) => void;

/** One event's worker (`undefined`: the page answers), and the questions waiting for it by number. */
interface Session {
  worker: Worker | undefined;
  waiting: Map<number, Settle>;
}

type Answer = (eventId: string, ...args: unknown[]) => Promise<unknown>;

const errorOf = ({ kind, message, status, retryAfterMs, field }: ErrorFields) =>
  new AdapterError(kind, message, {
    ...(status === undefined ? {} : { status }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    // What the widgets' technical detail reads from core's error (error-messages.ts).
    ...(field === undefined ? {} : { cause: { field } }),
  });

/** How http.ts words an answer that is not JSON (kept in step by the HTML-fallback test of analysis-worker.test.ts; a constant there cost every page 15 B). */
const NOT_JSON = 'the answer is not JSON';

/**
 * A failure the page may not meet: the worker's request not found, or answered with something
 * that is not JSON at all (MSW or a patched fetch in the page answers the page's requests, not
 * the worker's; a dev server then sends its HTML page). Data that is JSON but wrong, or that core
 * refuses, fails on the page the same way, and is reported from the worker.
 */
const pageMaySee = ({ kind, message }: ErrorFields) => kind === 'not-found' || (kind === 'invalid-response' && message.includes(NOT_JSON));

/**
 * `createRestAdapter(options)`, except that the aggregates the backend does not offer itself
 * (`pushDown`) — the summary, statistics, audience count and list, funnel and projection — are
 * computed by a Web Worker made by `createWorker`: one per event, which downloads the attendance
 * itself, analyzes it once and answers every widget's questions from it. The page never holds the
 * views, and its main thread only receives each answer (a few kilobytes). Figures and errors are
 * those the page would compute; retries run in the worker. The four most recently asked events
 * keep their workers (`RETAINED_EVENTS_PER_ADAPTER`); Retry and `reload()` start a fresh download.
 *
 * The worker's script is the package's `analysis-worker` entry; serve it from your own origin (a
 * strict CSP's `worker-src 'self'` allows that; no blob: or eval is needed). The worker fetches
 * with its own `fetch`, so `options` must be plain data (a `baseUrl`, fixed `headers`, numbers).
 * The page answers instead, downloading and analyzing in slices as without this adapter, where
 * they are not (a `headers` function, your own `fetch`), where a worker cannot be made or its
 * script does not load, and where the worker's requests are not found or not JSON at all (the
 * page may see what the worker cannot: MSW or a patched fetch in the page). `createWorker` must
 * make a new worker on each call. A worker that dies without an `error` event (out of memory)
 * leaves its questions waiting until their signal aborts or `close()`.
 *
 * @example
 * // The worker script served from your own origin:
 * provider.adapter = createWorkerRestAdapter({ baseUrl: '/api' }, () => new Worker('/assets/analysis-worker.js', { type: 'module' }));
 * @example
 * // Vite bundles it as a worker of its own:
 * import AnalysisWorker from 'on-demand-webinar-widgets/analysis-worker?worker';
 * provider.adapter = createWorkerRestAdapter({ baseUrl: '/api' }, () => new AnalysisWorker());
 */
export function createWorkerRestAdapter(options: RestAdapterOptions, createWorker: () => Worker): WorkerRestAdapter {
  const rest = createRestAdapter(options);
  // Imported, not loaded by import() when needed: a chunk of its own measured 0.5 KB more up front
  // (esbuild splits what it shares with the widgets into chunks the page loads anyway).
  const onPage = computedAnswers(rest) as unknown as Record<Question, Answer>;
  /** By event id, the most recently asked last. */
  const sessions = new Map<string, Session>();
  let asked = 0;

  /** Ends the session's worker; the questions waiting for it go on as `waiting` says. */
  const release = (session: Session, waiting: 'on the page' | 'again' | AdapterError) => {
    session.worker?.terminate();
    session.worker = undefined;
    for (const settle of [...session.waiting.values()]) settle(waiting);
  };

  /** The page answers the session's questions from now on; those waiting are asked there. */
  const toPage = (session: Session) => release(session, 'on the page');

  const end = (eventId: string, waiting: 'again' | AdapterError) => {
    const session = sessions.get(eventId);
    sessions.delete(eventId);
    if (session) release(session, waiting);
  };

  const sessionOf = (eventId: string): Session => {
    const known = sessions.get(eventId);
    sessions.delete(eventId);
    const session: Session = known ?? { worker: undefined, waiting: new Map() };
    if (known === undefined) {
      try {
        const worker = (session.worker = createWorker());
        // A relative base URL is the page's, not the worker script's.
        worker.postMessage({ rest: { ...options, baseUrl: new URL(options.baseUrl, document.baseURI).href } } satisfies ToWorker);
        worker.onmessage = ({ data }: MessageEvent<FromWorker>) => session.waiting.get(data.id)?.(data);
        // The script did not load (or threw), or an answer could not be read.
        worker.onerror = worker.onmessageerror = () => toPage(session);
      } catch {
        // No Worker here, or options a worker cannot take (a function: DataCloneError).
        toPage(session);
      }
      // A portal walking through events does not keep every download: the oldest idle ones end.
      for (const [id, old] of sessions) if (sessions.size >= RETAINED_EVENTS_PER_ADAPTER && old.waiting.size === 0) end(id, 'again');
    }
    sessions.set(eventId, session);
    return session;
  };

  const ask = (question: Question, eventId: string, args: unknown[]): Promise<unknown> => {
    const at = OPTIONS_AT[question];
    const { signal, ...plain } = (args[at] ?? {}) as RequestOptions;
    // Before any worker is made or ended for it.
    if (signal?.aborted) return Promise.reject(abortedError(signal.reason));
    const here = () => onPage[question](eventId, ...args);
    const session = sessionOf(eventId);
    const { worker } = session;
    if (worker === undefined) return here();
    return new Promise((resolve, reject) => {
      const id = ++asked;
      const onAbort = () => {
        stop();
        worker.postMessage({ cancel: id } satisfies ToWorker);
        reject(abortedError(signal?.reason));
      };
      const stop = () => {
        session.waiting.delete(id);
        signal?.removeEventListener('abort', onAbort);
      };
      session.waiting.set(id, (reply) => {
        stop();
        if (reply instanceof AdapterError) reject(reply);
        else if (reply === 'again') resolve(ask(question, eventId, args));
        else if (reply === 'on the page') resolve(here());
        else if ('answer' in reply) resolve(reply.answer);
        else if (pageMaySee(reply.error)) {
          // The page asks itself from now on; a real failure fails there too.
          toPage(session);
          resolve(here());
        } else reject(errorOf(reply.error));
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        // Every argument before the options, left-out ones as `undefined`, so the options stay last.
        worker.postMessage({ id, question, eventId, args: [...Array.from({ length: at }, (_, index) => args[index]), plain] } satisfies ToWorker);
      } catch {
        // Arguments a worker cannot take (DataCloneError): this question on the page.
        session.waiting.get(id)?.('on the page');
      }
    });
  };

  const adapter: WorkerRestAdapter = {
    ...rest,
    invalidate(eventId) {
      // The page's own data first: a question asked again may be answered there.
      eventDataSource(rest, eventId).invalidate();
      end(eventId, 'again');
    },
    close() {
      for (const eventId of [...sessions.keys()]) end(eventId, new AdapterError('aborted', 'The adapter was closed.'));
    },
  };
  for (const question of Object.keys(OPTIONS_AT) as Question[]) {
    // What the backend aggregates itself, it answers.
    if (!rest[question]) (adapter as unknown as Record<Question, Answer>)[question] = (eventId, ...args) => ask(question, eventId, args);
  }
  return adapter;
}
