-- `wirehouse events`: the largest events (most agencies, then reports, then copies), those
-- still reported on or after $since (UTC day) when given, with at least $min_agencies agencies.
SELECT e.event_id,
       e.first_published_at,
       e.n_agencies,
       array_to_string(e.agencies, ', ') AS agencies,
       e.n_stories AS reports,
       e.n_copies AS copies,
       e.headline
FROM events e
WHERE ($since IS NULL OR e.last_published_at >= CAST($since AS DATE))
  AND e.n_agencies >= $min_agencies
ORDER BY e.n_agencies DESC, e.n_stories DESC, e.n_copies DESC, e.first_published_at DESC, e.event_id
LIMIT $limit;
