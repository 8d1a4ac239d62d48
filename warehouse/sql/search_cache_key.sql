-- The lake version a reader's local search-index cache was built from (warehouse/search.py).
SELECT lake, snapshot_id, snapshot_time FROM search_cache_key;
