-- The hints of every source as last read from the sources file.
SELECT name, syndicator, agency, fetch_pages FROM sources;
