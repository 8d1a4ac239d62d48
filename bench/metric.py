"""The article-extraction-benchmark metric (Scrapinghub/Zyte), reimplemented.

Tokens are ``\\w+`` matches; each text becomes a multiset (Counter) of word
4-shingles. Per page, tp/fp/fn are multiset overlaps normalised so that
tp + fp + fn = 1 (every page weighs the same). Precision and recall come from
the per-page normalised counts averaged over pages, F1 from those two averages.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_counts(truth: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page; a page where both sides are empty is perfect."""
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total == 0:
        return 1.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    pages: int


def score(counts: Iterable[tuple[float, float, float]]) -> Score:
    counts = list(counts)
    n = len(counts) or 1
    tp = sum(c[0] for c in counts) / n
    fp = sum(c[1] for c in counts) / n
    fn = sum(c[2] for c in counts) / n
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, len(counts))


def load_dataset(root: Path) -> list[tuple[str, bytes, str, str]]:
    """[(key, html_bytes, url, expected_body)] sorted by key."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key in sorted(truth):
        raw = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        out.append((key, raw, truth[key].get("url") or "", truth[key].get("articleBody") or ""))
    return out
