-- Rebuild, first half: forget every event and the assignment state (vectors, document
-- frequencies, method); every story is then pending and the event step assigns them again,
-- oldest first, in batches.
DELETE FROM events;
DELETE FROM event_vectors;
DELETE FROM event_doc_freq;
DELETE FROM event_state;
UPDATE stories SET event_id = NULL WHERE event_id IS NOT NULL;
