-- What verification needs about the candidate copies (batch_candidate_ids), with their story,
-- but not their bodies: those are read only for the candidates a pair needs
-- (dedup_candidate_bodies.sql), a few at a time. Reading every candidate's body here scanned
-- the whole body column of articles (the candidates lie anywhere in it), so the blocks a chunk
-- read grew with the stored copies (README, "Peak RSS by N").
SELECT a.article_id, a.published_at, a.dateline_date, a.story_id,
       st.first_seen_at AS story_first_seen, st.n_copies AS story_copies
FROM articles a
JOIN batch_candidate_ids c USING (article_id)
LEFT JOIN stories st USING (story_id);
