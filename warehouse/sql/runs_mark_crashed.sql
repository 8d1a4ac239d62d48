-- Runs of this flow left 'running' by a process that was killed (a writer holds the lock, so no
-- other run of it is alive): mark them 'crashed'. What their chunks committed stays; the run
-- taking over ($run_id) is not touched.
UPDATE runs
SET status = 'crashed'
WHERE status = 'running'
  AND flow = $flow
  AND run_id <> $run_id
RETURNING run_id;
