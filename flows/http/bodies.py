"""Response bodies: accepted types, sniffing, bounded Content-Encoding decoding, Retry-After."""

from __future__ import annotations

import zlib
from datetime import datetime
from email.utils import parsedate_to_datetime

from .errors import FetchError

FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/x-rss+xml",
    "application/x-atom+xml",
    "application/feed+xml",
}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
SNIFF_TYPES = {"", "text/plain", "application/octet-stream", "binary/octet-stream"}  # judged by the body
GZIP_TYPES = {"application/gzip", "application/x-gzip", "application/gzip-compressed", "application/x-gunzip"}


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date), None when absent or bad."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            return max(0.0, (parsedate_to_datetime(value) - now).total_seconds())
        except (TypeError, ValueError, IndexError, OverflowError):
            return None


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def type_refusal(content_type: str | None, kind: str) -> str | None:
    """Why a response of this Content-Type is refused for a feed, page or sitemap request, or None.

    A sitemap may also come as a gzip file (`.xml.gz` served as application/x-gzip).
    """
    mt = media_type(content_type)
    if kind == "sitemap" and mt in GZIP_TYPES:
        return None
    if mt in SNIFF_TYPES or mt in HTML_TYPES or mt in FEED_TYPES or mt.endswith("+xml"):
        if kind == "page" and (mt in FEED_TYPES or (mt.endswith("+xml") and mt not in HTML_TYPES)):
            return f"refused content type {mt} for a page (not HTML)"
        return None
    return f"refused content type {mt}: not a feed or HTML"


def sniff_refusal(body: bytes, kind: str = "feed") -> str | None:
    if kind == "sitemap" and body[:2] == b"\x1f\x8b":
        return None  # a gzip'd sitemap: transforms.sitemaps decompresses it (bounded)
    head = body[:512].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    if head.startswith(b"<") or not body:
        return None
    return "refused body: not markup (sniffed; not a feed or HTML)"


class BoundedDecoder:
    """Content-Encoding decoding with a hard cap on decoded bytes (no gzip bomb gets past it)."""

    def __init__(self, encoding: str, limit: int):
        enc = encoding.strip().lower()
        if enc in ("", "identity", "none"):
            self.mode = "identity"
        elif enc in ("gzip", "x-gzip"):
            self.mode = "gzip"
        elif enc == "deflate":
            self.mode = "deflate"
        else:
            raise FetchError(f"refused content encoding {enc!r}")
        self.limit, self.size = limit, 0
        self.chunks: list[bytes] = []
        self._z = self._new() if self.mode != "identity" else None
        self._fresh = True

    def _new(self):
        return zlib.decompressobj(16 + zlib.MAX_WBITS if self.mode == "gzip" else zlib.MAX_WBITS)

    def _add(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            raise FetchError(f"body too large: over {self.limit} bytes decoded")
        if data:
            self.chunks.append(data)

    def feed(self, data: bytes) -> None:
        if self._z is None:
            self._add(data)
            return
        while data:
            if self._z.eof:  # a second gzip member, or trailing bytes
                if self.mode != "gzip" or not data.startswith(b"\x1f\x8b"):
                    return  # trailing garbage after a complete stream is ignored
                self._z = self._new()
            try:
                out = self._z.decompress(data, self.limit - self.size + 1)
            except zlib.error as exc:
                if self.mode == "deflate" and self._fresh:  # raw deflate without zlib header
                    self._z, self._fresh = zlib.decompressobj(-zlib.MAX_WBITS), False
                    continue
                raise FetchError(f"corrupt {self.mode} body: {exc}", retry=True) from None
            self._fresh = False
            self._add(out)
            data = self._z.unused_data if self._z.eof else self._z.unconsumed_tail

    def finish(self) -> bytes:
        if self._z is not None:
            if not self._z.eof:
                raise FetchError(f"truncated {self.mode} body", retry=True)
        return b"".join(self.chunks)
