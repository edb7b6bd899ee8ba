/*
 * The aggregates, maintained once per daily report: every push-down route reads them and nothing
 * else (server/queries.ts), so a request costs a few index lookups however many views an event has.
 *
 * They are computed in SQL by the rules of docs/domain.md, from the stored records and the two
 * values the loader computed with core for each view (its `day` in the event's zone, its
 * `milliseconds`), in the transaction that loads an event or appends a daily report:
 *
 *   leads           registrants core keeps: one per lead id, the furthest status of its valid
 *                   entries (duplicates) — core's analyzeAttendance
 *   counted views   of a kept lead at Registered or beyond, minutes 0 … MAX_VIEW_MINUTES (a
 *                   `milliseconds` value), inside (endsAt, closesAt], on a day ≤ reportedThrough
 *   daily_activity  counted views per (lead, day), milliseconds and views summed — core's
 *                   foldIntoDailyActivity; rewatch = the lead attended live
 *   event_days      per day: activities of no-show visitors, of rewatchers, milliseconds
 *   day_pairs       per lead, consecutive active days: unique people over any range (see the schema)
 *   leads totals    per lead: milliseconds, active days, most and least watched on one day
 *   lead_extremes   how many people's most / least watched day falls in each whole minute
 *   event_totals    the counts, sums and middle per-visitor totals the statistics need, and
 *                   the registrants at or past Registered the program funnel needs
 *   diagnostics     every record core leaves out, with its code, in core's order of checks
 *
 * `buildAggregates` computes them for a freshly stored event, in bulk. `addToAggregates` adds a
 * daily report: only what its views touch changes — the (lead, day) rows they add to, the pairs
 * and totals of those leads, those days, the event's totals — and views stored earlier whose day
 * was not reported yet are counted once it is. The tests check that loading an event and
 * appending reports to it give the same aggregates as loading everything at once.
 */
import { addDays, MAX_VIEW_MINUTES, onDemandWindow, PROGRAM_STATUS_STEPS, type CalendarDay, type WebinarEvent } from '../src/core/index.ts';
import type { PoolClient } from './db.ts';

/** A stored event the aggregates are (re)computed for. */
export interface AggregateTarget {
  /** odw.events.key */
  key: number;
  event: WebinarEvent;
  reportedThrough: CalendarDay;
}

/** The values the statements take; each statement numbers the ones it uses. */
interface Values {
  key: number;
  id: string;
  endsAt: string;
  closesAt: string;
  reportedThrough: CalendarDay;
  /** The `previous_day` of a lead's first active day: the day before the window. */
  dayBeforeWindow: CalendarDay;
}

function valuesOf({ key, event, reportedThrough }: AggregateTarget): Values {
  const window = onDemandWindow(event);
  return {
    key,
    id: event.id,
    endsAt: new Date(event.endsAt).toISOString(),
    closesAt: window.closesAt.toISOString(),
    reportedThrough,
    dayBeforeWindow: addDays(window.firstDay, -1),
  };
}

/**
 * A view counts when it is well formed with valid minutes (a `milliseconds` value), inside the
 * window and on a reported day; `v` is the view, $A … $D stand for ends_at, closes_at,
 * reported_through and Registered's step, `l` for its lead.
 */
function countedSql(endsAt: string, closesAt: string, reportedThrough: string, registered: string): string {
  return `v.malformed IS NULL AND v.milliseconds IS NOT NULL AND l.step >= ${registered}::int
          AND v.viewed_at > ${endsAt}::timestamptz AND v.viewed_at <= ${closesAt}::timestamptz
          AND v.day <= ${reportedThrough}::date`;
}

/**
 * Builds the aggregates of a freshly stored event (registrants and views just inserted in this
 * transaction, nothing aggregated for its key yet), in bulk.
 */
