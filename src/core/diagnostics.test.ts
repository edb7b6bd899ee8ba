import { describe, expect, it } from 'vitest';
import { afterEnd, amsterdamEvent, attendance, registrant, view } from '../../test/fixtures/core-fixtures.ts';
import { analyzeAttendance, diagnosticOf, type Diagnostic, type DiagnosticCode } from './index.ts';

describe('diagnosticOf', () => {
  it('words a diagnostic as the analysis does, with the lead id only once it is known', () => {
    expect(diagnosticOf('view-unknown-registrant', { index: 4, leadId: 'L9' })).toEqual({
      code: 'view-unknown-registrant',
      message: 'View 4: lead L9 is not a registrant of this event; ignored.',
      index: 4,
      leadId: 'L9',
    });
    expect(diagnosticOf('registrant-malformed', { index: 0 })).toEqual({ code: 'registrant-malformed', message: 'Registrant 0 is not an object; left out.', index: 0 });
  });

  it('gives, from the facts of each record, exactly the diagnostics of the analysis', () => {
    const data = attendance(
      [registrant('A', 'No Show', -3), registrant('A', 'Attended'), registrant('B', 'Partially'), registrant('C', 'Invited')],
      [view('A', 'soon', 3), view('A', afterEnd(1), 1e6), view('C', afterEnd(1), 3), view('A', afterEnd(31), 3), view('A', afterEnd(8), 3)],
      '2026-03-25',
    );
    const facts: [DiagnosticCode, Parameters<typeof diagnosticOf>[1]][] = [
      ['registrant-invalid-live-minutes', { index: 0, leadId: 'A', value: -3 }],
      ['registrant-duplicate', { index: 1, leadId: 'A', status: 'attended' }],
      ['registrant-unknown-status', { index: 2, leadId: 'B', value: 'Partially' }],
      ['view-invalid-date', { index: 0, leadId: 'A', value: 'soon' }],
      ['view-invalid-minutes', { index: 1, leadId: 'A', value: 1e6 }],
      ['view-ineligible-status', { index: 2, leadId: 'C', status: 'invited' }],
      ['view-outside-window', { index: 3, leadId: 'A', viewedAt: Date.parse(afterEnd(31)) }],
      ['view-not-yet-reported', { index: 4, leadId: 'A', day: '2026-03-28', reportedThrough: '2026-03-25' }],
    ];
    expect(analyzeAttendance(amsterdamEvent, data).diagnostics).toEqual(facts.map(([code, known]): Diagnostic => diagnosticOf(code, known)));
  });

  it('refuses a code that is not a diagnostic code', () => {
    expect(() => diagnosticOf('view-too-long' as DiagnosticCode, { index: 0 })).toThrow(new TypeError('Unknown diagnostic code "view-too-long".'));
    expect(() => diagnosticOf('toString' as DiagnosticCode, { index: 0 })).toThrow(TypeError);
  });
});
