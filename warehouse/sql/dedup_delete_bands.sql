-- Drop the stored band keys of re-sketched copies (batch_signatures) before storing new ones.
DELETE FROM lsh_bands WHERE article_key IN (SELECT article_key FROM batch_signatures);
