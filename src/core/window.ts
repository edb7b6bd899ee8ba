import { AN_INSTANT, assertTimeZone, checkNow, createDayInZone, MILLISECONDS_PER_DAY, parseInstant, type CalendarDay } from './calendar.ts';
import { describeValue, invalidInput, InvalidInputError } from './errors.ts';
import type { WebinarEvent } from './types.ts';

// The clock check lives with the calendar (calendarDayOf uses it too); core's modules import it from here.
export { checkNow };

/** Tracking of on-demand views stops this many days after the event ends. A domain constant, not a setting. */
export const ON_DEMAND_TRACKING_DAYS = 30;

/**
 * The window's length in absolute time: 30 × 24 h, whatever DST does to the local clock. Written
 * out rather than `ON_DEMAND_TRACKING_DAYS * MILLISECONDS_PER_DAY` so that bundles that do not use
 * it can drop it (a product of imports is not provably pure); window.test.ts holds the two together.
 */
export const ON_DEMAND_WINDOW_MILLISECONDS = 2_592_000_000;

/** Days left at or below which the window is `closing` unless another threshold is given. */
export const DEFAULT_CLOSING_THRESHOLD_DAYS = 5;

/** An event checked for structure, instants as epoch ms. */
export interface CheckedEvent {
  id: string;
  name: string;
  startsAt: number;
  endsAt: number;
  timeZone: string;
}

/** Non-text ids and names (JSON can hold anything) as text, so they display as given. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : describeValue(value);
}

/**
 * Checks the structure of an event as every core function does, and returns it with its
 * instants as epoch ms. Throws `InvalidInputError` (origin `data`) naming the bad field. For a
 * backend that stores events and wants to refuse the ones core would refuse.
 *
 * @example checkWebinarEvent({ …event, endsAt: 'soon' }) // throws: event.endsAt must be an ISO-8601 instant with an offset, got "soon".
 */
export function checkWebinarEvent(event: WebinarEvent): CheckedEvent {
  // The event is always what a backend supplied: a problem in it is the data's fault.
  if (typeof event !== 'object' || event === null) throw invalidInput('data', 'event', 'an object with id, name, startsAt, endsAt and timeZone', event);
  const instantOf = (field: 'startsAt' | 'endsAt'): number => {
    const instant = parseInstant(event[field]);
    if (instant === null) throw invalidInput('data', `event.${field}`, AN_INSTANT, event[field]);
    return instant;
  };
  const endsAt = instantOf('endsAt');
  const startsAt = instantOf('startsAt');
  if (startsAt > endsAt) {
    throw new InvalidInputError('event.startsAt', `event.startsAt (${event.startsAt}) is after event.endsAt (${event.endsAt}).`, 'data');
  }
  assertTimeZone(event.timeZone, 'event.timeZone', 'data');
  return { id: asText(event.id), name: asText(event.name ?? ''), startsAt, endsAt, timeZone: event.timeZone };
}

/** The on-demand window `(opensAfter, closesAt]` and the calendar days it touches in the event's zone. */
export interface OnDemandWindow {
  /** The event's end: a join at or before it is live attendance. */
  opensAfter: Date;
  /** `endsAt + 30 × 24 h`: a view at this instant still counts, a later one does not. */
  closesAt: Date;
  /** Day of the first on-demand instant, in the event's zone. */
  firstDay: CalendarDay;
  /** Day of `closesAt`, in the event's zone. */
  lastDay: CalendarDay;
}

/**
 * The on-demand window of an event. Absolute time, so a DST change inside the window
 * shifts the local closing hour but never the length.
 *
 * @example
 * onDemandWindow({ id: 'e1', name: 'Q3 launch', startsAt: '2026-03-20T15:00:00Z',
 *   endsAt: '2026-03-20T16:00:00Z', timeZone: 'Europe/Amsterdam' })
 * // { opensAfter: 2026-03-20T16:00Z, closesAt: 2026-04-19T16:00Z, firstDay: '2026-03-20', lastDay: '2026-04-19' }
 */
export function onDemandWindow(event: WebinarEvent): OnDemandWindow {
  return windowOf(checkWebinarEvent(event));
}

/** `onDemandWindow` for an already checked event. */
export function windowOf(event: CheckedEvent): OnDemandWindow {
  const closesAt = event.endsAt + ON_DEMAND_WINDOW_MILLISECONDS;
  const dayInZone = createDayInZone(event.timeZone);
  return {
    opensAfter: new Date(event.endsAt),
    closesAt: new Date(closesAt),
    // The window is open-ended at endsAt: its first instant is the millisecond after.
    firstDay: dayInZone(event.endsAt + 1),
    lastDay: dayInZone(closesAt),
  };
}

/** Every `WindowPhase`, in the order the window passes through them (for checking payloads). */
export const WINDOW_PHASES = /* @__PURE__ */ Object.freeze(['upcoming', 'open', 'closing', 'closed'] as const);

/** Where the on-demand window stands relative to `now`. */
export type WindowPhase = (typeof WINDOW_PHASES)[number];

export interface DaysRemaining {
  /** Whole days left, `ceil((closesAt − now) / 1 day)` clamped to 0…30 (30 before the event ends). */
  days: number;
  phase: WindowPhase;
}

/**
 * Days remaining of the on-demand window and its phase. `closing` (≤ `closingThreshold`
 * days) is when marketers send their last reminder; `closed` means tracking stopped.
 *
 * @example daysRemaining(event, new Date('2026-04-16T12:00:00Z')) // { days: 4, phase: 'closing' }
 */
export function daysRemaining(event: WebinarEvent, now: Date, closingThreshold = DEFAULT_CLOSING_THRESHOLD_DAYS): DaysRemaining {
  return daysRemainingOf(checkWebinarEvent(event), checkNow(now), closingThreshold);
}

/** `daysRemaining` for an already checked event and clock. */
export function daysRemainingOf(event: CheckedEvent, now: number, closingThreshold: number): DaysRemaining {
  if (!Number.isInteger(closingThreshold) || closingThreshold < 0 || closingThreshold > ON_DEMAND_TRACKING_DAYS) {
    throw invalidInput('request', 'closingThreshold', `a whole number of days from 0 to ${ON_DEMAND_TRACKING_DAYS}`, closingThreshold);
  }
  if (now <= event.endsAt) return { days: ON_DEMAND_TRACKING_DAYS, phase: 'upcoming' };
  const closesAt = event.endsAt + ON_DEMAND_WINDOW_MILLISECONDS;
  const days = Math.min(ON_DEMAND_TRACKING_DAYS, Math.max(0, Math.ceil((closesAt - now) / MILLISECONDS_PER_DAY)));
  if (days === 0) return { days, phase: 'closed' };
  return { days, phase: days <= closingThreshold ? 'closing' : 'open' };
}

/** The problem with `day` when it lies outside the window's days (`subject` names it), else undefined. */
export function outsideWindow(subject: string, day: CalendarDay, window: OnDemandWindow): string | undefined {
  return day < window.firstDay || day > window.lastDay ? `${subject} ${day} is outside the on-demand window ${window.firstDay} … ${window.lastDay}.` : undefined;
}
