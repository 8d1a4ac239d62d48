-- The run's own row, written in the same transaction as its data.
INSERT INTO runs BY NAME
SELECT * FROM batch_run
ON CONFLICT (run_id) DO UPDATE SET
    finished_at = excluded.finished_at, status = excluded.status,
    feeds_fetched = excluded.feeds_fetched, feeds_not_modified = excluded.feeds_not_modified,
    items_seen = excluded.items_seen, articles_new = excluded.articles_new,
    articles_duplicate = excluded.articles_duplicate, failed = excluded.failed,
    per_source = excluded.per_source, top_failures = excluded.top_failures;
