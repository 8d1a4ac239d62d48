-- Recompute the events in batch_event_ids from their stories (and the stories' copies): every
-- row is deleted, then those that still have stories are inserted again with their earliest
-- report, times, agencies, sources and counts. The method is the one the assignment state
-- records.
--
-- Not a MERGE that updates the rows: DuckDB (1.4.4) updates a LIST column (agencies, sources)
-- as a delete and an insert, and when one such statement meets a row its transaction rewrote
-- before, ahead of a committed row, it refuses the committed row ("Duplicate key event_id").
-- A chunk's commit recomputes an event after its load and again in its event step, with
-- events it had not touched (tests/test_events_warehouse.py, two small chunks). Deleting,
-- then inserting, is DuckDB's supported way to rewrite keyed rows within a transaction.
DELETE FROM events WHERE event_id IN (SELECT event_id FROM batch_event_ids);

INSERT INTO events BY NAME
WITH members AS (
    SELECT s.story_id, s.event_id, s.title, s.agency, s.first_seen_at, s.last_seen_at, s.n_copies,
           coalesce(s.first_published_at, s.first_seen_at) AS at_time,
           row_number() OVER (
               PARTITION BY s.event_id
               ORDER BY coalesce(s.first_published_at, s.first_seen_at), s.story_id
           ) AS rank
    FROM stories s
    WHERE s.event_id IN (SELECT event_id FROM batch_event_ids)
), carried AS (
    SELECT m.event_id, list(DISTINCT a.source ORDER BY a.source) AS sources
    FROM members m
    JOIN articles a USING (story_id)
    GROUP BY m.event_id
)
SELECT m.event_id,
       any_value(m.story_id) FILTER (WHERE m.rank = 1) AS founding_story_id,
       any_value(m.title) FILTER (WHERE m.rank = 1) AS headline,
       min(m.at_time) AS first_published_at,
       max(m.at_time) AS last_published_at,
       min(m.first_seen_at) AS first_seen_at,
       max(m.last_seen_at) AS last_seen_at,
       coalesce(list(DISTINCT m.agency ORDER BY m.agency) FILTER (WHERE m.agency IS NOT NULL), [])
           AS agencies,
       coalesce(any_value(c.sources), []) AS sources,
       CAST(count(DISTINCT m.agency) AS INTEGER) AS n_agencies,
       CAST(count(*) AS INTEGER) AS n_stories,
       CAST(sum(m.n_copies) AS INTEGER) AS n_copies,
       coalesce((SELECT method FROM event_state WHERE name = 'events'), '') AS method,
       now() AS updated_at
FROM members m
LEFT JOIN carried c USING (event_id)
GROUP BY m.event_id;
