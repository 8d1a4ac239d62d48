-- Record one applied migration, in the same transaction as the migration itself.
INSERT INTO schema_migrations VALUES ($version, $name, now());
