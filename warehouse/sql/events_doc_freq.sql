-- The stored document frequencies of the hashed term buckets (sparse: seen buckets only).
SELECT bucket, df FROM event_doc_freq;
