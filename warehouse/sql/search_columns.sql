-- What search.sql needs from articles, read from a DuckLake to build a reader's local
-- fts index cache (warehouse/search.py).
SELECT article_id, title, body, published_at, agency, source, story_id, url FROM articles;
