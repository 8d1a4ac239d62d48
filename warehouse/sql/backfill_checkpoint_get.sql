-- The stored checkpoint of one backfill input: its position, records read, whether done.
SELECT position, records, done
FROM backfill_checkpoints
WHERE source = $source AND input = $input;
