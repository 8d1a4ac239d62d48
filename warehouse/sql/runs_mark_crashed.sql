-- Runs of this flow left 'running' by a process that was killed (a writer holds the lock, so no
-- other run of it is alive): mark them 'crashed'. What their chunks committed stays; the run
-- taking over ($run_id) is not touched. (No RETURNING: DuckLake does not support it on
-- updates; runs_count_crashable.sql counts the same rows first, in the same transaction.)
UPDATE runs
SET status = 'crashed'
WHERE status = 'running'
  AND flow = $flow
  AND run_id <> $run_id;
