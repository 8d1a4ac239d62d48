-- Runs of this flow left 'running' by a process that was killed (a writer holds the lock, so no
-- other run of it is alive): mark them 'crashed'. With concurrent writers (DuckLake, no lock)
-- only the runs of the same scope ($any_scope false): another shard's run may be alive. What their chunks committed stays; the run
-- taking over ($run_id) is not touched. (No RETURNING: DuckLake does not support it on
-- updates; runs_count_crashable.sql counts the same rows first, in the same transaction.)
UPDATE runs
SET status = 'crashed'
WHERE status = 'running'
  AND flow = $flow
  AND run_id <> $run_id
  AND ($any_scope OR scope IS NOT DISTINCT FROM $scope);
