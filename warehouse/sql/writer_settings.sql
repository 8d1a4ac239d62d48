-- The writer session's join setting (Warehouse.open): a hash join whose build side has at most
-- this many distinct keys pushes them into the scan of the other side as an IN filter (DuckDB's
-- default is 50). A chunk's statements join a batch of a few hundred ids against stored tables
-- (the search index reading the chunk's new articles, candidate copies): with the filter the scan
-- reads the other columns (bodies) only for the matching rows; without it, it read the whole body
-- column, so the blocks a chunk read grew with the stored copies (README, "Peak RSS by N").
SET dynamic_or_filter_threshold = 1000;

-- DuckDB checkpoints by itself inside a commit once the WAL passes this (default 16 MiB). A
-- checkpoint rewrites the row groups appended to since the last one, up to ROW_GROUP_SIZE rows of
-- articles (warehouse/backend.py); inside a chunk's commit that rewrite stacked on the chunk's own
-- peak memory. A streaming load checkpoints after its commit instead, once the WAL passes
-- CHECKPOINT_WAL (Warehouse.load_chunk), when the chunk's memory is freed; this is the backstop
-- for other writers and for one chunk with a very large WAL.
SET checkpoint_threshold = '64MiB';
