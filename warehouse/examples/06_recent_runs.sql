-- Recent runs and their health
-- What each scheduled or manual run did; status completed_with_failures points to fetch_log and quality_checks.
SELECT flow, started_at, finished_at, status, articles_new, articles_duplicate, failed, top_failures
FROM runs
ORDER BY started_at DESC
LIMIT 20;