export async function buildAggregates(client: PoolClient, target: AggregateTarget): Promise<void> {
  const values = valuesOf(target);
  const { key, id } = values;
  // The planner needs to know the fresh rows (hash joins, not nested loops over a million views).
  await client.query('ANALYZE odw.registrants, odw.views');
  await client.query('DROP TABLE IF EXISTS pg_temp.odw_kept');
  await client.query('CREATE TEMP TABLE odw_kept (lead_no integer, lead_id text, status text, step smallint, rewatch boolean) ON COMMIT DROP');
  await client.query(
    `INSERT INTO pg_temp.odw_kept (lead_no, lead_id, status, step, rewatch)
     SELECT row_number() OVER (ORDER BY k.first_ord)::int, k.lead_id, s.status, k.step, k.step = $2::int
     FROM (
       SELECT r.lead_id, min(r.ord) AS first_ord, max(p.step) AS step
       FROM odw.registrants r JOIN odw.program_statuses p ON p.status = r.status
       WHERE r.event_id = $1 AND r.lead_id IS NOT NULL
       GROUP BY r.lead_id
     ) k JOIN odw.program_statuses s ON s.step = k.step`,
    [id, PROGRAM_STATUS_STEPS.attended],
  );
  await client.query('ANALYZE pg_temp.odw_kept');
  await client.query(
    `INSERT INTO odw.daily_activity (event_key, day, lead_no, milliseconds, views, rewatch)
     SELECT $1::int, v.day, l.lead_no, sum(v.milliseconds)::bigint, count(*)::int, l.rewatch
     FROM odw.views v JOIN pg_temp.odw_kept l ON l.lead_id = v.lead_id
     WHERE v.event_id = $2 AND ${countedSql('$3', '$4', '$5', '$6')}
     GROUP BY v.day, l.lead_no, l.rewatch
     ORDER BY v.day, l.lead_no`,
    [key, id, values.endsAt, values.closesAt, values.reportedThrough, PROGRAM_STATUS_STEPS.registered],
  );
  await client.query(
    `INSERT INTO odw.leads (event_key, lead_no, lead_id, status, step, rewatch, milliseconds, active_days, max_day_milliseconds, min_day_milliseconds,
                            views, first_day, last_day, name, email, live_minutes)
     SELECT $1::int, k.lead_no, k.lead_id, k.status, k.step, k.rewatch, coalesce(a.milliseconds, 0), coalesce(a.active_days, 0), a.most, a.least,
            coalesce(a.views, 0), a.first_day, a.last_day, c.name, c.email, c.live_minutes
     FROM pg_temp.odw_kept k
     LEFT JOIN (
       SELECT a.lead_no, sum(a.milliseconds)::bigint AS milliseconds, count(*)::int AS active_days, max(a.milliseconds) AS most, min(a.milliseconds) AS least,
              sum(a.views)::int AS views, min(a.day) AS first_day, max(a.day) AS last_day
       FROM odw.daily_activity a WHERE a.event_key = $1
       GROUP BY a.lead_no
     ) a ON a.lead_no = k.lead_no
     LEFT JOIN (
       -- Each lead's kept entry (core's rule: the furthest status, the first listed among equals):
       -- its name and e-mail when they are text, its live minutes when valid.
       SELECT DISTINCT ON (r.lead_id) r.lead_id,
              CASE WHEN jsonb_typeof(r.name) = 'string' THEN r.name #>> '{}' END AS name,
              CASE WHEN jsonb_typeof(r.email) = 'string' THEN r.email #>> '{}' END AS email,
              CASE WHEN r.has_live_minutes AND r.live_minutes >= 0 AND r.live_minutes <= $3::float8 THEN r.live_minutes END AS live_minutes
       FROM odw.registrants r JOIN odw.program_statuses p ON p.status = r.status
       WHERE r.event_id = $2 AND r.lead_id IS NOT NULL
       ORDER BY r.lead_id, p.step DESC, r.ord
     ) c ON c.lead_id = k.lead_id
     ORDER BY k.lead_no`,
    [key, id, MAX_VIEW_MINUTES],
  );
  await insertPairs(client, key, values.dayBeforeWindow, 1, null);
  await insertDays(client, key, null);
  await updateTotals(client, key);
  await insertRegistrantDiagnostics(client, key, id);
  await insertViewDiagnostics(client, values, 0);
}

/**
 * Adds a daily report to an event's aggregates: the views stored from `fromOrd` on, and the views
 * stored before whose day was after `previousReportedThrough` (diagnosed "not reported yet") and
 * is reported now. Classifies the new views' diagnostics and drops the "not reported yet" ones
 * whose day is now reported.
 */
