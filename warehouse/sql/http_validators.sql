-- Stored validators for the URLs about to be fetched (`batch_urls`).
SELECT c.url, c.etag, c.last_modified
FROM http_cache c
JOIN batch_urls b USING (url);
