-- How many tables the open database has (an empty file may be migrated; a DuckDB
-- file with other tables and no schema_migrations is not a wirehouse warehouse).
SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND NOT internal;
