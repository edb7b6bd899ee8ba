/*
 * The audience list on PostgreSQL (`POST …/audience/members`): one page of the people compiled
 * criteria select, from the aggregates — `odw.leads`, one row per kept registrant with what a row
 * of the list shows (status before viewing, kept entry's name, e-mail and live minutes, total
 * milliseconds, visits, first and last day watched: server/aggregate.ts), and, for criteria with a
 * Watch Date or Watch Duration, `odw.daily_activity` with exactly the count's tests.
 *
 * Sorting is done by PostgreSQL; text compares under `COLLATE "C"` (bytes of UTF-8, which is
 * core's UTF-16 code-unit order for every character below U+E000 and for all of the supplementary
 * planes' ordering among themselves — the one difference is BMP private-use and CJK-compatibility
 * characters against supplementary ones). Days and milliseconds become core's values in Node.
 */
import { millisecondsToMinutes, PROGRAM_STATUS_STEPS, type AudienceMember, type AudienceSort, type CalendarDay, type ProgramStatus } from '../src/core/index.ts';
import { daysSql, durationSql, type Bind, type CompiledCriteria } from './criteria-sql.ts';
import type { Queryable } from './db.ts';
import type { StoredEvent } from './queries.ts';

interface MemberRow {
  lead_id: string;
  name: string | null;
  email: string | null;
  live_minutes: number | null;
  status: ProgramStatus;
  milliseconds_text: string;
  views: number;
  first_day_text: string | null;
  last_day_text: string | null;
  total: number;
}

/** The ORDER BY of a sort: the column, people without a value last either way, then lead id ascending. */
function orderBy(sort: AudienceSort): string {
  const direction = sort.direction === 'descending' ? 'DESC' : 'ASC';
  const column = {
    leadId: null,
    name: 'name COLLATE "C"',
    email: 'email COLLATE "C"',
    status: 'status_step',
    firstWatched: 'first_day',
    lastWatched: 'last_day',
    onDemandMinutes: 'milliseconds',
    onDemandViews: 'views',
  }[sort.by];
  return column === null ? `lead_id COLLATE "C" ${direction}` : `${column} ${direction} NULLS LAST, lead_id COLLATE "C" ASC`;
}

/**
 * Up to `limit` people from position `offset` of the list `compiled` criteria (of `kind`) select,
 * in `sort`'s order, and how many there are in all (`undefined` when the page is empty: ask the
 * count). Values are bound; only the sort's fixed column names are written into the SQL.
 */
export async function audienceMemberRows(
  db: Queryable,
  event: StoredEvent,
  compiled: CompiledCriteria,
  attended: boolean,
  sort: AudienceSort,
  offset: number,
  limit: number,
): Promise<{ members: AudienceMember[]; total: number | undefined }> {
  const parameters: (string | number | boolean | null)[] = [event.key, attended, offset, limit, PROGRAM_STATUS_STEPS.registered, PROGRAM_STATUS_STEPS['attended-on-demand']];
  const bind: Bind = (value) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const { days, duration } = compiled;
  // Whether a lead has an on-demand activity matching every constraint: without constraints, any
  // activity (from the lead's own row); else one of its daily activities on the Watch Date's days
  // with the Watch Duration (the count's tests, exactly).
  let onDemand: string;
  let matched = '';
  if (!compiled.onDemand || (days !== null && days.from > days.to)) onDemand = 'false';
  else if (days === null && duration === undefined) onDemand = 'l.active_days > 0';
  else {
    const tests = [days === null ? 'true' : daysSql(days, 'a.day', bind), duration === undefined ? 'true' : durationSql(duration, 'a.milliseconds', bind)];
    matched = `LEFT JOIN (SELECT DISTINCT a.lead_no FROM odw.daily_activity a WHERE a.event_key = $1 AND ${tests.join(' AND ')}) m ON m.lead_no = l.lead_no`;
    onDemand = 'm.lead_no IS NOT NULL';
  }
  const { rows } = await db.query<MemberRow>(
    `WITH selected AS (
       SELECT l.lead_id, l.name, l.email, l.live_minutes, l.milliseconds, l.views, l.first_day, l.last_day,
              -- Registered and No Show with activity are Attended On-Demand (core's resolveStatuses).
              (l.active_days > 0 AND l.step >= $5::int AND l.status <> 'attended') AS on_demand_now, l.status, l.step
       FROM odw.leads l ${matched}
       WHERE l.event_key = $1 AND (${compiled.live ? "l.status = 'attended'" : 'false'} OR ${onDemand}) = $2
     )
     SELECT lead_id, name, email, live_minutes,
            CASE WHEN on_demand_now THEN 'attended-on-demand' ELSE status END AS status,
            CASE WHEN on_demand_now THEN $6::int ELSE step END AS status_step,
            milliseconds, milliseconds::text AS milliseconds_text, views, first_day, last_day,
            first_day::text AS first_day_text, last_day::text AS last_day_text, count(*) OVER ()::int AS total
     FROM selected
     ORDER BY ${orderBy(sort)}
     OFFSET $3 LIMIT $4`,
    parameters,
  );
  const members = rows.map((row) => {
    const member: AudienceMember = { leadId: row.lead_id, status: row.status, onDemandMinutes: 0, onDemandViews: row.views, firstWatched: null, lastWatched: null };
    if (row.name !== null) member.name = row.name;
    if (row.email !== null) member.email = row.email;
    if (row.live_minutes !== null) member.liveMinutes = row.live_minutes;
    member.onDemandMinutes = millisecondsToMinutes(Number(row.milliseconds_text));
    member.firstWatched = row.first_day_text as CalendarDay | null;
    member.lastWatched = row.last_day_text as CalendarDay | null;
    return member;
  });
  return { members, total: rows[0]?.total };
}
