-- 006_body_origin: never lose an item. A feed item whose page is not fetched (or
-- cannot be: no link, HTTP 404, refused link, no article on the page) is loaded
-- from its summary instead of being dropped, marked body_origin = 'summary';
-- flashes and bulletins under 20 words are loaded too, flagged is_short.
-- (The issue asked for number 003; 003 is taken by 003_fetch.sql and migration
-- versions are unique integers, so this is the next free number after 005.)

ALTER TABLE articles ADD COLUMN is_short BOOLEAN DEFAULT false;
UPDATE articles SET is_short = word_count < 20;

COMMENT ON COLUMN articles.is_short IS 'True when the body has under 20 words: a flash, a bulletin or a bare summary, kept rather than dropped (filter it out for full-text analyses).';
COMMENT ON COLUMN articles.body_origin IS 'Where the body came from: feed (the item''s full text: content:encoded/atom:content whatever its length, or a description of article length), page (the fetched article page), or summary (only the item''s summary: the source does not fetch pages, or the page could not be had for good: no link, HTTP 404, refused link, no article on it).';
