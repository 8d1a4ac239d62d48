-- The bodies of the candidate copies verification needs next (batch_body_ids: at most
-- dedup.BODY_BATCH ids). So few that DuckDB pushes the join's keys into the scan of articles
-- as an IN filter (its dynamic_or_filter_threshold is 50): only the blocks holding these rows'
-- bodies are read, not the whole column.
SELECT a.article_id, a.body
FROM articles a
JOIN batch_body_ids b USING (article_id);
