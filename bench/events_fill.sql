-- bench/events_warehouse.py: a warehouse history made in bulk, not through the pipeline.
-- $n stored one-copy stories spread evenly over $days days before $now, already in events of
-- three reports (their vectors are added from Python: random unit float16 vectors), then the
-- new stories (registered as `new_texts`: i, title, body, published) with no event yet.
-- Three parts, each run on its own by bench/events_warehouse.py (split at the `-- @` lines).
-- @history
INSERT INTO articles (article_id, source, title, body, published_at, word_count, content_hash,
                      story_id, body_origin, first_seen_at, updated_at)
SELECT 'old-' || i, 'bench-' || (i % 7), 'Stored story ' || i, 'Stored body ' || i,
       $now - to_seconds(CAST(($n - i) * ($days * 86400.0 / $n) AS BIGINT)), 3, md5('h' || i),
       'st-old-' || i, 'feed', now(), now()
FROM range($n) t(i);
INSERT INTO stories (story_id, canonical_article_id, title, agency, first_published_at,
                     first_seen_at, last_seen_at, n_copies, n_sources, event_id)
SELECT 'st-old-' || i, 'old-' || i, 'Stored story ' || i,
       ['AP', 'REUTERS', 'AFP', 'PTI', 'IANS', 'XINHUA', 'WAM', 'DPA', 'ANADOLU'][1 + i % 9],
       $now - to_seconds(CAST(($n - i) * ($days * 86400.0 / $n) AS BIGINT)), now(), now(), 1, 1, i // 3 + 1
FROM range($n) t(i);
INSERT INTO events (event_id, founding_story_id, headline, first_published_at, last_published_at,
                    first_seen_at, last_seen_at, agencies, sources, n_agencies, n_stories, n_copies,
                    method, updated_at)
SELECT event_id, min(story_id), min(title), min(first_published_at), max(first_published_at), now(), now(),
       list(DISTINCT agency), [], 3, 3, 3, 'bench', now()
FROM stories GROUP BY event_id;
INSERT INTO articles (article_id, source, title, body, published_at, word_count, content_hash,
                      story_id, body_origin, first_seen_at, updated_at)
SELECT 'new-' || i, 'bench-new', title, body, published, 130, md5('n' || i), 'st-new-' || i, 'feed', now(), now()
FROM new_texts;
INSERT INTO stories (story_id, canonical_article_id, title, agency, first_published_at,
                     first_seen_at, last_seen_at, n_copies, n_sources)
SELECT 'st-new-' || i, 'new-' || i, title,
       ['AP', 'REUTERS', 'AFP', 'PTI', 'IANS', 'XINHUA', 'WAM', 'DPA', 'ANADOLU'][1 + i % 9],
       published, now(), now(), 1, 1
FROM new_texts;
-- @vectors: one block of stored stories' vectors (bench_vectors: story_id, vector)
INSERT INTO event_vectors
SELECT v.story_id, s.first_published_at, s.agency, s.event_id, v.vector, now()
FROM bench_vectors v JOIN stories s USING (story_id);
-- @state: document frequencies for every bucket (bench_freq) and the state row
INSERT INTO event_doc_freq SELECT bucket, df FROM bench_freq;
INSERT INTO event_state VALUES ('events', $method, $n, now());
