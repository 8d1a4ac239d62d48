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

import numpy as np

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:\.\d+)?$")

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_MONTH_CANON = {m[:3]: m[:3] for m in MONTHS}


def normalise(text: str) -> str:
    """Fold case, quotes, dashes and currency/percent house styles (the same folds as the sketch)."""
    from .minhash import fold

    return fold(text)


def tokens(text: str) -> list[str]:
    """Words and numbers of the normalised text (punctuation dropped, "1,234.5" -> "1234.5")."""
    toks = _TOKEN.findall(normalise(text))
    if any("," in t for t in toks):
        toks = [t.replace(",", "") if "," in t else t for t in toks]
    return toks


_FIGURE_START = frozenset("0123456789")
_SPECIAL = WEEKDAYS | MONTHS


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
    cand = [i for i, t in enumerate(toks) if t[0] in _FIGURE_START or t in _SPECIAL]
    vals: dict[int, str] = {}
    for i in cand:
        v = _figure(toks[i], toks[i - 1] if i else None, toks[i + 1] if i + 1 < n else None)
        if v is not None:
            vals[i] = v

    def ctx(j: int, edge: str) -> str:
        if j < 0 or j >= n:
            return edge
        return "#" if j in vals else toks[j]

    before: dict[tuple[str, str], set[str]] = {}
    after: dict[tuple[str, str], set[str]] = {}
    for i, v in vals.items():
        before.setdefault((ctx(i - 2, "^"), ctx(i - 1, "^")), set()).add(v)
        after.setdefault((ctx(i + 1, "$"), ctx(i + 2, "$")), set()).add(v)
    return Figures({k: frozenset(v) for k, v in before.items()}, {k: frozenset(v) for k, v in after.items()})


_SHARP = np.uint64(0x5EED5EED5EED5EED)  # stands for "a figure" inside a context
_EDGE_L, _EDGE_R = np.uint64(0x1111111111111111), np.uint64(0x2222222222222222)
_K = np.uint64(0x9E3779B97F4A7C15)
_WEEKDAY_H = None
_MONTH_H = None
_MONTH_CANON_H = None


def _name_hashes():
    global _WEEKDAY_H, _MONTH_H, _MONTH_CANON_H
    if _WEEKDAY_H is None:
        from .minhash import word_hashes

        _WEEKDAY_H = np.sort(word_hashes(sorted(WEEKDAYS)))
        months = sorted(MONTHS)
        mh = word_hashes(months)
        canon = word_hashes([m[:3] for m in months])
        order = np.argsort(mh)
        _MONTH_H, _MONTH_CANON_H = mh[order], canon[order]
    return _WEEKDAY_H, _MONTH_H, _MONTH_CANON_H


def batch_figures(tok) -> list[Figures]:
    """Figures of every text of a tokenised batch (transforms.dedup.minhash.Tokenised), on
    token hashes: the same rules as `figures`, vectorised over the batch."""
    weekday_h, month_h, month_canon = _name_hashes()
    h, off, isnum = tok.hashes, tok.offsets, tok.is_number
    n = len(h)
    out = []
    if n == 0:
        return [Figures({}, {}) for _ in range(len(off) - 1)]
    doc = np.repeat(np.arange(len(off) - 1), np.diff(off))
    same_prev = np.zeros(n, bool)
    same_prev[1:] = doc[1:] == doc[:-1]
    num_prev = np.zeros(n, bool)
    num_prev[1:] = isnum[:-1] & same_prev[1:]
    num_next = np.zeros(n, bool)
    num_next[:-1] = isnum[1:] & same_prev[1:]
    is_month = np.isin(h, month_h)
    fig = isnum | np.isin(h, weekday_h) | (is_month & (num_prev | num_next))
    value = h.copy()
    if is_month.any():
        value[is_month] = month_canon[np.searchsorted(month_h, h[is_month])]
    ctx = np.where(fig, _SHARP, h)

    def shifted(d: int, edge):
        """ctx of token i+d, or the edge marker outside the token's own text."""
        r = np.full(n, edge, np.uint64)
        if d < 0:
            r[-d:] = ctx[:d]
            ok = np.zeros(n, bool)
            ok[-d:] = doc[-d:] == doc[:d]
        else:
            r[:-d] = ctx[d:]
            ok = np.zeros(n, bool)
            ok[:-d] = doc[:-d] == doc[d:]
        r[~ok] = edge
        return r

    idx = np.flatnonzero(fig)
    with np.errstate(over="ignore"):
        kb = (shifted(-2, _EDGE_L)[idx] * _K) ^ shifted(-1, _EDGE_L)[idx]
        ka = (shifted(1, _EDGE_R)[idx] * _K) ^ shifted(2, _EDGE_R)[idx]
    vals = value[idx]
    fdoc = doc[idx]
    bounds = np.searchsorted(fdoc, np.arange(len(off)), side="left")
    kb_l, ka_l, v_l = kb.tolist(), ka.tolist(), vals.tolist()
    for i in range(len(off) - 1):
        before: dict = {}
        after: dict = {}
        for j in range(bounds[i], bounds[i + 1]):
            before.setdefault(kb_l[j], set()).add(v_l[j])
            after.setdefault(ka_l[j], set()).add(v_l[j])
        out.append(Figures(before, after))
    return out


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


def day_conflicts(x: Figures, y: Figures) -> int:
    """Contexts both texts have where each names a weekday and the weekdays differ
    ("unchanged on # according" Monday vs Tuesday): the mark of another day's report."""
    weekday_h = _name_hashes()[0]
    days = set(weekday_h.tolist()) | WEEKDAYS
    n = 0
    for mine, theirs in ((x.before, y.before), (x.after, y.after)):
        if len(theirs) < len(mine):
            mine, theirs = theirs, mine
        for key, values in mine.items():
            other = theirs.get(key)
            if other is None or values & other:
                continue
            if values <= days and other <= days:
                n += 1
    return n


STOPWORDS = (
    "a an the of in on at to for from by with as and or but is was were be been being has have had "
    "it its this that these those which who whom whose he she they them his her their we our you "
    "said says say told also after before over under than more most into about up out not no will "
    "would could should can may might per there here when where while what all any some"
)
NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_STOP_H = None
_NUM_FROM = _NUM_TO = None


def content_words(head: np.ndarray, keep_stopwords: bool = False) -> np.ndarray:
    """Sorted unique token hashes of an opening, number words folded to digits
    ("Eleven" -> "11"), stopwords dropped unless kept."""
    global _STOP_H, _NUM_FROM, _NUM_TO
    if _STOP_H is None:
        from .minhash import word_hashes

        _STOP_H = np.sort(word_hashes(STOPWORDS.split()))
        src = word_hashes(NUMBER_WORDS)
        dst = word_hashes([str(i) for i in range(len(NUMBER_WORDS))])
        order = np.argsort(src)
        _NUM_FROM, _NUM_TO = src[order], dst[order]
    h = np.unique(head)
    pos = np.searchsorted(_NUM_FROM, h)
    pos[pos == len(_NUM_FROM)] = 0
    hit = _NUM_FROM[pos] == h
    if hit.any():
        h = np.unique(np.where(hit, _NUM_TO[pos], h))
    if not keep_stopwords:
        h = h[~np.isin(h, _STOP_H, assume_unique=False)]
    return h
