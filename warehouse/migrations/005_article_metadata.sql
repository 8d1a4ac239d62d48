-- Page metadata the extractor reads (JSON-LD, OpenGraph/meta tags, <html lang>) and
-- that was thrown away before: language, section, tags, lead image, modified time.
-- NULL (tags: empty list) for copies whose body came from the feed, and for pages
-- that do not state it.
ALTER TABLE articles ADD COLUMN language VARCHAR;
ALTER TABLE articles ADD COLUMN section VARCHAR;
ALTER TABLE articles ADD COLUMN tags VARCHAR[];
ALTER TABLE articles ADD COLUMN image_url VARCHAR;
ALTER TABLE articles ADD COLUMN modified_at TIMESTAMPTZ;
COMMENT ON COLUMN articles.language IS 'Language the article page declares (<html lang>, JSON-LD inLanguage, content-language or og:locale meta), as a BCP 47 tag such as en or de-DE; NULL when the page declares none or the body came from the feed.';
COMMENT ON COLUMN articles.section IS 'Section of the publication the page declares (JSON-LD articleSection, article:section, parsely/sailthru section meta).';
COMMENT ON COLUMN articles.tags IS 'Keywords/tags the page declares (JSON-LD keywords, article:tag, news_keywords/keywords meta), de-duplicated, at most 50; empty when none.';
COMMENT ON COLUMN articles.image_url IS 'Lead image URL the page declares (og:image, JSON-LD image, twitter:image), absolute.';
COMMENT ON COLUMN articles.modified_at IS 'Last modification time the page declares (JSON-LD dateModified, article:modified_time and similar meta, itemprop or <time> marked updated); NULL when it states none.';
