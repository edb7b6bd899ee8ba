-- The people behind the counts (issue #19: `POST …/audience/members`).
--
-- Registrants' name and e-mail, as the marketing platform captured them, kept AS GIVEN as JSON
-- (text normally; anything else is served back as is and diagnosed by core): SQL NULL when the
-- record has no such field.
ALTER TABLE odw.registrants
  ADD COLUMN name  jsonb,
  ADD COLUMN email jsonb;

-- What a row of the audience list shows, kept per lead with the other aggregates (written by
-- server/aggregate.ts at a load and at each daily report), so a page reads one table: the kept
-- entry's name, e-mail (text only) and valid live minutes, and the lead's counted on-demand
-- visits and first and last day watched (NULL without activity).
ALTER TABLE odw.leads
  ADD COLUMN views        integer NOT NULL DEFAULT 0,
  ADD COLUMN first_day    date,
  ADD COLUMN last_day     date,
  ADD COLUMN name         text,
  ADD COLUMN email        text,
  ADD COLUMN live_minutes double precision;
