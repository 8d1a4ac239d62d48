-- Warehouse._shrink_cache after each chunk's commit: the limit lowered for a moment, so DuckDB's
-- buffer manager evicts the blocks it keeps cached (what the chunks wrote: without this, resident
-- memory grows by about the size of everything a streaming run writes), then set back to the
-- value read before (RESET would not do: it changes the setting but not the buffer manager's
-- limit, which stays at the lowered value, DuckDB 1.4.4).
SET memory_limit = $limit;
