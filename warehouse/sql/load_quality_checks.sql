-- The results of one maintain run's checks (registered as `batch_checks`).
INSERT INTO quality_checks BY NAME
SELECT $run_id AS run_id, now() AS checked_at, check_name, description, failing, sample
FROM batch_checks
ON CONFLICT (run_id, check_name) DO UPDATE SET
    checked_at = excluded.checked_at, description = excluded.description,
    failing = excluded.failing, sample = excluded.sample;
