/*
 * The page script of the analysis-worker CSP test (test/node/reliability/worker-csp.test.ts):
 * statistics and summary in a provider over `createWorkerRestAdapter`, its worker script served
 * from the page's own origin. `window.odwWorkers` counts the workers
 * made and ended.
 */
import { createWorkerRestAdapter } from '../../src/analysis-in-worker.ts';
import '../../src/provider.ts';
import '../../src/statistics.ts';
import '../../src/summary.ts';
import { REFERENCE_NOW } from '../../mocks/generate.ts';
import { countingWorkers } from '../fixtures/counting-workers.ts';

const { counts, create } = countingWorkers(() => new Worker('/analysis-worker.js', { type: 'module' }));
(window as unknown as { odwWorkers: typeof counts }).odwWorkers = counts;

const provider = document.createElement('odw-data-provider');
provider.adapter = createWorkerRestAdapter({ baseUrl: '/api' }, create);
provider.now = REFERENCE_NOW;
const statistics = document.createElement('odw-on-demand-statistics');
statistics.dataset['ready'] = '[part="value"]';
const summary = document.createElement('odw-on-demand-summary');
summary.dataset['ready'] = 'svg[role="img"] rect.bar';
provider.append(statistics, summary);
document.body.append(provider);
provider.eventId = 'mid-window';
