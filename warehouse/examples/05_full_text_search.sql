-- Full-text search (BM25) over title and body (file backend only)
-- Needs `LOAD fts;` in the session (wirehouse sql does it). Every chunk an ingest, backfill or reprocess commits updates the index; maintain rebuilds it whole.
-- A DuckLake cannot hold the index: there, `wirehouse search` keeps it in a local cache instead.
SELECT round(score, 3) AS score, published_at, agency, source, title
FROM (SELECT *, fts_main_articles.match_bm25(article_id, 'monsoon rain') AS score FROM articles)
WHERE score IS NOT NULL
ORDER BY score DESC
LIMIT 10;
