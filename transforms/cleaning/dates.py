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
# other languages' month names by their first four, then three letters (EFE, ANSA, AFP, dpa, Lusa)
_MONTHS_INTL = {
    "ene": 1,
    "gen": 1,
    "janv": 1,
    "janu": 1,
    "jane": 1,
    "févr": 2,
    "fev": 2,
    "febb": 2,
    "febr": 2,
    "mars": 3,
    "märz": 3,
    "marz": 3,
    "març": 3,
    "abr": 4,
    "avr": 4,
    "mayo": 5,
    "mag": 5,
    "mai": 5,
    "maio": 5,
    "giu": 6,
    "juin": 6,
    "juni": 6,
    "junh": 6,
    "lug": 7,
    "juil": 7,
    "juli": 7,
    "julh": 7,
    "ago": 8,
    "août": 8,
    "set": 9,
    "sept": 9,
    "ott": 10,
    "okt": 10,
    "out": 10,
    "octu": 10,
    "novi": 11,
    "dic": 12,
    "déc": 12,
    "dez": 12,
}
_PARTS = re.compile(
    r"(?:(?P<m1>[^\W\d_]+)\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:de\s+)?(?P<m2>[^\W\d_]+)\.?)"
    r"(?:(?:,?\s+(?:de\s+)?|/)(?P<y>\d{4}))?"  # "July 4, 2025", "4 July 2025", ENA's "July 4/2025"
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
    name = (m["m1"] or m["m2"] or "").lower()
    month = _MONTHS_INTL.get(name[:4]) or _MONTHS_INTL.get(name[:3]) or _MONTHS.get(name[:3])
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
