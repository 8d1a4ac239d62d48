-- Refresh sources from the sources file (registered as `batch_sources`);
-- first_seen_at is kept from the first time a source was loaded.
INSERT INTO sources BY NAME
SELECT name, kind, url, syndicator, agency, fetch_pages, allow_private,
       now() AS first_seen_at, now() AS updated_at
FROM batch_sources
ON CONFLICT (name) DO UPDATE SET
    kind = excluded.kind, url = excluded.url, syndicator = excluded.syndicator,
    agency = excluded.agency, fetch_pages = excluded.fetch_pages,
    allow_private = excluded.allow_private, updated_at = excluded.updated_at;
