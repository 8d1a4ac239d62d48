-- A chunk's checkpoints (`batch_checkpoints`), upserted in the chunk's transaction.
-- MERGE rather than ON CONFLICT: the same statement works on DuckLake, which has no keys.
MERGE INTO backfill_checkpoints
USING (SELECT source, input, position, records, done, $run_id AS run_id, now() AS updated_at
       FROM batch_checkpoints) AS n
ON backfill_checkpoints.source = n.source AND backfill_checkpoints.input = n.input
WHEN MATCHED THEN UPDATE SET
    position = n.position, records = n.records, done = n.done,
    run_id = n.run_id, updated_at = n.updated_at
WHEN NOT MATCHED THEN INSERT BY NAME;
