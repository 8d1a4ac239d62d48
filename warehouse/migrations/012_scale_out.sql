-- 012_scale_out: concurrent writers on a DuckLake warehouse.
-- * runs.scope: what share of the work a run covered. Ingest runs split across workers
--   (`wirehouse ingest --shard 1/2`, a deployment's `shard` parameter) run at the same time
--   with no writer lock between them; a starting run marks 'crashed' only the runs left
--   'running' in its own scope, never a live sibling's.
-- * article_signatures.article_key is now a hash of the article id (two transactions reading
--   max(article_key) at once handed one key to two copies); copies keyed before keep theirs.
-- (010 and 011 are taken by other branches.)

ALTER TABLE runs ADD COLUMN scope VARCHAR;

COMMENT ON COLUMN runs.scope IS 'The share of the sources the run covered: the shard (k/n) of an ingest run split across workers, NULL for a run over every source.';
COMMENT ON COLUMN article_signatures.article_key IS 'Integer id of the copy used in lsh_bands (compact and fast to join): a 63-bit hash of article_id, so concurrent writers never share one (copies sketched before migration 012 keep their dense key).';
