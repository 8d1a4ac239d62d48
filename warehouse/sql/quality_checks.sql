-- Data-quality checks run by the `maintain` flow: one row per check with the
-- number of failing rows and up to 5 sample ids. A healthy warehouse has
-- failing = 0 everywhere. Add a check by adding a UNION ALL branch.
WITH
articles_without_story AS (
    SELECT a.article_id AS id FROM articles a
    LEFT JOIN stories s USING (story_id)
    WHERE a.story_id IS NULL OR s.story_id IS NULL
),
stories_without_canonical AS (
    SELECT s.story_id AS id FROM stories s
    LEFT JOIN articles a ON a.article_id = s.canonical_article_id AND a.story_id = s.story_id
    WHERE a.article_id IS NULL
),
stories_wrong_copy_count AS (
    SELECT s.story_id AS id FROM stories s
    LEFT JOIN (SELECT story_id, count(*) AS n FROM articles GROUP BY story_id) c USING (story_id)
    WHERE coalesce(c.n, 0) <> s.n_copies
),
empty_bodies AS (
    SELECT article_id AS id FROM articles WHERE body IS NULL OR trim(body) = ''
),
untitled_articles AS (
    SELECT article_id AS id FROM articles WHERE title IS NULL OR trim(title) = ''
),
unknown_agency AS (
    SELECT a.article_id AS id FROM articles a
    WHERE a.agency IS NOT NULL AND a.agency NOT IN (SELECT code FROM agencies)
),
unknown_source AS (
    SELECT a.article_id AS id FROM articles a
    WHERE a.source NOT IN (SELECT name FROM sources)
),
missing_raw_document AS (
    SELECT a.article_id AS id FROM articles a
    WHERE a.raw_doc_id IS NOT NULL AND a.raw_doc_id NOT IN (SELECT doc_id FROM raw_documents)
)
SELECT 'articles_without_story' AS check_name, 'Articles whose story_id has no stories row.' AS description,
       (SELECT count(*) FROM articles_without_story) AS failing,
       (SELECT coalesce(list(id ORDER BY id)[1:5], []) FROM articles_without_story) AS sample
UNION ALL
SELECT 'stories_without_canonical', 'Stories whose canonical_article_id is not one of their copies.',
       (SELECT count(*) FROM stories_without_canonical),
       (SELECT coalesce(list(id ORDER BY id)[1:5], []) FROM stories_without_canonical)
UNION ALL
SELECT 'stories_wrong_copy_count', 'Stories whose n_copies differs from the number of their articles rows.',
       (SELECT count(*) FROM stories_wrong_copy_count),
       (SELECT coalesce(list(id ORDER BY id)[1:5], []) FROM stories_wrong_copy_count)
UNION ALL
SELECT 'empty_bodies', 'Articles with an empty or NULL body.',
       (SELECT count(*) FROM empty_bodies),
       (SELECT coalesce(list(id ORDER BY id)[1:5], []) FROM empty_bodies)
UNION ALL
SELECT 'untitled_articles', 'Articles with an empty or NULL title.',
       (SELECT count(*) FROM untitled_articles),
       (SELECT coalesce(list(id ORDER BY id)[1:5], []) FROM untitled_articles)
UNION ALL
SELECT 'unknown_agency', 'Articles whose agency code is not in the agencies table.',
       (SELECT count(*) FROM unknown_agency),
       (SELECT coalesce(list(id ORDER BY id)[1:5], []) FROM unknown_agency)
UNION ALL
SELECT 'unknown_source', 'Articles whose source is not in the sources table.',
       (SELECT count(*) FROM unknown_source),
       (SELECT coalesce(list(id ORDER BY id)[1:5], []) FROM unknown_source)
UNION ALL
SELECT 'missing_raw_document', 'Articles whose raw_doc_id has no raw_documents row (reprocess could not re-run them).',
       (SELECT count(*) FROM missing_raw_document),
       (SELECT coalesce(list(id ORDER BY id)[1:5], []) FROM missing_raw_document);
