-- Record the merges decided in this run (batch_merges), counting the copies each moves.
INSERT INTO story_merges BY NAME
SELECT m.from_story, m.into_story, $run_id AS run_id, now() AS merged_at, m.reason, m.article_id,
       (SELECT count(*) FROM articles a WHERE a.story_id = m.from_story)::INTEGER AS n_articles
FROM batch_merges m;
