-- The warehouse as a run left it (DuckLake only)
-- On a DuckLake warehouse every commit is a snapshot, kept until an operator expires it:
-- runs.lake_snapshot is the version holding a run's data, and AT (VERSION => n) reads any
-- table or join as it was then (AT (TIMESTAMP => TIMESTAMPTZ '2025-07-04 12:00+00') works too).
-- Here: copies per source as of the latest ingest run; put a run_id in the first line to pick another.
SET VARIABLE as_of = (SELECT lake_snapshot FROM runs WHERE flow = 'ingest' AND lake_snapshot IS NOT NULL ORDER BY started_at DESC, lake_snapshot DESC LIMIT 1);
SELECT source, count(*) AS articles, count(DISTINCT story_id) AS stories
FROM articles AT (VERSION => getvariable('as_of'))
GROUP BY source
ORDER BY source;
