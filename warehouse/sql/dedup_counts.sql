-- Cheap check whether some stored copies lack a sketch (counts come from metadata).
SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM article_signatures) AS missing,
       (SELECT coalesce(max(article_key), 0) FROM article_signatures) AS max_key;
