/*
 * The DataAdapter contract: how the widgets get their data from any backend. Small on
 * purpose — two required reads, optional push-down aggregates — and every call
 * takes an AbortSignal, because widgets abort what they no longer need.
 */
import type {
  Attendance,
  AttendanceCriteria,
  AudienceMember,
  AudienceSort,
  CalendarDay,
  DailyOnDemandVisitorsResult,
  DayRange,
  OnDemandProjection,
  OnDemandStatistics,
  ProgramFunnel,
  WebinarEvent,
} from '../core/index.ts';

/** What went wrong, in terms a portal can act on. */
export type AdapterErrorKind =
  | 'not-found'
  | 'unauthorized'
  | 'rate-limited'
  | 'unavailable'
  | 'timeout'
  | 'invalid-request'
  | 'invalid-response'
  | 'aborted';

export interface AdapterErrorOptions {
  /** HTTP status, when the error came from a response. */
  status?: number;
  /** For `rate-limited`/`unavailable`: how long the backend asked us to wait. */
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * The one error type adapters reject with. `message` is written for people (a widget shows
 * it in its error state); `kind` is for code.
 *
 * @example
 * try { await adapter.getEvent('evt-1') } catch (error) {
 *   if (error instanceof AdapterError && error.kind === 'not-found') showEventPicker();
 * }
 */
export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  readonly kind: AdapterErrorKind;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(kind: AdapterErrorKind, message: string, options: AdapterErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** True for an `AdapterError`, also one thrown by another copy of the kit on the page. */
export function isAdapterError(error: unknown): error is AdapterError {
  return error instanceof AdapterError || (error instanceof Error && error.name === 'AdapterError' && typeof (error as AdapterError).kind === 'string');
}

/**
 * Options every adapter call takes. `| undefined` so callers can forward an optional signal
 * (`{ signal: options?.signal }`) under `exactOptionalPropertyTypes`.
 */
export interface RequestOptions {
  signal?: AbortSignal | undefined;
}

/** Options of the calls whose answer depends on the clock. */
export interface ClockedRequestOptions extends RequestOptions {
  now: Date;
}

export interface StatisticsRequestOptions extends ClockedRequestOptions {
  /** Days left at or below which the phase is `closing`; default 5. */
  closingThreshold?: number | undefined;
}

/** The push-down result of `getDailySummary`: the same shape `core.dailyOnDemandVisitors` returns. */
export type DailySummary = DailyOnDemandVisitorsResult;

/** The push-down result of `getFunnel`: core's `programFunnel`, with the day views are reported through when the backend says. */
export interface FunnelSummary extends ProgramFunnel {
  reportedThrough?: CalendarDay | undefined;
}

export interface ProjectionRequestOptions extends ClockedRequestOptions {
  /** Probability the band should hold the final count; default 0.8. */
  level?: number | undefined;
}

/** What `listAudience` is asked: the count's criteria and clock, plus paging and order. */
export interface AudienceRequest {
  criteria: AttendanceCriteria;
  now: Date;
  /** `nextCursor` of the previous page (same criteria, `now` and sort); absent for the first page. */
  cursor?: string | undefined;
  /** People per page, 1 … 1000 (the backend's default, 100, when absent). */
  limit?: number | undefined;
  /** Default: by lead id, ascending. */
  sort?: AudienceSort | undefined;
}

/** One page of an audience list: `nextCursor` is `null` on the last page; `total` counts every page. */
export interface AudiencePage {
  members: AudienceMember[];
  nextCursor: string | null;
  total: number;
  /** The day views are reported through (what the list's totals include), when the backend says. */
  reportedThrough?: CalendarDay | undefined;
}

/**
 * Connects the widgets to a backend. Implement `getEvent` and `getAttendance`; implement the
 * optional aggregates when your backend can compute them (SQL, a warehouse) — the widgets
 * then use them instead of downloading attendance and computing in the browser.
 * Reject with `AdapterError`; honour `signal` (reject with kind `aborted`).
 *
 * @example
 * const adapter: DataAdapter = {
 *   async getEvent(id, { signal } = {}) { return (await fetch(`/api/events/${id}`, { signal })).json(); },
 *   async getAttendance(id, { signal } = {}) { return (await fetch(`/api/events/${id}/attendance`, { signal })).json(); },
 * };
 */
export interface DataAdapter {
  getEvent(eventId: string, options?: RequestOptions): Promise<WebinarEvent>;
  getAttendance(eventId: string, options?: RequestOptions): Promise<Attendance>;
  getDailySummary?(eventId: string, range: DayRange | undefined, options?: RequestOptions): Promise<DailySummary>;
  getStatistics?(eventId: string, options: StatisticsRequestOptions): Promise<OnDemandStatistics>;
  countAudience?(eventId: string, criteria: AttendanceCriteria, options: ClockedRequestOptions): Promise<number>;
  /**
   * One page of the people `criteria` select (`core.audienceMembers`, sorted as asked). Lead-level
   * data then stays on the backend except for the rows a page shows.
   */
  listAudience?(eventId: string, request: AudienceRequest, options?: RequestOptions): Promise<AudiencePage>;
  /** The program-status funnel at `now` (`core.programFunnel`). */
  getFunnel?(eventId: string, options: ClockedRequestOptions): Promise<FunnelSummary>;
  /** The projected on-demand visitors by the window's close (`core.projectOnDemandVisitors`), `null` when too early to say. */
  getProjection?(eventId: string, options: ProjectionRequestOptions): Promise<OnDemandProjection | null>;
  /**
   * Called when a page asks for fresh data (a widget's Retry, `reload()`): an adapter that holds
   * data of its own for the event (a cache, a worker's download) drops it, so the next call asks
   * the backend again.
   */
  invalidate?(eventId: string): void;
}
