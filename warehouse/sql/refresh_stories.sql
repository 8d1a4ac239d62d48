-- Recompute the stories touched by this batch (`batch_story_ids`) from their
-- copies. Canonical copy: the originating agency's own copy (no syndicator)
-- over a syndicator's, then the most complete (most words), then the earliest
-- published, then the smallest id (a stable tie-break).
DELETE FROM stories
WHERE story_id IN (SELECT story_id FROM batch_story_ids)
  AND story_id NOT IN (SELECT story_id FROM articles);

MERGE INTO stories USING (
    WITH copies AS (
        SELECT a.*,
               row_number() OVER (
                   PARTITION BY story_id
                   ORDER BY (syndicator IS NULL) DESC, word_count DESC,
                            published_at ASC NULLS LAST, article_id
               ) AS rank
        FROM articles a
        WHERE story_id IN (SELECT story_id FROM batch_story_ids)
    )
    SELECT story_id,
           any_value(article_id) FILTER (WHERE rank = 1) AS canonical_article_id,
           any_value(title) FILTER (WHERE rank = 1) AS title,
           any_value(agency) FILTER (WHERE rank = 1) AS agency,
           min(published_at) AS first_published_at,
           min(first_seen_at) AS first_seen_at,
           max(first_seen_at) AS last_seen_at,
           count(*) AS n_copies,
           count(DISTINCT source) AS n_sources
    FROM copies
    GROUP BY story_id
) AS n ON stories.story_id = n.story_id
WHEN MATCHED THEN UPDATE SET
    canonical_article_id = n.canonical_article_id, title = n.title,
    agency = n.agency, first_published_at = n.first_published_at,
    first_seen_at = n.first_seen_at, last_seen_at = n.last_seen_at,
    n_copies = n.n_copies, n_sources = n.n_sources
WHEN NOT MATCHED THEN INSERT BY NAME;
