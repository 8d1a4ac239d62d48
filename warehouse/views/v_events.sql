-- v_events: one row per news event (independent reports of one occurrence, usually by
-- different agencies) with who reported it first and how long coverage ran.
CREATE OR REPLACE VIEW v_events AS
SELECT
    e.event_id,
    e.headline,
    e.first_published_at,
    CAST(e.first_published_at AS DATE) AS first_published_date,
    e.last_published_at,
    round(epoch(e.last_published_at - e.first_published_at) / 3600.0, 1) AS hours_covered,
    e.n_agencies,
    e.agencies,
    e.n_stories,
    e.n_copies,
    len(e.sources) AS n_sources,
    e.sources,
    e.founding_story_id,
    f.agency AS first_agency,
    ag.name AS first_agency_name,
    c.source AS first_source,
    c.url AS first_url,
    e.method
FROM events e
LEFT JOIN stories f ON f.story_id = e.founding_story_id
LEFT JOIN articles c ON c.article_id = f.canonical_article_id
LEFT JOIN agencies ag ON ag.code = f.agency;

COMMENT ON VIEW v_events IS 'One row per news event: its reports by different agencies, who reported it first, how long and how widely it was covered.';
COMMENT ON COLUMN v_events.event_id IS 'Event id (events.event_id).';
COMMENT ON COLUMN v_events.headline IS 'Title of the earliest report.';
COMMENT ON COLUMN v_events.first_published_at IS 'Publication time of the earliest report (UTC).';
COMMENT ON COLUMN v_events.first_published_date IS 'UTC day of first_published_at.';
COMMENT ON COLUMN v_events.last_published_at IS 'Publication time of the latest report (UTC).';
COMMENT ON COLUMN v_events.hours_covered IS 'Hours from the first report to the latest.';
COMMENT ON COLUMN v_events.n_agencies IS 'Number of distinct agencies that reported the event.';
COMMENT ON COLUMN v_events.agencies IS 'Sorted agency codes of the reports.';
COMMENT ON COLUMN v_events.n_stories IS 'Number of reports (deduplicated stories).';
COMMENT ON COLUMN v_events.n_copies IS 'Number of copies (articles rows) of all reports.';
COMMENT ON COLUMN v_events.n_sources IS 'Number of sources that carried any copy.';
COMMENT ON COLUMN v_events.sources IS 'Sorted names of those sources.';
COMMENT ON COLUMN v_events.founding_story_id IS 'The earliest report (stories.story_id).';
COMMENT ON COLUMN v_events.first_agency IS 'Agency code of the earliest report: who reported first.';
COMMENT ON COLUMN v_events.first_agency_name IS 'Full name of that agency.';
COMMENT ON COLUMN v_events.first_source IS 'Source of the earliest report''s canonical copy.';
COMMENT ON COLUMN v_events.first_url IS 'Link of the earliest report''s canonical copy.';
COMMENT ON COLUMN v_events.method IS 'Version of the event method the event was assigned with.';
