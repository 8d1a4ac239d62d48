-- Data dictionary: tables and views of the main schema with their comments.
SELECT 'table' AS kind, table_name AS name, comment
FROM duckdb_tables() WHERE schema_name = 'main' AND database_name = current_database() AND NOT internal
UNION ALL
SELECT 'view', view_name, comment
FROM duckdb_views() WHERE schema_name = 'main' AND database_name = current_database() AND NOT internal
ORDER BY kind, name;
