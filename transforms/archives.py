"""Archive records: what the backfill readers (WARC, news sitemaps, JSON lines) yield, and the pure parts.

Every reader turns its input into one stream of `ArchiveRecord`s. A record is
either usable (HTML `content`, plain `text`, or, for sitemaps, only a `url` to
fetch) or a *skip* with a one-line `skip` reason (a request record, a 404, a
PDF, a truncated record, a bad JSON line ...). Readers never raise on bad
input: a skip is yielded, counted, and reading goes on (or stops cleanly when
the input itself ends early).

Each record carries its `position` (where it starts) and `resume` (where a
reader starts to continue *after* it), both opaque `Position`s that can be
stored as a string (`encode`/`decode`) in a checkpoint. See docs/backfill.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from .structured import parse_datetime

# Skip kinds. "other-record" (warcinfo, request, metadata, revisit ...) and "out-of-range" are expected
# and numerous; the others are bad input worth a fetch_log line.
SKIP_KINDS = {
    "other-record": "a WARC record that is not a response (request, metadata, warcinfo, revisit ...)",
    "status": "an archived response whose HTTP status is not 200",
    "not-html": "an archived response that is not an HTML page",
    "too-large": "a record whose payload is over the size cap",
    "truncated": "a record cut short (file truncated, or WARC-Truncated by the crawler)",
    "unreadable": "the input cannot be read on from here (corrupt, not an archive, I/O error): reading stops",
    "bad-line": "a JSON line that is not a usable article",
    "sitemap": "a sitemap that could not be fetched or parsed (the others go on)",
}
NOISE_SKIPS = frozenset({"other-record"})

HTML_TYPES = {"text/html", "application/xhtml+xml"}
SNIFF_TYPES = {"", "text/plain", "application/octet-stream", "binary/octet-stream", "unk", "unknown"}


@dataclass(frozen=True, slots=True)
class Position:
    """Where a record starts in its input; opaque to the backfill flow, understood by its reader.

    input: the WARC / JSON-lines file path or URL, or the sitemap URL.
    offset: WARC: byte offset of the record (its gzip member) in the file;
            JSON lines: byte offset of the line start (uncompressed stream);
            sitemap: index of the entry in that sitemap (0-based).
    line: JSON lines only: 1-based line number.
    """

    input: str
    offset: int = 0
    line: int | None = None

    def encode(self) -> str:
        """A one-line string for a checkpoint column."""
        data: dict = {"input": self.input, "offset": self.offset}
        if self.line is not None:
            data["line"] = self.line
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def decode(cls, text: str) -> Position:
        """The Position `encode` wrote; ValueError (one line) for anything else."""
        try:
            data = json.loads(text)
            line = data.get("line")
            return cls(str(data["input"]), int(data.get("offset", 0)), None if line is None else int(line))
        except (ValueError, TypeError, KeyError, AttributeError):
            raise ValueError(f"not an archive position: {text[:80]!r}") from None


@dataclass(frozen=True, slots=True)
class ArchiveRecord:
    """One record read from an archive: a page (HTML or text), a URL to fetch, or a skip with its reason."""

    source: str  # the sources-file name
    kind: str  # warc | sitemap | jsonl
    position: Position  # where this record starts
    resume: Position  # where to start reading to continue after this record
    url: str | None = None
    fetched_at: datetime | None = None  # WARC-Date of the capture
    published_at: datetime | None = None  # news:publication_date / lastmod / the dump's published time
    title: str | None = None  # news:title or the dump's title
    content: bytes | None = None  # the HTML payload (WARC response, jsonl `html`)
    text: str | None = None  # plain text (jsonl `text`)
    content_type: str | None = None
    skip: str | None = None  # one-line reason this record is not used; None when it is
    skip_kind: str | None = None  # what kind of skip, for counting: see SKIP_KINDS
    origin: str | None = None  # jsonl: the dump's own `source` field (the system it came from), if any

    @property
    def ok(self) -> bool:
        return self.skip is None

    @property
    def bad(self) -> bool:
        """A skip worth a fetch_log line (bad input), as opposed to an expected one (a request record)."""
        return self.skip is not None and self.skip_kind not in NOISE_SKIPS

    @property
    def needs_fetch(self) -> bool:
        """A usable record that carries no page yet (sitemap entries): the page must be fetched."""
        return self.skip is None and self.content is None and self.text is None


def one_line(text: str, limit: int = 160) -> str:
    """A reason fit for one log line: printable characters only, cut at `limit`."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    clean = "".join(ch if ch.isprintable() and ch.isascii() else "?" for ch in first)
    return clean[:limit] + ("..." if len(clean) > limit else "")


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def response_refusal(
    status: int | None, content_type: str | None, payload_head: bytes
) -> tuple[str, str] | None:
    """(skip kind, reason) when an archived HTTP response is not an HTML page we can use, else None.

    A missing/generic Content-Type is judged by the first bytes (markup or not).
    """
    if status != 200:
        return "status", f"HTTP status {status}" if status is not None else "no HTTP status line"
    mt = media_type(content_type)
    if mt in HTML_TYPES:
        return None
    if mt in SNIFF_TYPES:
        head = payload_head[:512].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
        if head.startswith(b"<"):
            return None
        return "not-html", f"not HTML (content type {mt or 'missing'}, body is not markup)"
    return "not-html", f"not HTML (content type {mt})"