export async function addToAggregates(client: PoolClient, target: AggregateTarget, fromOrd: number): Promise<void> {
  const values = valuesOf(target);
  const { key, id } = values;
  await client.query('DROP TABLE IF EXISTS pg_temp.odw_fresh');
  await client.query('CREATE TEMP TABLE odw_fresh (lead_no integer, day date, milliseconds bigint, views integer, rewatch boolean) ON COMMIT DROP');
  await client.query(
    `WITH candidates AS (
       SELECT v.* FROM odw.views v WHERE v.event_id = $2 AND v.ord >= $3::int
       UNION ALL
       SELECT v.* FROM odw.diagnostics d JOIN odw.views v ON v.event_id = $2 AND v.ord = d.ord
       WHERE d.event_key = $1 AND d.code = 'view-not-yet-reported' AND d.day <= $6::date AND d.ord < $3::int
     )
     INSERT INTO pg_temp.odw_fresh (lead_no, day, milliseconds, views, rewatch)
     SELECT l.lead_no, v.day, sum(v.milliseconds)::bigint, count(*)::int, l.rewatch
     FROM candidates v JOIN odw.leads l ON l.event_key = $1 AND l.lead_id = v.lead_id
     WHERE ${countedSql('$4', '$5', '$6', '$7')}
     GROUP BY l.lead_no, v.day, l.rewatch`,
    [key, id, fromOrd, values.endsAt, values.closesAt, values.reportedThrough, PROGRAM_STATUS_STEPS.registered],
  );
  await client.query('ANALYZE pg_temp.odw_fresh');
  const touched = 'SELECT f.lead_no FROM pg_temp.odw_fresh f';
  // The pairs of the leads this report touches: out with the old ones, in with the new.
  await insertPairs(client, key, values.dayBeforeWindow, -1, touched);
  await client.query(
    `INSERT INTO odw.daily_activity (event_key, day, lead_no, milliseconds, views, rewatch)
     SELECT $1::int, f.day, f.lead_no, f.milliseconds, f.views, f.rewatch FROM pg_temp.odw_fresh f
     ON CONFLICT (event_key, day, lead_no) DO UPDATE
       SET milliseconds = odw.daily_activity.milliseconds + excluded.milliseconds, views = odw.daily_activity.views + excluded.views`,
    [key],
  );
  await insertPairs(client, key, values.dayBeforeWindow, 1, touched);
  await client.query('DELETE FROM odw.day_pairs WHERE event_key = $1 AND people = 0', [key]);
  await client.query(
    `UPDATE odw.leads l
     SET milliseconds = x.milliseconds, active_days = x.active_days, max_day_milliseconds = x.most, min_day_milliseconds = x.least,
         views = x.views, first_day = x.first_day, last_day = x.last_day
     FROM (
       SELECT a.lead_no, sum(a.milliseconds)::bigint AS milliseconds, count(*)::int AS active_days, max(a.milliseconds) AS most, min(a.milliseconds) AS least,
              sum(a.views)::int AS views, min(a.day) AS first_day, max(a.day) AS last_day
       FROM odw.daily_activity a
       WHERE a.event_key = $1 AND a.lead_no IN (${touched})
       GROUP BY a.lead_no
     ) x
     WHERE l.event_key = $1 AND l.lead_no = x.lead_no`,
    [key],
  );
  const days = 'SELECT f.day FROM pg_temp.odw_fresh f';
  await client.query(`DELETE FROM odw.event_days WHERE event_key = $1 AND day IN (${days})`, [key]);
  await insertDays(client, key, days);
  await updateTotals(client, key);
  await client.query(`DELETE FROM odw.diagnostics WHERE event_key = $1 AND code = 'view-not-yet-reported' AND day <= $2::date`, [key, values.reportedThrough]);
  await insertViewDiagnostics(client, values, fromOrd);
}

/** Adds (`sign` 1) or takes away (−1) the consecutive-day pairs of the leads `leads` selects (all: null). */
async function insertPairs(client: PoolClient, key: number, dayBeforeWindow: CalendarDay, sign: 1 | -1, leads: string | null): Promise<void> {
  await client.query(
    `INSERT INTO odw.day_pairs (event_key, rewatch, previous_day, day, people)
     SELECT $1::int, p.rewatch, p.previous_day, p.day, $3::int * count(*)::int
     FROM (
       SELECT a.rewatch, coalesce(lag(a.day) OVER (PARTITION BY a.lead_no ORDER BY a.day), $2::date) AS previous_day, a.day
       FROM odw.daily_activity a
       WHERE a.event_key = $1 ${leads === null ? '' : `AND a.lead_no IN (${leads})`}
     ) p
     GROUP BY p.rewatch, p.previous_day, p.day
     ON CONFLICT (event_key, rewatch, previous_day, day) DO UPDATE SET people = odw.day_pairs.people + excluded.people`,
    [key, dayBeforeWindow, sign],
  );
}

