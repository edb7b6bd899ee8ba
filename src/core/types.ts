import type { CalendarDay } from './calendar.ts';

/** A webinar event. Instants are ISO-8601 with an offset; `timeZone` is an IANA name. */
export interface WebinarEvent {
  id: string;
  name: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

/** One person in the program. `status` may use any common spelling (see `normalizeStatus`). */
export interface Registrant {
  leadId: string;
  status: string;
  /** Minutes attended live, when the platform reports it. */
  liveMinutes?: number;
  /** The person's name, when the platform captured it (text; anything else is `registrant-invalid-name`). */
  name?: string;
  /** The person's e-mail address, when captured (text; anything else is `registrant-invalid-email`). */
  email?: string;
}

/** One visit to the recording as the video platform reports it. */
export interface View {
  leadId: string;
  /** ISO-8601 instant with offset. */
  viewedAt: string;
  minutes: number;
}

/** The attendance data of one event. Views are complete through `reportedThrough` (event zone). */
export interface Attendance {
  registrants: readonly Registrant[];
  views: readonly View[];
  reportedThrough: CalendarDay;
}

/** Why a record was left out (or only partly used). Never thrown: returned beside the result. */
export type DiagnosticCode =
  | 'registrant-malformed'
  | 'registrant-missing-lead-id'
  | 'registrant-unknown-status'
  | 'registrant-duplicate'
  | 'registrant-invalid-live-minutes'
  | 'registrant-invalid-name'
  | 'registrant-invalid-email'
  | 'view-malformed'
  | 'view-missing-lead-id'
  | 'view-invalid-date'
  | 'view-invalid-minutes'
  | 'view-outside-window'
  | 'view-not-yet-reported'
  | 'view-unknown-registrant'
  | 'view-ineligible-status';

/** A bad or ignored record: `index` is its position in `registrants` or `views` (see `code`). */
export interface Diagnostic {
  code: DiagnosticCode;
  message: string;
  index?: number;
  leadId?: string;
}
