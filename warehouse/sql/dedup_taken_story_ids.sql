-- Which proposed new story ids (batch_new_story_ids) are already used, now or by a past merge.
SELECT story_id FROM stories JOIN batch_new_story_ids USING (story_id)
UNION
SELECT from_story FROM story_merges JOIN batch_new_story_ids ON from_story = story_id;
