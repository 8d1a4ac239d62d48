-- Reference data: replace the agencies table with the rows registered as
-- `agency_seed` (built from transforms/agencies.py). Only changed rows are
-- rewritten, so an unchanged table costs nothing.
DELETE FROM agencies WHERE code NOT IN (SELECT code FROM agency_seed);
INSERT INTO agencies BY NAME
SELECT code, name, country, kind, aliases FROM agency_seed
ON CONFLICT (code) DO UPDATE SET
    name = excluded.name, country = excluded.country,
    kind = excluded.kind, aliases = excluded.aliases;
