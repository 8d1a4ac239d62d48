"""The pairwise same-story decision, from exact text overlap and the evidence of figures,
dates and time.

MinHash/LSH only proposes candidates; every candidate pair is verified here on the
exact shingle sets, so the thresholds below are the real definition of "same story".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import numpy.typing as npt

from .text import Figures, compare_figures, day_conflicts


@dataclass(frozen=True)
class Thresholds:
    """The knobs of the decision (documented in docs/dedup.md)."""

    min_containment: float = 0.60  # share of the smaller copy's shingles found in the larger one
    min_jaccard: float = 0.10  # guards a tiny copy swallowed by an unrelated long one
    min_shared: int = 6  # shared shingles below this are not evidence of anything
    min_lead_containment: float = 0.40  # share of one copy's lead (4-shingles) found in the other copy
    # (either way round: an editor's note or an UPDATE paragraph on
    # top of one copy hides only that copy's lead): stories that
    # share only boilerplate (an "About" section, a standard closing
    # paragraph) differ in their leads ...
    min_lead_words: float = 0.65  # ... unless the content words of one lead are found in the other's
    # opening at this share: a lightly reworded lead keeps its words
    # and figures, another release of the same company does not
    max_conflict_share: float = 0.20  # figure contexts that disagree, as a share of those both have
    max_conflicts: int = (
        2  # more disagreeing figure contexts than this (one changed figure has two): never the same story
    )
    conflict_gap_hours: float = 36.0  # any disagreeing figure AND this far apart: a later edition
    max_gap_days: float = 10.0  # copies further apart than this must be near-identical ...
    near_identical: float = 0.90  # ... i.e. have at least this Jaccard
    max_dateline_days: int = 1  # datelines further apart than this are different days' stories
    max_day_conflicts: int = 0  # contexts naming different weekdays ("prices unchanged on # ...")
    # beyond this: different days' reports of a template
    # A write-through (AP/Reuters update a developing story: a new first paragraph, the earlier
    # body carried forward verbatim) has a lead of its own, so "leads differ" would split it.
    # It is the same story when the body right after one copy's lead -- tokens
    # [body_start, body_start + body_tokens) -- is found in the other at this share ...
    min_body_containment: float = 0.80
    body_start: int = 40
    body_tokens: int = 80
    min_body_shingles: int = 25  # ... a paragraph at least, not a sentence of background ...
    max_writethrough_gap_hours: float = 36.0  # ... and both were published within this time;
    writethrough_containment: float = 0.45  # then a lower overall containment is enough (new paragraphs
    # on top, the last ones cut) ...
    writethrough_lead_words: float = 0.30  # ... but the new lead must still be about the same event: this
    # share of one lead's content words (first 30 tokens) found in the other's first 120 tokens, either
    # way round (write-throughs measured 0.40-1.00; different stories sharing a standard paragraph
    # after their leads 0.05-0.21)
    writethrough_lead_tokens: int = 30


class Lead:
    """The opening of a copy: its first tokens as shingles (the lead check) and the token
    hashes of its opening (the reworded-lead and write-through checks, computed only when a
    pair needs them)."""

    __slots__ = ("_body", "_opening", "_words", "head", "shingles")

    def __init__(self, shingles: np.ndarray, head: np.ndarray | None = None):
        self.shingles = shingles  # sorted unique shingle hashes of the first tokens
        self.head = head  # token hashes of the opening (a view, HEAD_TOKENS long at most), or None
        self._words: npt.NDArray[np.uint64] | None = None
        self._opening: npt.NDArray[np.uint64] | None = None
        self._body: npt.NDArray[np.uint64] | None = None

    def tokens(self) -> np.ndarray:
        """The token hashes of the opening; only a lead built with them can answer the
        reworded-lead and write-through checks (Features.opening is such a lead)."""
        if self.head is None:
            raise ValueError("this lead was built without the token hashes of its opening")
        return self.head

    def body(self, start: int, n: int, k: int = 4) -> np.ndarray:
        """Sorted unique k-shingle hashes of tokens [start, start + n): the text right after the lead."""
        if self._body is None:
            from .minhash import shingles_of_tokens

            self._body = np.unique(shingles_of_tokens(self.tokens()[start : start + n], k))
        return self._body

    def words(self, n: int) -> np.ndarray:
        """Sorted unique content-word hashes of the first n tokens (number words as digits)."""
        if self._words is None:
            from .text import content_words

            self._words = content_words(self.tokens()[:n])
        return self._words

    def opening(self, n: int) -> np.ndarray:
        """Sorted unique word hashes of the first n tokens (number words as digits)."""
        if self._opening is None:
            from .text import content_words

            self._opening = content_words(self.tokens()[:n], keep_stopwords=True)
        return self._opening


class Features:
    """What the decision needs about one copy."""

    __slots__ = ("_figures", "dateline_date", "lead", "opening", "published_at", "shingles")

    def __init__(
        self,
        shingles: np.ndarray,
        figures: Figures | Callable[[], Figures],
        published_at: datetime | None = None,
        dateline_date: date | None = None,
        lead: np.ndarray | Lead | None = None,
    ):
        self.shingles = shingles  # sorted unique uint64 shingle hashes
        # the lead with its opening tokens (the reworded-lead and write-through checks), or None
        self.opening: Lead | None = lead if isinstance(lead, Lead) and lead.head is not None else None
        if isinstance(lead, Lead):
            lead = lead.shingles
        self.lead = lead  # the same, of the first tokens only (None: not checked)
        self._figures = figures  # figures by context (transforms.dedup.text), or a thunk
        self.published_at = published_at
        self.dateline_date = dateline_date

    @property
    def figures(self) -> Figures:
        if callable(self._figures):
            self._figures = self._figures()
        return self._figures


@dataclass(frozen=True)
class Verdict:
    same: bool
    reason: str
    jaccard: float
    containment: float
    agree: int = 0
    conflict: int = 0
    gap_hours: float | None = None


def overlap(a: np.ndarray, b: np.ndarray) -> tuple[int, float, float]:
    """(shared, jaccard, containment of the smaller in the larger) of two sorted unique arrays."""
    if len(a) == 0 or len(b) == 0:
        return 0, 0.0, 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - shared
    return shared, shared / union, shared / min(len(a), len(b))


LEAD_WORDS = 40  # content words of this many first tokens ...
OPENING_WORDS = 80  # ... looked up among this many first tokens of the other copy
HEAD_TOKENS = 120  # token hashes kept per copy: the opening and the body after the lead


def _contained(part: np.ndarray | None, whole: np.ndarray) -> float:
    if part is None or not len(part):
        return 1.0
    return len(np.intersect1d(part, whole, assume_unique=True)) / len(part)


def lead_word_share(x: Features, y: Features) -> float | None:
    """The larger share of one copy's lead content words found in the other's opening, or None."""
    if x.opening is None or y.opening is None:
        return None
    best = 0.0
    for a, b in ((x.opening, y.opening), (y.opening, x.opening)):
        words = a.words(LEAD_WORDS)
        if len(words):
            best = max(
                best, len(np.intersect1d(words, b.opening(OPENING_WORDS), assume_unique=True)) / len(words)
            )
    return best


def leads_agree(x: Features, y: Features, t: Thresholds) -> bool:
    """One copy's lead is found in the other (4-shingles, either way round), or its content
    words are (a lightly reworded lead)."""
    if x.lead is None or y.lead is None or not len(x.lead) or not len(y.lead):
        return True
    if _contained(x.lead, y.shingles) >= t.min_lead_containment:
        return True
    if _contained(y.lead, x.shingles) >= t.min_lead_containment:
        return True
    share = lead_word_share(x, y)
    return share is not None and share >= t.min_lead_words


def leads_share_words(x: Features, y: Features, n: int) -> float:
    """The larger share of one copy's lead content words (first n tokens) found among the content
    words of the other's opening (its first HEAD_TOKENS tokens): is the new lead about the same event?"""
    from .text import content_words

    if x.opening is None or y.opening is None:
        raise ValueError("both copies need their openings (Features built with a Lead with tokens)")
    best = 0.0
    for a, b in ((x.opening, y.opening), (y.opening, x.opening)):
        lead = content_words(a.tokens()[:n])
        if len(lead):
            opening = content_words(b.tokens()[:HEAD_TOKENS])
            best = max(best, len(np.intersect1d(lead, opening, assume_unique=True)) / len(lead))
    return best


