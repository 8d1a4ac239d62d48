-- Documents covered by the full-text index (only valid when it exists).
SELECT count(*) FROM fts_main_articles.docs;
