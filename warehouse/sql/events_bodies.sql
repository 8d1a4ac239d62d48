-- The cleaned bodies of the pending stories' canonical copies ($ids), loaded on or after $since
-- (the earliest of those stories' first loads: a story's copies are never loaded before it). The
-- constant lower bound on first_seen_at lets the scan skip the row groups of older articles.
SELECT article_id, body
FROM articles
WHERE first_seen_at >= $since
  AND article_id IN (SELECT unnest(CAST($ids AS VARCHAR[])));