def carried_forward(x: Features, y: Features, t: Thresholds, gap: float | None) -> bool:
    """A write-through: published within `max_writethrough_gap_hours`, leads about the same event
    (some of one lead's content words in the other's opening), and the body right after one
    copy's lead (a paragraph or more) found in the other nearly whole."""
    if gap is None or gap > t.max_writethrough_gap_hours or x.opening is None or y.opening is None:
        return False
    if leads_share_words(x, y, t.writethrough_lead_tokens) < t.writethrough_lead_words:
        return False
    for a, b in ((x.opening, y), (y.opening, x)):
        body = a.body(t.body_start, t.body_tokens)
        if len(body) >= t.min_body_shingles and _contained(body, b.shingles) >= t.min_body_containment:
            return True
    return False


def decide(x: Features, y: Features, t: Thresholds = Thresholds()) -> Verdict:
    shared, j, c = overlap(x.shingles, y.shingles)
    gap = None
    if x.published_at is not None and y.published_at is not None:
        gap = abs((x.published_at - y.published_at).total_seconds()) / 3600.0
    if shared < t.min_shared or c < t.writethrough_containment or j < t.min_jaccard:
        return Verdict(False, "text differs", j, c, gap_hours=gap)
    if c < t.min_containment:
        if not carried_forward(x, y, t, gap):
            return Verdict(False, "text differs", j, c, gap_hours=gap)
    elif not leads_agree(x, y, t) and not carried_forward(x, y, t, gap):
        return Verdict(False, "leads differ", j, c, gap_hours=gap)
    agree, conflict = compare_figures(x.figures, y.figures)

    def verdict(same: bool, reason: str) -> Verdict:
        return Verdict(same, reason, jaccard=j, containment=c, agree=agree, conflict=conflict, gap_hours=gap)

    if (
        x.dateline_date
        and y.dateline_date
        and abs((x.dateline_date - y.dateline_date).days) > t.max_dateline_days
    ):
        return verdict(False, "datelines differ")
    if conflict > t.max_conflicts or (conflict and conflict > t.max_conflict_share * (agree + conflict)):
        return verdict(False, "figures differ")
    if day_conflicts(x.figures, y.figures) > t.max_day_conflicts:
        return verdict(False, "days differ")
    if conflict and gap is not None and gap > t.conflict_gap_hours:
        return verdict(False, "figures differ and far apart in time")
    if gap is not None and gap > 24 * t.max_gap_days and j < t.near_identical:
        return verdict(False, "far apart in time")
    return verdict(True, "same story")
