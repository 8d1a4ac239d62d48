-- Move the copies of merged-away stories to the surviving story (no article row is lost).
UPDATE articles SET story_id = m.into_story, updated_at = now()
FROM batch_merges m
WHERE articles.story_id = m.from_story;
