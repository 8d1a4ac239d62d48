-- Articles and stories per source.
SELECT source, count(*) AS articles, count(DISTINCT story_id) AS stories,
       min(published_at)::DATE AS first_day, max(published_at)::DATE AS last_day
FROM articles GROUP BY source ORDER BY articles DESC, source;
