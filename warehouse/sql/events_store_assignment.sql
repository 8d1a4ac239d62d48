-- Give a batch's stories their events (batch_story_events: story_id, event_id).
MERGE INTO stories USING batch_story_events AS n ON stories.story_id = n.story_id
WHEN MATCHED THEN UPDATE SET event_id = n.event_id;
