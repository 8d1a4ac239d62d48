-- The stored stories a batch of new ones may join: those whose time lies in [$lo, $hi] (the
-- batch's span widened by the time window), with their vectors, agencies and events. A range
-- on event_vectors.published_at alone, so only the row groups (Parquet files) of the window are
-- read, never the whole history. The caller streams the result in blocks (events.read_window).
SELECT vector,
       CAST(epoch(published_at) AS BIGINT) AS at_epoch,
       agency,
       event_id
FROM event_vectors
WHERE published_at BETWEEN $lo AND $hi;
