-- 004_ops: operations bookkeeping: data-quality check results written by the
-- `maintain` flow, and the comments the data dictionary needs on
-- schema_migrations (created by warehouse/sql/schema_migrations.sql).

CREATE TABLE quality_checks (
    run_id      VARCHAR NOT NULL,
    checked_at  TIMESTAMPTZ NOT NULL,
    check_name  VARCHAR NOT NULL,
    description VARCHAR NOT NULL,
    failing     BIGINT NOT NULL,
    sample      VARCHAR[] NOT NULL,
    PRIMARY KEY (run_id, check_name)
);
COMMENT ON TABLE quality_checks IS 'One row per data-quality check per maintain run; failing = 0 means the check passed.';
COMMENT ON COLUMN quality_checks.run_id IS 'runs.run_id of the maintain run that made the check.';
COMMENT ON COLUMN quality_checks.checked_at IS 'When the check ran (UTC).';
COMMENT ON COLUMN quality_checks.check_name IS 'Stable check name, e.g. articles_without_story (see warehouse/sql/quality_checks.sql).';
COMMENT ON COLUMN quality_checks.description IS 'What the check looks for, in one sentence.';
COMMENT ON COLUMN quality_checks.failing IS 'Number of rows that fail the check.';
COMMENT ON COLUMN quality_checks.sample IS 'Up to 5 ids of failing rows, to start an investigation.';

COMMENT ON TABLE schema_migrations IS 'Bookkeeping: which numbered migrations (warehouse/migrations/NNN_name.sql) were applied, and when.';
COMMENT ON COLUMN schema_migrations.version IS 'Migration number NNN.';
COMMENT ON COLUMN schema_migrations.name IS 'Migration name (file name without number and .sql).';
COMMENT ON COLUMN schema_migrations.applied_at IS 'When the migration was applied (UTC).';
