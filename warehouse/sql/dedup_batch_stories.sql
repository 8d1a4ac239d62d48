-- The committed story of each copy in `batch_dedup`, with what ranks stories in a merge
-- (first seen, copies): read by the post-commit reconciliation of concurrent writers.
SELECT a.article_id, a.story_id, st.first_seen_at AS story_first_seen, st.n_copies AS story_copies
FROM articles a
JOIN batch_dedup USING (article_id)
LEFT JOIN stories st USING (story_id);
