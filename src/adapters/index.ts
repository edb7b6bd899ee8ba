/**
 * Data adapters: the `DataAdapter` contract, the typed `AdapterError`, and `createRestAdapter`
 * for the kit's REST contract. `fetchJson` and the payload checks are exported for authors of
 * custom adapters. The in-memory adapter is its own subpath (`…/adapters/memory`) because it
 * computes with core, which a page that only talks REST should not download.
 *
 * @example
 * import { createRestAdapter } from 'on-demand-webinar-widgets/adapters';
 * document.querySelector('odw-data-provider')!.adapter = createRestAdapter({ baseUrl: '/api' });
 */
export {
  AdapterError,
  isAdapterError,
  type AdapterErrorKind,
  type AdapterErrorOptions,
  type AudiencePage,
  type AudienceRequest,
  type ClockedRequestOptions,
  type DailySummary,
  type DataAdapter,
  type FunnelSummary,
  type ProjectionRequestOptions,
  type RequestOptions,
  type StatisticsRequestOptions,
} from './adapter.ts';
export { fetchJson, parseRetryAfter, type FetchJsonOptions, type HeadersOption, type RetryOptions } from './http.ts';
export type { PushDownChoice, PushDownOption } from './push-down.ts';
export { createRestAdapter, type RestAdapterOptions } from './rest.ts';
export {
  checkAttendancePage,
  checkAudienceCount,
  checkAudiencePage,
  checkDailySummary,
  checkEvent,
  checkFunnel,
  checkProjection,
  checkStatistics,
  invalidResponse,
} from './validate.ts';
// The wire type of one attendance page, for custom adapters that page through it.
export type { AttendancePage } from '../contract/payloads.ts';
