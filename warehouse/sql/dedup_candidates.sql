-- Candidates from earlier runs: stored copies sharing at least one LSH band key with a
-- batch copy (batch_band_keys: pos, band_key), best first (most shared keys), at most
-- $top per batch copy; copies of the batch itself are excluded (their stored keys are about
-- to be replaced).
--
-- Each band key brings at most $bucket stored copies (DedupConfig.big_bucket, as a batch's
-- own buckets are bounded): the ones with the largest article_key, one order for every key,
-- so a near-duplicate group's big buckets tend to sample the same copies and their shared
-- counts stay comparable. A key held by more copies than that is template text (or a story
-- with that many copies, any of which links to it); without the bound the join grew with the
-- stored copies holding the batch's keys (batch keys x bucket sizes), so a run of thousands of
-- templated items read more on every chunk (issue 15). Bounded, a chunk reads at most
-- batch keys x $bucket pairs, however large the warehouse.
WITH own AS (
    SELECT s.article_key
    FROM article_signatures s
    JOIN batch_dedup b USING (article_id)
),
bucket AS (
    SELECT l.band_key, unnest(max(l.article_key, $bucket)) AS article_key
    FROM lsh_bands l
    WHERE l.band_key IN (SELECT band_key FROM batch_band_keys)
      AND l.article_key NOT IN (SELECT article_key FROM own)
    GROUP BY l.band_key
),
hits AS (
    SELECT q.pos, b.article_key, count(*) AS shared
    FROM batch_band_keys q
    JOIN bucket b ON b.band_key = q.band_key
    GROUP BY q.pos, b.article_key
)
SELECT h.pos, s.article_id, h.shared::INTEGER AS shared
FROM hits h
JOIN article_signatures s ON s.article_key = h.article_key
QUALIFY row_number() OVER (PARTITION BY h.pos ORDER BY h.shared DESC, s.article_id) <= $top;
