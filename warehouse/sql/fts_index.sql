-- (Re)build the full-text index over articles.title and articles.body
-- (BM25, English Porter stemmer and stopwords, lower-cased, accents stripped).
-- Creates the schema fts_main_articles; search with
-- fts_main_articles.match_bm25(article_id, 'query'). Needs `LOAD fts`.
PRAGMA create_fts_index('articles', 'article_id', 'title', 'body', overwrite = 1);