/** Writes the per-day rows of the days `days` selects (all: null) from the activity. */
async function insertDays(client: PoolClient, key: number, days: string | null): Promise<void> {
  await client.query(
    `INSERT INTO odw.event_days (event_key, day, visitors, rewatchers, milliseconds)
     SELECT $1::int, a.day, count(*) FILTER (WHERE NOT a.rewatch)::int, count(*) FILTER (WHERE a.rewatch)::int, sum(a.milliseconds)::bigint
     FROM odw.daily_activity a
     WHERE a.event_key = $1 ${days === null ? '' : `AND a.day IN (${days})`}
     GROUP BY a.day`,
    [key],
  );
}

/** The statistics' and the funnel's counts and sums, the middle per-visitor totals for the median, and the extremes' minutes. */
async function updateTotals(client: PoolClient, key: number): Promise<void> {
  await client.query('DELETE FROM odw.lead_extremes WHERE event_key = $1', [key]);
  await client.query(
    `INSERT INTO odw.lead_extremes (event_key, most, rewatch, minute, whole, people)
     SELECT $1::int, e.most, e.rewatch, e.milliseconds / 60000, e.milliseconds % 60000 = 0, count(*)::int
     FROM (
       SELECT true AS most, l.rewatch, l.max_day_milliseconds AS milliseconds FROM odw.leads l WHERE l.event_key = $1 AND l.active_days > 0
       UNION ALL
       SELECT false, l.rewatch, l.min_day_milliseconds FROM odw.leads l WHERE l.event_key = $1 AND l.active_days > 0
     ) e
     GROUP BY e.most, e.rewatch, e.milliseconds / 60000, e.milliseconds % 60000 = 0`,
    [key],
  );
  await client.query(
    `WITH visitors AS (
       SELECT l.milliseconds, row_number() OVER (ORDER BY l.milliseconds) AS position, count(*) OVER () AS everyone
       FROM odw.leads l WHERE l.event_key = $1 AND l.active_days > 0
     ),
     middle AS (
       -- Positions ⌊(n + 1) / 2⌋ and ⌊n / 2⌋ + 1: the same one for odd n, the middle two for even n.
       SELECT min(v.milliseconds) AS low, max(v.milliseconds) AS high
       FROM visitors v WHERE v.position IN ((v.everyone + 1) / 2, v.everyone / 2 + 1)
     )
     INSERT INTO odw.event_totals (event_key, registrants, registered, live_attendees, visitors, rewatchers, no_show_milliseconds, rewatch_milliseconds,
                                   median_low_milliseconds, median_high_milliseconds)
     SELECT $1::int, count(*)::int, count(*) FILTER (WHERE l.step >= $2::int)::int, count(*) FILTER (WHERE l.rewatch)::int,
            count(*) FILTER (WHERE l.active_days > 0 AND NOT l.rewatch)::int,
            count(*) FILTER (WHERE l.active_days > 0 AND l.rewatch)::int,
            coalesce(sum(l.milliseconds) FILTER (WHERE NOT l.rewatch), 0)::bigint,
            coalesce(sum(l.milliseconds) FILTER (WHERE l.rewatch), 0)::bigint,
            (SELECT low FROM middle), (SELECT high FROM middle)
     FROM odw.leads l WHERE l.event_key = $1
     ON CONFLICT (event_key) DO UPDATE SET
       registrants = excluded.registrants, registered = excluded.registered, live_attendees = excluded.live_attendees, visitors = excluded.visitors,
       rewatchers = excluded.rewatchers, no_show_milliseconds = excluded.no_show_milliseconds,
       rewatch_milliseconds = excluded.rewatch_milliseconds, median_low_milliseconds = excluded.median_low_milliseconds,
       median_high_milliseconds = excluded.median_high_milliseconds`,
    [key, PROGRAM_STATUS_STEPS.registered],
  );
}

