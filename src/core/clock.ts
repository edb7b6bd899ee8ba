import { createDayInZone, MILLISECONDS_PER_DAY, QUARTER_HOUR } from './calendar.ts';
import type { WebinarEvent } from './types.ts';
import { checkNow, checkWebinarEvent, ON_DEMAND_WINDOW_MILLISECONDS } from './window.ts';

/**
 * The next instant after `now` at which anything clock-dependent changes for this event:
 * the next midnight in the event's zone ("today", a new reported day) or the next step of
 * days remaining. A live dashboard re-evaluates then instead of polling.
 *
 * @example nextClockChange(event, new Date('2026-03-25T10:00:00Z')) // 2026-03-25T16:00:00Z (days remaining steps)
 */
export function nextClockChange(event: WebinarEvent, now: Date): Date {
  const { endsAt, timeZone } = checkWebinarEvent(event);
  const time = checkNow(now);
  const dayOf = createDayInZone(timeZone);
  const today = dayOf(time);
  // Midnight falls on a UTC quarter hour in every modern zone; step to it.
  let midnight = Math.floor(time / QUARTER_HOUR) * QUARTER_HOUR + QUARTER_HOUR;
  while (dayOf(midnight) === today) midnight += QUARTER_HOUR;
  let change = midnight;
  const closesAt = endsAt + ON_DEMAND_WINDOW_MILLISECONDS;
  if (time < endsAt) change = Math.min(change, endsAt + 1);
  else if (time < closesAt) {
    // days = ceil((closesAt − now) / day) steps down just after closesAt − k days.
    const stepsLeft = Math.ceil((closesAt - time) / MILLISECONDS_PER_DAY);
    change = Math.min(change, closesAt - (stepsLeft - 1) * MILLISECONDS_PER_DAY);
  }
  return new Date(change);
}
