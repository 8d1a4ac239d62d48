-- Every polled feed's due time and the sources-file URL it was stored under (the
-- nothing-due check `wirehouse ingest` makes before it starts a flow run).
SELECT source, configured_url, next_due_at FROM feed_state;
