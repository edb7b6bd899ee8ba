/*
 * Diagnostics: the records SQL classified as left out (queries.ts problemRows), worded as core
 * words them (src/core/activity.ts), so a push-down answer carries the same diagnostics as
 * core's answer on the same data. The test suite compares them exactly.
 */
import { normalizeStatus, type Diagnostic, type DiagnosticCode } from '../src/core/index.ts';
import type { ProblemRow } from './queries.ts';

function unknownStatusMessage(text: string | null): string {
  try {
    normalizeStatus(text as string);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

/** One problem row as core's diagnostic; `reportedThrough` is the event's, for "not yet reported". */
export function diagnosticOf(row: ProblemRow, reportedThrough: string): Diagnostic {
  const index = row.ord;
  const leadId = row.lead_id as string;
  const code = row.code as DiagnosticCode;
  const withLead = (message: string): Diagnostic => ({ code, message, index, leadId });
  switch (code) {
    case 'registrant-malformed': return { code, message: `Registrant ${index} is not an object; left out.`, index };
    case 'registrant-missing-lead-id': return { code, message: `Registrant ${index} has no lead id; left out.`, index };
    case 'registrant-unknown-status': return withLead(`Registrant ${leadId}: ${unknownStatusMessage(row.status_text)} Left out.`);
    case 'registrant-invalid-live-minutes':
      return withLead(`Registrant ${leadId} has invalid liveMinutes ${JSON.stringify(row.live_minutes)}; live minutes ignored.`);
    case 'registrant-duplicate': return withLead(`Lead ${leadId} is listed more than once; one entry kept (status ${row.kept_status as string}).`);
    case 'view-malformed': return { code, message: `View ${index} is not an object; left out.`, index };
    case 'view-missing-lead-id': return { code, message: `View ${index} has no lead id; left out.`, index };
    case 'view-invalid-date':
      return withLead(`View ${index} of lead ${leadId} has viewedAt ${JSON.stringify(row.viewed_at_text)}, not an ISO-8601 instant with an offset; left out.`);
    case 'view-invalid-minutes':
      return withLead(`View ${index} of lead ${leadId} has minutes ${JSON.stringify(row.minutes)}, not a number from 0 to 43200 (30 days); left out.`);
    case 'view-unknown-registrant': return withLead(`View ${index}: lead ${leadId} is not a registrant of this event; ignored.`);
    case 'view-ineligible-status':
      return withLead(`View ${index}: lead ${leadId} has status ${row.kept_status as string}, which on-demand viewing does not change; ignored.`);
    case 'view-outside-window':
      return withLead(`View ${index} of lead ${leadId} at ${(row.viewed_at as Date).toISOString()} is outside the on-demand window; not counted.`);
    case 'view-not-yet-reported':
      return withLead(`View ${index} of lead ${leadId} on ${row.day as string} is after reportedThrough ${reportedThrough}; not counted yet.`);
  }
  throw new Error(`Unknown diagnostic code ${JSON.stringify(row.code)} from SQL.`);
}

/** Problem rows as core's diagnostics, in order. */
export function diagnosticsOf(rows: readonly ProblemRow[], reportedThrough: string): Diagnostic[] {
  return rows.map((row) => diagnosticOf(row, reportedThrough));
}
