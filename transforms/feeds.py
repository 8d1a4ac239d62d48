"""Feed documents (RSS 0.9x/1.0/2.0, Atom) to FeedItems, with feedparser.

feedparser copes with the malformed XML real feeds carry; we only map its
output to our record and say, per item, why an item cannot be used.

A feed is untrusted input, so before feedparser sees it the document is
decoded with `transforms.charset` (a wrong declared charset must not turn into
mojibake) and re-encoded as UTF-8, and a document whose prolog declares XML
entities is refused outright (entity-expansion bombs; feedparser already never
resolves external entities). Links must be absolute http(s) URLs. Dates that
cannot be parsed, or that lie in the future beyond a tolerance, are not
trusted: the item keeps `published_at = None` and a note says why.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import feedparser

from .charset import to_utf8_xml
from .polling import FeedHints, feed_hints
from .records import FeedItem

FUTURE_TOLERANCE = timedelta(minutes=15)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_FIRST_ITEM = re.compile(rb"<(item|entry)[\s>]", re.I)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html[\s>])", re.I | re.S)


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    items: tuple[FeedItem, ...]
    error: str | None = None  # set when the document is not a usable feed
    notes: tuple[tuple[str, str], ...] = ()  # (item guid or link, note) for data we did not trust
    encoding: str | None = None  # the charset the document was decoded from
    hints: FeedHints = field(
        default_factory=FeedHints
    )  # ttl, skipHours/skipDays, sy:updatePeriod (transforms/polling.py)


def _to_utc(struct) -> datetime | None:
    if not struct:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(struct), tz=UTC)
    except (OverflowError, ValueError, TypeError):
        return None


def _entry_content(entry) -> str | None:
    for c in entry.get("content") or ():
        value = c.get("value")
        if value and value.strip():
            return value
    return None


def _rights(entry) -> str | None:
    """The item's rights line (dc:rights, atom:rights) or the title of its RSS <source>: a
    syndicated feed's footer, which may name the agency ("© AFP", "Reuters")."""
    source = entry.get("source") or {}
    for value in (entry.get("rights"), source.get("title") if hasattr(source, "get") else None):
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())[:300]
    return None


def _http_url(value: str | None) -> bool:
    if not value:
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def refuse_reason(data: bytes, content_type: str | None = None) -> str | None:
    """Why a document must not be handed to the XML parser at all, or None."""
    first = _FIRST_ELEMENT.search(data)
    prolog = data[: first.start()] if first else data
    if _ENTITY_DECL.search(prolog):
        return "refused: the document declares XML entities (possible entity-expansion attack)"
    return None


def _date(entry, key: str, now: datetime | None, tolerance: timedelta) -> tuple[datetime | None, str | None]:
    raw = (entry.get(key) or "").strip()
    parsed = _to_utc(entry.get(f"{key}_parsed"))
    if raw and parsed is None:
        return None, f"unparseable {key} date {raw[:60]!r}: published_at left empty"
    if parsed is not None and now is not None and parsed > now + tolerance:
        return None, f"{key} date {parsed.isoformat()} is in the future: published_at left empty"
    return parsed, None


def parse_feed(
    source: str,
    data: bytes,
    *,
    url: str | None = None,
    content_type: str | None = None,
    now: datetime | None = None,
    future_tolerance: timedelta = FUTURE_TOLERANCE,
) -> ParsedFeed:
    """Parse one feed document; never raises on bad input.

    `now` is the fetch time: dates later than now + future_tolerance are dropped
    (with a note); without it no date is judged.
    """
    try:
        utf8, encoding = to_utf8_xml(data, content_type)
    except Exception as exc:  # decoding is defensive, but the input is untrusted
        return ParsedFeed((), f"feed could not be decoded: {type(exc).__name__}: {exc}")
    refused = refuse_reason(utf8, content_type)
    if refused:
        return ParsedFeed((), refused, encoding=encoding)
    try:
        parsed = feedparser.parse(
            utf8,
            response_headers={
                "content-location": url or "",
                "content-type": "application/xml; charset=utf-8",
            },
        )
    except Exception as exc:  # feedparser is defensive, but a feed is untrusted input
        return ParsedFeed((), f"feed could not be parsed: {type(exc).__name__}: {exc}", encoding=encoding)
    version = parsed.get("version") or ""
    if not parsed.entries and (parsed.get("bozo") or not version):
        if _HTML_START.match(utf8[:4096]) or "html" in (content_type or "").lower():
            return ParsedFeed(
                (), f"not a feed: got an HTML page ({content_type or 'no content type'})", encoding=encoding
            )
        reason = parsed.get("bozo_exception")
        detail = f": {str(reason).splitlines()[0]}" if reason else ""
        return ParsedFeed((), f"not a feed{detail}", encoding=encoding)
    items, notes = [], []
    for entry in parsed.entries:
        guid = (entry.get("id") or "").strip() or None
        link = (entry.get("link") or "").strip() or None
        if entry.get("guidislink") and link == guid and not _http_url(link):
            link = None  # feedparser copies a non-URL guid into link
        if not link and guid and _http_url(guid):
            link = guid
        if link and not _http_url(link):
            notes.append((guid or link, f"link refused (not an absolute http(s) URL): {link[:80]!r}"))
            link = None
        published, note = _date(entry, "published", now, future_tolerance)
        if note is None and published is None and not entry.get("published"):
            published, note = _date(entry, "updated", now, future_tolerance)
        if note:
            notes.append((guid or link or "", note))
        error = None if (link or guid) else "item has neither link nor guid"
        items.append(
            FeedItem(
                source=source,
                guid=guid,
                url=link,
                title=(entry.get("title") or "").strip() or None,
                # feedparser copies the content into `summary` when there is no description
                # (then without summary_detail): that copy is not a summary
                summary=(entry.get("summary") if entry.get("summary_detail") is not None else None) or None,
                content=_entry_content(entry),
                published_at=published,
                author=(entry.get("author") or "").strip() or None,
                error=error,
                rights=_rights(entry),
            )
        )
    return ParsedFeed(tuple(items), notes=tuple(notes), encoding=encoding, hints=_hints(parsed.feed, utf8))


def _hints(channel, utf8: bytes) -> FeedHints:
    """The feed's schedule hints; skipHours/skipDays are read from the text before the first item
    (feedparser keeps only the last hour and day of those lists)."""
    first = _FIRST_ITEM.search(utf8)
    head = utf8[: first.start()] if first else utf8[:65536]
    return feed_hints(
        head.decode("utf-8", errors="replace"),
        channel.get("ttl"),
        channel.get("sy_updateperiod"),
        channel.get("sy_updatefrequency"),
    )
