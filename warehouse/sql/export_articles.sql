-- Export source for the articles Parquet dataset: every v_articles column,
-- copies published on/after $since (UTC day) when given; partitioned by
-- published_date by the COPY in warehouse/export.py.
SELECT * FROM v_articles
WHERE $since IS NULL OR published_date >= CAST($since AS DATE)
ORDER BY published_at, article_id
