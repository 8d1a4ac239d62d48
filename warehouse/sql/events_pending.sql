-- Stories that have no event yet (new since the last event step, or all of them after a
-- rebuild), oldest first, with what the event method reads: the canonical copy's title and
-- cleaned body, the story's time (publication, else load) and agency. At most $limit.
SELECT s.story_id,
       coalesce(s.title, '') AS title,
       c.body,
       CAST(epoch(coalesce(s.first_published_at, s.first_seen_at)) AS BIGINT) AS at_epoch,
       s.agency
FROM stories s
JOIN articles c ON c.article_id = s.canonical_article_id
WHERE s.event_id IS NULL
ORDER BY at_epoch, s.story_id
LIMIT $limit;
