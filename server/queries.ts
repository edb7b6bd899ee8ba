/*
 * The SQL of the REST contract's read path. The push-down routes read only the aggregates
 * (server/aggregate.ts, maintained once per daily report), never the raw views:
 *
 *   summary      event_days over the range (≤ 32 rows) and day_pairs for unique people over it
 *   statistics   event_totals (one row, read with the event); days remaining are core's clock rule
 *   funnel       event_totals alone: every stage is a total kept per event
 *   projection   day_pairs for each no-show visitor's first active day (≤ 32 rows); the model is
 *                core's projectionFromFirstVisits
 *   audience     event_totals for kind and Event Mode alone; day_pairs for a Watch Date alone;
 *                lead_extremes for "at least / more / at most / less than N minutes" on any day;
 *                daily_activity on the Watch Date's days otherwise
 *   diagnostics  the stored facts, worded by core (server/diagnostics.ts)
 *
 * Minutes are whole milliseconds in the database; they become minutes here, in Node, with core's
 * own conversion and arithmetic, so the answers are core's to the last bit. Days are plain dates:
 * no statement asks PostgreSQL's time zone database anything.
 */
import {
  addDays,
  type CalendarDay,
  type DailyVisitors,
  daysBetween,
  daysFromTo,
  daysRemaining,
  millisecondsToMinutes,
  type OnDemandStatistics,
  type OnDemandWindow,
  type ProgramFunnel,
} from '../src/core/index.ts';
// Core's own rules, from their modules: not (yet) in the public ./core entry, whose bundle size is budgeted.
import { daysSql, durationSql, type Bind, type CompiledCriteria, type DurationTest } from './criteria-sql.ts';
import type { Queryable } from './db.ts';

/** What the statistics and audience counts need, kept per event (odw.event_totals). */
export interface EventTotals {
  /** Registrants core keeps: has-not-attended = registrants − has-attended; the funnel's `invited`. */
  registrants: number;
  /** Kept registrants at or past Registered: the funnel's `registered`. */
  registered: number;
  /** Kept registrants with status Attended. */
  liveAttendees: number;
  visitors: number;
  rewatchers: number;
  noShowMilliseconds: number;
  rewatchMilliseconds: number;
  /** The middle per-visitor totals (the same one for an odd count); null without visitors. */
  medianLowMilliseconds: number | null;
  medianHighMilliseconds: number | null;
}

export interface StoredEvent {
  /** odw.events.key: what the aggregates are keyed by. */
  key: number;
  id: string;
  name: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  reportedThrough: CalendarDay;
  totals: EventTotals;
}

/** int8 and numeric arrive as text (exact); every value here is an integer below 2^53. */
function integer(value: string | number): number;
function integer(value: string | number | null): number | null;
function integer(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}

/** The event with its totals, or undefined when there is none with this id. */
export async function findEvent(db: Queryable, eventId: string): Promise<StoredEvent | undefined> {
  const { rows } = await db.query<{
    key: number;
    id: string;
    name: string;
    starts_at: Date;
    ends_at: Date;
    time_zone: string;
    reported_through: string;
    registrants: number;
    registered: number;
    live_attendees: number;
    visitors: number;
    rewatchers: number;
    no_show_milliseconds: string;
    rewatch_milliseconds: string;
    median_low_milliseconds: string | null;
    median_high_milliseconds: string | null;
  }>(
    `SELECT e.key, e.id, e.name, e.starts_at, e.ends_at, e.time_zone, e.reported_through::text AS reported_through,
            t.registrants, t.registered, t.live_attendees, t.visitors, t.rewatchers, t.no_show_milliseconds, t.rewatch_milliseconds,
            t.median_low_milliseconds, t.median_high_milliseconds
     FROM odw.events e JOIN odw.event_totals t ON t.event_key = e.key
     WHERE e.id = $1`,
    [eventId],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    key: row.key,
    id: row.id,
    name: row.name,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    timeZone: row.time_zone,
    reportedThrough: row.reported_through,
    totals: {
      registrants: row.registrants,
      registered: row.registered,
      liveAttendees: row.live_attendees,
      visitors: row.visitors,
      rewatchers: row.rewatchers,
      noShowMilliseconds: integer(row.no_show_milliseconds),
      rewatchMilliseconds: integer(row.rewatch_milliseconds),
      medianLowMilliseconds: integer(row.median_low_milliseconds),
      medianHighMilliseconds: integer(row.median_high_milliseconds),
    },
  };
}

