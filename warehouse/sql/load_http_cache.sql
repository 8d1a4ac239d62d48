-- Validators for the next conditional GET. (MERGE, not ON CONFLICT: one statement
-- that also works on DuckLake, which has no keys; see docs/operations.md.)
MERGE INTO http_cache USING (
    SELECT url, etag, last_modified, now() AS updated_at FROM batch_http_cache
) AS n ON http_cache.url = n.url
WHEN MATCHED THEN UPDATE SET etag = n.etag, last_modified = n.last_modified, updated_at = n.updated_at
WHEN NOT MATCHED THEN INSERT BY NAME;
