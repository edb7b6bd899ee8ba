/*
 * The mock backend in a browser page (the demo, Storybook): the REST contract served by an MSW
 * Service Worker over the named scenarios, with a clock that can move and faults that can be
 * switched on — no server to install.
 *
 * Many backends on one page: `scope()` gives a base URL of its own, with its own clock, fault and
 * latency (Storybook's Docs pages render every story at once; each story gets a scope, so no
 * story's fault or clock leaks into another's). Generating the 200 000-registrant scenario takes
 * the main thread a second or two: `worker` moves serving to a module Worker
 * (`mocks/backend-worker.ts`) and the page only relays requests to it.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import { faultHandlers, type Fault, type FaultOptions } from './faults.ts';
import { REFERENCE_NOW, type GeneratedWebinar } from './generate.ts';
import { restHandlers } from './handlers.ts';

export interface MockBackend {
  readonly baseUrl: string;
  /** The serving clock: what is reported and served follows it. */
  now(): Date;
  setNow(now: Date): void;
  /** Make every route fail with `fault` (undefined: behave again). */
  setFault(fault: Fault | undefined, options?: Omit<FaultOptions, 'baseUrl'>): void;
  /**
   * A backend of its own under a new base URL (returned): its own clock, fault and latency, and
   * the same events. Scopes are not touched by `setNow`/`setFault`.
   */
  scope(options: MockScopeOptions): string;
  stop(): void;
}

export interface MockScopeOptions {
  now: Date;
  fault?: Fault | undefined;
  faultOptions?: Omit<FaultOptions, 'baseUrl'> | undefined;
  /** Every answer of the scope arrives this much later (a slow network). */
  latencyMs?: number | undefined;
}

export interface MockBackendOptions {
  /** Where the routes live; default `/api`. */
  baseUrl?: string;
  /** Initial serving clock; default `REFERENCE_NOW`, the clock the scenarios are built around. */
  now?: Date;
  /** Worker script URL; default `/mockServiceWorker.js`. */
  workerUrl?: string;
  /** More events to serve beside the scenarios. */
  events?: readonly GeneratedWebinar[];
  /**
   * Serve from this module Worker running `mocks/backend-worker.ts` instead of the page: data
   * generation and the answers' computing and JSON happen off the main thread. Not with `events`
   * or `scope()`.
   */
  worker?: Worker;
}

/** Messages between the page and `backend-worker.ts`. */
export type BackendWorkerRequest =
  | { type: 'request'; id: number; method: string; url: string; headers: [string, string][]; body: string | null }
  | { type: 'init'; baseUrl: string; now: number }
  | { type: 'now'; now: number };
export interface BackendWorkerAnswer {
  id: number;
  status: number;
  headers: [string, string][];
  body: string;
}

/** The page's side of `backend-worker.ts`: every route under `base` is answered by the Worker. */
function relayTo(worker: Worker, base: string, initialNow: Date): { handlers: HttpHandler[]; setNow(now: Date): void } {
  let next = 0;
  const waiting = new Map<number, (answer: BackendWorkerAnswer) => void>();
  worker.addEventListener('message', (message: MessageEvent<BackendWorkerAnswer>) => {
    waiting.get(message.data.id)?.(message.data);
    waiting.delete(message.data.id);
  });
  const post = (message: BackendWorkerRequest) => worker.postMessage(message);
  // Absolute: a Worker has no document to resolve a path against.
  post({ type: 'init', baseUrl: new URL(base, location.href).href, now: initialNow.getTime() });
  return {
    setNow: (now) => post({ type: 'now', now: now.getTime() }),
    handlers: [
      http.all(`${base}/*`, async ({ request }) => {
        const id = next++;
        const answered = new Promise<BackendWorkerAnswer>((resolve) => waiting.set(id, resolve));
        const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.text();
        post({ type: 'request', id, method: request.method, url: request.url, headers: [...request.headers], body });
        const answer = await answered;
        return new HttpResponse(answer.body, { status: answer.status, headers: answer.headers });
      }),
    ],
  };
}

/**
 * Starts the Service Worker and serves the scenarios.
 *
 * @example
 * const backend = await startMockBackend();
 * provider.adapter = createRestAdapter({ baseUrl: backend.baseUrl });
 */
export async function startMockBackend(options: MockBackendOptions = {}): Promise<MockBackend> {
  const baseUrl = (options.baseUrl ?? '/api').replace(/\/+$/, '');
  let now = options.now ?? REFERENCE_NOW;
  const events = options.events ?? [];
  const relay = options.worker === undefined ? undefined : relayTo(options.worker, baseUrl, now);
  const served = relay?.handlers ?? restHandlers({ baseUrl, now: () => now, events });
  const worker = setupWorker(...served);
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass', serviceWorker: { url: options.workerUrl ?? '/mockServiceWorker.js' } });
  /** The handlers of every scope, kept across `setFault` (which resets the page-wide ones). */
  const scoped: HttpHandler[] = [];
  let fault: HttpHandler[] = [];
  let scopes = 0;
  const apply = () => {
    worker.resetHandlers();
    worker.use(...fault, ...scoped);
  };
  return {
    baseUrl,
    now: () => now,
    setNow(next) {
      now = next;
      relay?.setNow(next);
    },
    setFault(next, faultOptions = {}) {
      fault = next === undefined ? [] : faultHandlers(next, { ...faultOptions, baseUrl });
      apply();
    },
    scope(scope) {
      const base = `${baseUrl}/scope-${++scopes}`;
      const latency = scope.latencyMs
        ? [
            http.all(`${base}/*`, async () => {
              await delay(scope.latencyMs);
              return undefined;
            }),
          ]
        : [];
      const faults = scope.fault === undefined ? [] : faultHandlers(scope.fault, { ...scope.faultOptions, baseUrl: base });
      scoped.unshift(...latency, ...faults, ...restHandlers({ baseUrl: base, now: () => scope.now, events }));
      apply();
      return base;
    },
    stop() {
      worker.stop();
    },
  };
}
