-- Who reported this event first
-- Each report of the most widely covered event in publication order, with the delay after the
-- first; put an event_id in the first line to follow another event.
SET VARIABLE event = (SELECT event_id FROM v_events ORDER BY n_agencies DESC, n_copies DESC, event_id LIMIT 1);
SELECT report_rank, agency, agency_name, published_at, minutes_after_first, title, canonical_source
FROM v_event_timeline
WHERE event_id = getvariable('event')
ORDER BY report_rank;
