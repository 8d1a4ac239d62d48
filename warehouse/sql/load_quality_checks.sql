-- The results of one maintain run's checks (registered as `batch_checks`).
MERGE INTO quality_checks USING (
    SELECT $run_id AS run_id, now() AS checked_at, check_name, description, failing, sample
    FROM batch_checks
) AS n ON quality_checks.run_id = n.run_id AND quality_checks.check_name = n.check_name
WHEN MATCHED THEN UPDATE SET
    checked_at = n.checked_at, description = n.description, failing = n.failing, sample = n.sample
WHEN NOT MATCHED THEN INSERT BY NAME;
