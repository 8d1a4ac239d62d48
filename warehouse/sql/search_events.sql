-- `wirehouse search --by-event`: the event of each story among the hits ($story_ids).
SELECT s.story_id, s.event_id, e.headline, array_to_string(e.agencies, ', ') AS agencies, e.n_stories
FROM stories s
LEFT JOIN events e USING (event_id)
WHERE s.story_id IN (SELECT unnest(CAST($story_ids AS VARCHAR[])));
