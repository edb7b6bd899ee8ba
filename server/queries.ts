/*
 * The SQL of the REST contract. Every aggregate is computed by PostgreSQL with the exact rules
 * of docs/domain.md, the same rules core implements in JavaScript:
 *
 *   kept      registrants that pass core's checks (a lead id, a known status), one per lead id,
 *             the furthest status kept (duplicates)                       → core analyzeAttendance
 *   counted   views with a date and minutes from 0 to MAX_VIEW_MINUTES, inside the window
 *             (endsAt, closesAt], on a day — AT TIME ZONE the event's zone — on or before
 *             reported_through                                            → core analyzeAttendance
 *   kept ⋈    only views of registered leads (step ≥ Registered's) count; a lead who attended
 *             live (Attended's step) is a rewatcher, every other one resolves to Attended On-Demand
 *   activity  one row per (lead, day): minutes summed                   → core foldIntoDailyActivity
 *
 * Summary, statistics and audience counts aggregate these; diagnostics (problemRows) classify the
 * records that `kept` and `counted` leave out, in core's order of checks.
 *
 * Every statement takes the event as parameters read just before ($1 id, $2 ends_at, $3 time
 * zone, $4 reported_through, $5 closes_at): the planner then knows the window's range and the
 * zone is a constant. The domain's numbers come from core as parameters too ($6 the longest
 * plausible view, $7 Registered's step), so no rule is spelled twice. Aggregation happens before
 * the join with `kept`, and per (lead, day) only where the answer needs days (the summary, a
 * Watch Duration test): grouping a million views by lead and day is the most expensive step.
 */
import {
  daysRemaining,
  MAX_VIEW_MINUTES,
  onDemandWindow,
  PROGRAM_STATUS_STEPS,
  type CalendarDay,
  type OnDemandStatistics,
} from '../src/core/index.ts';
import type { CompiledCriteria } from './criteria-sql.ts';
import type { Pool } from './db.ts';

/** $1 = event id. Registrants core keeps, one per lead id, with the furthest status's step. */
const KEPT = `
  kept AS (
    SELECT r.lead_id, max(s.step) AS step
    FROM odw.registrants r
    JOIN odw.program_statuses s ON s.status = r.status
    WHERE r.event_id = $1 AND r.lead_id IS NOT NULL
    GROUP BY r.lead_id
  )`;

/** $1 id, $2 ends_at, $3 time zone, $4 reported_through, $5 closes_at, $6 max view minutes: the views core counts, with their day. */
const COUNTED = `
  counted AS (
    SELECT v.lead_id, (v.viewed_at AT TIME ZONE $3::text)::date AS day, v.minutes
    FROM odw.views v
    WHERE v.event_id = $1
      AND v.viewed_at > $2::timestamptz AND v.viewed_at <= $5::timestamptz
      AND v.minutes BETWEEN 0 AND $6::float8
      AND (v.viewed_at AT TIME ZONE $3::text)::date <= $4::date
  )`;

/** The parameters $1 … $7 of every statement: the event, and core's rules as values. */
function eventParameters(event: StoredEvent): unknown[] {
  // Core's window, not a re-computed one: it ends a fixed number of absolute hours after endsAt.
  const closesAt = onDemandWindow(event).closesAt.toISOString();
  return [event.id, event.endsAt, event.timeZone, event.reportedThrough, closesAt, MAX_VIEW_MINUTES, PROGRAM_STATUS_STEPS.registered];
}

export interface StoredEvent {
  id: string;
  name: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  reportedThrough: CalendarDay;
}

/** The event, or undefined when there is none with this id. */
export async function findEvent(pool: Pool, eventId: string): Promise<StoredEvent | undefined> {
  const { rows } = await pool.query<{ id: string; name: string; starts_at: Date; ends_at: Date; time_zone: string; reported_through: string }>(
    'SELECT id, name, starts_at, ends_at, time_zone, reported_through::text AS reported_through FROM odw.events WHERE id = $1',
    [eventId],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    id: row.id,
    name: row.name,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    timeZone: row.time_zone,
    reportedThrough: row.reported_through,
  };
}

