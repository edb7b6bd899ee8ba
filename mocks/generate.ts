/*
 * A deterministic, seeded generator of realistic webinar data: registrants with live statuses
 * (spelled as real exports spell them), on-demand viewing that decays day by day after the
 * event with a bump before the window closes (the "last chance" reminder), live attendees who
 * rewatch, and — on request — one bad record of every kind core diagnoses.
 *
 * Lean on purpose: a million views take about a second. Views keep their instant in a typed
 * array beside the records, so serving "what the platform has reported by now" is a linear
 * filter, not a million date parses.
 */
import {
  addDays,
  calendarDayOf,
  MILLISECONDS_PER_DAY,
  ON_DEMAND_TRACKING_DAYS,
  onDemandWindow,
  type Attendance,
  type CalendarDay,
  type Registrant,
  type View,
  type WebinarEvent,
} from '../src/core/index.ts';
import { exponential, pickWeighted, seededRandom, type Random } from './random.ts';

/**
 * The clock the scenarios are built around by default: Thursday 2026-03-19 14:00 UTC. Chosen so
 * that every scenario's window contains a DST change: New York switched on 2026-03-08 (inside
 * the served part of mid-window, closing-soon and closed), Amsterdam switches on 2026-03-29
 * (inside the windows of upcoming, just-ended and no-views).
 */

