"""Pairwise precision >= 0.99 and recall >= 0.97 on the labelled set (bench/dedup_quality.py)."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _quality():
    spec = importlib.util.spec_from_file_location("dedup_quality", ROOT / "bench" / "dedup_quality.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["dedup_quality"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_labelled_set_is_big_enough():
    rows = _quality().load()
    kinds = Counter(r["kind"] for r in rows)
    originals = {r["story"] for r in rows if r["kind"] == "original"}
    copied = Counter(r["story"] for r in rows if r["kind"] == "copy" and r["story"] in originals)
    assert len(originals) >= 30 and all(copied[s] >= 3 for s in originals)
    assert kinds["copy"] >= 100 and kinds["lookalike"] >= 20


def test_pairwise_precision_and_recall_on_raw_copies():
    rep = _quality().evaluate(clean=False)
    assert rep.precision >= 0.99, rep.wrong_joins[:10]
    assert rep.recall >= 0.97, rep.missed[:10]


def test_pairwise_precision_and_recall_after_cleaning():
    rep = _quality().evaluate(clean=True)
    assert rep.precision >= 0.99, rep.wrong_joins[:10]
    assert rep.recall >= 0.97, rep.missed[:10]


# The hard set (tests/data/dedup/hard.jsonl, built by make_hard.py; written before the
# decision was read). Recall is held at the level reached, 0.90: the five copies that keep
# only two paragraphs AND reword the lead share about half their 4-shingles with the other
# copies and are not LSH candidates of any of them (docs/dedup.md, "The hard set").
HARD_PRECISION, HARD_RECALL = 0.99, 0.90


def test_hard_set_is_big_enough():
    q = _quality()
    rows = q.load(q.HARD)
    kinds = Counter(r["kind"] for r in rows)
    originals = {r["story"] for r in rows if r["kind"] == "original"}
    copied = Counter(r["story"] for r in rows if r["kind"] == "copy" and r["story"] in originals)
    assert len(originals) >= 20 and all(copied[s] >= 4 for s in originals)
    assert kinds["copy"] >= 80 and kinds["lookalike"] >= 30
    hows = Counter(r["how"].split(":")[0] for r in rows if r["kind"] == "lookalike")
    assert {"template", "press-release", "other-agency", "follow-up"} <= set(hows)


def test_hard_set_precision_and_recall_on_raw_copies():
    q = _quality()
    rep = q.evaluate(q.load(q.HARD), clean=False)
    assert rep.precision >= HARD_PRECISION, rep.wrong_joins[:10]
    assert rep.recall >= HARD_RECALL, rep.missed[:10]


def test_hard_set_precision_and_recall_after_cleaning():
    q = _quality()
    rep = q.evaluate(q.load(q.HARD), clean=True)
    assert rep.precision >= HARD_PRECISION, rep.wrong_joins[:10]
    assert rep.recall >= HARD_RECALL, rep.missed[:10]


# Write-throughs (issue 11): the blind held-out set tests/data/wire_heldout/dedup_writethrough.jsonl
# (16 developing stories with 22 write-throughs, 21 look-alikes: next-day follow-ups, same-day other
# events, templates). Before the write-through rule: recall 0.379 raw / 0.414 cleaned; after:
# 0.690 / 0.759, precision 1.000. What still splits are pairs that are not LSH candidates and an
# edition whose revised toll changes three figures (docs/dedup.md, "Write-throughs").
WRITETHROUGH = ROOT / "tests" / "data" / "wire_heldout" / "dedup_writethrough.jsonl"


def test_writethrough_set_precision_and_recall():
    q = _quality()
    rows = q.load(WRITETHROUGH)
    raw, cleaned = q.evaluate(rows, clean=False), q.evaluate(rows, clean=True)
    assert raw.precision == 1.0 and cleaned.precision == 1.0, raw.wrong_joins[:5] + cleaned.wrong_joins[:5]
    assert raw.recall >= 0.68 and cleaned.recall >= 0.75, (raw.missed[:10], cleaned.missed[:10])


def test_hard_set_keeps_full_precision_with_the_writethrough_rule():
    q = _quality()
    for clean in (False, True):
        assert q.evaluate(q.load(q.HARD), clean=clean).precision == 1.0
