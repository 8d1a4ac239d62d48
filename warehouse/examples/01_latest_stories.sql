-- Latest stories with how widely they were carried
-- One row per story (deduplicated), newest first, with the number of copies and the sources.
SELECT first_published_at, agency, title, copies, sources
FROM v_stories
ORDER BY first_published_at DESC NULLS LAST
LIMIT 20;