export interface SummaryRows {
  days: DailyVisitors[];
  totalVisitors: number;
  totalRewatchers: number;
}

/** People with activity in [from, to], by kind: one day_pairs row per person (see the schema). */
async function peopleBetween(db: Queryable, key: number, from: CalendarDay, to: CalendarDay): Promise<{ visitors: number; rewatchers: number }> {
  const { rows } = await db.query<{ rewatch: boolean; people: number }>(
    `SELECT p.rewatch, sum(p.people)::int AS people
     FROM odw.day_pairs p
     WHERE p.event_key = $1 AND p.previous_day < $2::date AND p.day BETWEEN $2::date AND $3::date
     GROUP BY p.rewatch`,
    [key, from, to],
  );
  return byKind(rows);
}

function byKind(rows: readonly { rewatch: boolean; people: number }[]): { visitors: number; rewatchers: number } {
  return {
    visitors: rows.find((row) => !row.rewatch)?.people ?? 0,
    rewatchers: rows.find((row) => row.rewatch)?.people ?? 0,
  };
}

/** Per day of [from, to] (a checked range): unique no-show visitors, rewatchers, minutes; null after reported_through. */
export async function summaryRows(db: Queryable, event: StoredEvent, from: CalendarDay, to: CalendarDay): Promise<SummaryRows> {
  const { rows } = await db.query<{ day: string; visitors: number; rewatchers: number; milliseconds: string }>(
    'SELECT d.day::text AS day, d.visitors, d.rewatchers, d.milliseconds FROM odw.event_days d WHERE d.event_key = $1 AND d.day BETWEEN $2::date AND $3::date',
    [event.key, from, to],
  );
  const people = await peopleBetween(db, event.key, from, to);
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const days = daysFromTo(from, to).map((day): DailyVisitors => {
    // Days after reportedThrough are not reported yet: null, never zero (core's summary).
    if (day > event.reportedThrough) return { day, visitors: null, rewatchers: null, minutes: null };
    const row = byDay.get(day);
    return { day, visitors: row?.visitors ?? 0, rewatchers: row?.rewatchers ?? 0, minutes: millisecondsToMinutes(row === undefined ? 0 : integer(row.milliseconds)) };
  });
  return { days, totalVisitors: people.visitors, totalRewatchers: people.rewatchers };
}

export type StatisticsRow = Omit<OnDemandStatistics, 'reportedThrough' | 'diagnostics'>;

/**
 * The statistics at `now` from the event's totals: no query. Days remaining and phase are core's
 * `daysRemaining` (which throws `InvalidInputError` for a bad `now` or threshold); the minutes are
 * core's arithmetic on the same integers core sums.
 */
export function statisticsOf(event: StoredEvent, now: Date, closingThreshold: number): StatisticsRow {
  const { days, phase } = daysRemaining(event, now, closingThreshold);
  const { visitors, rewatchers, noShowMilliseconds, rewatchMilliseconds, medianLowMilliseconds, medianHighMilliseconds } = event.totals;
  const everyone = visitors + rewatchers;
  return {
    daysRemaining: days,
    phase,
    totalVisitors: visitors,
    rewatchers,
    // "For all visitors": no-shows and rewatchers together, as core divides.
    averageWatchMinutes: everyone === 0 ? null : millisecondsToMinutes(noShowMilliseconds + rewatchMilliseconds) / everyone,
    medianWatchMinutes:
      medianLowMilliseconds === null || medianHighMilliseconds === null ? null : millisecondsToMinutes((medianLowMilliseconds + medianHighMilliseconds) / 2),
    noShowWatchMinutes: millisecondsToMinutes(noShowMilliseconds),
    rewatchWatchMinutes: millisecondsToMinutes(rewatchMilliseconds),
  };
}

/**
 * The program funnel's stages from the event's totals: no query. The totals are core's stages
 * over the leads core keeps: everyone kept is invited; `rewatch` marks the kept status Attended
 * (core's `attendedLive`, registered by its step); a lead with counted activity is a no-show
 * visitor or a rewatcher by the same mark (core's `attendedOnDemand` and `rewatched`, the
 * statistics' `totalVisitors` and `rewatchers`).
 */
