-- Record one schema_state value (MERGE: works on both backends).
MERGE INTO schema_state USING (SELECT $key AS key, $value AS value, now() AS updated_at) AS n
ON schema_state.key = n.key
WHEN MATCHED THEN UPDATE SET value = n.value, updated_at = n.updated_at
WHEN NOT MATCHED THEN INSERT BY NAME;
