"""Bytes to text for feeds and pages whose declared charset may be wrong.

Pure. The order of evidence, strongest first:

1. a byte-order mark;
2. a declared UTF-16/UTF-32 that decodes;
3. valid UTF-8 (text in a legacy 8-bit charset is practically never valid
   UTF-8 once it has a non-ASCII byte, so this beats a declared ISO-8859-1:
   the "declared Latin-1, actually UTF-8" case);
4. the declared charset (HTTP header, else the document's own XML
   declaration or <meta>), when it decodes strictly; ISO-8859-1 and ASCII
   mean windows-1252, as in browsers;
5. windows-1252 when it decodes strictly and reads like text (the most common
   legacy charset of news sites: the "declared UTF-8, actually windows-1252"
   case);
6. charset-normalizer's best guess (Cyrillic, Greek, Central European ...);
7. windows-1252 with replacement characters, so decoding never fails.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']", re.I)
_META = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
_HEADER = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.I)
_LATIN1 = {"iso-8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "iso8859-1", "iso_8859-1", "cp819"}
MESS_LIMIT = 0.2


def has_bom(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, _codec_name in _BOMS)


def header_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, lower-cased, if any."""
    m = _HEADER.search(content_type or "")
    return m.group(1).lower() if m else None


def document_charset(data: bytes) -> str | None:
    """The charset a document declares about itself (XML declaration or HTML meta)."""
    head = data[:4096]
    m = _XML_DECL.match(head) or _META.search(head)
    return m.group(1).decode("ascii").lower() if m else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().lower()
    if name in _LATIN1:
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode a fetched document; returns (text, codec used). Never raises."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(data, codec)
            if text is not None:
                return text.lstrip("\ufeff"), codec
    declared = [c for c in (_codec(header_charset(content_type)), _codec(document_charset(data))) if c]
    for codec in declared:
        if codec.startswith(("utf-16", "utf-32")) and (text := _strict(data, codec)) is not None:
            return text, codec
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    for codec in declared:
        if codec != "utf-8" and (text := _strict(data, codec)) is not None:
            return text, codec
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    text = _strict(data, "cp1252")
    if text is not None and mess_ratio(text[:20000], MESS_LIMIT) < MESS_LIMIT:
        return text, "cp1252"
    best = from_bytes(data[:200000]).best()
    if best is not None and (text := _strict(data, best.encoding)) is not None:
        return text, best.encoding
    return data.decode("cp1252", errors="replace"), "cp1252"


_XML_DECL_TEXT = re.compile(r"^(\s*<\?xml[^>]*?encoding\s*=\s*)([\"'])[A-Za-z0-9._:-]+\2", re.I)


def to_utf8_xml(data: bytes, content_type: str | None = None) -> tuple[bytes, str]:
    """Re-encode an XML document as UTF-8 with a matching declaration; returns (bytes, source codec)."""
    text, codec = decode(data, content_type)
    text = _XML_DECL_TEXT.sub(r"\1\2utf-8\2", text, count=1)
    return text.encode("utf-8"), codec