export function funnelOf(event: StoredEvent): Omit<ProgramFunnel, 'diagnostics'> {
  const { registrants, registered, liveAttendees, visitors, rewatchers } = event.totals;
  return { invited: registrants, registered, attendedLive: liveAttendees, noShow: registered - liveAttendees, attendedOnDemand: visitors, rewatched: rewatchers };
}

/**
 * No-show visitors by the window day of their first on-demand visit, one count per window day
 * (index 0 = the window's first day): core's `firstVisitsOf`, for `projectionFromFirstVisits`.
 * Each lead's first active day is the day of its one pair whose previous day is the day before
 * the window (see day_pairs in the schema), so this reads at most one row per window day. Only
 * counted activity is in the pairs: days after reported_through have none.
 */
export async function firstVisitCounts(db: Queryable, event: StoredEvent, window: Pick<OnDemandWindow, 'firstDay' | 'lastDay'>): Promise<number[]> {
  const { rows } = await db.query<{ day: string; people: number }>(
    'SELECT p.day::text AS day, p.people FROM odw.day_pairs p WHERE p.event_key = $1 AND p.rewatch = false AND p.previous_day = $2::date',
    [event.key, addDays(window.firstDay, -1)],
  );
  const counts = daysFromTo(window.firstDay, window.lastDay).map(() => 0);
  for (const row of rows) counts[daysBetween(window.firstDay, row.day)] = row.people;
  return counts;
}

export interface AudienceCounts {
  /** Leads with one activity matching every constraint (has attended, attends event). */
  attended: number;
  /** Every registrant core keeps: has not attended = registrants − attended. */
  registrants: number;
}

/** Numbered placeholders from $2 on ($1 is the event's key). */
function binder(): { bind: Bind; parameters: (string | number | null)[] } {
  const parameters: (string | number | null)[] = [];
  return {
    parameters,
    bind: (value) => {
      parameters.push(value);
      return `$${parameters.length + 1}`;
    },
  };
}

/**
 * Watch Duration thresholds as tests of the extremes' buckets (`e.minute` = ⌊ms / 60 000⌋, `e.whole`
 * = exactly that many minutes) against N ($N): ms ≥ N·60 000 ⟺ minute ≥ N; ms > N·60 000 ⟺
 * minute > N or (minute = N and not whole); ms ≤ N·60 000 ⟺ minute < N or (minute = N and whole).
 */
const EXTREMES: Partial<Record<DurationTest['operator'], { most: boolean; test: string }>> = {
  'at-least': { most: true, test: 'e.minute >= $N' },
  'greater-than': { most: true, test: 'e.minute > $N OR (e.minute = $N AND NOT e.whole)' },
  'at-most': { most: false, test: 'e.minute < $N OR (e.minute = $N AND e.whole)' },
  'less-than': { most: false, test: 'e.minute < $N' },
};

/** Leads with an on-demand activity that matches, by kind (no-show visitor or rewatcher). */
async function matchingPeople(db: Queryable, event: StoredEvent, compiled: CompiledCriteria): Promise<{ visitors: number; rewatchers: number }> {
  const { days, duration } = compiled;
  if (days !== null && days.from > days.to) return { visitors: 0, rewatchers: 0 };
  // Kind and Event Mode alone: everyone with activity.
  if (days === null && duration === undefined) return { visitors: event.totals.visitors, rewatchers: event.totals.rewatchers };
  // A Watch Date alone: unique people over a range of days.
  if (days !== null && days.except === null && duration === undefined) return peopleBetween(db, event.key, days.from, days.to);
  const { bind, parameters } = binder();
  let sql: string;
  const extremes = duration === undefined ? undefined : EXTREMES[duration.operator];
  if (days === null && duration !== undefined && extremes !== undefined) {
    // Some day at least (more than) N minutes ⟺ the most watched day is; at most (less than) N ⟺
    // the least watched day is. N is whole: a count over the extremes' whole minutes.
    const minute = bind(Math.floor(duration.low / 60_000));
    sql = `SELECT e.rewatch, sum(e.people)::int AS people FROM odw.lead_extremes e
           WHERE e.event_key = $1 AND e.most = ${extremes.most} AND (${extremes.test.replaceAll('$N', () => `${minute}::bigint`)})
           GROUP BY e.rewatch`;
  } else {
    const tests = [days === null ? 'true' : daysSql(days, 'a.day', bind), duration === undefined ? 'true' : durationSql(duration, 'a.milliseconds', bind)];
    // Distinct leads by sorting their numbers: cheaper here than hashing (lead, kind) pairs.
    sql = `SELECT false AS rewatch, count(DISTINCT a.lead_no) FILTER (WHERE NOT a.rewatch)::int AS people,
                  count(DISTINCT a.lead_no) FILTER (WHERE a.rewatch)::int AS rewatchers
           FROM odw.daily_activity a WHERE a.event_key = $1 AND ${tests.join(' AND ')}`;
  }
  const { rows } = await db.query<{ rewatch: boolean; people: number; rewatchers?: number }>(sql, [event.key, ...parameters]);
  const row = rows[0];
  if (row?.rewatchers !== undefined) return { visitors: row.people, rewatchers: row.rewatchers };
  return byKind(rows);
}

