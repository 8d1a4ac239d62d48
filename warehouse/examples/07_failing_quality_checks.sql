-- Data-quality checks of the latest maintain run
-- failing = 0 means the check passed; sample holds ids to start from.
SELECT check_name, failing, sample, description
FROM quality_checks
WHERE run_id = (SELECT run_id FROM runs WHERE flow = 'maintain' ORDER BY started_at DESC LIMIT 1)
ORDER BY failing DESC, check_name;
