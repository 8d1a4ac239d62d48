-- Articles and stories per originating agency (NULL: not recognised).
SELECT coalesce(agency, '(unknown)') AS agency, count(*) AS articles, count(DISTINCT story_id) AS stories
FROM articles GROUP BY ALL ORDER BY articles DESC, agency;
