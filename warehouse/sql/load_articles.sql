-- New copies are inserted; a known copy whose content changed is replaced in
-- place, keeping its first_seen_at. Unchanged copies were filtered out before.
-- Every column of `batch_articles` (warehouse/load.py ARTICLE_SCHEMA) is written
-- BY NAME, so a new articles column needs no change here. (MERGE, not INSERT OR
-- REPLACE: it works on both backends; DuckLake has no keys.)
MERGE INTO articles USING (
    SELECT b.*, coalesce(a.first_seen_at, now()) AS first_seen_at, now() AS updated_at, $run_id AS run_id
    FROM batch_articles b
    LEFT JOIN articles a USING (article_id)
) AS n ON articles.article_id = n.article_id
WHEN MATCHED THEN UPDATE BY NAME
WHEN NOT MATCHED THEN INSERT BY NAME;
