/**
 * Opt-in: big events' attendance downloaded and analyzed in a Web Worker instead of on the page.
 * The worker's script is the `analysis-worker` entry.
 *
 * @example
 * import { analyzeInWorker } from 'on-demand-webinar-widgets/analysis-in-worker';
 * analyzeInWorker(() => new Worker('/assets/analysis-worker.js', { type: 'module' }));
 */
export { analyzeInWorker } from './worker/analysis-in-worker.ts';
