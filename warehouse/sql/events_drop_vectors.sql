-- Vectors of stories a load merged away (in batch_story_ids, no longer in stories).
DELETE FROM event_vectors
WHERE story_id IN (SELECT story_id FROM batch_story_ids)
  AND story_id NOT IN (SELECT story_id FROM stories);
