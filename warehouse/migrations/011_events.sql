-- 011_events: events, i.e. independent reports of one news event by different agencies
-- (issue 14; method and measurements in docs/events.md). `stories` groups copies of one
-- text; an event groups stories. Assigned incrementally after dedup (each new story joins
-- the event of its nearest earlier report within 36 hours, or founds one), so the state
-- the assignment needs is stored too: one hashed term vector per story and the document
-- frequencies its IDF weights come from. (010 is taken by another branch.)

ALTER TABLE stories ADD COLUMN event_id BIGINT;
COMMENT ON COLUMN stories.event_id IS 'The event (events.event_id) this story reports; NULL until the event step after the load has assigned it.';

CREATE TABLE events (
    event_id           BIGINT PRIMARY KEY,
    founding_story_id  VARCHAR NOT NULL,
    headline           VARCHAR,
    first_published_at TIMESTAMPTZ,
    last_published_at  TIMESTAMPTZ,
    first_seen_at      TIMESTAMPTZ NOT NULL,
    last_seen_at       TIMESTAMPTZ NOT NULL,
    agencies           VARCHAR[] NOT NULL,
    sources            VARCHAR[] NOT NULL,
    n_agencies         INTEGER NOT NULL,
    n_stories          INTEGER NOT NULL,
    n_copies           INTEGER NOT NULL,
    method             VARCHAR NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE events IS 'One row per news event: the stories (independent reports, usually by different agencies) with this stories.event_id. Counts are kept up to date by every load.';
COMMENT ON COLUMN events.event_id IS 'Event id: a 63-bit hash of the founding story''s id (derived, not counted, so two writers founding events at once never share one); stories.event_id refers to it. A rebuild keeps an event''s id when the same story founds it.';
COMMENT ON COLUMN events.founding_story_id IS 'The earliest report (stories.story_id): who reported the event first.';
COMMENT ON COLUMN events.headline IS 'Title of the earliest report.';
COMMENT ON COLUMN events.first_published_at IS 'Publication time of the earliest report (UTC; a story without one counts from when it was loaded).';
COMMENT ON COLUMN events.last_published_at IS 'Publication time of the latest report (UTC).';
COMMENT ON COLUMN events.first_seen_at IS 'When the first report was loaded (UTC).';
COMMENT ON COLUMN events.last_seen_at IS 'When the latest copy of any report was loaded (UTC).';
COMMENT ON COLUMN events.agencies IS 'Sorted agency codes of the reports (agencies.code; reports of unknown agency not listed).';
COMMENT ON COLUMN events.sources IS 'Sorted names of the sources that carried any copy of any report.';
COMMENT ON COLUMN events.n_agencies IS 'Number of distinct agencies among the reports.';
COMMENT ON COLUMN events.n_stories IS 'Number of reports (stories) in the event.';
COMMENT ON COLUMN events.n_copies IS 'Number of copies (articles rows) of all its reports.';
COMMENT ON COLUMN events.method IS 'Version of the event method (term features and join rule) the event was assigned with; maintain and reprocess rebuild events when the code''s differs.';
COMMENT ON COLUMN events.updated_at IS 'When this row was last recomputed (UTC).';

CREATE TABLE event_vectors (
    story_id     VARCHAR PRIMARY KEY,
    published_at TIMESTAMPTZ NOT NULL,
    agency       VARCHAR,
    event_id     BIGINT NOT NULL,
    vector       BLOB NOT NULL,
    computed_at  TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE event_vectors IS 'Assignment state, one row per assigned story with what a later report is compared with; only the rows of the time window are read (by published_at, which prunes whole row groups).';
COMMENT ON COLUMN event_vectors.story_id IS 'stories.story_id.';
COMMENT ON COLUMN event_vectors.published_at IS 'The story''s time when assigned: first_published_at, else first_seen_at (UTC).';
COMMENT ON COLUMN event_vectors.agency IS 'The story''s agency when assigned (two reports by one agency need more to join).';
COMMENT ON COLUMN event_vectors.event_id IS 'The event the story was assigned to (the same as stories.event_id).';
COMMENT ON COLUMN event_vectors.vector IS 'Hashed, IDF-weighted term vector of the title and lead of the canonical copy: 512 little-endian float16 values, unit length.';
COMMENT ON COLUMN event_vectors.computed_at IS 'When the vector was computed (UTC).';

CREATE TABLE event_doc_freq (
    bucket INTEGER PRIMARY KEY,
    df     BIGINT NOT NULL
);
COMMENT ON TABLE event_doc_freq IS 'Assignment state: in how many stories each hashed term bucket occurs (document frequencies for IDF), added to per batch.';
COMMENT ON COLUMN event_doc_freq.bucket IS 'Term hash bucket (0 .. 2^18 - 1); buckets never seen have no row.';
COMMENT ON COLUMN event_doc_freq.df IS 'Number of stories whose terms fall in the bucket.';

CREATE TABLE event_state (
    name       VARCHAR PRIMARY KEY,
    method     VARCHAR NOT NULL,
    n_docs     BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE event_state IS 'Assignment state: one row (name events) with the method version and the number of stories counted in event_doc_freq.';
COMMENT ON COLUMN event_state.name IS 'Always events.';
COMMENT ON COLUMN event_state.method IS 'Method version the stored vectors and events were made with; a different version in the code makes maintain and reprocess rebuild them.';
COMMENT ON COLUMN event_state.n_docs IS 'Number of stories counted in event_doc_freq.';
COMMENT ON COLUMN event_state.updated_at IS 'When the state last changed (UTC).';