export interface DayRow {
  day: CalendarDay;
  visitors: number | null;
  rewatchers: number | null;
  minutes: number | null;
}

export interface SummaryRows {
  days: DayRow[];
  totalVisitors: number;
  totalRewatchers: number;
}

/** Per day of [from, to]: unique no-show visitors, unique rewatchers, minutes; null after reported_through. */
export async function summaryRows(pool: Pool, event: StoredEvent, from: CalendarDay, to: CalendarDay): Promise<SummaryRows> {
  const { rows } = await pool.query<DayRow & { total_visitors: number; total_rewatchers: number }>(
    `WITH ${KEPT}, ${COUNTED},
    activity AS (
      SELECT c.lead_id, c.day, sum(c.minutes) AS minutes
      FROM counted c
      WHERE c.day BETWEEN $9::date AND $10::date
      GROUP BY c.lead_id, c.day
    ),
    in_range AS (
      SELECT a.lead_id, a.day, a.minutes, k.step = $8::int AS rewatch
      FROM activity a JOIN kept k ON k.lead_id = a.lead_id
      WHERE k.step >= $7::int
    ),
    per_day AS (
      -- One activity per (lead, day): counting activities counts unique people per day.
      SELECT r.day,
             count(*) FILTER (WHERE NOT r.rewatch) AS visitors,
             count(*) FILTER (WHERE r.rewatch) AS rewatchers,
             sum(r.minutes) AS minutes
      FROM in_range r
      GROUP BY r.day
    ),
    people AS (
      SELECT r.lead_id, bool_or(r.rewatch) AS rewatch FROM in_range r GROUP BY r.lead_id
    ),
    totals AS (
      -- Unique people over the range: one who watched on three days counts once.
      SELECT count(*) FILTER (WHERE NOT p.rewatch)::int AS total_visitors,
             count(*) FILTER (WHERE p.rewatch)::int AS total_rewatchers
      FROM people p
    )
    SELECT d.day::text AS day,
           CASE WHEN d.day <= $4::date THEN coalesce(p.visitors, 0)::int END AS visitors,
           CASE WHEN d.day <= $4::date THEN coalesce(p.rewatchers, 0)::int END AS rewatchers,
           CASE WHEN d.day <= $4::date THEN coalesce(p.minutes, 0) END AS minutes,
           t.total_visitors, t.total_rewatchers
    FROM totals t
    CROSS JOIN LATERAL (SELECT $9::date + offset_days AS day FROM generate_series(0, $10::date - $9::date) AS offset_days) d
    LEFT JOIN per_day p ON p.day = d.day
    ORDER BY d.day`,
    [...eventParameters(event), PROGRAM_STATUS_STEPS.attended, from, to],
  );
  return {
    days: rows.map(({ day, visitors, rewatchers, minutes }) => ({ day, visitors, rewatchers, minutes })),
    totalVisitors: rows[0]?.total_visitors ?? 0,
    totalRewatchers: rows[0]?.total_rewatchers ?? 0,
  };
}

export type StatisticsRow = Omit<OnDemandStatistics, 'reportedThrough' | 'diagnostics'>;

/**
 * Days remaining and phase at `now`, visitors to date, rewatchers, average and median watch
 * minutes. Days remaining and phase are clock arithmetic, not aggregates: core's `daysRemaining`
 * computes them (and throws `InvalidInputError` for a bad `now` or threshold) — one home for the rule.
 */
