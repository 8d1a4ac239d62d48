"""Dateline dates: parse "July 4", "Feb. 7", "5th May, 2025" and infer a missing year.

A yearless dateline takes the year that puts it closest to, and not after, the
publication time (a Dec 31 dateline published on Jan 1 is last year's). One day
of slack allows for time zones: a Tokyo story datelined July 5 can be stamped
July 4 in UTC. Without a publication time a yearless date stays unknown.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_PARTS = re.compile(
    r"(?:(?P<m1>[A-Za-z]+)\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>[A-Za-z]+)\.?)"
    r"(?:(?:,?\s+|/)(?P<y>\d{4}))?"  # "July 4, 2025", "4 July 2025", ENA's "July 4/2025"
)


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_dateline_date(text: str | None, published_at: datetime | None) -> date | None:
    """The calendar date a dateline fragment names, or None when it cannot be known."""
    if not text:
        return None
    m = _PARTS.search(text)
    if not m:
        return None
    month = _MONTHS.get((m["m1"] or m["m2"] or "")[:3].lower())
    day = int(m["d1"] or m["d2"])
    if not month:
        return None
    if m["y"]:
        return _make(int(m["y"]), month, day)
    if published_at is None:
        return None
    if published_at.tzinfo is not None:
        published_at = published_at.astimezone(UTC)
    limit = published_at.date() + timedelta(days=1)
    candidates = [
        d
        for y in (limit.year, limit.year - 1, limit.year - 2)
        if (d := _make(y, month, day)) is not None and d <= limit
    ]
    return max(candidates) if candidates else None
