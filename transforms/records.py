"""Typed records that cross module lines: fetch -> extract -> clean -> dedup -> load.

They are plain frozen dataclasses so transforms stay pure and easy to test;
flows build them from I/O, warehouse turns batches of them into Arrow tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class SourceHints:
    """What the sources file says about a source, as the cleaner needs it (here, not in
    assemble.py, so that reading the sources file imports no cleaning code)."""

    name: str
    syndicator: str | None = None
    agency: str | None = None
    fetch_pages: bool = False


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a parsed feed, before any page is fetched."""

    source: str
    guid: str | None
    url: str | None
    title: str | None
    summary: str | None  # feed description (often HTML, often only a teaser)
    content: str | None  # full text when the feed carries it (content:encoded, atom:content)
    published_at: datetime | None  # timezone-aware UTC, or None when absent/unparseable
    author: str | None = None
    error: str | None = None  # why this item cannot be used (no link, ...), None when fine
    rights: str | None = (
        None  # the item's rights/source line ("© AFP", <source>Reuters</source>): may name the agency
    )


@dataclass(frozen=True, slots=True)
class Extracted:
    """What the extractor found in one HTML page."""

    title: str | None = None
    body: str = ""  # plain text, paragraphs separated by a blank line
    published_at: datetime | None = None
    modified_at: datetime | None = None
    byline: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    image: str | None = None
    method: str = ""  # which strategy produced the body (jsonld, rule:menafn, trafilatura ...)
    reason: str | None = None  # why the body is empty, when it is

    @property
    def published_date(self) -> str | None:
        """The publication day (YYYY-MM-DD)."""
        return self.published_at.date().isoformat() if self.published_at else None


@dataclass(frozen=True, slots=True)
class Removal:
    """One piece the cleaner cut, and the rule that cut it (kept for auditing)."""

    kind: str  # wrapper | dateline | byline | trailer | boilerplate | id_code ...
    rule: str  # name of the rule entry that matched
    text: str  # the exact text removed


@dataclass(frozen=True, slots=True)
class Cleaned:
    """A cleaned wire copy with its recovered attribution."""

    body: str
    syndicator: str | None = None
    provider: str | None = None
    agency: str | None = None  # canonical agency code, e.g. "IANS"
    dateline_place: str | None = None
    dateline_date: date | None = None
    byline: str | None = None
    removed: tuple[Removal, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned copy ready to load: one future `articles` row (see its COMMENTs)."""

    article_id: str
    source: str
    guid: str | None
    url: str | None
    canonical_url: str | None
    title: str | None
    body: str
    published_at: datetime | None
    byline: str | None
    agency: str | None
    provider: str | None
    syndicator: str | None
    dateline_place: str | None
    dateline_date: date | None
    word_count: int
    content_hash: str
    story_id: str
    body_origin: str  # feed | page | summary (transforms.assemble.ORIGIN_*)
    extraction_method: str | None
    raw_doc_id: str | None
    cleaning_removed: str  # JSON list of Removal dicts
    is_short: bool = False  # body under 20 words: a flash, bulletin or bare summary
    # what the article page declares about itself (None/empty for feed bodies)
    language: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    image_url: str | None = None
    modified_at: datetime | None = None