/**
 * Counts the audience of compiled criteria. Everyone with activity is a kept registrant at
 * Registered or beyond, and every rewatcher attended live, so "attended live or a matching
 * activity" is the live attendees plus the no-show visitors with a matching activity.
 */
export async function audienceCounts(db: Queryable, event: StoredEvent, compiled: CompiledCriteria): Promise<AudienceCounts> {
  const { registrants, liveAttendees } = event.totals;
  const matching = compiled.onDemand ? await matchingPeople(db, event, compiled) : { visitors: 0, rewatchers: 0 };
  const attended = compiled.live ? liveAttendees + matching.visitors : matching.visitors + matching.rewatchers;
  return { attended, registrants };
}

/** A stored diagnostic's facts (odw.diagnostics); messages are written by diagnostics.ts. */
export interface ProblemRow {
  code: string;
  ord: number;
  lead_id: string | null;
  status_text: string | null;
  live_minutes: number | null;
  kept_status: string | null;
  viewed_at_text: string | null;
  viewed_at: Date | null;
  minutes: number | null;
  day: string | null;
}

/** The event's diagnostics in core's order: registrants by position, then views by position. */
export async function problemRows(db: Queryable, key: number): Promise<ProblemRow[]> {
  const { rows } = await db.query<ProblemRow>(
    `SELECT code, ord, lead_id, status_text, live_minutes, kept_status, viewed_at_text, viewed_at, minutes, day::text AS day
     FROM odw.diagnostics WHERE event_key = $1 ORDER BY section, ord, sub`,
    [key],
  );
  return rows;
}

export interface RegistrantRow {
  ord: number;
  lead_id: string | null;
  status_text: string | null;
  has_live_minutes: boolean;
  live_minutes: number | null;
  malformed: unknown;
  is_malformed: boolean;
  /** `name` and `email` as the JSON text given; null when the record has none. */
  name_json: string | null;
  email_json: string | null;
}

export interface ViewRow {
  ord: number;
  lead_id: string | null;
  /** The instant as given, or its exact ISO form (the loader keeps the text only where they differ). */
  viewed_at: string | null;
  minutes: number | null;
  malformed: unknown;
  is_malformed: boolean;
}

/** Up to `limit` registrants from position `from`, as given (lead id as given, raw status). */
export async function registrantRows(db: Queryable, eventId: string, from: number, limit: number): Promise<RegistrantRow[]> {
  const { rows } = await db.query<RegistrantRow>(
    `SELECT ord, coalesce(lead_id_given, lead_id) AS lead_id, status_text, has_live_minutes, live_minutes,
            malformed, malformed IS NOT NULL AS is_malformed, name::text AS name_json, email::text AS email_json
     FROM odw.registrants WHERE event_id = $1 AND ord >= $2 ORDER BY ord LIMIT $3`,
    [eventId, from, limit],
  );
  return rows;
}

/** Up to `limit` views from position `from`, as given (viewedAt text as given or its exact ISO form). */
export async function viewRows(db: Queryable, eventId: string, from: number, limit: number): Promise<ViewRow[]> {
  const { rows } = await db.query<ViewRow>(
    `SELECT ord, coalesce(lead_id_given, lead_id) AS lead_id,
            -- Printed in UTC (a fixed offset, the same in every time zone database), as the loader compared it.
            coalesce(viewed_at_text, to_char(viewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS viewed_at,
            minutes, malformed, malformed IS NOT NULL AS is_malformed
     FROM odw.views WHERE event_id = $1 AND ord >= $2 ORDER BY ord LIMIT $3`,
    [eventId, from, limit],
  );
  return rows;
}