export async function statisticsRow(pool: Pool, event: StoredEvent, now: Date, closingThreshold: number): Promise<StatisticsRow> {
  const { days, phase } = daysRemaining(event, now, closingThreshold);
  const { rows } = await pool.query<{
    total_visitors: number;
    rewatchers: number;
    average: number | null;
    median: number | null;
    no_show_minutes: number;
    rewatch_minutes: number;
  }>(
    `WITH ${KEPT}, ${COUNTED},
    per_lead AS (
      -- A visitor's total is the sum of their daily activity: the same as summing their views.
      SELECT c.lead_id, sum(c.minutes) AS total FROM counted c GROUP BY c.lead_id
    ),
    per_visitor AS (
      SELECT p.lead_id, p.total, k.step = $8::int AS rewatch
      FROM per_lead p JOIN kept k ON k.lead_id = p.lead_id
      WHERE k.step >= $7::int
    ),
    visitors AS (
      SELECT count(*) FILTER (WHERE NOT p.rewatch)::int AS total_visitors,
             count(*) FILTER (WHERE p.rewatch)::int AS rewatchers,
             count(*) AS everyone,
             coalesce(sum(p.total) FILTER (WHERE NOT p.rewatch), 0) AS no_show_minutes,
             coalesce(sum(p.total) FILTER (WHERE p.rewatch), 0) AS rewatch_minutes,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY p.total) AS median
      FROM per_visitor p
    )
    SELECT v.total_visitors, v.rewatchers,
           -- "For all visitors": no-shows and rewatchers together, as core divides.
           CASE WHEN v.everyone > 0 THEN (v.no_show_minutes + v.rewatch_minutes) / v.everyone END AS average,
           v.median, v.no_show_minutes, v.rewatch_minutes
    FROM visitors v`,
    [...eventParameters(event), PROGRAM_STATUS_STEPS.attended],
  );
  const row = rows[0];
  if (row === undefined) throw new Error(`Statistics of event ${JSON.stringify(event.id)}: no row.`);
  return {
    daysRemaining: days,
    phase,
    totalVisitors: row.total_visitors,
    rewatchers: row.rewatchers,
    averageWatchMinutes: row.average,
    medianWatchMinutes: row.median,
    noShowWatchMinutes: row.no_show_minutes,
    rewatchWatchMinutes: row.rewatch_minutes,
  };
}

export interface AudienceCounts {
  /** Leads with one activity matching every constraint (has attended, attends event). */
  attended: number;
  /** Every registrant core keeps: has not attended = registrants − attended. */
  registrants: number;
}

/** First parameter number free for compiled criteria in `audienceCounts`. */
export const AUDIENCE_FIRST_PARAMETER = 11;

/** Counts the audience of compiled criteria at `now` ("today" is now's day in the event's zone). */
export async function audienceCounts(pool: Pool, event: StoredEvent, now: Date, compiled: CompiledCriteria): Promise<AudienceCounts> {
  // Views on a day the Watch Date test accepts; with a Watch Duration test, summed per (lead, day)
  // first, since the test is on the day's total.
  const matched = !compiled.onDemand
    ? 'SELECT NULL::text AS lead_id WHERE false'
    : compiled.watchDuration === undefined
      ? `SELECT DISTINCT a.lead_id FROM counted a CROSS JOIN clock WHERE ${compiled.watchDate}`
      : `SELECT DISTINCT a.lead_id
         FROM (SELECT a.lead_id, a.day, sum(a.minutes) AS minutes
               FROM counted a CROSS JOIN clock
               WHERE ${compiled.watchDate}
               GROUP BY a.lead_id, a.day) a
         WHERE ${compiled.watchDuration}`;
  // $1 … $7 the event and core's rules, $8 Attended's step, $9 now, $10 live; the criteria's own
  // parameters follow from $11 (AUDIENCE_FIRST_PARAMETER).
  const { rows } = await pool.query<{ attended: number; registrants: number }>(
    `WITH ${KEPT}, ${COUNTED},
    clock AS (
      SELECT ($9::timestamptz AT TIME ZONE $3::text)::date AS today
    ),
    matched AS (${matched})
    SELECT count(*) FILTER (WHERE ($10::boolean AND k.step = $8::int) OR (m.lead_id IS NOT NULL AND k.step >= $7::int))::int AS attended,
           count(*)::int AS registrants
    FROM kept k LEFT JOIN matched m ON m.lead_id = k.lead_id`,
    [...eventParameters(event), PROGRAM_STATUS_STEPS.attended, now.toISOString(), compiled.live, ...compiled.parameters],
  );
  const row = rows[0] ?? { attended: 0, registrants: 0 };
  return { attended: row.attended, registrants: row.registrants };
}

