-- The reference backend's schema: events, their registrants and the views the video platform
-- reported, kept AS GIVEN (bad records included) so GET …/attendance can serve them back and
-- clients compute exactly what the push-down routes compute here.
--
-- Conventions
--   * `ord` is a record's position in the export (0-based). It is the `index` of core's
--     diagnostics and the paging key of GET …/attendance.
--   * Typed columns are what core reads from a record (`lead_id` = core's readLeadId, `status` =
--     core's normalizeStatus, `viewed_at` = core's parseInstant), filled by the loader with core's
--     own functions. `*_given` columns keep the raw text only where it differs from that reading.
--   * `malformed` holds a record that is not a JSON object at all (null, a string …), verbatim.
--   * The 30-day window is absolute time: always add 2 592 000 seconds, never `interval '30 days'`
--     (which PostgreSQL adds as calendar days in the session's zone, across DST changes).

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
  name             text NOT NULL,
  starts_at        timestamptz NOT NULL,
  ends_at          timestamptz NOT NULL,
  time_zone        text NOT NULL,
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
-- Registrant lookups by lead id (views → registrant, duplicates).
CREATE INDEX registrants_lead ON odw.registrants (event_id, lead_id) INCLUDE (status);

CREATE TABLE odw.views (
  event_id       text NOT NULL REFERENCES odw.events (id) ON DELETE CASCADE,
  ord            integer NOT NULL CHECK (ord >= 0),
  lead_id        text,                -- NULL: no usable lead id (view-missing-lead-id)
  lead_id_given  text,
  viewed_at      timestamptz,         -- NULL: not an ISO-8601 instant with an offset (view-invalid-date)
  viewed_at_text text,                -- as given, when it is not exactly viewed_at's ISO form
  minutes        double precision,    -- as given; negative is diagnosed, not counted
  malformed      jsonb,
  PRIMARY KEY (event_id, ord),
  CHECK (minutes IS NULL OR minutes NOT IN ('NaN', 'Infinity', '-Infinity')),
  CHECK (malformed IS NOT NULL OR minutes IS NOT NULL),
  CHECK (viewed_at IS NOT NULL OR viewed_at_text IS NOT NULL OR malformed IS NOT NULL)
);
-- The aggregates read every view of an event in the window: an index-only range scan.
CREATE INDEX views_window ON odw.views (event_id, viewed_at) INCLUDE (lead_id, minutes);
-- Views → registrant (unknown registrants, ineligible statuses).
CREATE INDEX views_lead ON odw.views (event_id, lead_id);
-- The few records that are bad on their own, for diagnostics.
CREATE INDEX views_bad ON odw.views (event_id, ord)
  WHERE malformed IS NOT NULL OR lead_id IS NULL OR viewed_at IS NULL OR NOT (minutes BETWEEN 0 AND 43200);
