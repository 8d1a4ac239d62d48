-- DuckLake: the latest lake snapshot that changed `articles` (rows inserted, updated or deleted,
-- or the table created or altered), with its time: the key of a reader's local search-index
-- cache (warehouse/search.py). Commits that touch only other tables do not move it.
-- Reads the lake's catalog (attached as `lake`).
WITH t AS (
    SELECT table_id, begin_snapshot
    FROM __ducklake_metadata_lake.ducklake_table
    WHERE table_name = 'articles' AND end_snapshot IS NULL
),
changed AS (
    SELECT c.snapshot_id
    FROM __ducklake_metadata_lake.ducklake_snapshot_changes c, t
    WHERE list_has_any(
              string_split(c.changes_made, ','),
              ['inserted_into_table:' || t.table_id, 'deleted_from_table:' || t.table_id,
               'altered_table:' || t.table_id, 'inlined_insert:' || t.table_id,
               'inlined_delete:' || t.table_id]
          )
       OR c.snapshot_id = t.begin_snapshot
)
SELECT s.snapshot_id, s.snapshot_time
FROM __ducklake_metadata_lake.ducklake_snapshot s
WHERE s.snapshot_id = (SELECT max(snapshot_id) FROM changed);
