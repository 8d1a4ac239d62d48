-- `wirehouse sources`: the health view, optionally only unhealthy/failing feeds or feeds that
-- loaded nothing for at least $silent_days days; worst first.
SELECT source, health, consecutive_failures, last_success_at, last_failure_at,
       last_failure_reason, items_per_day_7d, median_response_ms, next_due_at, current_url
FROM v_source_health
WHERE ($unhealthy = false OR health IN ('failing', 'unhealthy'))
  AND ($silent_days IS NULL
       OR last_item_loaded_at IS NULL
       OR last_item_loaded_at < now() - to_days(CAST($silent_days AS INTEGER)))
ORDER BY CASE health WHEN 'unhealthy' THEN 0 WHEN 'failing' THEN 1 WHEN 'new' THEN 2 ELSE 3 END,
         consecutive_failures DESC, source;
