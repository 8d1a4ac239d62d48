-- v_source_health: one row per feed source, for operators (`wirehouse sources`).
-- Built from sources, feed_state (polling, docs/operations.md "Polling and feed health"),
-- articles (what the last 7 days loaded) and fetch_log (feed response times, last 7 days).
CREATE OR REPLACE VIEW v_source_health AS
WITH loaded AS (
    SELECT source,
           count(*) FILTER (WHERE first_seen_at >= now() - INTERVAL 7 DAY) / 7.0 AS items_per_day_7d,
           max(first_seen_at) AS last_item_loaded_at
    FROM articles
    GROUP BY source
), timing AS (
    SELECT source, median(elapsed_ms) AS median_response_ms
    FROM fetch_log
    WHERE kind = 'feed' AND outcome IN ('ok', 'not_modified')
      AND fetched_at >= now() - INTERVAL 7 DAY
    GROUP BY source
)
SELECT
    s.name AS source,
    coalesce(f.health, 'new') AS health,
    coalesce(f.consecutive_failures, 0) AS consecutive_failures,
    f.last_success_at,
    f.last_failure_at,
    f.last_failure_reason,
    round(coalesce(l.items_per_day_7d, 0), 2) AS items_per_day_7d,
    l.last_item_loaded_at,
    t.median_response_ms,
    f.next_due_at,
    f.due_reason,
    f.change_interval_s,
    coalesce(f.current_url, s.url) AS current_url,
    f.moved_at
FROM sources s
LEFT JOIN feed_state f ON f.source = s.name
LEFT JOIN loaded l ON l.source = s.name
LEFT JOIN timing t ON t.source = s.name
WHERE s.kind = 'rss';

COMMENT ON VIEW v_source_health IS 'Per feed source: health, last success and failure, items loaded per day over the last 7 days, median feed response time and when it is polled next.';
COMMENT ON COLUMN v_source_health.source IS 'Source name (sources.name).';
COMMENT ON COLUMN v_source_health.health IS 'new (never polled), healthy, failing or unhealthy (feed_state.health).';
COMMENT ON COLUMN v_source_health.consecutive_failures IS 'Polls in a row that failed.';
COMMENT ON COLUMN v_source_health.last_success_at IS 'Last poll that gave a usable feed or 304 (UTC).';
COMMENT ON COLUMN v_source_health.last_failure_at IS 'Last poll that failed (UTC).';
COMMENT ON COLUMN v_source_health.last_failure_reason IS 'One-line reason of the last failure.';
COMMENT ON COLUMN v_source_health.items_per_day_7d IS 'Copies first loaded from this source over the last 7 days, per day.';
COMMENT ON COLUMN v_source_health.last_item_loaded_at IS 'When a copy from this source was last loaded for the first time (UTC); NULL if never.';
COMMENT ON COLUMN v_source_health.median_response_ms IS 'Median milliseconds of the feed requests that got an answer (200 or 304) over the last 7 days.';
COMMENT ON COLUMN v_source_health.next_due_at IS 'When a scheduled ingest polls the feed next (UTC); NULL: at the next run.';
COMMENT ON COLUMN v_source_health.due_reason IS 'The polling rule that set next_due_at (feed_state.due_reason).';
COMMENT ON COLUMN v_source_health.change_interval_s IS 'Learned mean seconds between new items (feed_state.change_interval_s).';
COMMENT ON COLUMN v_source_health.current_url IS 'The URL polled (after permanent redirects), else the configured one.';
COMMENT ON COLUMN v_source_health.moved_at IS 'When a permanent redirect last changed the URL (UTC).';
