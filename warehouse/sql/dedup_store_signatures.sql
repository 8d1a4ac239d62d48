-- Store the batch's sketches (batch_signatures); a re-sketched copy replaces its row.
INSERT INTO article_signatures BY NAME
SELECT article_id, article_key, sketch_version, n_shingles, signature, $run_id AS run_id, now() AS computed_at
FROM batch_signatures
ON CONFLICT (article_id) DO UPDATE SET
    sketch_version = excluded.sketch_version, n_shingles = excluded.n_shingles,
    signature = excluded.signature, run_id = excluded.run_id, computed_at = excluded.computed_at;
