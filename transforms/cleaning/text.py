"""Text repair and paragraph splitting, the first and last steps of cleaning.

Entities are unescaped until stable (feeds double-escape: ``&amp;amp;``) and
mojibake is repaired with ftfy -- but only when the text is not plain ASCII,
because mojibake is by definition non-ASCII and ftfy is the slowest step.
Typographic quotes are kept as the source wrote them.
"""

from __future__ import annotations

import html
import re
import unicodedata

import ftfy

_FTFY = ftfy.TextFixerConfig(unescape_html=False, uncurl_quotes=False, explain=False)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
# Characters only ftfy's non-mojibake fixes care about: C1 controls, surrogates, ligatures, full-width forms.
_FTFY_CHARS = re.compile("[\x80-\x9f\ud800-\udfff\ufb00-\ufb06\u3000\uff01-\uff5e]")
# UTF-8 read as Latin-1/cp1252 (the mojibake of English wire copy): a lead byte Â-ô followed by a
# continuation byte shown as \x80-\xbf or as one of cp1252's printable stand-ins (€ ™ ’ “ ...).
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _needs_ftfy(text: str) -> bool:
    """Cheap gate: ftfy costs ~1 ms per article, and curly quotes alone need none of it."""
    return bool(_MOJIBAKE.search(text) or _FTFY_CHARS.search(text))


def repair(text: str) -> list[str]:
    """Unescape HTML entities, drop control characters, fix mojibake; return paragraphs.

    ftfy runs on normalised paragraphs and again until nothing changes, so that
    repairing the cleaner's own output is a no-op (idempotence)."""
    while "&" in text:
        fixed = html.unescape(text)
        if fixed == text:
            break
        text = fixed
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    paras = paragraphs(text)
    for _ in range(4):
        joined = "\n\n".join(paras)
        if joined.isascii():
            break
        if not _needs_ftfy(joined):
            if not unicodedata.is_normalized("NFC", joined):
                paras = paragraphs(unicodedata.normalize("NFC", joined))
            break
        fixed = ftfy.fix_text(joined, _FTFY)
        if fixed == joined:
            break
        paras = paragraphs(fixed)
    return paras


def paragraphs(text: str) -> list[str]:
    """Split on blank lines (or on single newlines when there is no blank line);
    whitespace inside a paragraph collapses to single spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    out = []
    for p in parts:
        p = " ".join(p.split())
        if p:
            out.append(p)
    return out


def join(paras: list[str]) -> str:
    return "\n\n".join(paras)
