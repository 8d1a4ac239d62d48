-- One schema_state value (e.g. the hash of the views and agency table last applied).
SELECT value FROM schema_state WHERE key = $key;
