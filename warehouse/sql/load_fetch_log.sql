-- Every request attempt and every rejected item of the run.
INSERT INTO fetch_log BY NAME
SELECT $run_id AS run_id, * FROM batch_fetch_log;
