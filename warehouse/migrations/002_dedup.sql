-- 002_dedup: near-duplicate detection across runs.
-- Each copy's MinHash sketch is stored once; its LSH band keys go into lsh_bands so a
-- new run finds earlier copies of its stories with one equality join on band_key,
-- without reading history into memory. Story merges are recorded, never silent.

CREATE TABLE article_signatures (
    article_id     VARCHAR PRIMARY KEY,
    article_key    BIGINT NOT NULL,
    sketch_version VARCHAR NOT NULL,
    n_shingles     INTEGER NOT NULL,
    signature      BLOB NOT NULL,
    run_id         VARCHAR,
    computed_at    TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE article_signatures IS 'One row per articles row: its MinHash sketch for near-duplicate detection (see docs/dedup.md).';
COMMENT ON COLUMN article_signatures.article_id IS 'articles.article_id of the copy.';
COMMENT ON COLUMN article_signatures.article_key IS 'Dense integer id of the copy used in lsh_bands (compact and fast to join).';
COMMENT ON COLUMN article_signatures.sketch_version IS 'Sketch parameters the signature and band keys were made with, e.g. mh128-k4-b32x4-lead60:8x4.';
COMMENT ON COLUMN article_signatures.n_shingles IS 'Number of word shingles of the cleaned body.';
COMMENT ON COLUMN article_signatures.signature IS 'MinHash signature of the cleaned body: num_perm little-endian uint32 values.';
COMMENT ON COLUMN article_signatures.run_id IS 'runs.run_id of the run that computed the sketch.';
COMMENT ON COLUMN article_signatures.computed_at IS 'When the sketch was stored (UTC).';

CREATE TABLE lsh_bands (
    band_key    UBIGINT NOT NULL,
    article_key BIGINT NOT NULL
);
COMMENT ON TABLE lsh_bands IS 'LSH index: one row per band of each copy''s signature; copies sharing a band_key are near-duplicate candidates.';
COMMENT ON COLUMN lsh_bands.band_key IS 'Hash of the band number and the signature values in that band (whole-text bands, then lead bands).';
COMMENT ON COLUMN lsh_bands.article_key IS 'article_signatures.article_key of the copy.';

CREATE TABLE story_merges (
    from_story VARCHAR NOT NULL,
    into_story VARCHAR NOT NULL,
    run_id     VARCHAR,
    merged_at  TIMESTAMPTZ NOT NULL,
    reason     VARCHAR NOT NULL,
    article_id VARCHAR,
    n_articles INTEGER NOT NULL
);
COMMENT ON TABLE story_merges IS 'Stories merged because a later copy matched copies of both: from_story no longer exists, its copies now carry into_story.';
COMMENT ON COLUMN story_merges.from_story IS 'The story id that was merged away (no longer in stories).';
COMMENT ON COLUMN story_merges.into_story IS 'The surviving story id (the one first seen).';
COMMENT ON COLUMN story_merges.run_id IS 'runs.run_id of the run whose copy linked the two stories.';
COMMENT ON COLUMN story_merges.merged_at IS 'When the merge happened (UTC).';
COMMENT ON COLUMN story_merges.reason IS 'Why: which copy matched both stories.';
COMMENT ON COLUMN story_merges.article_id IS 'articles.article_id of the linking copy.';
COMMENT ON COLUMN story_merges.n_articles IS 'Number of articles rows moved from from_story to into_story.';
