"""Sitemaps (sitemaps.org urlsets and sitemap indexes, Google News `news:` extension) → entries.

Pure: bytes in, entries out. A sitemap is untrusted XML, so it gets the same
rule as feeds: a document whose prolog declares XML entities is refused
before any parser sees it (entity-expansion bombs), and lxml runs with
entity resolution, DTD loading and network access off. gzip'd sitemaps
(`.xml.gz`) are decompressed here with a hard cap (the protocol's own limit,
50 MiB uncompressed), so a gzip bomb stops at the cap.

Elements are matched by local name, so the common namespace variants (none,
sitemaps.org 0.9, the old Google 0.84) all parse; `image:`/`video:` children are
ignored, `news:publication_date` and `news:title` are read. Entries whose
`loc` is not an absolute http(s) URL become notes, not entries.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from lxml import etree

from .feeds import refuse_reason
from .structured import clean_text, parse_datetime

MAX_UNCOMPRESSED = 50 * 1024 * 1024  # sitemaps.org: 50 MiB uncompressed per file
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """A `<url>` of a urlset (a page) or a `<sitemap>` of an index (a child sitemap)."""

    url: str
    index: int  # 0-based place among the document's <url>/<sitemap> elements (part of the resume position)
    lastmod: datetime | None = None
    published_at: datetime | None = None  # news:publication_date
    title: str | None = None  # news:title

    @property
    def when(self) -> datetime | None:
        """The date the range filter uses: the news publication date, else lastmod."""
        return self.published_at or self.lastmod


@dataclass(frozen=True, slots=True)
class Sitemap:
    kind: str  # "urlset" | "index" | "" (error)
    entries: tuple[SitemapEntry, ...] = ()
    error: str | None = None  # the document is unusable: why
    notes: tuple[str, ...] = ()  # entries dropped, one line each


def gunzip_bounded(data: bytes, limit: int = MAX_UNCOMPRESSED) -> bytes:
    """Decompress a gzip'd sitemap; ValueError with a one-line reason when over `limit` or truncated."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error as exc:
        raise ValueError(f"corrupt gzip sitemap: {exc}") from None
    if len(out) > limit:
        raise ValueError(f"sitemap too large: over {limit} bytes uncompressed")
    if not d.eof:
        raise ValueError("truncated gzip sitemap")
    return out


def _local(tag: object) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _ns(tag: object) -> str:
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def _http_url(value: str | None) -> bool:
    return value is not None and value.lower().startswith(("http://", "https://")) and len(value) > 8


def parse_sitemap(data: bytes) -> Sitemap:
    """Parse one sitemap or sitemap index (gzip'd or not); never raises on bad input."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = gunzip_bounded(data)
        except ValueError as exc:
            return Sitemap("", error=str(exc))
    if len(data) > MAX_UNCOMPRESSED:
        return Sitemap("", error=f"sitemap too large: {len(data)} bytes > {MAX_UNCOMPRESSED}")
    refused = refuse_reason(data)
    if refused:
        return Sitemap("", error=refused)
    kind = ""
    entries: list[SitemapEntry] = []
    notes: list[str] = []
    count = 0  # entries seen, usable or not: an entry's index is its place in the document
    try:
        for event, el in etree.iterparse(
            io.BytesIO(data),
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        ):
            name = _local(el.tag)
            if event == "start":
                if not kind:
                    if name == "urlset":
                        kind = "urlset"
                    elif name == "sitemapindex":
                        kind = "index"
                    else:
                        return Sitemap("", error=f"not a sitemap: root element <{name or el.tag}>")
                continue
            parent = el.getparent()
            if name not in ("url", "sitemap") or parent is None or parent.getparent() is not None:
                continue  # entries are the root's children only
            entry = _entry(el, count, kind)
            count += 1
            if isinstance(entry, str):
                notes.append(entry)
            else:
                entries.append(entry)
            el.clear()  # iterparse keeps the tree: drop what we read
            while el.getprevious() is not None:
                del el.getparent()[0]
    except etree.XMLSyntaxError as exc:
        if not kind:
            return Sitemap("", error=f"not XML: {str(exc).splitlines()[0]}")
        notes.append(f"XML ends badly after {len(entries)} entries: {str(exc).splitlines()[0]}")
    if not kind:
        return Sitemap("", error="not a sitemap: empty document")
    return Sitemap(kind, tuple(entries), notes=tuple(notes))


def _entry(el, index: int, kind: str) -> SitemapEntry | str:
    loc = lastmod = published = title = None
    for child in el:
        name, ns = _local(child.tag), _ns(child.tag)
        if name == "loc" and ns != NEWS_NS and ns.find("image") < 0 and ns.find("video") < 0:
            loc = clean_text(child.text)
        elif name == "lastmod":
            lastmod = parse_datetime(child.text)
        elif name == "news":
            for sub in child.iter():
                sub_name = _local(sub.tag)
                if sub_name == "publication_date":
                    published = parse_datetime(sub.text)
                elif sub_name == "title" and _ns(sub.tag) == NEWS_NS:
                    title = clean_text(sub.text)
    if not _http_url(loc):
        return f"entry {index}: loc is not an absolute http(s) URL: {(loc or '')[:80]!r}"
    assert loc is not None
    if kind == "index" and el.tag and _local(el.tag) != "sitemap":
        return f"entry {index}: <{_local(el.tag)}> in a sitemap index"
    return SitemapEntry(loc, index, lastmod, published, title)


def date_bounds(since, until) -> tuple[datetime | None, datetime | None]:
    """Inclusive days [since, until] → [start, end) as aware UTC datetimes (dates or datetimes accepted)."""
    from datetime import UTC, date

    def start(d) -> datetime | None:
        if d is None:
            return None
        if isinstance(d, datetime):
            return d if d.tzinfo else d.replace(tzinfo=UTC)
        if isinstance(d, date):
            return datetime(d.year, d.month, d.day, tzinfo=UTC)
        raise TypeError(f"not a date: {d!r}")

    end = start(until)
    if end is not None and not isinstance(until, datetime):
        end += timedelta(days=1)  # a whole day: until = 2025-07-31 includes the 31st
    return start(since), end


def in_range(when: datetime | None, start: datetime | None, end: datetime | None) -> bool:
    """Whether a page's date falls in [start, end); undated pages pass only when there is no range."""
    if start is None and end is None:
        return True
    if when is None:
        return False
    return (start is None or when >= start) and (end is None or when < end)


def child_may_hold(entry: SitemapEntry, start: datetime | None) -> bool:
    """Whether a child sitemap may list pages at or after `start`: one last modified before it cannot."""
    return start is None or entry.lastmod is None or entry.lastmod >= start
