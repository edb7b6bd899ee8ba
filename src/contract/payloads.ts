/*
 * What each route answers (and the one request body), in core's domain types: the contract
 * adds only paging and the audience count's envelope. The REST adapter checks answers against
 * these shapes (src/adapters/validate.ts) before anything uses them.
 */
import type { Attendance, AttendanceCriteria, DailyOnDemandVisitorsResult, OnDemandStatistics, WebinarEvent } from '../core/index.ts';

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
