import { sharedAnalysis, type AttendanceAnalysis } from './activity.ts';
import { checkNow } from './calendar.ts';
import { isRegisteredForEvent } from './statuses.ts';
import type { Attendance, Diagnostic, WebinarEvent } from './types.ts';

/**
 * The program-status funnel of one event, over the registrants that pass the checks (one per
 * lead id). Each stage is a subset of the one before, except `rewatched`, which is a subset of
 * `attendedLive`.
 */
export interface ProgramFunnel {
  /** Every registrant in the program, whatever their status (Invited and Not in Program too). */
  invited: number;
  /** Those at or past Registered: not Not in Program, Invited, Pending Approval or Rejected / Wait Listed. */
  registered: number;
  /** Registered people whose status is Attended: they came to the live session. */
  attendedLive: number;
  /** `registered − attendedLive`: they missed the live session, whatever their status says. */
  noShow: number;
  /** No-shows who watched the recording inside the window through `reportedThrough` (the statistics' `totalVisitors`). */
  attendedOnDemand: number;
  /** Live attendees who also watched the recording (the statistics' `rewatchers`). */
  rewatched: number;
  diagnostics: Diagnostic[];
}

/** The funnel from an analysis (see `programFunnel`). */
export function programFunnelOf(analysis: AttendanceAnalysis): ProgramFunnel {
  const { registrants, leadIds, statusOf, activities } = analysis;
  const watched = new Uint8Array(leadIds.length);
  for (let index = 0; index < activities.count; index++) watched[activities.lead[index] as number] = 1;
  let registered = 0;
  let attendedLive = 0;
  let attendedOnDemand = 0;
  let rewatched = 0;
  // Registrant numbers index `statusOf` and the activity columns; `registrants` holds the status as given.
  for (let number = 0; number < leadIds.length; number++) {
    const registrant = registrants.get(leadIds[number] as string);
    if (registrant === undefined || !isRegisteredForEvent(registrant.status)) continue;
    registered++;
    // Watching never changes Attended, so the status as given and as resolved agree on who came live.
    const live = statusOf[number] === 'attended';
    if (live) attendedLive++;
    if (watched[number] === 1) {
      if (live) rewatched++;
      else attendedOnDemand++;
    }
  }
  return { invited: registrants.size, registered, attendedLive, noShow: registered - attendedLive, attendedOnDemand, rewatched, diagnostics: analysis.diagnostics.slice() };
}

/**
 * The program-status funnel: invited → registered → attended live / no-show → attended on
 * demand, plus the live attendees who rewatched. `now` is checked like every clocked call; the
 * counts depend only on what is reported (views through `reportedThrough`).
 *
 * @example
 * const funnel = programFunnel(event, attendance, new Date());
 * `${funnel.attendedOnDemand} of ${funnel.noShow} no-shows watched the recording`
 */
export function programFunnel(event: WebinarEvent, attendance: Attendance, now: Date): ProgramFunnel {
  checkNow(now);
  return programFunnelOf(sharedAnalysis(event, attendance));
}
