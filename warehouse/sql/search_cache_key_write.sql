-- Record which lake and which version of its `articles` a local search-index cache holds.
CREATE OR REPLACE TABLE search_cache_key AS
SELECT $lake::VARCHAR AS lake, $snapshot_id::BIGINT AS snapshot_id, $snapshot_time::TIMESTAMPTZ AS snapshot_time;
