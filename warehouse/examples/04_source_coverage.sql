-- Source coverage and attribution rate
-- Per source: copies, stories, and the share of copies whose agency was recognised.
SELECT source,
       sum(articles) AS articles,
       sum(stories) AS stories,
       round(100.0 * (1 - sum(without_agency) / sum(articles)), 1) AS pct_with_agency
FROM v_daily_source
GROUP BY source
ORDER BY articles DESC, source;
