/*
 * The mock backend off the main thread: a module Worker that answers the requests the page's
 * Service Worker relays to it (see `worker` in mock-backend.ts). Generating a scenario (the
 * 200 000-registrant one takes a second or two), computing answers and writing their JSON all
 * happen here, so the page stays responsive and shows its loading state meanwhile.
 *
 * @example
 * const worker = new Worker(new URL('../mocks/backend-worker.ts', import.meta.url), { type: 'module' });
 * const backend = await startMockBackend({ worker });
 */
// First: what MSW expects of a page (`localStorage`), before `msw` is evaluated.
import { shimmed } from './backend-worker-shims.ts';
import { getResponse, type HttpHandler } from 'msw';
import { REFERENCE_NOW } from './generate.ts';
import { restHandlers } from './handlers.ts';
import type { BackendWorkerAnswer, BackendWorkerRequest } from './mock-backend.ts';

if (!shimmed) throw new Error('backend-worker: no localStorage for MSW');
let now = REFERENCE_NOW;
let handlers: HttpHandler[] = [];
const scope = globalThis as unknown as { postMessage(message: BackendWorkerAnswer): void; addEventListener(type: 'message', listener: (message: MessageEvent<BackendWorkerRequest>) => void): void };

scope.addEventListener('message', (message) => {
  const data = message.data;
  if (data.type === 'init') {
    now = new Date(data.now);
    handlers = restHandlers({ baseUrl: data.baseUrl, now: () => now });
  } else if (data.type === 'now') {
    now = new Date(data.now);
  } else {
    void answer(data);
  }
});

async function answer(request: Extract<BackendWorkerRequest, { type: 'request' }>): Promise<void> {
  let reply: BackendWorkerAnswer;
  try {
    const response = await getResponse(handlers, new Request(request.url, { method: request.method, headers: request.headers, body: request.body }));
    reply = response
      ? { id: request.id, status: response.status, headers: [...response.headers], body: await response.text() }
      : { id: request.id, status: 404, headers: [['content-type', 'application/json']], body: JSON.stringify({ error: { code: 'not-found', message: 'No such route.' } }) };
  } catch (error) {
    reply = { id: request.id, status: 500, headers: [['content-type', 'application/json']], body: JSON.stringify({ error: { code: 'internal', message: String(error) } }) };
  }
  scope.postMessage(reply);
}
