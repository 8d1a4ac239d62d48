-- Numbered migrations recorded as applied (fails when the table does not exist yet:
-- an empty warehouse).
SELECT version FROM schema_migrations;
