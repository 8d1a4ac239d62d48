-- Reference data: replace the agencies table with the rows registered as
-- `agency_seed` (built from transforms/agencies.py). Only changed rows are
-- rewritten, so an unchanged table costs nothing. (MERGE: works on both backends.)
DELETE FROM agencies WHERE code NOT IN (SELECT code FROM agency_seed);
MERGE INTO agencies USING (SELECT code, name, country, kind, aliases FROM agency_seed) AS n
ON agencies.code = n.code
WHEN MATCHED AND (agencies.name IS DISTINCT FROM n.name OR agencies.country IS DISTINCT FROM n.country
                  OR agencies.kind IS DISTINCT FROM n.kind OR agencies.aliases IS DISTINCT FROM n.aliases)
    THEN UPDATE SET name = n.name, country = n.country, kind = n.kind, aliases = n.aliases
WHEN NOT MATCHED THEN INSERT BY NAME;
