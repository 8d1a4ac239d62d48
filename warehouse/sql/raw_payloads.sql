-- Raw payloads by id (`batch_doc_ids`), still compressed.
SELECT r.doc_id, r.url, r.compression, r.payload
FROM raw_documents r
JOIN batch_doc_ids b USING (doc_id);
