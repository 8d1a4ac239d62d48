-- 007_schema_state: what the last `wirehouse migrate` applied besides the numbered
-- migrations. Writers compare the stored hash of the analyst views and the agency
-- table with the code's and refresh them only when it differs, instead of on every open.
-- (Numbered 007 so that the migrations 005 and 006 being written on other branches
-- keep their numbers; versions are applied in order, gaps are fine.)

CREATE TABLE schema_state (
    key        VARCHAR PRIMARY KEY,
    value      VARCHAR NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE schema_state IS 'Bookkeeping: schema facts besides the numbered migrations, e.g. the hash of the views and agency table last applied.';
COMMENT ON COLUMN schema_state.key IS 'What the value is: reference_hash (views and agencies as last applied by migrate or a writer).';
COMMENT ON COLUMN schema_state.value IS 'The value, e.g. a hex hash.';
COMMENT ON COLUMN schema_state.updated_at IS 'When the value was last written (UTC).';
