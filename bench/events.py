"""Events (issue 14): pairwise quality on the labelled set and assignment speed at scale.

    .venv/bin/python bench/events.py                      # quality (dev, test, held-out) + scale
    .venv/bin/python bench/events.py --quality --errors   # quality only, list wrong joins / splits
    .venv/bin/python bench/events.py --quality --sweep    # join thresholds side by side
    .venv/bin/python bench/events.py --quality --clean    # only cleaned texts (as stored bodies are); --raw: only raw
    .venv/bin/python bench/events.py --scale --stored 1000000 --new 10000 --days 365

Quality: the reports of each half are assigned from an empty history in publication
order, once on the raw texts and once on the texts cleaned by transforms.clean (the
body the warehouse stores: wrapper, dateline and trailer cut). Precision: of the report pairs put in one event, the share labelled one event;
recall: of the pairs labelled one event, the share put in one. IDF comes from the
texts of all labelled files (labels unused), as the warehouse would count it over
its stories.

Scale (synthetic, see docs/events.md): ``--stored`` stored stories spread evenly over
``--days`` days are written to a memory-mapped file sorted by time (what the
warehouse's table scan by ``published_at`` returns); ``--new`` new stories over the
last day are vectorised from generated text, then assigned against the window read
from that file. Peak memory of the window read and the assignment is measured with tracemalloc.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pairs import PairScore, pair_counts  # noqa: E402
from transforms.events import DocFreq, EventConfig, FeatureConfig, Window, assign, terms, vectorise  # noqa: E402

DATA = ROOT / "tests" / "data" / "events"


@dataclass
class Quality(PairScore):
    name: str
    reports: int
    events: int


def load(name: str) -> list[dict]:
    path = DATA / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def epoch(iso: str) -> int:
    return int(datetime.fromisoformat(iso).timestamp())


def cleaned(rows: list[dict]) -> list[dict]:
    """The rows with the body the warehouse stores: wrappers, datelines and trailers cut."""
    from transforms.clean import clean

    out = []
    for r in rows:
        c = clean(r["text"], published_at=datetime.fromisoformat(r["published_at"]), title=r["title"])
        out.append({**r, "text": c.body or r["text"]})
    return out


def idf_of(rows: list[dict], fc: FeatureConfig) -> np.ndarray:
    df = DocFreq.empty()
    df.add(terms(r["title"], r["text"], fc) for r in rows)
    return df.idf(fc.idf_prior_docs)


def evaluate(
    name: str,
    rows: list[dict],
    idf: np.ndarray,
    fc: FeatureConfig = FeatureConfig(),
    ec: EventConfig = EventConfig(),
) -> Quality:
    vecs = vectorise(((r["title"], r["text"]) for r in rows), fc, idf)
    times = np.array([epoch(r["published_at"]) for r in rows], np.int64)
    codes: dict[str, int] = {}
    agencies = np.array([codes.setdefault(r["agency"], len(codes)) for r in rows], np.int64)
    got = assign(vecs, times, agencies, Window.empty(fc.dim), 0, ec).event_ids
    return Quality(
        name=name,
        reports=len(rows),
        events=len({r["event"] for r in rows}),
        **pair_counts([r["id"] for r in rows], [r["event"] for r in rows], list(got)),
    )


def quality(args: argparse.Namespace) -> None:
    raw_labelled = load("labelled.jsonl")
    raw_heldout = load("heldout.jsonl") if (DATA / "heldout.jsonl").exists() else []
    fc = FeatureConfig()
    thresholds = [0.16, 0.18, 0.20, 0.22, 0.24, 0.26, 0.30] if args.sweep else [EventConfig().join_threshold]
    modes = [True] if args.clean else [False] if args.raw else [False, True]
    print(
        "text     set            threshold reports events  pairs  precision  recall   (goal: >= 0.97, >= 0.8)"
    )
    for clean in modes:
        labelled, heldout = (
            (cleaned(raw_labelled), cleaned(raw_heldout)) if clean else (raw_labelled, raw_heldout)
        )
        idf = idf_of(labelled + heldout, fc)
        halves = [
            ("dev", [r for r in labelled if r["split"] == "dev"]),
            ("test", [r for r in labelled if r["split"] == "test"]),
            ("held-out", heldout),
            ("all labelled", labelled),
        ]
        for th in thresholds:
            for name, rows in halves:
                if not rows:
                    continue
                q = evaluate(name, rows, idf, fc, EventConfig(join_threshold=th))
                print(
                    f"{'cleaned' if clean else 'raw':<8} {name:<14} {th:9.2f} {q.reports:7d} {q.events:6d} "
                    f"{q.true_pairs:6d} {q.precision:10.3f} {q.recall:7.3f}"
                    f"   ({q.correct_pairs}/{q.predicted_pairs} joined pairs right, {q.correct_pairs}/{q.true_pairs} found)"
                )
                if args.errors and name != "all labelled":
                    for a, b in q.wrong_joins:
                        print(f"    wrongly joined: {a} + {b}")
                    for a, b in q.missed:
                        print(f"    missed:         {a} + {b}")


def synthetic_texts(n: int, rng: np.random.Generator) -> list[tuple[str, str]]:
    """Stand-in wire copy: words drawn from the labelled set's vocabulary, 130 words each."""
    vocab = sorted({w for r in load("labelled.jsonl") for w in r["text"].split()})
    words = np.array(vocab, dtype=object)
    out = []
    for _ in range(n):
        pick = words[rng.integers(0, len(words), 130)]
        out.append((" ".join(pick[:10]), " ".join(pick[10:])))
    return out


