-- Which of the candidate ids (`batch_ids`) are already loaded, with their content hash.
SELECT a.article_id, a.content_hash
FROM articles a
JOIN batch_ids b USING (article_id);
