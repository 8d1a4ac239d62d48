-- Backfill checkpoints: where each archive input of a backfill source was read up to.
-- Written in the same transaction as the chunk it covers, so a rerun after a crash goes on
-- exactly after the last committed record (docs/backfill.md, "Positions and resuming").
CREATE TABLE IF NOT EXISTS backfill_checkpoints (
    source      VARCHAR NOT NULL,
    input       VARCHAR NOT NULL,
    position    VARCHAR NOT NULL,
    records     BIGINT NOT NULL DEFAULT 0,
    done        BOOLEAN NOT NULL DEFAULT false,
    run_id      VARCHAR,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source, input)
);
COMMENT ON TABLE backfill_checkpoints IS 'Per backfill source and input (file path, URL or sitemap URL): the position to continue from.';
COMMENT ON COLUMN backfill_checkpoints.source IS 'Sources-file name of the backfill source.';
COMMENT ON COLUMN backfill_checkpoints.input IS 'The configured location (WARC/JSON-lines path or URL, sitemap URL).';
COMMENT ON COLUMN backfill_checkpoints.position IS 'Encoded reader Position (one-line JSON) of the record after the last committed one.';
COMMENT ON COLUMN backfill_checkpoints.records IS 'Records read from this input so far, over all runs.';
COMMENT ON COLUMN backfill_checkpoints.done IS 'True once the input was read to its end.';
COMMENT ON COLUMN backfill_checkpoints.run_id IS 'The run that wrote this checkpoint.';
COMMENT ON COLUMN backfill_checkpoints.updated_at IS 'When the checkpoint was written (UTC).';

-- Streaming runs (ingest, backfill) commit their row with every chunk: it says 'running' until the end.
COMMENT ON COLUMN runs.status IS 'running while a streaming run (ingest, backfill) commits its chunks; then completed, or completed_with_failures when some sources or items failed; crashed when the run was killed and the next run of its flow found it still running (its committed chunks stay).';
