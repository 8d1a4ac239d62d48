-- What search.sql needs from articles, read from a DuckLake to build its fts index in a
-- private in-memory database at search time (warehouse/search.py).
SELECT article_id, title, body, published_at, agency, source, story_id, url FROM articles;
