-- Every copy of the most widely carried story
-- Who carried it, when, under which syndicator, and which copy is canonical.
SELECT source, syndicator, agency, published_at, is_canonical, title, url
FROM v_articles
WHERE story_id = (SELECT story_id FROM v_stories ORDER BY copies DESC, story_id LIMIT 1)
ORDER BY published_at;
