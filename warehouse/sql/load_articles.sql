-- New copies are inserted; a known copy whose content changed is replaced in
-- place, keeping its first_seen_at. Unchanged copies were filtered out before.
-- Every column of `batch_articles` (warehouse/load.py ARTICLE_SCHEMA) is written
-- BY NAME, so a new articles column needs no change here.
INSERT OR REPLACE INTO articles BY NAME
SELECT b.*, coalesce(a.first_seen_at, now()) AS first_seen_at, now() AS updated_at, $run_id AS run_id
FROM batch_articles b
LEFT JOIN articles a USING (article_id);
