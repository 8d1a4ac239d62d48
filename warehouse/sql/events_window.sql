-- The stored stories a batch of new ones may join: those with an event whose time lies
-- in [$lo, $hi] (the batch's span widened by the time window), with their vectors. Only
-- this window is read, never the whole history.
SELECT v.vector,
       CAST(epoch(coalesce(s.first_published_at, s.first_seen_at)) AS BIGINT) AS at_epoch,
       s.agency,
       s.event_id
FROM stories s
JOIN event_vectors v USING (story_id)
WHERE s.event_id IS NOT NULL
  AND coalesce(s.first_published_at, s.first_seen_at) BETWEEN $lo AND $hi;
