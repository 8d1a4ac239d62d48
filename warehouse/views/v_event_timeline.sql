-- v_event_timeline: one row per report (story) of an event, in the order they were
-- published, with the delay after the first report: how coverage of an event grew.
CREATE OR REPLACE VIEW v_event_timeline AS
SELECT
    s.event_id,
    e.headline,
    row_number() OVER (
        PARTITION BY s.event_id
        ORDER BY coalesce(s.first_published_at, s.first_seen_at), s.story_id
    ) AS report_rank,
    coalesce(s.first_published_at, s.first_seen_at) AS published_at,
    round(epoch(coalesce(s.first_published_at, s.first_seen_at) - e.first_published_at) / 60.0, 1)
        AS minutes_after_first,
    s.agency,
    ag.name AS agency_name,
    s.story_id,
    s.title,
    c.source AS canonical_source,
    c.url AS canonical_url,
    s.n_copies,
    s.n_sources
FROM stories s
JOIN events e ON e.event_id = s.event_id
LEFT JOIN articles c ON c.article_id = s.canonical_article_id
LEFT JOIN agencies ag ON ag.code = s.agency;

COMMENT ON VIEW v_event_timeline IS 'One row per report of an event, in publication order: who reported when, and how long after the first report.';
COMMENT ON COLUMN v_event_timeline.event_id IS 'Event id (events.event_id).';
COMMENT ON COLUMN v_event_timeline.headline IS 'Headline of the event (its earliest report''s title).';
COMMENT ON COLUMN v_event_timeline.report_rank IS '1 for the first report of the event, 2 for the next ...';
COMMENT ON COLUMN v_event_timeline.published_at IS 'Publication time of this report (UTC; when it was loaded if it has none).';
COMMENT ON COLUMN v_event_timeline.minutes_after_first IS 'Minutes after the event''s first report.';
COMMENT ON COLUMN v_event_timeline.agency IS 'Agency code of the report.';
COMMENT ON COLUMN v_event_timeline.agency_name IS 'Full name of that agency.';
COMMENT ON COLUMN v_event_timeline.story_id IS 'The report (stories.story_id).';
COMMENT ON COLUMN v_event_timeline.title IS 'Title of the report''s canonical copy.';
COMMENT ON COLUMN v_event_timeline.canonical_source IS 'Source of the canonical copy.';
COMMENT ON COLUMN v_event_timeline.canonical_url IS 'Link of the canonical copy.';
COMMENT ON COLUMN v_event_timeline.n_copies IS 'Copies (articles rows) of this report.';
COMMENT ON COLUMN v_event_timeline.n_sources IS 'Sources that carried this report.';
