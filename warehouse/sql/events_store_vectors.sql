-- Store the vectors of a batch's newly assigned stories (batch_event_vectors).
MERGE INTO event_vectors USING (
    SELECT story_id, published_at, agency, event_id, vector, now() AS computed_at FROM batch_event_vectors
) AS n ON event_vectors.story_id = n.story_id
WHEN MATCHED THEN UPDATE SET
    published_at = n.published_at, agency = n.agency, event_id = n.event_id,
    vector = n.vector, computed_at = n.computed_at
WHEN NOT MATCHED THEN INSERT BY NAME;
