-- Store the batch's LSH band keys (batch_bands: band_key, article_key), grouped by copy.
INSERT INTO lsh_bands SELECT band_key, article_key FROM batch_bands ORDER BY article_key;
