-- The connection's memory limit (as text, e.g. '18.8 GiB'), read before _shrink_cache lowers it.
SELECT current_setting('memory_limit');
