/*
 * The mock backend in a browser page (the demo, Storybook): the REST contract served by an MSW
 * Service Worker over the named scenarios, with a clock that can move and faults that can be
 * switched on — no server to install.
 */
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
  stop(): void;
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
}

/**
 * Starts the Service Worker and serves the scenarios.
 *
 * @example
 * const backend = await startMockBackend();
 * provider.adapter = createRestAdapter({ baseUrl: backend.baseUrl });
 */
export async function startMockBackend(options: MockBackendOptions = {}): Promise<MockBackend> {
  const baseUrl = options.baseUrl ?? '/api';
  let now = options.now ?? REFERENCE_NOW;
  const worker = setupWorker(...restHandlers({ baseUrl, now: () => now, events: options.events ?? [] }));
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass', serviceWorker: { url: options.workerUrl ?? '/mockServiceWorker.js' } });
  return {
    baseUrl,
    now: () => now,
    setNow(next) {
      now = next;
    },
    setFault(fault, faultOptions = {}) {
      worker.resetHandlers();
      if (fault !== undefined) worker.use(...faultHandlers(fault, { ...faultOptions, baseUrl }));
    },
    stop() {
      worker.stop();
    },
  };
}
