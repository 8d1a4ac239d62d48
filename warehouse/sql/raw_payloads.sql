-- Raw payloads by id (`batch_doc_ids`), still compressed.
SELECT r.doc_id, r.compression, r.payload, r.content_type, r.fetched_at
FROM raw_documents r
JOIN batch_doc_ids b USING (doc_id);
