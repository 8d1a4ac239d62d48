-- Events covered by at least three agencies today
-- News events first reported today (UTC) that three or more agencies reported in their own words,
-- most widely covered first; change current_date to look at another day.
SELECT event_id, first_published_at, n_agencies, agencies, first_agency, n_stories, n_copies, headline
FROM v_events
WHERE first_published_date = current_date
  AND n_agencies >= 3
ORDER BY n_agencies DESC, n_copies DESC, first_published_at;
