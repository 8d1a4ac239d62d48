-- The events of the stories a load touches (batch_story_ids), read before the stories are
-- recomputed: an event that loses a story to a merge is recomputed too.
SELECT DISTINCT event_id
FROM stories
WHERE story_id IN (SELECT story_id FROM batch_story_ids)
  AND event_id IS NOT NULL;