/** Registrants core leaves out or reports, in its order of checks (at load). */
async function insertRegistrantDiagnostics(client: PoolClient, key: number, eventId: string): Promise<void> {
  await client.query(
    `WITH reg AS (
      SELECT r.ord, r.lead_id, r.status_text, r.has_live_minutes, r.live_minutes, r.malformed IS NOT NULL AS malformed, s.step
      FROM odw.registrants r LEFT JOIN odw.program_statuses s ON s.status = r.status
      WHERE r.event_id = $2
    ),
    duplicated AS (
      SELECT g.lead_id FROM reg g WHERE g.lead_id IS NOT NULL AND g.step IS NOT NULL GROUP BY g.lead_id HAVING count(*) > 1
    ),
    running AS (
      -- Within a duplicated lead id: how many valid entries so far, and the furthest status so far.
      SELECT g.ord, g.lead_id, row_number() OVER w AS nth, max(g.step) OVER w AS kept_step
      FROM reg g JOIN duplicated d ON d.lead_id = g.lead_id
      WHERE g.step IS NOT NULL
      WINDOW w AS (PARTITION BY g.lead_id ORDER BY g.ord ROWS UNBOUNDED PRECEDING)
    )
    INSERT INTO odw.diagnostics (event_key, section, ord, sub, code, lead_id, status_text, live_minutes, kept_status)
    SELECT $1::int, 0, g.ord, 0,
           CASE WHEN g.malformed THEN 'registrant-malformed'
                WHEN g.lead_id IS NULL THEN 'registrant-missing-lead-id'
                WHEN g.step IS NULL THEN 'registrant-unknown-status'
                ELSE 'registrant-invalid-live-minutes' END,
           g.lead_id, g.status_text, g.live_minutes, NULL
    FROM reg g
    -- liveMinutes, when present, must be a number from 0 to core's MAX_VIEW_MINUTES.
    WHERE g.malformed OR g.lead_id IS NULL OR g.step IS NULL OR (g.has_live_minutes AND NOT coalesce(g.live_minutes BETWEEN 0 AND $3::float8, false))
    UNION ALL
    SELECT $1::int, 0, u.ord, 1, 'registrant-duplicate', u.lead_id, NULL, NULL, s.status
    FROM running u JOIN odw.program_statuses s ON s.step = u.kept_step
    WHERE u.nth > 1`,
    [key, eventId, MAX_VIEW_MINUTES],
  );
}

/** Classifies the views from `fromOrd` on: the first failing check, in core's order, decides. */
async function insertViewDiagnostics(client: PoolClient, values: Values, fromOrd: number): Promise<void> {
  await client.query(
    `INSERT INTO odw.diagnostics (event_key, section, ord, sub, code, lead_id, kept_status, viewed_at_text, viewed_at, minutes, day)
     SELECT $1::int, 1, x.ord, 0, x.code, x.lead_id, x.kept_status, x.viewed_at_text, x.viewed_at, x.minutes, x.day
     FROM (
       SELECT v.ord, v.lead_id, l.status AS kept_status, v.viewed_at_text, v.viewed_at, v.minutes, v.day,
              CASE WHEN v.malformed IS NOT NULL THEN 'view-malformed'
                   WHEN v.lead_id IS NULL THEN 'view-missing-lead-id'
                   WHEN v.viewed_at IS NULL THEN 'view-invalid-date'
                   WHEN v.milliseconds IS NULL THEN 'view-invalid-minutes'
                   WHEN l.step IS NULL THEN 'view-unknown-registrant'
                   WHEN l.step < $4::int THEN 'view-ineligible-status'
                   WHEN v.viewed_at <= $5::timestamptz OR v.viewed_at > $6::timestamptz THEN 'view-outside-window'
                   WHEN v.day > $7::date THEN 'view-not-yet-reported'
              END AS code
       FROM odw.views v LEFT JOIN odw.leads l ON l.event_key = $1 AND l.lead_id = v.lead_id
       WHERE v.event_id = $2 AND v.ord >= $3::int
     ) x
     WHERE x.code IS NOT NULL`,
    [values.key, values.id, fromOrd, PROGRAM_STATUS_STEPS.registered, values.endsAt, values.closesAt, values.reportedThrough],
  );
}
