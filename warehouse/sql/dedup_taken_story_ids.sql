-- Which proposed new story ids (batch_new_story_ids) are already used, now or by a past merge.
-- An id held only by copies of this batch (being rewritten, e.g. by reprocess) is free again:
-- a copy that founded a story keeps founding the same story id.
SELECT DISTINCT a.story_id
FROM articles a JOIN batch_new_story_ids USING (story_id)
WHERE a.article_id NOT IN (SELECT article_id FROM batch_dedup)
UNION
SELECT from_story FROM story_merges JOIN batch_new_story_ids ON from_story = story_id;
