/*
 * Fault handlers: prepend them (`server.use(...)`, `worker.use(...)`) to make the REST contract
 * misbehave the way real backends do. They match every route under `{baseUrl}/events/`; a fault
 * that has run its course falls through to the handlers behind it (return nothing).
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { allRoutesPattern, problem } from '../src/contract/index.ts';
import { problemResponse } from './handlers.ts';

export const FAULTS = [
  'server-error',
  'unavailable-then-ok',
  'rate-limited',
  'slow',
  'malformed-json',
  'wrong-shape',
  'not-found',
  'unauthorized',
] as const;

/**
 * - `server-error`: 500 with an error body.
 * - `unavailable-then-ok`: 503 for the first `times` requests (default 1), then the normal answer.
 * - `rate-limited`: 429 with `Retry-After: <retryAfter>` (default `"1"` second).
 * - `slow`: the normal answer after `delayMs` (default 15 000, beyond the default 10 s timeout).
 * - `malformed-json`: 200 whose body is cut-off JSON.
 * - `wrong-shape`: 200 with JSON of another schema (`{ "data": [], "total": 0 }`).
 * - `not-found`: 404, as for an unknown or deleted event.
 * - `unauthorized`: 401, as for an expired token.
 */
export type Fault = (typeof FAULTS)[number];

export interface FaultOptions {
  baseUrl: string;
  /** How many requests misbehave before the fault falls through. Default: 1 for `unavailable-then-ok`, else all. */
  times?: number;
  /** `Retry-After` of `rate-limited`: delta-seconds or an HTTP date. Default `"1"`. */
  retryAfter?: string;
  /** Delay of `slow`. Default 15 000. */
  delayMs?: number;
}

/**
 * Handlers that make every route under `{baseUrl}/events/` fail with `fault`.
 *
 * @example
 * server.use(...faultHandlers('rate-limited', { baseUrl, retryAfter: '120' }));
 * await adapter.getEvent('mid-window'); // rejects: AdapterError 'rate-limited', "…; try again in 2 minutes."
 */
export function faultHandlers(fault: Fault, options: FaultOptions): HttpHandler[] {
  const base = options.baseUrl.replace(/\/+$/, '');
  let remaining = options.times ?? (fault === 'unavailable-then-ok' ? 1 : Number.POSITIVE_INFINITY);
  return [
    http.all(allRoutesPattern(base), async () => {
      if (remaining <= 0) return undefined;
      remaining--;
      switch (fault) {
        case 'server-error':
          return problemResponse(problem('internal', 'Something went wrong on our side.'));
        case 'unavailable-then-ok':
          return problemResponse(problem('unavailable', 'Down for maintenance.'));
        case 'rate-limited':
          return problemResponse(problem('rate-limited', 'Too many requests.'), { 'retry-after': options.retryAfter ?? '1' });
        case 'slow':
          await delay(options.delayMs ?? 15_000);
          return undefined;
        case 'malformed-json':
          return new HttpResponse('{"id": "mid-window", "name": "Quarterly roadm', { headers: { 'content-type': 'application/json' } });
        case 'wrong-shape':
          return HttpResponse.json({ data: [], total: 0 });
        case 'not-found':
          return problemResponse(problem('not-found', 'There is no such event.'));
        case 'unauthorized':
          return problemResponse(problem('unauthorized', 'The access token has expired.'));
      }
    }),
  ];
}
