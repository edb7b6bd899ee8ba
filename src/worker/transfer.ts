/*
 * What the page and the analysis worker send each other. The worker downloads the attendance
 * itself (with the REST adapter's options), so the page never holds a million views; the
 * analysis comes back as typed arrays (moved, not copied) and the registrants, lead ids and
 * diagnostics in pieces, each read in a task of its own.
 */
import type { AdapterErrorKind } from '../adapters/adapter.ts';
import type { RestAdapterOptions } from '../adapters/rest.ts';
import type { ActivityColumns } from '../core/activity.ts';
import { PROGRAM_STATUS_STEPS } from '../core/statuses.ts';
import type { CheckedEvent, OnDemandWindow } from '../core/window.ts';
import type { CalendarDay, Diagnostic, ProgramStatus, WebinarEvent } from '../core/index.ts';

/** Records per message back to the page: reading one piece takes a few milliseconds. */
export const PIECE = 10_000;

/** Statuses as the numbers they travel as: index into core's list, so a status added there travels too. */
export const STATUSES = Object.keys(PROGRAM_STATUS_STEPS) as readonly ProgramStatus[];

/** Page → worker: first what to download (at once), then the event (once the page has it). */
export type ToWorker = { rest: RestAdapterOptions; eventId: string } | { event: WebinarEvent };

/** The analysis without what travels in pieces, its statuses as numbers. */
export interface AnalysisColumns {
  event: CheckedEvent;
  window: OnDemandWindow;
  reportedThrough: CalendarDay;
  windowDays: CalendarDay[];
  activities: ActivityColumns;
  /** Status after on-demand viewing, per registrant number. */
  resolved: Uint8Array;
  /** Status as given, per registrant number. */
  given: Uint8Array;
  /** Live minutes as given, NaN where there were none. */
  liveMinutes: Float64Array;
}

/** Worker → page: pieces, then the columns or the failure as an `AdapterError`'s fields. */
export type FromWorker =
  | { leadIds: string[] }
  | { diagnostics: Diagnostic[] }
  | { registrants: unknown[] }
  | { done: AnalysisColumns }
  | { error: { kind: AdapterErrorKind; message: string; status: number | undefined; retryAfterMs: number | undefined } };
