-- Record the method version and the number of stories counted (the one `events` row).
MERGE INTO event_state USING (
    SELECT 'events' AS name, $method AS method, CAST($n_docs AS BIGINT) AS n_docs, now() AS updated_at
) AS n ON event_state.name = n.name
WHEN MATCHED THEN UPDATE SET method = n.method, n_docs = n.n_docs, updated_at = n.updated_at
WHEN NOT MATCHED THEN INSERT BY NAME;
