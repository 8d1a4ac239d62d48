-- Candidates from earlier runs: stored copies sharing at least one LSH band key with a
-- batch copy (batch_band_keys: pos, band_key), best first (most shared keys), at most
-- $top per batch copy. One equality join on band_key; copies of the batch itself are
-- excluded (their stored keys are about to be replaced).
WITH hits AS (
    SELECT q.pos, l.article_key, count(*) AS shared
    FROM batch_band_keys q
    JOIN lsh_bands l ON l.band_key = q.band_key
    GROUP BY q.pos, l.article_key
)
SELECT h.pos, s.article_id, h.shared::INTEGER AS shared
FROM hits h
JOIN article_signatures s ON s.article_key = h.article_key
WHERE s.article_id NOT IN (SELECT article_id FROM batch_dedup)
QUALIFY row_number() OVER (PARTITION BY h.pos ORDER BY h.shared DESC, s.article_id) <= $top;