/** A record core leaves out, as SQL classified it; messages are written by diagnostics.ts. */
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

/**
 * Every record core would leave out or not count, with its diagnostic code, in core's order:
 * registrants by position (a bad liveMinutes before the duplicate note of the same record), then
 * views by position. The first failing check wins, in core's order of checks.
 *
 * Bad records are few, so the views are not classified one by one: the candidates come from three
 * cheap searches — bad on their own (the partial index views_bad), of a lead without an eligible
 * registrant (one anti-join), or outside the window / after reported_through (ranges of
 * views_window) — and only the candidates are classified.
 */
export async function problemRows(pool: Pool, event: StoredEvent): Promise<ProblemRow[]> {
  const wellFormed = `v.malformed IS NULL AND v.lead_id IS NOT NULL AND v.viewed_at IS NOT NULL AND v.minutes BETWEEN 0 AND $6::float8`;
  // A lead counts when one of its entries has a known status at or past Registered (max step ≥ Registered's).
  const eligible = `SELECT 1 FROM odw.registrants r JOIN odw.program_statuses s ON s.status = r.status
                    WHERE r.event_id = $1 AND r.lead_id = v.lead_id AND s.step >= $7::int`;
  const { rows } = await pool.query<ProblemRow>(
    `WITH reg AS (
      SELECT r.ord, r.lead_id, r.status_text, r.has_live_minutes, r.live_minutes, r.malformed IS NOT NULL AS malformed, s.step
      FROM odw.registrants r LEFT JOIN odw.program_statuses s ON s.status = r.status
      WHERE r.event_id = $1
    ),
    duplicated AS (
      SELECT r.lead_id FROM odw.registrants r
      WHERE r.event_id = $1 AND r.lead_id IS NOT NULL AND r.status IS NOT NULL
      GROUP BY r.lead_id HAVING count(*) > 1
    ),
    running AS (
      -- Within a duplicated lead id: how many valid entries so far, and the furthest status so far.
      SELECT g.ord, g.lead_id, row_number() OVER w AS nth, max(g.step) OVER w AS kept_step
      FROM reg g JOIN duplicated d ON d.lead_id = g.lead_id
      WHERE g.step IS NOT NULL
      WINDOW w AS (PARTITION BY g.lead_id ORDER BY g.ord ROWS UNBOUNDED PRECEDING)
    ),
    candidates AS (
      SELECT v.ord, v.lead_id, v.viewed_at_text, v.viewed_at, v.minutes, v.malformed
      FROM odw.views v
      WHERE v.event_id = $1 AND (v.malformed IS NOT NULL OR v.lead_id IS NULL OR v.viewed_at IS NULL OR NOT (v.minutes BETWEEN 0 AND $6::float8))
      UNION ALL
      SELECT v.ord, v.lead_id, v.viewed_at_text, v.viewed_at, v.minutes, v.malformed
      FROM odw.views v
      WHERE v.event_id = $1 AND ${wellFormed} AND NOT EXISTS (${eligible})
      UNION ALL
      SELECT v.ord, v.lead_id, v.viewed_at_text, v.viewed_at, v.minutes, v.malformed
      FROM odw.views v
      WHERE v.event_id = $1 AND ${wellFormed} AND EXISTS (${eligible})
        AND (v.viewed_at <= $2::timestamptz
             OR v.viewed_at > $5::timestamptz
             -- After (about) the start of reported_through, then exactly: on a later day.
             OR (v.viewed_at > ($4::date::timestamp AT TIME ZONE $3::text) AND (v.viewed_at AT TIME ZONE $3::text)::date > $4::date))
    ),
    classified AS (
      SELECT c.ord, c.lead_id, c.viewed_at_text, c.viewed_at, c.minutes, s.status AS kept_status,
             (c.viewed_at AT TIME ZONE $3::text)::date AS day,
             CASE WHEN c.malformed IS NOT NULL THEN 'view-malformed'
                  WHEN c.lead_id IS NULL THEN 'view-missing-lead-id'
                  WHEN c.viewed_at IS NULL THEN 'view-invalid-date'
                  WHEN NOT (c.minutes BETWEEN 0 AND $6::float8) THEN 'view-invalid-minutes'
                  WHEN k.step IS NULL THEN 'view-unknown-registrant'
                  WHEN k.step < $7::int THEN 'view-ineligible-status'
                  WHEN c.viewed_at <= $2::timestamptz OR c.viewed_at > $5::timestamptz THEN 'view-outside-window'
                  WHEN (c.viewed_at AT TIME ZONE $3::text)::date > $4::date THEN 'view-not-yet-reported'
             END AS code
      FROM candidates c
      -- The lead's kept status: the furthest of its valid entries.
      LEFT JOIN LATERAL (
        SELECT max(s2.step) AS step FROM odw.registrants r JOIN odw.program_statuses s2 ON s2.status = r.status
        WHERE r.event_id = $1 AND r.lead_id = c.lead_id
      ) k ON true
      LEFT JOIN odw.program_statuses s ON s.step = k.step
    ),
    problems AS (
      SELECT 0 AS section, g.ord, 0 AS sub,
             CASE WHEN g.malformed THEN 'registrant-malformed'
                  WHEN g.lead_id IS NULL THEN 'registrant-missing-lead-id'
                  WHEN g.step IS NULL THEN 'registrant-unknown-status'
                  ELSE 'registrant-invalid-live-minutes' END AS code,
             g.lead_id, g.status_text, g.live_minutes, NULL::text AS kept_status,
             NULL::text AS viewed_at_text, NULL::timestamptz AS viewed_at, NULL::float8 AS minutes, NULL::date AS day
      FROM reg g
      WHERE g.malformed OR g.lead_id IS NULL OR g.step IS NULL OR (g.has_live_minutes AND NOT coalesce(g.live_minutes BETWEEN 0 AND $6::float8, false))
      UNION ALL
      SELECT 0, u.ord, 1, 'registrant-duplicate', u.lead_id, NULL, NULL, s.status, NULL, NULL, NULL, NULL
      FROM running u JOIN odw.program_statuses s ON s.step = u.kept_step
      WHERE u.nth > 1
      UNION ALL
      SELECT 1, x.ord, 0, x.code, x.lead_id, NULL, NULL, x.kept_status, x.viewed_at_text, x.viewed_at, x.minutes, x.day
      FROM classified x
      WHERE x.code IS NOT NULL
    )
    SELECT p.code, p.ord, p.lead_id, p.status_text, p.live_minutes, p.kept_status,
           p.viewed_at_text, p.viewed_at, p.minutes, p.day::text AS day
    FROM problems p
    ORDER BY p.section, p.ord, p.sub`,
    eventParameters(event),
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
}

export interface ViewRow {
  ord: number;
  lead_id: string | null;
  viewed_at: string | null;
  minutes: number | null;
  malformed: unknown;
  is_malformed: boolean;
}

/** Up to `limit` registrants from position `from`, as given (lead id as given, raw status). */
export async function registrantRows(pool: Pool, eventId: string, from: number, limit: number): Promise<RegistrantRow[]> {
  const { rows } = await pool.query<RegistrantRow>(
    `SELECT ord, coalesce(lead_id_given, lead_id) AS lead_id, status_text, has_live_minutes, live_minutes,
            malformed, malformed IS NOT NULL AS is_malformed
     FROM odw.registrants WHERE event_id = $1 AND ord >= $2 ORDER BY ord LIMIT $3`,
    [eventId, from, limit],
  );
  return rows;
}

/** Up to `limit` views from position `from`, as given (viewedAt text as given or its exact ISO form). */
export async function viewRows(pool: Pool, eventId: string, from: number, limit: number): Promise<ViewRow[]> {
  const { rows } = await pool.query<ViewRow>(
    `SELECT ord, coalesce(lead_id_given, lead_id) AS lead_id,
            coalesce(viewed_at_text, to_char(viewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS viewed_at,
            minutes, malformed, malformed IS NOT NULL AS is_malformed
     FROM odw.views WHERE event_id = $1 AND ord >= $2 ORDER BY ord LIMIT $3`,
    [eventId, from, limit],
  );
  return rows;
}
