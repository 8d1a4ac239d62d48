-- The event method version and the number of stories counted in event_doc_freq (no row yet
-- on a warehouse whose events were never assigned).
SELECT method, n_docs FROM event_state WHERE name = 'events';
