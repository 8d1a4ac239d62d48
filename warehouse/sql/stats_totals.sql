-- Headline counts.
SELECT (SELECT count(*) FROM articles) AS articles,
       (SELECT count(*) FROM stories) AS stories,
       (SELECT count(*) FROM sources) AS sources,
       (SELECT count(*) FROM runs) AS runs;
