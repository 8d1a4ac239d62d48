-- bench/pipeline.py: a warehouse of $n stored articles in steady state, made in bulk, to measure
-- what an incremental run costs against a large warehouse (issue 12: "100 new items against a
-- warehouse holding 100,000"). Steady state means: what the pipeline itself would have left after
-- loading that history run by run, so the timed run pays only for what grows with the warehouse,
-- not for a backlog the fill left behind. (The fill before this one left its stories without
-- events, so every later run assigned events to up to 5,000 *stored* stories, and measured that.)
--
-- These statements write the rows that are plain data, and bench/pipeline.py then lets the
-- pipeline's own code derive the rest, as loads would have: events, event vectors, document
-- frequencies and event state (Warehouse.assign_events), MinHash signatures and LSH bands
-- (dedup.backfill), and the search index (Warehouse.search_index).
--
-- History: $n one-copy stories published evenly over the days before $end, the time the bench's
-- pages carry (most of the extraction-dev pages are dated November 2019), at $per_day a day, so
-- the event window of a new story (36 h either side) holds the stored stories a desk with that
-- daily rate would have, and the history grows in days, not in the window. Each copy was first
-- seen 5 minutes after publication (events_bodies.sql prunes by first_seen_at), by one of 20
-- hourly feeds. Runs, fetch_log (one page fetch per copy, one feed fetch per source and run),
-- http_cache (one row per feed) and raw_documents (one payload per copy, stored uncompressed:
-- small) are filled to match.
-- bench/pipeline.py runs these statements one by one (parameters: n, end, per_day).
INSERT INTO articles (article_id, source, guid, url, title, body, published_at, agency, word_count,
                      content_hash, story_id, body_origin, extraction_method, raw_doc_id,
                      first_seen_at, updated_at, run_id)
SELECT 'bench-' || i, 'bench-history-' || (i % 20), 'https://history.example/' || i,
       'https://history.example/' || i, 'Stored story ' || i || ' on topic ' || (i % 977),
       'NEW DELHI, July 1 (IANS) Stored story number ' || i || ' about topic ' || (i % 977)
           || ' with words ' || md5(i::VARCHAR) || ' ' || md5((i * 7)::VARCHAR) || ' and more text.',
       t.at, ['AP', 'REUTERS', 'AFP', 'PTI', 'IANS', 'XINHUA', 'WAM', 'DPA', 'ANADOLU'][1 + i % 9],
       30, md5('h' || i), 'st-bench-' || i, 'page', 'trafilatura', sha256('bench-' || i),
       t.at + INTERVAL 5 MINUTE, t.at + INTERVAL 5 MINUTE, 'bench-run-' || (epoch(t.at)::BIGINT // 3600)
FROM (SELECT i, CAST($end AS TIMESTAMPTZ) - to_seconds(CAST(($n - i) * (86400.0 / $per_day) AS BIGINT)) AS at
      FROM range($n) r(i)) t;
INSERT INTO stories (story_id, canonical_article_id, title, agency, first_published_at,
                     first_seen_at, last_seen_at, n_copies, n_sources)
SELECT story_id, article_id, title, agency, published_at, first_seen_at, first_seen_at, 1, 1
FROM articles WHERE article_id LIKE 'bench-%';
INSERT INTO raw_documents (doc_id, url, source, kind, fetched_at, http_status, content_type,
                           size_bytes, compression, payload)
SELECT raw_doc_id, url, source, 'page', first_seen_at, 200, 'text/html',
       strlen(body), 'none', encode(body)
FROM articles WHERE article_id LIKE 'bench-%';
INSERT INTO runs (run_id, flow, started_at, finished_at, status, feeds_fetched, items_seen, articles_new)
SELECT run_id, 'ingest', min(first_seen_at) - INTERVAL 1 MINUTE, max(first_seen_at), 'success', 20,
       count(*), count(*)
FROM articles WHERE article_id LIKE 'bench-%' GROUP BY run_id;
INSERT INTO fetch_log (run_id, source, url, kind, status, bytes, elapsed_ms, attempt, outcome, fetched_at)
SELECT run_id, source, url, 'page', 200, strlen(body), 120.0, 1, 'ok', first_seen_at
FROM articles WHERE article_id LIKE 'bench-%'
UNION ALL
SELECT r.run_id, 'bench-history-' || f, 'https://history.example/feed-' || f || '.xml', 'feed', 200,
       40000, 80.0, 1, 'ok', r.started_at
FROM runs r, range(20) g(f) WHERE r.run_id LIKE 'bench-run-%';
INSERT INTO http_cache (url, etag, last_modified, updated_at)
SELECT 'https://history.example/feed-' || f || '.xml', '"' || md5(f::VARCHAR) || '"', NULL, CAST($end AS TIMESTAMPTZ)
FROM range(20) g(f);
