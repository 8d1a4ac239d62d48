-- Raw payloads are content-addressed: the same bytes are stored once.
-- (MERGE with no MATCHED arm: "insert if absent" on both backends.)
MERGE INTO raw_documents USING (SELECT * FROM batch_raw) AS n
ON raw_documents.doc_id = n.doc_id
WHEN NOT MATCHED THEN INSERT BY NAME;
