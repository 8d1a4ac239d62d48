-- Export source for the stories Parquet dataset: every v_stories column,
-- stories first published on/after $since (UTC day) when given; partitioned
-- by first_published_date by the COPY in warehouse/export.py.
SELECT * FROM v_stories
WHERE $since IS NULL OR first_published_date >= CAST($since AS DATE)
ORDER BY first_published_at, story_id
