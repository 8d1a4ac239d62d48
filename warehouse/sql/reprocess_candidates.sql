-- Articles to re-clean, with what is needed to rebuild them from the raw payload.
-- $since (a DATE or NULL) limits to copies published on or after that day.
SELECT a.article_id, a.source, a.guid, a.url, a.title, a.published_at, a.body_origin,
       a.raw_doc_id, a.content_hash
FROM articles a
WHERE $since IS NULL OR a.published_at >= $since
ORDER BY a.raw_doc_id, a.article_id;
