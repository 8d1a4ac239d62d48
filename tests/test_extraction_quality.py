"""Extraction quality floors on real pages.

- Always: 13 real pages kept in the repository (tests/data/extraction/readability,
  from Mozilla Readability's test pages, Apache-2.0; see its README).
- When ../shared is beside the clone (CI): extraction-dev (91 pages, Zyte benchmark
  half) and extraction-dev2 (trafilatura's evaluation set and Readability's test
  pages). Without them those tests skip, saying where they looked.

Floors are the levels reached when this was last tuned (docs/extraction.md), minus a
small margin; raise them when the extractor improves.
"""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bench.metric import load_dataset, page_counts, score
from transforms.extract import extract

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
DEV = SHARED / "extraction-dev"
DEV2 = SHARED / "extraction-dev2"
IN_REPO = HERE / "data" / "extraction" / "readability"
REFERENCE = datetime(2026, 1, 1, tzinfo=UTC)

# extraction-dev2 floors (test_body_truncation_and_metadata_on_extraction_dev2)
# trafilatura's evaluation set: reached F1 0.942, 21 truncated (trafilatura 0.923, 23);
# title 0.786, author 0.591, date 0.857 (trafilatura 0.614, 0.569, 0.794)
TRAFILATURA_F1 = 0.939
TRAFILATURA_TRUNCATED = 21
TRAFILATURA_TITLE = 0.77
TRAFILATURA_AUTHOR = 0.58
TRAFILATURA_DATE = 0.84
# Readability's test pages: reached F1 0.958, 1 truncated (trafilatura 0.945, 2);
# title 0.872, author 0.690, date 1.000 (trafilatura 0.851, 0.577, 0.594)
READABILITY_F1 = 0.955
READABILITY_TRUNCATED = 1
READABILITY_TITLE = 0.85
READABILITY_AUTHOR = 0.65
READABILITY_DATE = 0.95
DEV2_SLICES = 4  # per set, spread over the fixture's two processes


def _needs(path: Path):
    return pytest.mark.skipif(not path.exists(), reason=f"development set not found at {path}")


# --------------------------------------------------------------------------- always


def test_floor_on_in_repo_real_pages():
    records = [
        json.loads(line) for line in (IN_REPO / "expected.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(records) == 13
    counts = []
    for rec in records:
        raw = gzip.decompress((IN_REPO / f"{rec['id']}.html.gz").read_bytes())
        counts.append(page_counts(rec["text"], extract(raw, None, reference_time=REFERENCE).body))
    s = score(counts)
    # reached: P 0.966, R 0.935, F1 0.950
    assert s.f1 >= 0.945, s
    assert sum(1 for tp, _fp, fn in counts if tp + fn and tp / (tp + fn) < 0.5) == 0


def test_metric_matches_definition():
    assert page_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    assert page_counts("", "") == (1.0, 0.0, 0.0)
    assert page_counts("a b c d", "") == (0.0, 0.0, 1.0)
    tp, fp, fn = page_counts("a b c d e", "a b c d x")  # shingles: {abcd, bcde} vs {abcd, bcdx}
    assert (tp, fp, fn) == (1 / 3, 1 / 3, 1 / 3)
    s = score([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)])
    assert s.precision == pytest.approx(0.75 / (0.75 + 0.25))
    assert s.recall == 1.0


# --------------------------------------------------------------------------- with ../shared


@_needs(DEV)
def test_body_on_extraction_dev():
    pages = load_dataset(DEV)
    counts = [
        page_counts(truth, extract(raw, url, reference_time=REFERENCE).body) for _k, raw, url, truth in pages
    ]
    s = score(counts)
    assert s.pages == 91
    # reached: P 0.970, R 0.985, F1 0.977 (trafilatura 0.965 in the same run)
    assert s.f1 >= 0.973, s
    assert s.recall >= 0.980, s


def _extract_slice(pages: list[tuple[str, str]]) -> list[dict]:
    """In a pool process: the wirehouse extractor's fields for (html, url) pairs (bench/extraction_eval.py)."""
    from bench import extraction_eval as ev

    fn = ev._make("wirehouse")
    return [fn(html, url) for html, url in pages]


@pytest.fixture(scope="module")
def dev2():
    """Both sets extracted once, on two processes: slices of both sets interleaved, so the test
    takes both cores when the other pytest-xdist worker is idle (and shares them when it is not)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from bench import extraction_eval as ev

    sets = {name: ev.load_set(name) for name in ("trafilatura", "readability")}
    slices = [(name, k) for name in sets for k in range(DEV2_SLICES)]
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("forkserver")) as pool:
        futures = {
            (name, k): pool.submit(
                _extract_slice, [(p["html"], p["url"]) for p in sets[name][k::DEV2_SLICES]]
            )
            for name, k in slices
        }
        done = {key: future.result() for key, future in futures.items()}
    out = {}
    for name, pages in sets.items():
        outputs: list[dict] = [{}] * len(pages)
        for k in range(DEV2_SLICES):
            outputs[k::DEV2_SLICES] = done[name, k]
        body, recalls = ev.body_scores(name, pages, outputs)
        out[name] = (body, recalls, ev.meta_scores(pages, outputs))
    return out


# extracting ~1,100 pages takes a minute of CPU: `slow` (left out of `-m "not slow"`), and one
# test asserts everything on that one extraction (two tests built it twice under pytest-xdist)
@_needs(DEV2)
@pytest.mark.slow
def test_body_truncation_and_metadata_on_extraction_dev2(dev2):
    body, recalls, _ = dev2["trafilatura"]
    assert body["f1"] >= TRAFILATURA_F1, body
    assert sum(1 for r in recalls if r < 0.5) <= TRAFILATURA_TRUNCATED
    body, recalls, _ = dev2["readability"]
    assert body["f1"] >= READABILITY_F1, body
    assert sum(1 for r in recalls if r < 0.5) <= READABILITY_TRUNCATED
    meta = dev2["trafilatura"][2]
    assert meta["title"]["acc"] >= TRAFILATURA_TITLE, meta
    assert meta["author"]["acc"] >= TRAFILATURA_AUTHOR, meta
    assert meta["date"]["acc"] >= TRAFILATURA_DATE, meta
    assert meta["invented_dates"] == 0
    meta = dev2["readability"][2]
    assert meta["title"]["acc"] >= READABILITY_TITLE, meta
    assert meta["author"]["acc"] >= READABILITY_AUTHOR, meta
    assert meta["date"]["acc"] >= READABILITY_DATE, meta
    assert meta["invented_dates"] == 0
