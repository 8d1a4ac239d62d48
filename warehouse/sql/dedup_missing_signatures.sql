-- Stored copies that have no sketch yet (loaded before dedup existed, or by an older
-- version): they are sketched in bulk before candidates are looked up.
SELECT a.article_id, a.body
FROM articles a
ANTI JOIN article_signatures s USING (article_id)
ORDER BY a.article_id;
