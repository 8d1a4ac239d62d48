-- Data dictionary: columns of the main schema's tables and views, in order.
SELECT table_name, column_name, data_type, is_nullable, comment
FROM duckdb_columns()
WHERE schema_name = 'main' AND database_name = current_database() AND NOT internal
ORDER BY table_name, column_index;
