-- Bring the full-text index (fts_index.sql's tables in fts_main_articles) up to date for the
-- articles in `fts_batch` (article_id: just inserted, changed or removed), inside the writer's
-- transaction, without rebuilding it: the same rows a full rebuild would hold for them, so BM25
-- scores are the same (tests/test_search_index.py). Only the batch's terms are tokenized;
-- df, num_docs and avgdl are updated from them. Tokenizing, stopwords and stemming are the
-- extension's own (its tokenize macro, stopwords table and stem 'porter'), as in
-- PRAGMA create_fts_index. Term and document ids are new numbers (ids carry no meaning: the
-- scoring joins on them only). Needs `LOAD fts`.

-- the batch's documents already indexed: their terms and df contributions leave
CREATE OR REPLACE TEMP TABLE fts_old AS
SELECT d.docid FROM fts_main_articles.docs d SEMI JOIN fts_batch b ON d.name = b.article_id;

UPDATE fts_main_articles.dict SET df = dict.df - o.n
FROM (SELECT termid, count(DISTINCT docid) AS n
      FROM fts_main_articles.terms
      WHERE docid IN (SELECT docid FROM fts_old)
      GROUP BY termid) o
WHERE dict.termid = o.termid;

DELETE FROM fts_main_articles.terms WHERE docid IN (SELECT docid FROM fts_old);
DELETE FROM fts_main_articles.docs WHERE docid IN (SELECT docid FROM fts_old);

-- the batch's current rows (a removed article has none) get new document ids
CREATE OR REPLACE TEMP TABLE fts_new_docs AS
SELECT (SELECT coalesce(max(docid), -1) FROM fts_main_articles.docs)
           + row_number() OVER (ORDER BY a.article_id) AS docid,
       a.article_id AS name, a.title, a.body
FROM main.articles a SEMI JOIN fts_batch b ON a.article_id = b.article_id;

CREATE OR REPLACE TEMP TABLE fts_new_terms AS
WITH tokenized AS (
    SELECT unnest(fts_main_articles.tokenize(n.title)) AS w, n.docid,
           (SELECT fieldid FROM fts_main_articles.fields WHERE field = 'title') AS fieldid
    FROM fts_new_docs n
    UNION ALL
    SELECT unnest(fts_main_articles.tokenize(n.body)) AS w, n.docid,
           (SELECT fieldid FROM fts_main_articles.fields WHERE field = 'body') AS fieldid
    FROM fts_new_docs n
),
kept AS MATERIALIZED (
    SELECT t.w, t.docid, t.fieldid
    FROM tokenized t
    WHERE t.w NOT NULL
      AND len(t.w) > 0
      AND t.w NOT IN (SELECT sw FROM fts_main_articles.stopwords)
),
-- each distinct word of the batch is stemmed once (the stemmer was most of this statement)
stems AS (
    SELECT w, stem(w, 'porter') AS term FROM (SELECT DISTINCT w FROM kept)
)
SELECT s.term, k.docid, k.fieldid
FROM kept k JOIN stems s ON s.w = k.w;

-- terms new to the index
INSERT INTO fts_main_articles.dict (termid, term, df)
SELECT (SELECT coalesce(max(termid), -1) FROM fts_main_articles.dict) + row_number() OVER (ORDER BY n.term),
       n.term, 0
FROM (SELECT DISTINCT term FROM fts_new_terms) n
ANTI JOIN fts_main_articles.dict d ON d.term = n.term;

INSERT INTO fts_main_articles.terms (docid, fieldid, termid)
SELECT t.docid, t.fieldid, d.termid
FROM fts_new_terms t JOIN fts_main_articles.dict d ON d.term = t.term;

INSERT INTO fts_main_articles.docs (docid, name, len)
SELECT n.docid, n.name, coalesce(c.len, 0)
FROM fts_new_docs n
LEFT JOIN (SELECT docid, count(term) AS len FROM fts_new_terms GROUP BY docid) c ON c.docid = n.docid;

UPDATE fts_main_articles.dict SET df = dict.df + n.n
FROM (SELECT term, count(DISTINCT docid) AS n FROM fts_new_terms GROUP BY term) n
WHERE dict.term = n.term;

-- a full rebuild holds no term that no document has
DELETE FROM fts_main_articles.dict WHERE df = 0;

DELETE FROM fts_main_articles.stats;
INSERT INTO fts_main_articles.stats
SELECT count(docs.docid) AS num_docs, sum(docs.len) / count(docs.len) AS avgdl
FROM fts_main_articles.docs AS docs;

DROP TABLE fts_old;
DROP TABLE fts_new_docs;
DROP TABLE fts_new_terms;
