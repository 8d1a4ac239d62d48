-- The run's own row, written in the same transaction as its data.
MERGE INTO runs USING (SELECT * FROM batch_run) AS n ON runs.run_id = n.run_id
WHEN MATCHED THEN UPDATE SET
    finished_at = n.finished_at, status = n.status,
    feeds_fetched = n.feeds_fetched, feeds_not_modified = n.feeds_not_modified,
    items_seen = n.items_seen, articles_new = n.articles_new,
    articles_duplicate = n.articles_duplicate, failed = n.failed,
    per_source = n.per_source, top_failures = n.top_failures
WHEN NOT MATCHED THEN INSERT BY NAME;
