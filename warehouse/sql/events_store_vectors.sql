-- Store the vectors of a batch's newly assigned stories (batch_event_vectors). Not a MERGE: a
-- MERGE would read the stored vectors (the whole history's) to update them; a pending story has
-- none, so any row is only deleted (a stale one) before the insert.
DELETE FROM event_vectors WHERE story_id IN (SELECT story_id FROM batch_event_vectors);
INSERT INTO event_vectors BY NAME
SELECT story_id, published_at, agency, event_id, vector, now() AS computed_at
FROM batch_event_vectors;
