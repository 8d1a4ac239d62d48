-- 010_feed_state: adaptive polling and feed health (issue 15; docs/operations.md,
-- "Polling and feed health"). One row per feed source, written at the end of every
-- ingest run for the feeds it polled; the next-due rules are transforms/polling.py.
CREATE TABLE IF NOT EXISTS feed_state (
    source               VARCHAR PRIMARY KEY,
    configured_url       VARCHAR NOT NULL,
    current_url          VARCHAR NOT NULL,
    moved_at             TIMESTAMPTZ,
    next_due_at          TIMESTAMPTZ,
    interval_s           DOUBLE,
    change_interval_s    DOUBLE,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    health               VARCHAR NOT NULL,
    last_polled_at       TIMESTAMPTZ,
    last_success_at      TIMESTAMPTZ,
    last_failure_at      TIMESTAMPTZ,
    last_failure_reason  VARCHAR,
    last_item_at         TIMESTAMPTZ,
    last_response_ms     DOUBLE,
    due_reason           VARCHAR,
    updated_at           TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE feed_state IS 'Per feed source: when it is due next, what was learned about how often it changes, and its health (written by every ingest run for the feeds it polled).';
COMMENT ON COLUMN feed_state.source IS 'Source name (sources.name).';
COMMENT ON COLUMN feed_state.configured_url IS 'The feed URL of the sources file when this row was written; when the file says otherwise, the file wins and the feed is due at once.';
COMMENT ON COLUMN feed_state.current_url IS 'The URL polled: the configured one, or where permanent redirects (301/308) said the feed has moved.';
COMMENT ON COLUMN feed_state.moved_at IS 'When a permanent redirect last changed current_url (UTC), NULL if never.';
COMMENT ON COLUMN feed_state.next_due_at IS 'When a scheduled ingest polls this feed next (UTC); `wirehouse ingest --all` polls it anyway.';
COMMENT ON COLUMN feed_state.interval_s IS 'Seconds from the last poll to next_due_at, after bounds and hints.';
COMMENT ON COLUMN feed_state.change_interval_s IS 'Learned mean seconds between new items (from item dates, smoothed over polls); NULL until known.';
COMMENT ON COLUMN feed_state.consecutive_failures IS 'Polls in a row that failed (0 after a success).';
COMMENT ON COLUMN feed_state.health IS 'healthy (last poll worked), failing (fewer consecutive failures than the unhealthy_after bound) or unhealthy (at least that many: polled only every unhealthy_interval).';
COMMENT ON COLUMN feed_state.last_polled_at IS 'When the feed was last polled (UTC).';
COMMENT ON COLUMN feed_state.last_success_at IS 'Last poll that gave a usable feed or 304 (UTC).';
COMMENT ON COLUMN feed_state.last_failure_at IS 'Last poll that failed (UTC).';
COMMENT ON COLUMN feed_state.last_failure_reason IS 'One-line reason of the last failure.';
COMMENT ON COLUMN feed_state.last_item_at IS 'Newest item date the feed has shown (UTC).';
COMMENT ON COLUMN feed_state.last_response_ms IS 'Milliseconds the last feed request took.';
COMMENT ON COLUMN feed_state.due_reason IS 'The rule that set next_due_at: change rate, silent feed, ttl, cache-control max-age, expires, retry-after, back-off, unhealthy, default interval ... ("(bounded)" when min/max cut it).';
COMMENT ON COLUMN feed_state.updated_at IS 'When this row was written (UTC).';