def parse_jsonl_line(
    line: bytes, *, source: str, position: Position, resume: Position, max_bytes: int
) -> ArchiveRecord:
    """One line of an articles dump → a record or a skip `line N: reason`.

    Accepted: `url` (required, http(s)) and `html` or `text` (one of them, non-empty);
    optional `title`, `published_at` (ISO 8601; also `published`, `date`), `source`
    (the dump's own source name, kept as `origin`; the record's `source` stays the
    sources-file entry, which is what `articles.source` refers to).
    """
    n = position.line

    def skip(reason: str) -> ArchiveRecord:
        return ArchiveRecord(
            source, "jsonl", position, resume, skip=f"line {n}: {reason}", skip_kind="bad-line"
        )

    if len(line) > max_bytes:
        return skip(f"line too long ({len(line)} bytes > {max_bytes})")
    try:
        data = json.loads(line)
    except UnicodeDecodeError:
        return skip("not UTF-8")
    except json.JSONDecodeError as exc:
        return skip(f"not JSON: {exc.msg} (column {exc.colno})")
    if not isinstance(data, dict):
        return skip("not a JSON object")
    url = data.get("url")
    if not isinstance(url, str) or not url.strip().lower().startswith(("http://", "https://")):
        return skip("`url` is required and must be an http(s) URL")
    html, text = data.get("html"), data.get("text")
    for key, value in (("html", html), ("text", text)):
        if value is not None and not isinstance(value, str):
            return skip(f"`{key}` must be a string")
    if not (html and html.strip()) and not (text and text.strip()):
        return skip("neither `html` nor `text` has content")
    title = data.get("title")
    if title is not None and not isinstance(title, str):
        return skip("`title` must be a string")
    raw_date = next((data[k] for k in ("published_at", "published", "date") if data.get(k)), None)
    published = None
    if raw_date is not None:
        published = parse_datetime(raw_date) if isinstance(raw_date, str) else None
        if published is None:
            return skip(f"published time is not a date: {str(raw_date)[:40]!r}")
    own_source = data.get("source")
    if own_source is not None and (not isinstance(own_source, str) or not own_source.strip()):
        return skip("`source` must be a non-empty string")
    return ArchiveRecord(
        source=source,
        kind="jsonl",
        position=position,
        resume=resume,
        url=url.strip(),
        published_at=published,
        title=title.strip() or None if title else None,
        content=html.encode("utf-8") if html and html.strip() else None,
        text=None if html and html.strip() else text,
        content_type="text/html; charset=utf-8" if html and html.strip() else "text/plain; charset=utf-8",
        origin=own_source.strip() if own_source else None,
    )
