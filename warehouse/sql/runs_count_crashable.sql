-- How many runs runs_mark_crashed.sql is about to mark 'crashed' (same conditions).
SELECT count(*)
FROM runs
WHERE status = 'running'
  AND flow = $flow
  AND run_id <> $run_id
  AND ($any_scope OR scope IS NOT DISTINCT FROM $scope);
