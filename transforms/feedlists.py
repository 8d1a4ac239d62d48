"""Feed lists from elsewhere (OPML, CSV) to sources-file entries: `wirehouse sources import`.

Pure: the document's bytes or text in, entries and one-line problems out. OPML is
how feed readers exchange subscriptions (`<outline type="rss" xmlUrl=...>`, nested
in folders); CSV has a header row naming sources-file keys (`name,url` at least).
A bad entry is a problem naming its line or outline; the others are still taken.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.etree import ElementTree

_SLUG = re.compile(r"[^a-z0-9]+")
BOOL_KEYS = frozenset({"fetch_pages", "allow_private", "enabled", "respect_robots"})
INT_KEYS = frozenset({"concurrency", "unhealthy_after"})
FLOAT_KEYS = frozenset({"delay", "min_interval", "max_interval", "default_interval", "unhealthy_interval"})
TEXT_KEYS = frozenset({"name", "kind", "url", "syndicator", "agency"})
CSV_KEYS = BOOL_KEYS | INT_KEYS | FLOAT_KEYS | TEXT_KEYS
_TRUE, _FALSE = {"true", "yes", "1", "y"}, {"false", "no", "0", "n", ""}


@dataclass(frozen=True, slots=True)
class ListEntry:
    """One feed of an imported list: its sources-file keys (name may be empty: made from the URL)."""

    where: str  # "line 3", "outline 'AP Top News'": for messages
    values: dict


def slug(text: str) -> str:
    """A source name from a title or URL: lower case, [a-z0-9-]."""
    return _SLUG.sub("-", text.lower()).strip("-")[:60]


def name_for(title: str | None, url: str) -> str:
    parts = urlsplit(url)
    return slug(title or "") or slug(f"{parts.hostname or ''}{parts.path}") or "feed"


def http_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def parse_opml(data: bytes) -> tuple[list[ListEntry], list[str]]:
    """The feeds of an OPML document (outlines with an xmlUrl, at any depth)."""
    if b"<!ENTITY" in data[:4096].upper():
        return [], ["refused: the document declares XML entities"]
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        return [], [f"not OPML: {exc}"]
    if root.tag.lower() != "opml":
        return [], [f"not OPML: the root element is <{root.tag}>"]
    entries, problems = [], []
    for node in root.iter("outline"):
        url = (node.get("xmlUrl") or node.get("xmlurl") or "").strip()
        title = (node.get("title") or node.get("text") or "").strip()
        if not url:
            continue  # a folder
        where = f"outline {title or url!r}"
        if not http_url(url):
            problems.append(f"{where}: xmlUrl must be an http(s) URL, got {url[:80]!r}")
            continue
        kind = (node.get("type") or "rss").strip().lower()
        if kind not in ("rss", "atom"):
            problems.append(f"{where}: type {kind!r} is not a feed (rss or atom)")
            continue
        values = {"name": name_for(title, url), "kind": "rss", "url": url}
        for key in ("syndicator", "agency"):  # our own attributes, when a list was written by us
            if value := (node.get(key) or "").strip():
                values[key] = value
        entries.append(ListEntry(where, values))
    return entries, problems


def parse_csv(text: str) -> tuple[list[ListEntry], list[str]]:
    """The rows of a CSV feed list; the header names sources-file keys (`url` required)."""
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    if "url" not in header:
        return [], ["CSV: the header row must name a `url` column (and optionally name, kind, agency ...)"]
    unknown = set(header) - CSV_KEYS
    if unknown:
        return [], [f"CSV: unknown column(s) {', '.join(sorted(unknown))}"]
    entries, problems = [], []
    for row in reader:
        where = f"line {reader.line_num}"
        values: dict = {}
        problem = None
        for key, raw in row.items():
            if key is None:
                problem = "more fields than the header has"
                break
            key, text = key.strip(), (raw or "").strip()
            if not text and key not in BOOL_KEYS:
                continue
            try:
                values[key] = _value(key, text)
            except ValueError as exc:
                problem = f"`{key}`: {exc}"
                break
        url = values.get("url", "")
        if problem is None and not http_url(url):
            problem = f"url must be an http(s) URL, got {url[:80]!r}"
        if problem is None and values.get("kind", "rss") != "rss":
            problem = f"kind {values['kind']!r}: only feeds (rss) are imported"
        if problem:
            problems.append(f"{where}: {problem}")
            continue
        values = {k: v for k, v in values.items() if not (k in BOOL_KEYS and v is None)}
        values["kind"] = "rss"
        values["name"] = slug(values["name"]) if values.get("name") else name_for(None, url)
        entries.append(ListEntry(where, values))
    return entries, problems


def _value(key: str, text: str):
    if key in BOOL_KEYS:
        if not text:
            return None
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise ValueError(f"not true/false: {text!r}")
    if key in INT_KEYS:
        return int(text)
    if key in FLOAT_KEYS:
        number = float(text)
        return int(number) if number.is_integer() else number
    return text
