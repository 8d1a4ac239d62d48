-- Articles and stories per publication day (UTC).
SELECT published_at::DATE AS day, count(*) AS articles, count(DISTINCT story_id) AS stories
FROM articles GROUP BY ALL ORDER BY day DESC NULLS LAST;
