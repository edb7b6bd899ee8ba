/**
 * Opt-in: a REST adapter whose figures a Web Worker computes, for big events: the page never
 * holds the attendance. The worker's script is the `analysis-worker` entry.
 *
 * @example
 * import { createWorkerRestAdapter } from 'on-demand-webinar-widgets/analysis-in-worker';
 * provider.adapter = createWorkerRestAdapter({ baseUrl: '/api' }, () => new Worker('/assets/analysis-worker.js', { type: 'module' }));
 */
export { createWorkerRestAdapter, type WorkerRestAdapter } from './worker/analysis-in-worker.ts';
