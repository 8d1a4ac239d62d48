-- The polled feeds' new state (`batch_feed_state`), one statement.
-- (MERGE, not ON CONFLICT: it works on both backends; DuckLake has no keys.)
MERGE INTO feed_state USING (
    SELECT *, now() AS updated_at FROM batch_feed_state
) AS n ON feed_state.source = n.source
WHEN MATCHED THEN UPDATE SET
    configured_url = n.configured_url, current_url = n.current_url, moved_at = n.moved_at,
    next_due_at = n.next_due_at, interval_s = n.interval_s,
    change_interval_s = n.change_interval_s, consecutive_failures = n.consecutive_failures,
    health = n.health, last_polled_at = n.last_polled_at, last_success_at = n.last_success_at,
    last_failure_at = n.last_failure_at, last_failure_reason = n.last_failure_reason,
    last_item_at = n.last_item_at, last_response_ms = n.last_response_ms,
    due_reason = n.due_reason, updated_at = n.updated_at
WHEN NOT MATCHED THEN INSERT BY NAME;
