-- The program funnel (issue #20: `GET …/program/funnel`).
--
-- The funnel's `registered` stage — kept registrants at or past Registered (core's
-- isRegisteredForEvent) — kept with the event's other totals, so the route reads one row however
-- many registrants an event has. Its other stages are totals kept already: invited = registrants,
-- attendedLive = live_attendees, attendedOnDemand = visitors, rewatched = rewatchers. Written by
-- server/aggregate.ts with the other totals; filled here for the events already loaded.
ALTER TABLE odw.event_totals ADD COLUMN registered integer;

UPDATE odw.event_totals t
SET registered = (
  SELECT count(*)::int FROM odw.leads l
  WHERE l.event_key = t.event_key AND l.step >= (SELECT s.step FROM odw.program_statuses s WHERE s.status = 'registered')
);

ALTER TABLE odw.event_totals ALTER COLUMN registered SET NOT NULL;
