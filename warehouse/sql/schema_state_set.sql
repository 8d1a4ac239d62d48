-- Record one schema_state value.
INSERT INTO schema_state VALUES ($key, $value, now())
ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
