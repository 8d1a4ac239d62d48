"""Wire-copy cleaning: rule tables (rules.py), the engine applying them (engine.py),
and helpers for text repair, HTML, dateline dates and places."""
