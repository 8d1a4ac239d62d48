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
    assert rep.precision >= 0.99, rep.false_joins[:10]
    assert rep.recall >= 0.97, rep.missed[:10]


def test_pairwise_precision_and_recall_after_cleaning():
    rep = _quality().evaluate(clean=True)
    assert rep.precision >= 0.99, rep.false_joins[:10]
    assert rep.recall >= 0.97, rep.missed[:10]