const FIRST_NAMES = ['Anna', 'Bram', 'Chloé', 'Daan', 'Emma', 'Finn', 'Hanna', 'Ivo', 'Julia', 'Kees', 'Lotte', 'Mila', 'Noah', 'Olivia', 'Pieter', 'Sanne', 'Thijs', 'Yara', 'Zoë', 'Ömer'];
const LAST_NAMES = ['de Vries', 'Jansen', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker'];

/** The name and e-mail of registrant number `index` (some are not captured: every 23rd has no name, every 17th no e-mail). */
function contactOf(index: number): { name?: string; email?: string } {
  const first = FIRST_NAMES[index % FIRST_NAMES.length] as string;
  const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] as string;
  const local = `${first}.${last}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ /g, '').toLowerCase();
  return {
    ...(index % 23 === 22 ? {} : { name: `${first} ${last}` }),
    ...(index % 17 === 16 ? {} : { email: `${local}.${index + 1}@example.com` }),
  };
}

export const REFERENCE_NOW = new Date('2026-03-19T14:00:00Z');

export interface GenerateOptions {
  seed: number;
  /** Number of people in the event's program. */
  registrants: number;
  /** Share of registrants (0–1) who did not attend live. */
  noShowRate: number;
  id?: string;
  name?: string;
  /** End of the live session. Default: 12 days before `now`. */
  endsAt?: Date | string;
  /** Length of the live session. Default 60. */
  durationMinutes?: number;
  /** Default America/New_York. */
  timeZone?: string;
  /** Share of no-shows (0–1) who watch on demand. Default 0.4. */
  watchRate?: number;
  /** Share of live attendees (0–1) who watch the recording again. Default 0.12. */
  rewatchRate?: number;
  /** Mean number of visits per on-demand visitor (≥ 1). Default 1.6. */
  viewsPerVisitor?: number;
  /** Add one bad record of every kind core diagnoses. Default false. */
  badRecords?: boolean;
  /**
   * The clock at generation. Before the event ends everyone is still "Registered" and nothing
   * is watched; the bad "not yet reported" view is placed at this instant. Default `REFERENCE_NOW`.
   */
  now?: Date;
}

/** A generated event: everything the video platform will ever report, and views as of any clock. */
export interface GeneratedWebinar {
  event: WebinarEvent;
  /** Every registrant and view (through the window's last day), bad records included. */
  attendance: Attendance;
  /**
   * What a backend serves at `now`: `reportedThrough` is the day before `now` in the event's zone
   * (clamped to the window's last day), and only views on or before that day — the platform
   * reports once a day, so today's views are not in yet. Bad records are always served.
   */
  attendanceAt(now: Date): Attendance;
  /** The same for a given `reportedThrough` (a cursor snapshot). */
  attendanceThrough(reportedThrough: CalendarDay): Attendance;
}

/** `reportedThrough` at `now`: the day before `now` in the event's zone, clamped to the window's last day. */
export function reportedThroughAt(event: WebinarEvent, now: Date): CalendarDay {
  const day = addDays(calendarDayOf(now, event.timeZone), -1);
  const { lastDay } = onDemandWindow(event);
  return day > lastDay ? lastDay : day;
}

/** The first instant (epoch ms) of `day` in `timeZone`; DST-proof because it asks Intl, by bisection. */
export function startOfDay(day: CalendarDay, timeZone: string): number {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  // Offsets lie within ±14 h, so the local midnight is inside this bracket.
  let low = utcMidnight - 16 * 3_600_000;
  let high = utcMidnight + 16 * 3_600_000;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (calendarDayOf(new Date(middle), timeZone) >= day) high = middle;
    else low = middle;
  }
  return high;
}

// Spellings as real exports have them; normalized by core.
const NO_SHOW_SPELLINGS = ['No Show', 'No Show', 'No Show', 'No Show', 'no-show', 'NO_SHOW'];
const ATTENDED_SPELLINGS = ['Attended', 'Attended', 'Attended', 'Attended', 'attended'];
const NOT_REGISTERED = ['Invited', 'Pending Approval', 'Wait Listed'];

function spelling(random: Random, options: readonly string[]): string {
  return options[Math.floor(random() * options.length)] as string;
}

/** Weights of the first on-demand day: decaying after the event, with a bump in the last 4 days. */
function firstDayWeights(): Float64Array {
  const cumulative = new Float64Array(ON_DEMAND_TRACKING_DAYS);
  let total = 0;
  for (let day = 0; day < ON_DEMAND_TRACKING_DAYS; day++) {
    total += Math.exp(-day / 6) + 0.06 * Math.max(0, day - (ON_DEMAND_TRACKING_DAYS - 5));
    cumulative[day] = total;
  }
  return cumulative;
}

const iso = (time: number) => new Date(time).toISOString();

/**
 * Generates one event with its registrants and views, the same for the same options.
 *
 * @example
 * const { event, attendanceAt } = generateWebinarData({ seed: 7, registrants: 500, noShowRate: 0.45 });
 * createMemoryAdapter({ events: [{ event, attendance: attendanceAt(new Date()) }] });
 */
export function generateWebinarData(options: GenerateOptions): GeneratedWebinar {
  const random = seededRandom(options.seed);
  const now = options.now ?? REFERENCE_NOW;
  const durationMinutes = options.durationMinutes ?? 60;
  const endsAtTime = options.endsAt === undefined ? now.getTime() - 12 * MILLISECONDS_PER_DAY : new Date(options.endsAt).getTime();
  const event: WebinarEvent = {
    id: options.id ?? `webinar-${options.seed}`,
    name: options.name ?? 'Product webinar',
    startsAt: iso(endsAtTime - durationMinutes * 60_000),
    endsAt: iso(endsAtTime),
    timeZone: options.timeZone ?? 'America/New_York',
  };
  const ended = now.getTime() > endsAtTime;
  const watchRate = options.watchRate ?? 0.4;
  const rewatchRate = options.rewatchRate ?? 0.12;
  // Extra visits are geometric, so the mean number of visits is `viewsPerVisitor`.
  const viewsPerVisitor = Math.max(1, options.viewsPerVisitor ?? 1.6);
  const another = 1 - 1 / viewsPerVisitor;
  const weights = firstDayWeights();

  const registrants: Registrant[] = [];
  const views: View[] = [];
  const times: number[] = [];
  const width = String(options.registrants).length;
  for (let index = 0; index < options.registrants; index++) {
    const leadId = `L${String(index + 1).padStart(Math.max(6, width), '0')}`;
    const draw = random();
    if (draw < 0.03) {
      registrants.push({ leadId, status: spelling(random, NOT_REGISTERED) });
      continue;
    }
    if (!ended) {
      registrants.push({ leadId, status: 'Registered' });
      continue;
    }
    const noShow = draw < 0.03 + 0.97 * options.noShowRate;
    if (noShow) registrants.push({ leadId, status: random() < 0.1 ? 'Registered' : spelling(random, NO_SHOW_SPELLINGS) });
    else registrants.push({ leadId, status: spelling(random, ATTENDED_SPELLINGS), liveMinutes: 5 + Math.floor(random() * (durationMinutes - 4)) });
    if (random() >= (noShow ? watchRate : rewatchRate)) continue;
    // Rewatchers skim; no-shows watch longer.
    const meanMinutes = durationMinutes * (noShow ? 0.35 : 0.15);
    let day = pickWeighted(random, weights);
    do {
      // A visit at a whole second inside (endsAt + day, endsAt + day + 1 day]: always inside the window.
      const time = endsAtTime + day * MILLISECONDS_PER_DAY + Math.ceil((1 - random()) * 86_400) * 1000;
      views.push({ leadId, viewedAt: iso(time), minutes: Math.min(durationMinutes, 1 + Math.floor(exponential(random, meanMinutes))) });
      times.push(time);
      day = Math.min(ON_DEMAND_TRACKING_DAYS - 1, day + Math.floor(exponential(random, 2)));
    } while (random() < another);
  }
  // Names and e-mails as a marketing platform captures them: from the position, so the seeded draws stay as they were.
  registrants.forEach((registrant, index) => Object.assign(registrant, contactOf(index)));
  if (options.badRecords && ended) addBadRecords(event, registrants, views, times, now);

  const viewTimes = Float64Array.from(times);
  const window = onDemandWindow(event);
  const attendance: Attendance = { registrants, views, reportedThrough: window.lastDay };
  const served = new Map<CalendarDay, Attendance>();
  function attendanceThrough(reportedThrough: CalendarDay): Attendance {
    let snapshot = served.get(reportedThrough);
    if (snapshot === undefined) {
      const before = startOfDay(addDays(reportedThrough, 1), event.timeZone);
      // NaN marks a bad record: always served, so core can diagnose it.
      const kept = views.filter((_, index) => !((viewTimes[index] as number) >= before));
      snapshot = { registrants, views: kept, reportedThrough };
      served.set(reportedThrough, snapshot);
    }
    return snapshot;
  }
  return { event, attendance, attendanceThrough, attendanceAt: (at) => attendanceThrough(reportedThroughAt(event, at)) };
}

/** One bad record of every kind core diagnoses, appended; their times are NaN (always served). */
function addBadRecords(event: WebinarEvent, registrants: Registrant[], views: View[], times: number[], now: Date): void {
  const endsAt = Date.parse(event.endsAt);
  const someone = registrants.find((registrant) => /no.?show/i.test(registrant.status))?.leadId ?? registrants[0]?.leadId ?? 'L000001';
  const dayOne = iso(endsAt + MILLISECONDS_PER_DAY + 2 * 3_600_000);
  // Core's input types say what good data looks like; bad records are exactly what they are not.
  const badRegistrants = [
    null, // registrant-malformed
    { leadId: '', status: 'No Show' }, // registrant-missing-lead-id
    { leadId: 'X-UNKNOWN-STATUS', status: 'Attended Partially' }, // registrant-unknown-status
    { leadId: someone, status: 'Registered' }, // registrant-duplicate
    { leadId: 'X-NEGATIVE-LIVE', status: 'Attended', liveMinutes: -5 }, // registrant-invalid-live-minutes
    { leadId: 'X-INVITED', status: 'Invited' }, // a valid registrant whose views are ineligible
  ] as unknown as Registrant[];
  const badViews = [
    'a view that is not an object', // view-malformed
    { leadId: '', viewedAt: dayOne, minutes: 5 }, // view-missing-lead-id
    { leadId: someone, viewedAt: `${dayOne.slice(0, 10)} 14:00`, minutes: 5 }, // view-invalid-date (no offset)
    { leadId: someone, viewedAt: dayOne, minutes: -3 }, // view-invalid-minutes
    { leadId: someone, viewedAt: iso(endsAt - 10 * 60_000), minutes: 8 }, // view-outside-window (during the live session)
    { leadId: someone, viewedAt: now.toISOString(), minutes: 4 }, // view-not-yet-reported (today)
    { leadId: 'X-NOT-REGISTERED', viewedAt: dayOne, minutes: 12 }, // view-unknown-registrant
    { leadId: 'X-INVITED', viewedAt: dayOne, minutes: 7 }, // view-ineligible-status
  ] as unknown as View[];
  registrants.push(...badRegistrants);
  for (const view of badViews) {
    views.push(view);
    times.push(Number.NaN);
  }
}
