-- Does the full-text index exist, and how many documents does it cover
-- (compared with the articles it should cover)?
SELECT (SELECT count(*) FROM duckdb_tables()
        WHERE schema_name = 'fts_main_articles' AND table_name = 'docs') > 0 AS has_index,
       (SELECT count(*) FROM articles) AS articles;
