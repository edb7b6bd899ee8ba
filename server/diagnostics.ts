/*
 * Diagnostics: the records SQL classified as left out (queries.ts problemRows), worded by core's
 * own `diagnosticOf`, so a push-down answer carries exactly the diagnostics core's answer carries
 * on the same data. The test suite compares them exactly.
 */
import { diagnosticOf, type Diagnostic, type DiagnosticCode, type DiagnosticFacts, type ProgramStatus } from '../src/core/index.ts';
import type { ProblemRow } from './queries.ts';

/** What core's message for the row's code needs, read from the row's columns. */
function factsOf(row: ProblemRow, reportedThrough: string): DiagnosticFacts {
  const facts: DiagnosticFacts = { index: row.ord };
  if (row.lead_id !== null) facts.leadId = row.lead_id;
  if (row.kept_status !== null) facts.status = row.kept_status as ProgramStatus;
  if (row.viewed_at !== null) facts.viewedAt = row.viewed_at.getTime();
  if (row.day !== null) facts.day = row.day;
  facts.reportedThrough = reportedThrough;
  // The value as given: each code has at most one such column filled.
  switch (row.code) {
    case 'registrant-unknown-status': facts.value = row.status_text; break;
    case 'registrant-invalid-live-minutes': facts.value = row.live_minutes; break;
    case 'view-invalid-date': facts.value = row.viewed_at_text; break;
    case 'view-invalid-minutes': facts.value = row.minutes; break;
  }
  return facts;
}

/**
 * Problem rows as core's diagnostics, in order; `reportedThrough` is the event's, for "not yet
 * reported". Core throws a TypeError for a code it does not know: SQL classified a record wrongly.
 */
export function diagnosticsOf(rows: readonly ProblemRow[], reportedThrough: string): Diagnostic[] {
  return rows.map((row) => diagnosticOf(row.code as DiagnosticCode, factsOf(row, reportedThrough)));
}
