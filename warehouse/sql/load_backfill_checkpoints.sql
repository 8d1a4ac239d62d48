-- A chunk's checkpoints (`batch_checkpoints`), upserted in the chunk's transaction.
INSERT INTO backfill_checkpoints BY NAME
SELECT source, input, position, records, done, $run_id AS run_id, now() AS updated_at
FROM batch_checkpoints
ON CONFLICT (source, input) DO UPDATE SET
    position = excluded.position, records = excluded.records, done = excluded.done,
    run_id = excluded.run_id, updated_at = excluded.updated_at;
