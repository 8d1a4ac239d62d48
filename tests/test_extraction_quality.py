"""Body quality on the real extraction-dev pages (half of the Zyte article-extraction benchmark).

The pages live in ../shared/extraction-dev relative to the repository root (CI
clones the repo next to a copy of shared/). The floor is the level reached when
this was last tuned, minus a small margin; raise it when the extractor improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.metric import load_dataset, page_counts, score
from transforms.extract import extract

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "extraction-dev"

# Reached: P 0.9741, R 0.9849, F1 0.9795 (see docs/extraction.md).
F1_FLOOR = 0.975
PRECISION_FLOOR = 0.968
RECALL_FLOOR = 0.980


@pytest.fixture(scope="module")
def dev_score():
    assert (DATA / "ground-truth.json").exists(), f"extraction-dev pages not found at {DATA}"
    pages = load_dataset(DATA)
    counts = [page_counts(truth, extract(raw, url).body) for _key, raw, url, truth in pages]
    return score(counts)


def test_body_f1_on_extraction_dev(dev_score):
    assert dev_score.pages == 91
    assert dev_score.f1 >= F1_FLOOR, dev_score


def test_body_precision_and_recall_on_extraction_dev(dev_score):
    assert dev_score.precision >= PRECISION_FLOOR, dev_score
    assert dev_score.recall >= RECALL_FLOOR, dev_score


def test_metric_matches_definition():
    assert page_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    assert page_counts("", "") == (1.0, 0.0, 0.0)
    assert page_counts("a b c d", "") == (0.0, 0.0, 1.0)
    tp, fp, fn = page_counts("a b c d e", "a b c d x")  # shingles: {abcd, bcde} vs {abcd, bcdx}
    assert (tp, fp, fn) == (1 / 3, 1 / 3, 1 / 3)
    s = score([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)])
    assert s.precision == pytest.approx(0.75 / (0.75 + 0.25))
    assert s.recall == 1.0
