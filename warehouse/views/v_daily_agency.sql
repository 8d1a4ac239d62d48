-- v_daily_agency: copies and stories per UTC publication day and agency.
CREATE OR REPLACE VIEW v_daily_agency AS
SELECT
    CAST(a.published_at AS DATE) AS day,
    coalesce(a.agency, '(unknown)') AS agency,
    any_value(ag.name) AS agency_name,
    count(*) AS articles,
    count(DISTINCT a.story_id) AS stories,
    count(DISTINCT a.source) AS sources
FROM articles a
LEFT JOIN agencies ag ON ag.code = a.agency
GROUP BY ALL;

COMMENT ON VIEW v_daily_agency IS 'Copies and distinct stories per UTC publication day and originating agency.';
COMMENT ON COLUMN v_daily_agency.day IS 'UTC publication day (NULL when the copy has no publication time).';
COMMENT ON COLUMN v_daily_agency.agency IS 'Agency code, or (unknown) when none was recognised.';
COMMENT ON COLUMN v_daily_agency.agency_name IS 'Full name of the agency.';
COMMENT ON COLUMN v_daily_agency.articles IS 'Number of copies published that day by that agency.';
COMMENT ON COLUMN v_daily_agency.stories IS 'Number of distinct stories among those copies.';
COMMENT ON COLUMN v_daily_agency.sources IS 'Number of distinct sources those copies came from.';
