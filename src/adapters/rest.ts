/*
 * The REST adapter: the client of the REST contract (docs/openapi.yaml; routes and payload types
 * from src/contract/), served by mocks/, server/ and any real backend. It keeps no cache — the data provider caches per event — so a failed or aborted
 * call leaves nothing behind and the next call asks the backend again.
 */
import type { Attendance, AttendanceCriteria, DayRange, Registrant, View } from '../core/index.ts';
import { AdapterError, type DataAdapter, type RequestOptions } from './adapter.ts';
import { fetchJson, type FetchJsonOptions, type HeadersOption, type RetryOptions } from './http.ts';
import { pushDownChoice, type PushDownOption } from './push-down.ts';
import { attendancePath, audienceCountPath, audienceMembersPath, eventPath, funnelPath, projectionPath, statisticsPath, summaryPath } from '../contract/routes.ts';
import type { AudienceCountRequest } from '../contract/payloads.ts';
import { checkAttendancePage, checkAudienceCount, checkAudiencePage, checkDailySummary, checkEvent, checkFunnel, checkProjection, checkStatistics, invalidResponse } from './validate.ts';

export interface RestAdapterOptions extends RetryOptions {
  /** Where the contract's routes live, e.g. `https://reports.example.com/api` (no trailing slash needed). */
  baseUrl: string;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Authentication is yours: fixed headers, or a function called before every request (rotating tokens). */
  headers?: HeadersOption;
  /** Stop following `nextCursor` after this many attendance pages. Default 1000. */
  maxPages?: number;
  /**
   * Which push-down routes the backend implements. Off by default: a client cannot tell
   * "route not implemented" (404) from "event unknown" (404), so it must be told.
   */
  pushDown?: PushDownOption;
}

/** `now` as ISO text; an invalid Date is the caller's mistake, not the backend's. */
function instant(now: Date): string {
  try {
    // Throws for an invalid Date and for anything that is not a Date (even one in name only).
    return Date.prototype.toISOString.call(now);
  } catch {
    throw new AdapterError('invalid-request', 'The clock (now) must be a valid Date.');
  }
}

/**
 * A `DataAdapter` for the kit's REST contract: `GET {baseUrl}/events/{id}`,
 * `GET {baseUrl}/events/{id}/attendance?cursor=…` (every page joined), and with `pushDown` the
 * `on-demand/summary`, `on-demand/statistics`, `audience/count`, `audience/members`,
 * `program/funnel` and `on-demand/projection` aggregates. Retries 429,
 * 502, 503, 504 and network failures with back-off and jitter (honouring Retry-After); never
 * retries other 4xx. Every payload is checked; failures reject with `AdapterError`.
 *
 * @example
 * const adapter = createRestAdapter({
 *   baseUrl: '/api/webinar-reports',
 *   headers: async () => ({ authorization: `Bearer ${await auth.freshToken()}` }),
 *   pushDown: { statistics: true },
 * });
 * provider.adapter = adapter;
 */
export function createRestAdapter(options: RestAdapterOptions): DataAdapter {
  const base = options.baseUrl.replace(/\/+$/, '');
  const maxPages = options.maxPages ?? 1000;
  const offered = pushDownChoice(options.pushDown);

  function request(url: string, eventId: string, extra: FetchJsonOptions): Promise<unknown> {
    return fetchJson(url, { ...options, ...extra, what: `event "${eventId}"` });
  }

  async function getAttendance(eventId: string, { signal }: RequestOptions = {}): Promise<Attendance> {
    const registrants: Registrant[] = [];
    const views: View[] = [];
    const cursors = new Set<string>();
    let reportedThrough = '';
    let cursor: string | null = null;
    for (let page = 1; ; page++) {
      if (page > maxPages) {
        throw invalidResponse(`attendance of event "${eventId}"`, `more than ${maxPages} pages; stopped following nextCursor`);
      }
      const where = `attendance page ${page}`;
      const body = checkAttendancePage(await request(attendancePath(base, eventId, cursor), eventId, { signal }), where);
      if (page === 1) reportedThrough = body.reportedThrough;
      else if (body.reportedThrough !== reportedThrough) {
        throw invalidResponse(where, `reportedThrough ${body.reportedThrough} differs from page 1 (${reportedThrough}); the data changed while it was read`);
      }
      // A loop, not spread: a page may hold more items than a call's argument limit.
      for (const registrant of body.registrants) registrants.push(registrant);
      for (const view of body.views) views.push(view);
      if (body.nextCursor === null) return { registrants, views, reportedThrough };
      if (cursors.has(body.nextCursor)) throw invalidResponse(where, `cursor loop: nextCursor ${JSON.stringify(body.nextCursor)} was already followed`);
      cursors.add(body.nextCursor);
      cursor = body.nextCursor;
    }
  }

  const adapter: DataAdapter = {
    async getEvent(eventId, { signal } = {}) {
      return checkEvent(await request(eventPath(base, eventId), eventId, { signal }), `event "${eventId}"`);
    },
    getAttendance,
  };
  if (offered.summary) {
    adapter.getDailySummary = async (eventId: string, range: DayRange | undefined, { signal }: RequestOptions = {}) => {
      return checkDailySummary(await request(summaryPath(base, eventId, range), eventId, { signal }), `daily summary of event "${eventId}"`);
    };
  }
  if (offered.statistics) {
    adapter.getStatistics = async (eventId, { now, closingThreshold, signal }) => {
      return checkStatistics(await request(statisticsPath(base, eventId, instant(now), closingThreshold), eventId, { signal }), `statistics of event "${eventId}"`);
    };
  }
  if (offered.audience) {
    adapter.countAudience = async (eventId: string, criteria: AttendanceCriteria, { now, signal }) => {
      const body: AudienceCountRequest = { criteria, now: instant(now) };
      return checkAudienceCount(await request(audienceCountPath(base, eventId), eventId, { signal, method: 'POST', body }), `audience count of event "${eventId}"`);
    };
  }
  if (offered.members) {
    adapter.listAudience = async (eventId, { criteria, now, cursor, limit, sort }, { signal }: RequestOptions = {}) => {
      const body = { criteria, now: instant(now), ...(cursor === undefined ? {} : { cursor }), ...(limit === undefined ? {} : { limit }), ...(sort === undefined ? {} : { sort }) };
      return checkAudiencePage(await request(audienceMembersPath(base, eventId), eventId, { signal, method: 'POST', body }), `audience list of event "${eventId}"`);
    };
  }
  if (offered.funnel) {
    adapter.getFunnel = async (eventId, { now, signal }) => {
      return checkFunnel(await request(funnelPath(base, eventId, instant(now)), eventId, { signal }), `funnel of event "${eventId}"`);
    };
  }
  if (offered.projection) {
    adapter.getProjection = async (eventId, { now, level, signal }) => {
      return checkProjection(await request(projectionPath(base, eventId, instant(now), level), eventId, { signal }), `projection of event "${eventId}"`);
    };
  }
  return adapter;
}
