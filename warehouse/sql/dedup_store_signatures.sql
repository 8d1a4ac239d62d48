-- Store the batch's sketches (batch_signatures); a re-sketched copy replaces its row.
MERGE INTO article_signatures USING (
    SELECT article_id, article_key, sketch_version, n_shingles, signature, $run_id AS run_id, now() AS computed_at
    FROM batch_signatures
) AS n ON article_signatures.article_id = n.article_id
WHEN MATCHED THEN UPDATE SET
    sketch_version = n.sketch_version, n_shingles = n.n_shingles,
    signature = n.signature, run_id = n.run_id, computed_at = n.computed_at
WHEN NOT MATCHED THEN INSERT BY NAME;
