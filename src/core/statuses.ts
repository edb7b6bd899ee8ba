import { describeValue, InvalidInputError } from './errors.ts';

/** Program statuses of a webinar program, in the host platform's progression order. */
export type ProgramStatus =
  | 'not-in-program'
  | 'invited'
  | 'pending-approval'
  | 'rejected'
  | 'registered'
  | 'no-show'
  | 'attended'
  | 'attended-on-demand';

/** Step numbers as the host marketing platform uses them; a status only moves to a higher step. */
export const PROGRAM_STATUS_STEPS: Readonly<Record<ProgramStatus, number>> = {
  'not-in-program': 0,
  invited: 10,
  'pending-approval': 20,
  rejected: 30,
  registered: 40,
  'no-show': 50,
  attended: 70,
  'attended-on-demand': 75,
};

/** Display names, as the host platform spells them. */
export const PROGRAM_STATUS_NAMES: Readonly<Record<ProgramStatus, string>> = {
  'not-in-program': 'Not in Program',
  invited: 'Invited',
  'pending-approval': 'Pending Approval',
  rejected: 'Rejected / Wait Listed',
  registered: 'Registered',
  'no-show': 'No Show',
  attended: 'Attended',
  'attended-on-demand': 'Attended On-Demand',
};

/** Case and runs of spaces, underscores, slashes and hyphens do not matter: "No_Show" is "no-show". */
function foldSpelling(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_/-]+/g, '-');
}

// Every status is known by its id and by its display name; the rest are spellings seen in exports.
const STATUS_SPELLINGS: ReadonlyMap<string, ProgramStatus> = new Map<string, ProgramStatus>([
  ...(Object.entries(PROGRAM_STATUS_NAMES) as [ProgramStatus, string][]).flatMap(([status, name]): [string, ProgramStatus][] => [
    [status, status],
    [foldSpelling(name), status],
  ]),
  ['pending', 'pending-approval'],
  ['wait-listed', 'rejected'],
  ['waitlisted', 'rejected'],
  ['noshow', 'no-show'],
  ['attended-ondemand', 'attended-on-demand'],
]);

/**
 * Maps a status as spelled in input data to a `ProgramStatus`, ignoring case and
 * separators (`"Attended On-demand"`, `"attended_on_demand"`, `"NO SHOW"`).
 * Throws `InvalidInputError` (field `status`, origin `data`: statuses come from attendance
 * data) naming the accepted statuses for unknown text.
 *
 * @example normalizeStatus('Attended On-demand') // 'attended-on-demand'
 */
export function normalizeStatus(text: string): ProgramStatus {
  const status = STATUS_SPELLINGS.get(typeof text === 'string' ? foldSpelling(text) : '');
  if (status === undefined) throw new InvalidInputError('status', unknownStatusMessage(text), 'data');
  return status;
}

/** What `normalizeStatus` says about text it does not know (diagnostics quote it). */
export function unknownStatusMessage(text: unknown): string {
  return `Unknown program status ${describeValue(text)}; expected one of: ${Object.values(PROGRAM_STATUS_NAMES).join(', ')}.`;
}

/** The later of two statuses in the progression: status never moves backwards. */
export function laterStatus(current: ProgramStatus, candidate: ProgramStatus): ProgramStatus {
  return PROGRAM_STATUS_STEPS[candidate] > PROGRAM_STATUS_STEPS[current] ? candidate : current;
}

/** Statuses of people who did not attend live and so become Attended On-Demand by watching. */
export function canAttendOnDemand(status: ProgramStatus): boolean {
  return status === 'registered' || status === 'no-show' || status === 'attended-on-demand';
}

/** Statuses whose views count as on-demand activity (registered people only). */
export function isRegisteredForEvent(status: ProgramStatus): boolean {
  return PROGRAM_STATUS_STEPS[status] >= PROGRAM_STATUS_STEPS.registered;
}
