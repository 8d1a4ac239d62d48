-- v_articles: one row per copy (articles) with its source, agency and story
-- joined in, so the common questions need no joins. Stable name and columns.
CREATE OR REPLACE VIEW v_articles AS
SELECT
    a.article_id,
    a.story_id,
    (s.canonical_article_id = a.article_id) AS is_canonical,
    a.published_at,
    CAST(a.published_at AS DATE) AS published_date,
    a.title,
    a.body,
    a.word_count,
    a.url,
    a.canonical_url,
    a.source,
    src.kind AS source_kind,
    a.syndicator,
    a.provider,
    a.agency,
    ag.name AS agency_name,
    ag.country AS agency_country,
    ag.kind AS agency_kind,
    a.byline,
    a.dateline_place,
    a.dateline_date,
    s.n_copies AS story_copies,
    s.n_sources AS story_sources,
    a.body_origin,
    a.is_short,
    a.first_seen_at,
    a.updated_at,
    a.run_id
FROM articles a
LEFT JOIN sources src ON src.name = a.source
LEFT JOIN agencies ag ON ag.code = a.agency
LEFT JOIN stories s ON s.story_id = a.story_id;

COMMENT ON VIEW v_articles IS 'One row per fetched copy (articles) with its source, agency and story joined in.';
COMMENT ON COLUMN v_articles.article_id IS 'Copy id (articles.article_id).';
COMMENT ON COLUMN v_articles.story_id IS 'Story the copy belongs to (stories.story_id).';
COMMENT ON COLUMN v_articles.is_canonical IS 'True when this copy is the one chosen to represent its story.';
COMMENT ON COLUMN v_articles.published_at IS 'Publication time (UTC).';
COMMENT ON COLUMN v_articles.published_date IS 'Publication date (UTC day of published_at); the Parquet export partitions by it.';
COMMENT ON COLUMN v_articles.title IS 'Headline.';
COMMENT ON COLUMN v_articles.body IS 'Cleaned article text.';
COMMENT ON COLUMN v_articles.word_count IS 'Number of words in body.';
COMMENT ON COLUMN v_articles.url IS 'Link of the feed item.';
COMMENT ON COLUMN v_articles.canonical_url IS 'Canonical URL declared by the page, else the item link.';
COMMENT ON COLUMN v_articles.source IS 'Source name (sources.name).';
COMMENT ON COLUMN v_articles.source_kind IS 'Kind of the source (rss, sitemap ...).';
COMMENT ON COLUMN v_articles.syndicator IS 'Republisher whose wrapper surrounded the copy (e.g. MENAFN), if any.';
COMMENT ON COLUMN v_articles.provider IS 'Name inside the syndicator''s wrapper.';
COMMENT ON COLUMN v_articles.agency IS 'Originating agency code (agencies.code), NULL when not recognised.';
COMMENT ON COLUMN v_articles.agency_name IS 'Full name of the agency.';
COMMENT ON COLUMN v_articles.agency_country IS 'Home country of the agency (ISO 3166 alpha-2).';
COMMENT ON COLUMN v_articles.agency_kind IS 'wire or press-release.';
COMMENT ON COLUMN v_articles.byline IS 'Byline, if any.';
COMMENT ON COLUMN v_articles.dateline_place IS 'Place of the dateline.';
COMMENT ON COLUMN v_articles.dateline_date IS 'Date of the dateline.';
COMMENT ON COLUMN v_articles.story_copies IS 'Number of copies of the story (stories.n_copies).';
COMMENT ON COLUMN v_articles.story_sources IS 'Number of distinct sources carrying the story (stories.n_sources).';
COMMENT ON COLUMN v_articles.body_origin IS 'Where the body came from: feed (the item''s full text), page (the article page) or summary (only the feed''s summary).';
COMMENT ON COLUMN v_articles.is_short IS 'True when the body has under 20 words (a flash, bulletin or bare summary).';
COMMENT ON COLUMN v_articles.first_seen_at IS 'When this copy was first loaded (UTC).';
COMMENT ON COLUMN v_articles.updated_at IS 'When this copy last changed (UTC).';
COMMENT ON COLUMN v_articles.run_id IS 'Run that last wrote the copy (runs.run_id).';
