/*
 * What each route answers (and the one request body), in core's domain types: the contract
 * adds only paging and the audience count's envelope. The REST adapter checks answers against
 * these shapes (src/adapters/validate.ts) before anything uses them.
 */
import type {
  Attendance,
  AttendanceCriteria,
  CalendarDay,
  DailyOnDemandVisitorsResult,
  OnDemandProjection,
  OnDemandStatistics,
  ProgramFunnel,
  WebinarEvent,
} from '../core/index.ts';

/** `GET …/events/{id}`. */
export type EventPayload = WebinarEvent;

/** `GET …/events/{id}/attendance`: one page; `nextCursor` is `null` on the last page. */
export interface AttendancePage extends Attendance {
  nextCursor: string | null;
}

/** `GET …/events/{id}/on-demand/summary`: what `core.dailyOnDemandVisitors` returns. */
export type SummaryPayload = DailyOnDemandVisitorsResult;

/** `GET …/events/{id}/on-demand/statistics`: what `core.onDemandStatistics` returns. */
export type StatisticsPayload = OnDemandStatistics;

/**
 * `GET …/events/{id}/program/funnel`: what `core.programFunnel` returns, with the day views are
 * reported through (`attendedOnDemand` and `rewatched` count views through it). The kit's
 * backends always send `reportedThrough`; the contract lets another backend leave it out.
 */
export interface FunnelPayload extends ProgramFunnel {
  reportedThrough?: CalendarDay;
}

/**
 * `GET …/events/{id}/on-demand/projection`: what `core.projectOnDemandVisitors` returns — JSON
 * `null` while it is too early to say (before the event ends, fewer than 3 reported days).
 */
export type ProjectionPayload = OnDemandProjection | null;

/** `POST …/events/{id}/audience/count`: how many registrants the criteria select. */
export interface AudienceCountPayload {
  count: number;
}

/**
 * The body of `POST …/audience/count` (sent as `application/json`). Without `now` the backend
 * uses its own clock; a `now` that is given must be an instant with an offset.
 */
export interface AudienceCountRequest {
  criteria: AttendanceCriteria;
  now?: string;
}
