-- 001_core: the warehouse's core tables.
-- Analyst-facing names (sources, agencies, articles, stories, runs) are part
-- of the product contract: rename nothing here, add columns in new migrations.

CREATE TABLE sources (
    name          VARCHAR PRIMARY KEY,
    kind          VARCHAR NOT NULL,
    url           VARCHAR NOT NULL,
    syndicator    VARCHAR,
    agency        VARCHAR,
    fetch_pages   BOOLEAN NOT NULL DEFAULT false,
    allow_private BOOLEAN NOT NULL DEFAULT false,
    first_seen_at TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE sources IS 'One row per configured feed or dump, as last read from the sources file.';
COMMENT ON COLUMN sources.name IS 'Unique source name from the sources file; articles.source refers to it.';
COMMENT ON COLUMN sources.kind IS 'Source kind: rss (RSS and Atom), sitemap, jsonl, warc ...';
COMMENT ON COLUMN sources.url IS 'Feed URL or dump path.';
COMMENT ON COLUMN sources.syndicator IS 'Syndicator hint from the sources file (e.g. MENAFN), used when the text does not say.';
COMMENT ON COLUMN sources.agency IS 'Default agency code hint from the sources file (e.g. IANS for the agency''s own feed).';
COMMENT ON COLUMN sources.fetch_pages IS 'Whether article pages are fetched when a feed item carries no full text.';
COMMENT ON COLUMN sources.allow_private IS 'Whether links may resolve to loopback/private addresses (local test sources only).';
COMMENT ON COLUMN sources.first_seen_at IS 'When this source was first loaded into the warehouse (UTC).';
COMMENT ON COLUMN sources.updated_at IS 'When this row was last refreshed from the sources file (UTC).';

CREATE TABLE agencies (
    code    VARCHAR PRIMARY KEY,
    name    VARCHAR NOT NULL,
    country VARCHAR,
    kind    VARCHAR NOT NULL,
    aliases VARCHAR[] NOT NULL
);
COMMENT ON TABLE agencies IS 'Reference data: news agencies and press-release wires, seeded from transforms/agencies.py on every migration run.';
COMMENT ON COLUMN agencies.code IS 'Canonical agency code (IANS, PTI, REUTERS, AP ...); articles.agency refers to it.';
COMMENT ON COLUMN agencies.name IS 'Full agency name.';
COMMENT ON COLUMN agencies.country IS 'Home country of the agency (ISO 3166 alpha-2), NULL for international wires.';
COMMENT ON COLUMN agencies.kind IS 'wire (news agency) or press-release (paid distribution wire).';
COMMENT ON COLUMN agencies.aliases IS 'Other spellings recognised in datelines, wrappers and trailers.';

CREATE TABLE raw_documents (
    doc_id        VARCHAR PRIMARY KEY,
    url           VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    fetched_at    TIMESTAMPTZ NOT NULL,
    http_status   INTEGER,
    content_type  VARCHAR,
    etag          VARCHAR,
    last_modified VARCHAR,
    size_bytes    BIGINT NOT NULL,
    compression   VARCHAR NOT NULL,
    payload       BLOB NOT NULL
);
COMMENT ON TABLE raw_documents IS 'Every fetched payload (feed or page), compressed, with its fetch metadata; reprocess re-runs cleaning from here.';
COMMENT ON COLUMN raw_documents.doc_id IS 'SHA-256 of the uncompressed payload (hex): the same bytes are stored once.';
COMMENT ON COLUMN raw_documents.url IS 'URL the payload was fetched from (after redirects).';
COMMENT ON COLUMN raw_documents.source IS 'Source name the fetch belonged to.';
COMMENT ON COLUMN raw_documents.kind IS 'feed (a whole feed document) or page (an article page).';
COMMENT ON COLUMN raw_documents.fetched_at IS 'When the payload was fetched (UTC).';
COMMENT ON COLUMN raw_documents.http_status IS 'HTTP status of the response.';
COMMENT ON COLUMN raw_documents.content_type IS 'Content-Type header of the response.';
COMMENT ON COLUMN raw_documents.etag IS 'ETag header of the response, if any.';
COMMENT ON COLUMN raw_documents.last_modified IS 'Last-Modified header of the response, if any.';
COMMENT ON COLUMN raw_documents.size_bytes IS 'Size of the uncompressed payload in bytes.';
COMMENT ON COLUMN raw_documents.compression IS 'Codec of payload (gzip).';
COMMENT ON COLUMN raw_documents.payload IS 'The raw bytes as received, compressed with the codec in compression.';

CREATE TABLE articles (
    article_id        VARCHAR PRIMARY KEY,
    source            VARCHAR NOT NULL,
    guid              VARCHAR,
    url               VARCHAR,
    canonical_url     VARCHAR,
    title             VARCHAR,
    body              VARCHAR NOT NULL,
    published_at      TIMESTAMPTZ,
    byline            VARCHAR,
    agency            VARCHAR,
    provider          VARCHAR,
    syndicator        VARCHAR,
    dateline_place    VARCHAR,
    dateline_date     DATE,
    word_count        INTEGER NOT NULL,
    content_hash      VARCHAR NOT NULL,
    story_id          VARCHAR NOT NULL,
    body_origin       VARCHAR NOT NULL,
    extraction_method VARCHAR,
    raw_doc_id        VARCHAR,
    cleaning_removed  JSON,
    first_seen_at     TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    run_id            VARCHAR
);
COMMENT ON TABLE articles IS 'One row per fetched copy of a story (per source and feed item), cleaned, with recovered attribution.';
COMMENT ON COLUMN articles.article_id IS 'Stable id: hash of source and the item''s guid (or link when there is no guid).';
COMMENT ON COLUMN articles.source IS 'Source name (sources.name) the copy came from.';
COMMENT ON COLUMN articles.guid IS 'The feed item''s guid/id as published.';
COMMENT ON COLUMN articles.url IS 'Link of the feed item.';
COMMENT ON COLUMN articles.canonical_url IS 'Canonical URL declared by the article page (link rel=canonical, og:url), else the item link.';
COMMENT ON COLUMN articles.title IS 'Headline (feed title, else the page''s).';
COMMENT ON COLUMN articles.body IS 'Cleaned article text: wrappers, datelines, trailers and boilerplate removed; paragraphs separated by a blank line.';
COMMENT ON COLUMN articles.published_at IS 'Publication time (UTC) from the feed item, else from the page.';
COMMENT ON COLUMN articles.byline IS 'Byline recovered from the text or page, if any.';
COMMENT ON COLUMN articles.agency IS 'Originating agency code (agencies.code) from dateline tag, wrapper, trailer or the source''s hint.';
COMMENT ON COLUMN articles.provider IS 'Name inside the syndicator''s wrapper, e.g. IANS in "(MENAFN- IANS)".';
COMMENT ON COLUMN articles.syndicator IS 'Republisher whose wrapper surrounded the copy (e.g. MENAFN), or the source''s syndicator hint.';
COMMENT ON COLUMN articles.dateline_place IS 'Place of the dateline, e.g. Tokyo.';
COMMENT ON COLUMN articles.dateline_date IS 'Date of the dateline; a year-less dateline takes the year closest to, not after, published_at.';
COMMENT ON COLUMN articles.word_count IS 'Number of words in body.';
COMMENT ON COLUMN articles.content_hash IS 'Fingerprint of the normalised body (SHA-256 prefix); equal hashes are exact duplicates.';
COMMENT ON COLUMN articles.story_id IS 'The story (stories.story_id) this copy belongs to.';
COMMENT ON COLUMN articles.body_origin IS 'Where the body came from: feed (the item''s full text) or page (the fetched article page).';
COMMENT ON COLUMN articles.extraction_method IS 'Extractor strategy that produced a page body (jsonld, trafilatura, rule:NAME ...), NULL for feed bodies.';
COMMENT ON COLUMN articles.raw_doc_id IS 'raw_documents.doc_id of the payload the body was taken from (the page, or the feed).';
COMMENT ON COLUMN articles.cleaning_removed IS 'JSON list of what the cleaner cut ({kind, rule, text}), to audit a wrong cut.';
COMMENT ON COLUMN articles.first_seen_at IS 'When this copy was first loaded (UTC).';
COMMENT ON COLUMN articles.updated_at IS 'When this row last changed (load or reprocess, UTC).';
COMMENT ON COLUMN articles.run_id IS 'runs.run_id of the run that last wrote this row.';

CREATE TABLE stories (
    story_id             VARCHAR PRIMARY KEY,
    canonical_article_id VARCHAR NOT NULL,
    title                VARCHAR,
    agency               VARCHAR,
    first_published_at   TIMESTAMPTZ,
    first_seen_at        TIMESTAMPTZ NOT NULL,
    last_seen_at         TIMESTAMPTZ NOT NULL,
    n_copies             INTEGER NOT NULL,
    n_sources            INTEGER NOT NULL
);
COMMENT ON TABLE stories IS 'One row per deduplicated story; all its copies are the articles rows with this story_id.';
COMMENT ON COLUMN stories.story_id IS 'Stable story id.';
COMMENT ON COLUMN stories.canonical_article_id IS 'The copy chosen to represent the story: the agency''s own copy over a syndicator''s, then the longest body, then the earliest.';
COMMENT ON COLUMN stories.title IS 'Title of the canonical copy.';
COMMENT ON COLUMN stories.agency IS 'Agency of the canonical copy.';
COMMENT ON COLUMN stories.first_published_at IS 'Earliest publication time among the copies (UTC).';
COMMENT ON COLUMN stories.first_seen_at IS 'When the first copy was loaded (UTC).';
COMMENT ON COLUMN stories.last_seen_at IS 'When the latest copy was loaded (UTC).';
COMMENT ON COLUMN stories.n_copies IS 'Number of articles rows in this story.';
COMMENT ON COLUMN stories.n_sources IS 'Number of distinct sources carrying this story.';

CREATE TABLE fetch_log (
    run_id     VARCHAR,
    source     VARCHAR NOT NULL,
    url        VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,
    status     INTEGER,
    bytes      BIGINT,
    elapsed_ms DOUBLE,
    attempt    INTEGER NOT NULL,
    outcome    VARCHAR NOT NULL,
    error      VARCHAR,
    fetched_at TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE fetch_log IS 'One row per HTTP request made (every attempt), and per item that could not be used.';
COMMENT ON COLUMN fetch_log.run_id IS 'runs.run_id of the run that made the request.';
COMMENT ON COLUMN fetch_log.source IS 'Source name the request belonged to.';
COMMENT ON COLUMN fetch_log.url IS 'Requested URL.';
COMMENT ON COLUMN fetch_log.kind IS 'feed, page or item (an item rejected before any request).';
COMMENT ON COLUMN fetch_log.status IS 'HTTP status, NULL when no response arrived.';
COMMENT ON COLUMN fetch_log.bytes IS 'Bytes of body received.';
COMMENT ON COLUMN fetch_log.elapsed_ms IS 'Wall time of the request in milliseconds.';
COMMENT ON COLUMN fetch_log.attempt IS 'Attempt number, 1 for the first try.';
COMMENT ON COLUMN fetch_log.outcome IS 'ok, not_modified, retry, failed or skipped.';
COMMENT ON COLUMN fetch_log.error IS 'One-line reason when the request or item failed.';
COMMENT ON COLUMN fetch_log.fetched_at IS 'When the request finished (UTC).';

CREATE TABLE http_cache (
    url           VARCHAR PRIMARY KEY,
    etag          VARCHAR,
    last_modified VARCHAR,
    updated_at    TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE http_cache IS 'Validators for conditional GET: the ETag and Last-Modified last seen per URL.';
COMMENT ON COLUMN http_cache.url IS 'Requested URL.';
COMMENT ON COLUMN http_cache.etag IS 'ETag to send as If-None-Match.';
COMMENT ON COLUMN http_cache.last_modified IS 'Last-Modified to send as If-Modified-Since.';
COMMENT ON COLUMN http_cache.updated_at IS 'When the validators were stored (UTC).';

CREATE TABLE runs (
    run_id          VARCHAR PRIMARY KEY,
    flow            VARCHAR NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ,
    status          VARCHAR NOT NULL,
    feeds_fetched   INTEGER NOT NULL DEFAULT 0,
    feeds_not_modified INTEGER NOT NULL DEFAULT 0,
    items_seen      INTEGER NOT NULL DEFAULT 0,
    articles_new    INTEGER NOT NULL DEFAULT 0,
    articles_duplicate INTEGER NOT NULL DEFAULT 0,
    failed          INTEGER NOT NULL DEFAULT 0,
    per_source      JSON,
    top_failures    JSON
);
COMMENT ON TABLE runs IS 'One row per flow run, with its Prefect flow-run id and counts.';
COMMENT ON COLUMN runs.run_id IS 'Prefect flow-run id (a fresh UUID when run outside Prefect).';
COMMENT ON COLUMN runs.flow IS 'Flow name: ingest, reprocess ...';
COMMENT ON COLUMN runs.started_at IS 'When the run started (UTC).';
COMMENT ON COLUMN runs.finished_at IS 'When the run finished loading (UTC).';
COMMENT ON COLUMN runs.status IS 'completed, or completed_with_failures when some sources or items failed.';
COMMENT ON COLUMN runs.feeds_fetched IS 'Feeds fetched with a new body (HTTP 200).';
COMMENT ON COLUMN runs.feeds_not_modified IS 'Feeds answered 304 Not Modified.';
COMMENT ON COLUMN runs.items_seen IS 'Feed items parsed in this run.';
COMMENT ON COLUMN runs.articles_new IS 'Articles rows inserted.';
COMMENT ON COLUMN runs.articles_duplicate IS 'Items already in the warehouse (same source and guid) or repeated within the run.';
COMMENT ON COLUMN runs.failed IS 'Feeds, pages and items that failed.';
COMMENT ON COLUMN runs.per_source IS 'JSON object: per source name, counts fetched, not_modified, new, duplicate, failed.';
COMMENT ON COLUMN runs.top_failures IS 'JSON list of the most frequent failure reasons with their counts.';
