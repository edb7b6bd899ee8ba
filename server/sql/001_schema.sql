-- The reference backend's schema: events, their registrants and the views the video platform
-- reported, kept AS GIVEN (bad records included) so GET …/attendance can serve them back and
-- clients compute exactly what the push-down routes compute here; and the AGGREGATES every
-- push-down route answers from, maintained once per daily report (server/aggregate.ts), never per
-- request.
--
-- Conventions
--   * `ord` is a record's position in the export (0-based). It is the `index` of core's
--     diagnostics and the paging key of GET …/attendance.
--   * Typed columns are what core reads from a record (`lead_id` = core's readLeadId, `status` =
--     core's normalizeStatus, `viewed_at` = core's parseInstant), filled by the loader with core's
--     own functions. `*_given` columns keep the raw text only where it differs from that reading.
--   * A view's `day` (its calendar day in the event's time zone) and `milliseconds` (its minutes
--     as whole milliseconds) are computed ONCE, by the loader, with core's calendar (Node's Intl)
--     and core's rounding. No statement converts an instant to the event's zone in PostgreSQL
--     (`AT TIME ZONE`): its time zone data is the operating system's and can disagree with Intl's
--     (America/Vancouver from 2026 on, Africa/Casablanca, …). Durations are summed as integers:
--     exact in any order.
--   * `malformed` holds a record that is not a JSON object at all (null, a string …), verbatim.
--   * Day-of-week and month boundaries ("this week", "last month") are computed by the server
--     with core's calendar from the request's clock and arrive as plain date parameters.

CREATE SCHEMA IF NOT EXISTS odw;

-- Program statuses and their steps (docs/domain.md; core's PROGRAM_STATUS_STEPS, which a test
-- compares with this table); a status only moves to a higher step.
CREATE TABLE odw.program_statuses (
  status text PRIMARY KEY,
  step   smallint NOT NULL UNIQUE,
  name   text NOT NULL
);
INSERT INTO odw.program_statuses (status, step, name) VALUES
  ('not-in-program',      0, 'Not in Program'),
  ('invited',            10, 'Invited'),
  ('pending-approval',   20, 'Pending Approval'),
  ('rejected',           30, 'Rejected / Wait Listed'),
  ('registered',         40, 'Registered'),
  ('no-show',            50, 'No Show'),
  ('attended',           70, 'Attended'),
  ('attended-on-demand', 75, 'Attended On-Demand');

