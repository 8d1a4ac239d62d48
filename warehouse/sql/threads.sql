-- Warehouse.threads: the connection's current DuckDB thread count (restored after a streaming run).
SELECT current_setting('threads');
