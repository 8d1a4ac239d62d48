-- `wirehouse sources`: the health view, optionally only failing/unhealthy feeds or feeds that
-- loaded nothing new for at least $silent_days days; worst first, times to the minute.
SELECT source, health, consecutive_failures AS failures,
       strftime(last_success_at, '%Y-%m-%d %H:%M') AS last_success,
       strftime(last_failure_at, '%Y-%m-%d %H:%M') AS last_failure,
       last_failure_reason,
       items_per_day_7d,
       round(median_response_ms, 1) AS median_ms,
       strftime(next_due_at, '%Y-%m-%d %H:%M') AS next_due
FROM v_source_health
WHERE (NOT $unhealthy OR health IN ('failing', 'unhealthy'))
  AND ($silent_days IS NULL
       OR last_item_loaded_at IS NULL
       OR last_item_loaded_at < now() - to_days(CAST($silent_days AS INTEGER)))
ORDER BY CASE health WHEN 'unhealthy' THEN 0 WHEN 'failing' THEN 1 WHEN 'new' THEN 2 ELSE 3 END,
         consecutive_failures DESC, source;
