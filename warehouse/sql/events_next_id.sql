-- The first event id not handed out yet (read in the assigning transaction).
SELECT coalesce(max(event_id), 0) + 1 FROM events;
