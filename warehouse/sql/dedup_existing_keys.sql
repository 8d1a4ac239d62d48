-- Keys of batch copies that were sketched before (a known copy whose text changed keeps its key).
SELECT s.article_id, s.article_key
FROM article_signatures s
JOIN batch_dedup b USING (article_id);
