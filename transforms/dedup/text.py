"""Text normalisation for near-duplicate detection: tokens and figures.

House style must not make two copies look different, so spelling variants
that republishers apply ("per cent"/"percent"/"%", "Rs"/"Rs."/"₹", curly
quotes, thousands separators, case) are folded before tokenising.

Figures (numbers, weekdays, months next to a number) are the evidence that
separates templated look-alikes (the same market report on another day): each
figure is kept with its context, the words just before and just after it, so
two copies can be compared figure by figure ("closed at #" 72345 vs 72890).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
                         "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " "})
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_PERCENT = re.compile(r"(?<=\d)\s*(?:%|per\s*cent\b|percent\b|pc\b|pct\b)|\bper\s+cent\b")
_RUPEE = re.compile(r"₹\s*|\brs\.?\s*(?=\d)|\binr\s*(?=\d)")
_DOLLAR = re.compile(r"(?:\bus)?\$\s*(?=\d)")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:\.\d+)?$")

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_MONTH_CANON = {m[:3]: m[:3] for m in MONTHS}


def normalise(text: str) -> str:
    """Fold case, quotes, dashes, separators and currency/percent house styles."""
    text = text.translate(_QUOTES).casefold()
    text = _THOUSANDS.sub("", text)
    text = _PERCENT.sub(" percent", text)
    text = _RUPEE.sub("rs ", text)
    text = _DOLLAR.sub("usd ", text)
    return text


def tokens(text: str) -> list[str]:
    """Words and numbers of the normalised text (punctuation dropped, "5.0" kept apart from "5")."""
    return _TOKEN.findall(normalise(text))


def _figure(tok: str, prev: str | None, nxt: str | None) -> str | None:
    """The figure a token states, or None: numbers, weekdays, months beside a number."""
    if _NUMBER.match(tok):
        return tok
    if tok in WEEKDAYS:
        return tok
    if tok in MONTHS and ((prev and _NUMBER.match(prev)) or (nxt and _NUMBER.match(nxt))):
        return _MONTH_CANON[tok[:3]]
    return None


@dataclass(frozen=True, slots=True)
class Figures:
    """Figures of a text keyed by context: before[(w-2, w-1)] and after[(w+1, w+2)] -> values."""

    before: dict[tuple[str, str], frozenset[str]]
    after: dict[tuple[str, str], frozenset[str]]

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.before.values())


def figures(toks: list[str]) -> Figures:
    """Collect the figures with their contexts; other figures in a context read as "#"."""
    n = len(toks)
    vals = [_figure(t, toks[i - 1] if i else None, toks[i + 1] if i + 1 < n else None)
            for i, t in enumerate(toks)]
    ctx = ["#" if v is not None else t for t, v in zip(toks, vals)]
    before: dict[tuple[str, str], set[str]] = {}
    after: dict[tuple[str, str], set[str]] = {}
    for i, v in enumerate(vals):
        if v is None:
            continue
        b = (ctx[i - 2] if i >= 2 else "^", ctx[i - 1] if i >= 1 else "^")
        a = (ctx[i + 1] if i + 1 < n else "$", ctx[i + 2] if i + 2 < n else "$")
        before.setdefault(b, set()).add(v)
        after.setdefault(a, set()).add(v)
    return Figures({k: frozenset(v) for k, v in before.items()},
                   {k: frozenset(v) for k, v in after.items()})


def compare_figures(x: Figures, y: Figures) -> tuple[int, int]:
    """(agreeing, conflicting) contexts: a context both texts have, with shared or disjoint values.

    A figure only one copy has (an added update paragraph, a dateline) is neither.
    """
    agree = conflict = 0
    for mine, theirs in ((x.before, y.before), (x.after, y.after)):
        if len(theirs) < len(mine):
            mine, theirs = theirs, mine
        for key, values in mine.items():
            other = theirs.get(key)
            if other is None:
                continue
            if values & other:
                agree += 1
            else:
                conflict += 1
    return agree, conflict