def scale(args: argparse.Namespace) -> None:
    fc, ec = FeatureConfig(), EventConfig()
    rng = np.random.default_rng(7)
    now = epoch("2026-12-01T00:00:00+00:00")
    span = args.days * 86400
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        # written with plain file writes and mapped read-only, as a table on disk would be:
        # only the pages of the window are ever read into memory
        files = {k: (Path(tmp) / k).open("wb") for k in ("times", "vecs", "events", "agencies")}
        step = 100_000
        for s in range(0, args.stored, step):
            e = min(args.stored, s + step)
            files["times"].write(
                (now - span + (np.arange(s, e, dtype=np.int64) * span) // args.stored).tobytes()
            )
            block = rng.standard_normal((e - s, fc.dim), dtype=np.float32)
            block /= np.linalg.norm(block, axis=1, keepdims=True)
            files["vecs"].write(block.astype(np.float16).tobytes())
            files["events"].write((np.arange(s, e, dtype=np.int64) // 3).tobytes())  # events of ~3 reports
            files["agencies"].write(rng.integers(0, 9, e - s).astype(np.int64).tobytes())
        for f in files.values():
            f.close()
        times = np.memmap(Path(tmp) / "times", np.int64, "r", shape=(args.stored,))
        vecs = np.memmap(Path(tmp) / "vecs", np.float16, "r", shape=(args.stored, fc.dim))
        events = np.memmap(Path(tmp) / "events", np.int64, "r", shape=(args.stored,))
        agencies = np.memmap(Path(tmp) / "agencies", np.int64, "r", shape=(args.stored,))
        print(
            f"synthetic history: {args.stored:,} stored stories over {args.days} days "
            f"({args.stored / args.days:,.0f}/day), {fc.dim}-dim float16 vectors on disk, "
            f"written in {time.perf_counter() - t0:.1f}s"
        )
        texts = synthetic_texts(args.new, rng)
        new_times = np.sort(now + rng.integers(0, 86400, args.new)).astype(np.int64)
        new_agencies = rng.integers(0, 9, args.new).astype(np.int64)
        idf = DocFreq.empty()
        idf.add(terms(t, b, fc) for t, b in texts[:2000])
        idf_arr = idf.idf(fc.idf_prior_docs)

        t1 = time.perf_counter()
        new_vecs = vectorise(texts, fc, idf_arr)
        tracemalloc.start()  # after vectorising: tracemalloc slows pure-Python code several times
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        # a third of the new stories report an event already stored in the window
        lo, hi = np.searchsorted(times, [new_times[0] - ec.window_hours * 3600, new_times[-1] + 1])
        t2 = time.perf_counter()
        win = Window(
            np.asarray(vecs[lo:hi], np.float32),
            np.asarray(times[lo:hi]),
            np.asarray(events[lo:hi]),
            np.asarray(agencies[lo:hi]),
        )
        if hi > lo:
            echo = rng.random(args.new) < 1 / 3
            src = rng.integers(0, hi - lo, int(echo.sum()))
            mixed = 0.6 * win.vectors[src] + 0.4 * new_vecs[echo]
            new_vecs[echo] = mixed / np.linalg.norm(mixed, axis=1, keepdims=True)
        t3 = time.perf_counter()
        result = assign(new_vecs, new_times, new_agencies, win, int(events[-1]) + 1 if args.stored else 0, ec)
        t4 = time.perf_counter()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        joined = int((~result.founded).sum())
        print(
            f"assign {args.new:,} new stories against {args.stored:,} stored: window read {hi - lo:,} stored "
            f"stories; vectorise {t2 - t1:.1f}s, window read {t3 - t2:.2f}s, assign {t4 - t3:.1f}s, "
            f"total {t4 - t1:.1f}s; {joined:,} joined an event, {int(result.founded.sum()):,} founded one; "
            f"peak memory of window read + assign {peak / 2**20:.0f} MiB (tracemalloc); "
            f"process peak RSS {rss_before / 1024:.0f} MiB before, {rss / 1024:.0f} MiB after"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quality", action="store_true", help="labelled-set quality only")
    ap.add_argument("--scale", action="store_true", help="speed at scale only")
    ap.add_argument("--errors", action="store_true", help="list wrongly joined and missed pairs")
    ap.add_argument("--sweep", action="store_true", help="several join thresholds")
    ap.add_argument("--clean", action="store_true", help="only texts cleaned first (as stored bodies are)")
    ap.add_argument("--raw", action="store_true", help="only raw texts (datelines and trailers left in)")
    ap.add_argument("--stored", type=int, default=1_000_000)
    ap.add_argument("--new", type=int, default=10_000)
    ap.add_argument("--days", type=int, default=365, help="days the stored stories span")
    args = ap.parse_args()
    both = not (args.quality or args.scale)
    if args.quality or both:
        quality(args)
    if args.scale or both:
        scale(args)


if __name__ == "__main__":
    main()
