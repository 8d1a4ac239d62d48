-- Warehouse.threads: DuckDB's worker threads for this connection. A streaming ingest or backfill
-- sets 1 while its process pool's workers hold every core: DuckDB's second thread then only
-- added CPU (the chunk's search-index update cost about twice the CPU with 2 threads as with 1
-- on the 2-core machine, same work; docs/operations.md, "Search").
SET threads = $threads;
