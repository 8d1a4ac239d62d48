-- Daily output per agency
-- Copies and distinct stories per UTC day and agency, most recent days first.
SELECT day, agency, agency_name, articles, stories
FROM v_daily_agency
ORDER BY day DESC NULLS LAST, articles DESC, agency;
