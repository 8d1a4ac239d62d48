-- Full-text search: BM25 over title and body (the index built by fts_index.sql),
-- optionally only copies published on/after $since (UTC day) and of one $agency.
-- Best match first; ties by newest.
SELECT round(score, 3) AS score,
       a.published_at,
       a.agency,
       a.source,
       a.title,
       a.story_id,
       a.article_id,
       a.url
FROM (
    SELECT *, fts_main_articles.match_bm25(article_id, $query) AS score
    FROM articles
) a
WHERE a.score IS NOT NULL
  AND ($since IS NULL OR a.published_at >= CAST($since AS DATE))
  AND ($agency IS NULL OR a.agency = upper($agency))
ORDER BY a.score DESC, a.published_at DESC NULLS LAST, a.article_id
LIMIT $limit;
