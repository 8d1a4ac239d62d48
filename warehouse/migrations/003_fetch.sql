-- 003_fetch: robust fetching (docs/fetching.md). No new columns: the fetch log
-- gains new outcome and kind values, documented here.
COMMENT ON TABLE fetch_log IS 'One row per HTTP request made (every attempt, robots.txt included), and per item that could not be used or was loaded with an untrusted field dropped.';
COMMENT ON COLUMN fetch_log.kind IS 'feed, page, robots (a robots.txt request) or item (an item judged before any request).';
COMMENT ON COLUMN fetch_log.outcome IS 'ok, not_modified, retry (a failed attempt that was retried), failed (the last attempt failed), rejected (the response arrived but was refused: not a feed, entity declarations ...), skipped (an item not used, or a request not made because its source was given up) or adjusted (an item loaded with an untrusted field dropped, e.g. a future date).';
COMMENT ON COLUMN fetch_log.error IS 'One-line reason when the request or item failed, was rejected or adjusted.';
COMMENT ON COLUMN runs.per_source IS 'JSON object: per source name, counts fetched, not_modified, items, new, updated, duplicate, failed, adjusted, and error (why the whole source failed this run, or null).';
