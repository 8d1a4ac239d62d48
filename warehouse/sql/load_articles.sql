-- New copies are inserted; a known copy whose content changed is updated in
-- place (first_seen_at kept). Unchanged copies were filtered out before.
INSERT INTO articles BY NAME
SELECT *, now() AS first_seen_at, now() AS updated_at, $run_id AS run_id
FROM batch_articles
ON CONFLICT (article_id) DO UPDATE SET
    guid = excluded.guid, url = excluded.url, canonical_url = excluded.canonical_url,
    title = excluded.title, body = excluded.body, published_at = excluded.published_at,
    byline = excluded.byline, agency = excluded.agency, provider = excluded.provider,
    syndicator = excluded.syndicator, dateline_place = excluded.dateline_place,
    dateline_date = excluded.dateline_date, word_count = excluded.word_count,
    content_hash = excluded.content_hash, story_id = excluded.story_id,
    body_origin = excluded.body_origin, extraction_method = excluded.extraction_method,
    raw_doc_id = excluded.raw_doc_id, cleaning_removed = excluded.cleaning_removed,
    language = excluded.language, section = excluded.section, tags = excluded.tags,
    image_url = excluded.image_url, modified_at = excluded.modified_at,
    updated_at = excluded.updated_at, run_id = excluded.run_id;
