/*
 * The wording of every diagnostic, in one place: core's analysis writes them, and a backend
 * that classifies bad records itself (the reference server does it in SQL) words them here, so
 * both carry exactly the same diagnostics for the same data.
 */
import { type CalendarDay, AN_INSTANT } from './calendar.ts';
import { describeValue } from './errors.ts';
import { unknownStatusMessage, type ProgramStatus } from './statuses.ts';
import type { Diagnostic, DiagnosticCode } from './types.ts';
import { ON_DEMAND_TRACKING_DAYS } from './window.ts';

/**
 * The longest plausible view (and live attendance), in minutes: nobody watches longer than the
 * window lasts, so more is a corrupt record (`view-invalid-minutes`), not a long visit.
 */
export const MAX_VIEW_MINUTES = ON_DEMAND_TRACKING_DAYS * 24 * 60;

/** What a diagnostic says about its record; each code reads the facts its message needs. */
export interface DiagnosticFacts {
  /** Position of the record in `registrants` or `views`. */
  index: number;
  /** The record's lead id, once it is known (every code but `*-malformed` and `*-missing-lead-id`). */
  leadId?: string;
  /** The offending value as given: the status text, `liveMinutes`, `name`, `email`, `viewedAt` or `minutes`. */
  value?: unknown;
  /** The lead's kept status (`registrant-duplicate`, `view-ineligible-status`). */
  status?: ProgramStatus;
  /** The view's instant, epoch ms (`view-outside-window`). */
  viewedAt?: number;
  /** The view's day and the event's `reportedThrough` (`view-not-yet-reported`). */
  day?: CalendarDay;
  reportedThrough?: CalendarDay;
}

/**
 * The diagnostic of a record left out or ignored, worded as core words it. Throws a TypeError
 * for a code that is not a `DiagnosticCode` (a backend's classification gone wrong).
 *
 * @example
 * diagnosticOf('view-unknown-registrant', { index: 4, leadId: 'L9' })
 * // { code: 'view-unknown-registrant', message: 'View 4: lead L9 is not a registrant of this event; ignored.', index: 4, leadId: 'L9' }
 */
export function diagnosticOf(code: DiagnosticCode, facts: DiagnosticFacts): Diagnostic {
  const { index, leadId, value, status, viewedAt, day, reportedThrough } = facts;
  // A switch rather than a table of functions: this is in every bundle that analyzes attendance.
  let message: string;
  switch (code) {
    case 'registrant-malformed': message = `Registrant ${index} is not an object; left out.`; break;
    case 'registrant-missing-lead-id': message = `Registrant ${index} has no lead id; left out.`; break;
    case 'registrant-unknown-status': message = `Registrant ${leadId}: ${unknownStatusMessage(value)} Left out.`; break;
    case 'registrant-invalid-live-minutes': message = `Registrant ${leadId} has invalid liveMinutes ${describeValue(value)}; live minutes ignored.`; break;
    case 'registrant-invalid-name': message = `Registrant ${leadId} has name ${describeValue(value)}, not text; name left out.`; break;
    case 'registrant-invalid-email': message = `Registrant ${leadId} has email ${describeValue(value)}, not text; e-mail left out.`; break;
    case 'registrant-duplicate': message = `Lead ${leadId} is listed more than once; one entry kept (status ${status}).`; break;
    case 'view-malformed': message = `View ${index} is not an object; left out.`; break;
    case 'view-missing-lead-id': message = `View ${index} has no lead id; left out.`; break;
    case 'view-invalid-date': message = `View ${index} of lead ${leadId} has viewedAt ${describeValue(value)}, not ${AN_INSTANT}; left out.`; break;
    case 'view-invalid-minutes':
      message = `View ${index} of lead ${leadId} has minutes ${describeValue(value)}, not a number from 0 to ${MAX_VIEW_MINUTES} (${ON_DEMAND_TRACKING_DAYS} days); left out.`;
      break;
    case 'view-unknown-registrant': message = `View ${index}: lead ${leadId} is not a registrant of this event; ignored.`; break;
    case 'view-ineligible-status': message = `View ${index}: lead ${leadId} has status ${status}, which on-demand viewing does not change; ignored.`; break;
    case 'view-outside-window': message = `View ${index} of lead ${leadId} at ${new Date(viewedAt as number).toISOString()} is outside the on-demand window; not counted.`; break;
    case 'view-not-yet-reported': message = `View ${index} of lead ${leadId} on ${day} is after reportedThrough ${reportedThrough}; not counted yet.`; break;
    default: throw new TypeError(`Unknown diagnostic code ${describeValue(code)}.`);
  }
  return leadId === undefined ? { code, message, index } : { code, message, index, leadId };
}
