-- Refresh sources from the sources file (registered as `batch_sources`);
-- first_seen_at is kept from the first time a source was loaded.
-- (MERGE, not ON CONFLICT: it works on both backends; DuckLake has no keys.)
MERGE INTO sources USING (
    SELECT name, kind, url, syndicator, agency, fetch_pages, allow_private,
           now() AS first_seen_at, now() AS updated_at
    FROM batch_sources
) AS n ON sources.name = n.name
WHEN MATCHED THEN UPDATE SET
    kind = n.kind, url = n.url, syndicator = n.syndicator,
    agency = n.agency, fetch_pages = n.fetch_pages,
    allow_private = n.allow_private, updated_at = n.updated_at
WHEN NOT MATCHED THEN INSERT BY NAME;
