"""How a dateline place is rendered in ``Cleaned.dateline_place``.

Decision: the city only, in title case when the wire shouted it ("NEW DELHI" ->
"New Delhi"); qualifiers are dropped ("Guwahati (Assam) [India]" -> "Guwahati",
"BAKU, Azerbaijan" -> "Baku") so the same city reads the same from every
agency. Multi-city datelines keep every city joined by "/" ("Paris/Berlin").
Places already in mixed case are kept as written.
"""

from __future__ import annotations

import re

_LOWER = frozenset(
    {
        "de",
        "da",
        "do",
        "du",
        "des",
        "del",
        "di",
        "es",
        "la",
        "les",
        "of",
        "upon",
        "am",
        "an",
        "der",
        "den",
        "en",
        "au",
        "aux",
        "sur",
    }
)
_PIECE = re.compile(r"([\w'’]+)")


def _title_word(word: str, first: bool) -> str:
    low = word.lower()
    if not first and low in _LOWER:
        return low
    return _PIECE.sub(_cap, word)


def _cap(m: re.Match[str]) -> str:
    piece = m.group(1)
    if len(piece) > 2 and piece[1] in "'’":  # O'NEIL -> O'Neil, D'SOUZA -> D'Souza (but XI'AN -> Xi'an)
        return piece[:2].upper() + piece[2:3].upper() + piece[3:].lower()
    return piece[:1].upper() + piece[1:].lower()


def title_case(text: str) -> str:
    """Title case for shouted names and places: "RIO DE JANEIRO" -> "Rio de Janeiro"."""
    return _title(text)


def _title(city: str) -> str:
    words = city.split()
    out = []
    for i, w in enumerate(words):
        parts = w.split("-")
        out.append("-".join(_title_word(p, i == 0 and j == 0) for j, p in enumerate(parts)))
    return " ".join(out)


def render_place(raw: str | None) -> str | None:
    if not raw:
        return None
    cities = [" ".join(c.split()) for c in raw.split("/")]
    cities = [c for c in cities if c]
    if not cities:
        return None
    return "/".join(_title(c) if not any(ch.islower() for ch in c) else c for c in cities)
