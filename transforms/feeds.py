"""Feed documents (RSS 0.9x/1.0/2.0, Atom) to FeedItems, with feedparser.

feedparser copes with the malformed XML real feeds carry; we only map its
output to our record and say, per item, why an item cannot be used.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime, timezone

import feedparser

from .records import FeedItem


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    items: tuple[FeedItem, ...]
    error: str | None = None        # set when the document is not a usable feed


def _to_utc(struct) -> datetime | None:
    if not struct:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(struct), tz=timezone.utc)
    except (OverflowError, ValueError, TypeError):
        return None


def _published(entry) -> datetime | None:
    # ask for each key only when present: feedparser warns on its updated->published fallback
    for key in ("published_parsed", "updated_parsed"):
        if key in entry.keys():
            when = _to_utc(entry[key])
            if when:
                return when
    return None


def _entry_content(entry) -> str | None:
    for c in entry.get("content") or ():
        value = c.get("value")
        if value and value.strip():
            return value
    return None


def parse_feed(source: str, data: bytes, *, url: str | None = None) -> ParsedFeed:
    """Parse one feed document; never raises on bad input."""
    try:
        parsed = feedparser.parse(data, response_headers={"content-location": url or ""})
    except Exception as exc:  # feedparser is defensive, but a feed is untrusted input
        return ParsedFeed((), f"feed could not be parsed: {type(exc).__name__}: {exc}")
    version = parsed.get("version") or ""
    if not parsed.entries and (parsed.get("bozo") or not version):
        reason = parsed.get("bozo_exception")
        detail = f": {str(reason).splitlines()[0]}" if reason else ""
        return ParsedFeed((), f"not a feed{detail}")
    items = []
    for entry in parsed.entries:
        guid = (entry.get("id") or "").strip() or None
        link = (entry.get("link") or "").strip() or None
        if not link and guid and guid.startswith(("http://", "https://")):
            link = guid
        error = None if (link or guid) else "item has neither link nor guid"
        items.append(
            FeedItem(
                source=source,
                guid=guid,
                url=link,
                title=(entry.get("title") or "").strip() or None,
                summary=entry.get("summary") or None,
                content=_entry_content(entry),
                published_at=_published(entry),
                author=(entry.get("author") or "").strip() or None,
                error=error,
            )
        )
    return ParsedFeed(tuple(items))
