-- Store the vectors of a batch's newly assigned stories (batch_event_vectors).
MERGE INTO event_vectors USING (
    SELECT story_id, vector, now() AS computed_at FROM batch_event_vectors
) AS n ON event_vectors.story_id = n.story_id
WHEN MATCHED THEN UPDATE SET vector = n.vector, computed_at = n.computed_at
WHEN NOT MATCHED THEN INSERT BY NAME;
