"""Text repair and paragraph splitting, the first and last steps of cleaning.

Entities are unescaped until stable (feeds double-escape: ``&amp;amp;``) and
mojibake is repaired with ftfy -- but only when the text is not plain ASCII,
because mojibake is by definition non-ASCII and ftfy is the slowest step.
Typographic quotes are kept as the source wrote them.
"""
from __future__ import annotations

import html
import re

import ftfy

_FTFY = ftfy.TextFixerConfig(unescape_html=False, uncurl_quotes=False, explain=False)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")


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
