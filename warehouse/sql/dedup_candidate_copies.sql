-- What verification needs about the candidate copies (batch_candidate_ids), with their story.
SELECT a.article_id, a.body, a.published_at, a.dateline_date, a.story_id,
       st.first_seen_at AS story_first_seen, st.n_copies AS story_copies
FROM articles a
JOIN batch_candidate_ids c USING (article_id)
LEFT JOIN stories st USING (story_id);
