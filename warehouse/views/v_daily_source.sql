-- v_daily_source: copies and stories per UTC publication day and source.
CREATE OR REPLACE VIEW v_daily_source AS
SELECT
    CAST(published_at AS DATE) AS day,
    source,
    count(*) AS articles,
    count(DISTINCT story_id) AS stories,
    count(DISTINCT agency) AS agencies,
    count(*) FILTER (WHERE agency IS NULL) AS without_agency
FROM articles
GROUP BY ALL;

COMMENT ON VIEW v_daily_source IS 'Copies and distinct stories per UTC publication day and source.';
COMMENT ON COLUMN v_daily_source.day IS 'UTC publication day (NULL when the copy has no publication time).';
COMMENT ON COLUMN v_daily_source.source IS 'Source name (sources.name).';
COMMENT ON COLUMN v_daily_source.articles IS 'Number of copies from that source published that day.';
COMMENT ON COLUMN v_daily_source.stories IS 'Number of distinct stories among those copies.';
COMMENT ON COLUMN v_daily_source.agencies IS 'Number of distinct agencies recognised among those copies.';
COMMENT ON COLUMN v_daily_source.without_agency IS 'Copies whose agency was not recognised.';