CREATE TABLE odw.events (
  id               text PRIMARY KEY,
  -- A compact key for the aggregates; a reload is a new row, hence a new key.
  key              integer GENERATED ALWAYS AS IDENTITY UNIQUE,
  name             text NOT NULL,
  starts_at        timestamptz NOT NULL,
  ends_at          timestamptz NOT NULL,
  time_zone        text NOT NULL,     -- IANA; only Node's Intl reads it (the loader, the server)
  -- The platform reports once a day: views are complete through this day (event's zone).
  reported_through date NOT NULL,
  CHECK (starts_at <= ends_at)
);

CREATE TABLE odw.registrants (
  event_id         text NOT NULL REFERENCES odw.events (id) ON DELETE CASCADE,
  ord              integer NOT NULL CHECK (ord >= 0),
  lead_id          text,              -- NULL: no usable lead id (registrant-missing-lead-id)
  lead_id_given    text,              -- the lead id as given, when it differs from lead_id ('' , '  ')
  status_text      text,              -- the status as given ("No Show", "attended_on_demand" …)
  status           text REFERENCES odw.program_statuses (status), -- normalized; NULL: unknown status
  has_live_minutes boolean NOT NULL DEFAULT false, -- liveMinutes present (possibly null)
  live_minutes     double precision,
  malformed        jsonb,             -- the record when it is not an object
  PRIMARY KEY (event_id, ord),
  CHECK (live_minutes IS NULL OR live_minutes NOT IN ('NaN', 'Infinity', '-Infinity')),
  CHECK (malformed IS NULL OR (lead_id IS NULL AND status_text IS NULL AND NOT has_live_minutes))
);

CREATE TABLE odw.views (
  event_id       text NOT NULL REFERENCES odw.events (id) ON DELETE CASCADE,
  ord            integer NOT NULL CHECK (ord >= 0),
  lead_id        text,                -- NULL: no usable lead id (view-missing-lead-id)
  lead_id_given  text,
  viewed_at      timestamptz,         -- NULL: not an ISO-8601 instant with an offset (view-invalid-date)
  viewed_at_text text,                -- as given, when it is not exactly viewed_at's ISO form
  minutes        double precision,    -- as given; negative is diagnosed, not counted
  malformed      jsonb,
  day            date,                -- viewed_at's day in the event's zone (core's calendar); NULL with viewed_at
  milliseconds   bigint,              -- minutes as whole ms (core's minutesToMilliseconds); NULL: not 0 … 43 200 minutes
  PRIMARY KEY (event_id, ord),
  CHECK (minutes IS NULL OR minutes NOT IN ('NaN', 'Infinity', '-Infinity')),
  CHECK (malformed IS NOT NULL OR minutes IS NOT NULL),
  CHECK (viewed_at IS NOT NULL OR viewed_at_text IS NOT NULL OR malformed IS NOT NULL),
  CHECK ((day IS NULL) = (viewed_at IS NULL)),
  CHECK (milliseconds IS NULL OR (milliseconds >= 0 AND minutes IS NOT NULL))
);

-- ---------------------------------------------------------------------------------------------
-- Aggregates: written by server/aggregate.ts in the transaction that loads an event or appends a
-- daily report; read by every push-down route. Minutes are kept as whole milliseconds. Keyed by
-- odw.events.key (an integer: small index entries for a million rows); removed with the event.

-- The registrants core keeps: one per lead id, with the furthest status of its valid entries.
-- `lead_no` numbers them (in order of first appearance) for compact aggregates.
CREATE TABLE odw.leads (
  event_key            integer NOT NULL REFERENCES odw.events (key) ON DELETE CASCADE,
  lead_no              integer NOT NULL,
  lead_id              text NOT NULL,
  status               text NOT NULL REFERENCES odw.program_statuses (status),
  step                 smallint NOT NULL,
  -- Attended live: their views are rewatches (they stay Attended); everyone else registered who
  -- watches resolves to Attended On-Demand (a no-show visitor).
  rewatch              boolean NOT NULL,
  -- Counted on-demand activity: total, number of days, and the most and least watched on one day.
  milliseconds         bigint NOT NULL DEFAULT 0,
  active_days          smallint NOT NULL DEFAULT 0,
  max_day_milliseconds bigint,
  min_day_milliseconds bigint,
  PRIMARY KEY (event_key, lead_no)
);

-- How many people's most (`most`) and least (NOT `most`) watched day falls in each whole minute:
-- "watched at least / more than N minutes on some day" is a question about the most watched
-- day, "at most / less than" about the least, and N is a whole number of minutes. `whole`: the
-- day's total is exactly `minute` minutes (it matters for "more than" and "at most").
CREATE TABLE odw.lead_extremes (
  event_key integer NOT NULL REFERENCES odw.events (key) ON DELETE CASCADE,
  most      boolean NOT NULL,
  rewatch   boolean NOT NULL,
  minute    bigint NOT NULL,
  whole     boolean NOT NULL,
  people    integer NOT NULL,
  PRIMARY KEY (event_key, most, minute, whole, rewatch)
);

-- Daily on-demand activity (core's dailyOnDemandActivity): one row per (lead, day) of counted
-- views. The key serves audience counts — the activities on the Watch Date's days, their minutes
-- tested from the index alone — and is the only index: a load writes ~600 000 rows per million views.
CREATE TABLE odw.daily_activity (
  event_key    integer NOT NULL REFERENCES odw.events (key) ON DELETE CASCADE,
  day          date NOT NULL,
  lead_no      integer NOT NULL,
  milliseconds bigint NOT NULL,
  views        integer NOT NULL,
  rewatch      boolean NOT NULL,
  PRIMARY KEY (event_key, day, lead_no) INCLUDE (milliseconds, rewatch)
);

-- Per day of the window with activity: unique no-show visitors, unique rewatchers, watch time.
CREATE TABLE odw.event_days (
  event_key    integer NOT NULL REFERENCES odw.events (key) ON DELETE CASCADE,
  day          date NOT NULL,
  visitors     integer NOT NULL,
  rewatchers   integer NOT NULL,
  milliseconds bigint NOT NULL,
  PRIMARY KEY (event_key, day)
);

-- Unique people over any range of days, without touching the activity: each lead's active days
-- d1 < d2 < … give the pairs (d0, d1), (d1, d2), … where d0 is the day before the window. A lead
-- has activity in [from, to] exactly when one of its pairs has previous_day < from ≤ day ≤ to
-- (its first active day from `from` on), and then exactly one: the number of such pairs is the
-- number of people. At most ~500 rows per event and kind.
CREATE TABLE odw.day_pairs (
  event_key    integer NOT NULL REFERENCES odw.events (key) ON DELETE CASCADE,
  rewatch      boolean NOT NULL,
  previous_day date NOT NULL,
  day          date NOT NULL,
  people       integer NOT NULL,
  PRIMARY KEY (event_key, rewatch, previous_day, day)
);

-- What the statistics and audience counts need, per event.
CREATE TABLE odw.event_totals (
  event_key                integer PRIMARY KEY REFERENCES odw.events (key) ON DELETE CASCADE,
  registrants              integer NOT NULL, -- kept registrants: has-not-attended = registrants − has-attended
  live_attendees           integer NOT NULL, -- kept with status Attended
  visitors                 integer NOT NULL, -- no-show visitors (resolve to Attended On-Demand)
  rewatchers               integer NOT NULL,
  no_show_milliseconds     bigint NOT NULL,
  rewatch_milliseconds     bigint NOT NULL,
  -- The middle one (odd count) or two (even count) per-visitor totals: median = (low + high) / 2.
  median_low_milliseconds  bigint,
  median_high_milliseconds bigint
);

-- Diagnostics, classified once in core's order of checks and worded per request by core's
-- diagnosticOf from these facts (server/diagnostics.ts). Served in (section, ord, sub) order:
-- registrants (0) then views (1), by position; sub 1 is a registrant's second diagnostic.
CREATE TABLE odw.diagnostics (
  event_key      integer NOT NULL REFERENCES odw.events (key) ON DELETE CASCADE,
  section        smallint NOT NULL,
  ord            integer NOT NULL,
  sub            smallint NOT NULL,
  code           text NOT NULL,
  lead_id        text,
  status_text    text,
  live_minutes   double precision,
  kept_status    text,
  viewed_at_text text,
  viewed_at      timestamptz,
  minutes        double precision,
  day            date,
  PRIMARY KEY (event_key, section, ord, sub)
);
-- A daily append counts the views whose day was not reported yet: they are diagnosed as such.
CREATE INDEX diagnostics_not_yet_reported ON odw.diagnostics (event_key, day) WHERE code = 'view-not-yet-reported';
