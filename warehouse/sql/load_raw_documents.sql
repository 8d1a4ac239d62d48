-- Raw payloads are content-addressed: the same bytes are stored once.
INSERT INTO raw_documents BY NAME
SELECT * FROM batch_raw
ON CONFLICT (doc_id) DO NOTHING;
