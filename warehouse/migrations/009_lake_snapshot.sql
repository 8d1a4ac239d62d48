-- 009_lake_snapshot: on a DuckLake warehouse every commit is a snapshot analysts can
-- query as of (`FROM articles AT (VERSION => n)`); each run records the snapshot that
-- holds its last data commit. NULL on the single-file backend, which keeps no history.
-- (008 is taken by the streaming-load migration on another branch.)

ALTER TABLE runs ADD COLUMN lake_snapshot BIGINT;

COMMENT ON COLUMN runs.lake_snapshot IS 'DuckLake only: the lake snapshot (version) holding the run''s data as it left it; query as of it with FROM t AT (VERSION => lake_snapshot). NULL on a single-file warehouse.';
