-- The polling state of the configured feeds (`batch_sources`: name).
SELECT f.source, f.configured_url, f.current_url, f.moved_at, f.next_due_at, f.interval_s,
       f.change_interval_s, f.consecutive_failures, f.health, f.last_polled_at,
       f.last_success_at, f.last_failure_at, f.last_failure_reason, f.last_item_at,
       f.last_response_ms, f.due_reason
FROM feed_state f
JOIN batch_sources b ON f.source = b.name;
