-- v_stories: one row per deduplicated story with its canonical copy's text,
-- agency name and the list of sources that carried it.
CREATE OR REPLACE VIEW v_stories AS
WITH per_story AS (
    SELECT story_id,
           count(*) AS copies,
           count(DISTINCT source) AS n_sources,
           list(DISTINCT source ORDER BY source) AS sources,
           list(DISTINCT syndicator ORDER BY syndicator) FILTER (WHERE syndicator IS NOT NULL) AS syndicators,
           max(published_at) AS last_published_at
    FROM articles
    GROUP BY story_id
)
SELECT
    s.story_id,
    s.title,
    s.agency,
    ag.name AS agency_name,
    s.first_published_at,
    CAST(s.first_published_at AS DATE) AS first_published_date,
    p.last_published_at,
    coalesce(p.copies, 0) AS copies,
    coalesce(p.n_sources, 0) AS n_sources,
    coalesce(p.sources, []) AS sources,
    coalesce(p.syndicators, []) AS syndicators,
    s.canonical_article_id,
    c.source AS canonical_source,
    c.url AS canonical_url,
    c.body AS canonical_body,
    c.word_count AS canonical_word_count,
    s.first_seen_at,
    s.last_seen_at
FROM stories s
LEFT JOIN per_story p ON p.story_id = s.story_id
LEFT JOIN articles c ON c.article_id = s.canonical_article_id
LEFT JOIN agencies ag ON ag.code = s.agency;

COMMENT ON VIEW v_stories IS 'One row per deduplicated story: canonical copy, agency, copy counts and the sources that carried it.';
COMMENT ON COLUMN v_stories.story_id IS 'Story id (stories.story_id).';
COMMENT ON COLUMN v_stories.title IS 'Title of the canonical copy.';
COMMENT ON COLUMN v_stories.agency IS 'Agency code of the canonical copy.';
COMMENT ON COLUMN v_stories.agency_name IS 'Full name of that agency.';
COMMENT ON COLUMN v_stories.first_published_at IS 'Earliest publication time among the copies (UTC).';
COMMENT ON COLUMN v_stories.first_published_date IS 'UTC day of first_published_at; the Parquet export partitions by it.';
COMMENT ON COLUMN v_stories.last_published_at IS 'Latest publication time among the copies (UTC).';
COMMENT ON COLUMN v_stories.copies IS 'Number of copies (articles rows) of the story, counted now.';
COMMENT ON COLUMN v_stories.n_sources IS 'Number of distinct sources that carried the story.';
COMMENT ON COLUMN v_stories.sources IS 'Sorted list of the source names that carried the story.';
COMMENT ON COLUMN v_stories.syndicators IS 'Sorted list of syndicators whose copies are in the story.';
COMMENT ON COLUMN v_stories.canonical_article_id IS 'The copy chosen to represent the story (articles.article_id).';
COMMENT ON COLUMN v_stories.canonical_source IS 'Source of the canonical copy.';
COMMENT ON COLUMN v_stories.canonical_url IS 'Link of the canonical copy.';
COMMENT ON COLUMN v_stories.canonical_body IS 'Cleaned text of the canonical copy.';
COMMENT ON COLUMN v_stories.canonical_word_count IS 'Words in the canonical copy.';
COMMENT ON COLUMN v_stories.first_seen_at IS 'When the first copy was loaded (UTC).';
COMMENT ON COLUMN v_stories.last_seen_at IS 'When the latest copy was loaded (UTC).';
