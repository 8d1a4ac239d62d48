-- Validators for the next conditional GET.
INSERT INTO http_cache BY NAME
SELECT url, etag, last_modified, now() AS updated_at FROM batch_http_cache
ON CONFLICT (url) DO UPDATE SET
    etag = excluded.etag, last_modified = excluded.last_modified, updated_at = excluded.updated_at;
