-- DuckLake: the lake version holding the run's data as it left it (read right after the
-- run's chunk commits, and before its final row), for `AT (VERSION => lake_snapshot)`.
UPDATE runs SET lake_snapshot = $snapshot WHERE run_id = $run_id;
