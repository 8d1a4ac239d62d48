-- DuckLake: the snapshot that holds the run's data (read just before its final row is
-- written), for time-travel queries `AT (VERSION => lake_snapshot)`.
UPDATE runs SET lake_snapshot = $snapshot WHERE run_id = $run_id;
