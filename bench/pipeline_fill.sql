-- bench/pipeline.py: $n stored articles (and their one-copy stories) made in bulk, not through the
-- pipeline, to measure what an incremental run costs against a large warehouse.
INSERT INTO articles (article_id, source, guid, url, title, body, published_at, word_count,
                      content_hash, story_id, body_origin, first_seen_at, updated_at)
SELECT 'bench-' || i, 'bench-history', 'https://history.example/' || i, 'https://history.example/' || i,
       'Stored story ' || i,
       'NEW DELHI, July 1 (IANS) Stored story number ' || i || ' about topic ' || (i % 977)
           || ' with words ' || md5(i::VARCHAR) || ' ' || md5((i * 7)::VARCHAR) || ' and more text.',
       TIMESTAMPTZ '2025-01-01 00:00:00+00' + to_minutes(i), 30, md5('h' || i), 'st-bench-' || i, 'page',
       now(), now()
FROM range($n) t(i);
INSERT INTO stories (story_id, canonical_article_id, title, agency, first_published_at,
                     first_seen_at, last_seen_at, n_copies, n_sources)
SELECT 'st-bench-' || i, 'bench-' || i, 'Stored story ' || i, 'IANS',
       TIMESTAMPTZ '2025-01-01 00:00:00+00' + to_minutes(i), now(), now(), 1, 1
FROM range($n) t(i);
