-- Articles to re-clean, with what is needed to rebuild them from the raw payload.
-- $since (a DATE or NULL) limits to copies published on or after that day.
SELECT a.article_id, a.source, a.guid, a.url, a.title, a.published_at, a.body_origin,
       a.raw_doc_id,
       -- the derived fields, to tell whether a rebuild changed anything
       [a.body, a.title, a.byline, a.agency, a.provider, a.syndicator, a.dateline_place,
        CAST(a.dateline_date AS VARCHAR), a.canonical_url,
        a.language, a.section, coalesce(array_to_string(a.tags, chr(31)), ''), a.image_url,
        strftime(a.modified_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S')] AS derived
FROM articles a
WHERE $since IS NULL OR a.published_at >= $since
ORDER BY a.raw_doc_id, a.article_id;
