-- Stories that currently hold the copies in `batch_ids` (before they are rewritten).
SELECT DISTINCT story_id FROM articles JOIN batch_ids USING (article_id);
