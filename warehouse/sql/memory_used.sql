-- DuckDB's memory in use now, in MB (the buffer manager's blocks: cached table blocks, indexes,
-- transaction-local data), the base Warehouse._bounded_cache adds its headroom to.
SELECT ceil(coalesce(sum(memory_usage_bytes), 0) / 1000000)::BIGINT FROM duckdb_memory();
