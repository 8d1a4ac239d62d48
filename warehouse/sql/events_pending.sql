-- Stories that have no event yet (new since the last event step, or all of them after a
-- rebuild), oldest first, at most $limit: their time (publication, else load), agency, title,
-- canonical copy and when it was first loaded. Their bodies are read by events_bodies.sql.
SELECT story_id,
       coalesce(title, '') AS title,
       CAST(epoch(coalesce(first_published_at, first_seen_at)) AS BIGINT) AS at_epoch,
       agency,
       canonical_article_id,
       first_seen_at
FROM stories
WHERE event_id IS NULL
ORDER BY at_epoch, story_id
LIMIT $limit;
