-- Store the new counts of the buckets a batch touched (batch_doc_freq).
MERGE INTO event_doc_freq USING batch_doc_freq AS n ON event_doc_freq.bucket = n.bucket
WHEN MATCHED THEN UPDATE SET df = n.df
WHEN NOT MATCHED THEN INSERT BY NAME;
