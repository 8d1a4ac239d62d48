"""Score wirehouse's extractor, trafilatura and readability-lxml on extraction-dev.

    python3 -m uv run --group bench python bench/extraction_eval.py [DATASET_DIR] [--only NAME ...]

DATASET_DIR defaults to ../shared/extraction-dev relative to the repository root.

Each extractor runs in its own fresh child process pinned to one CPU core, on the
same inputs (the page bytes decoded as UTF-8, as the upstream benchmark does), so:

- pages/s is single-core throughput of ``extract`` alone (pages are decompressed
  and decoded before the clock starts; one untimed warm-up page first; best of
  ``--repeat`` passes over all pages, default 3);
- memory is the child's peak resident set size (``resource.getrusage`` maxrss),
  reported as the peak and as the growth over the same process just before the
  run (after imports and loading the pages). maxrss covers libxml2's C heap,
  which tracemalloc cannot see.

Metric: see bench/metric.py (4-shingle precision/recall, averaged over pages).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.metric import load_dataset, page_counts, score  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "extraction-dev"
EXTRACTORS = ("wirehouse", "trafilatura", "readability")


def _make(name: str):
    if name == "wirehouse":
        from transforms.extract import extract

        return lambda html, url: extract(html, url).body
    if name == "trafilatura":
        import logging

        import trafilatura

        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
        # default settings, as in the published benchmark
        return lambda html, url: trafilatura.extract(html) or ""
    if name == "readability":
        import logging

        from lxml.html import fromstring
        from readability import Document

        logging.getLogger("readability").setLevel(logging.CRITICAL)

        def run(html: str, url: str) -> str:
            summary = Document(html).summary(html_partial=True)
            if not summary:
                return ""
            return "\n".join(t.strip() for t in fromstring(summary).itertext() if t.strip())

        return run
    raise SystemExit(f"unknown extractor {name!r}; choose from {', '.join(EXTRACTORS)}")


def run_child(name: str, data_dir: Path, repeat: int = 3) -> dict:
    """Runs inside the child process: extract every page, return scores and costs."""
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    except (AttributeError, OSError):
        pass
    fn = _make(name)
    pages = load_dataset(data_dir)
    inputs = [(key, raw.decode("utf-8", errors="replace"), url, truth) for key, raw, url, truth in pages]
    fn(inputs[0][1], inputs[0][2])  # warm-up: lazy imports and caches
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    elapsed = float("inf")
    for _ in range(max(1, repeat)):  # best of N passes: the least disturbed by other load
        outputs = []
        failures = 0
        start = time.perf_counter()
        for _key, html, url, _truth in inputs:
            try:
                outputs.append(fn(html, url) or "")
            except Exception:
                failures += 1
                outputs.append("")
        elapsed = min(elapsed, time.perf_counter() - start)
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    per_page = {}
    counts = []
    for (key, _html, _url, truth), out in zip(inputs, outputs):
        c = page_counts(truth, out)
        counts.append(c)
        per_page[key] = c
    s = score(counts)
    return {
        "name": name,
        "precision": s.precision,
        "recall": s.recall,
        "f1": s.f1,
        "pages": s.pages,
        "seconds": elapsed,
        "pages_per_s": s.pages / elapsed if elapsed else 0.0,
        "peak_rss_mib": rss_after / 1024,
        "rss_growth_mib": (rss_after - rss_before) / 1024,
        "failures": failures,
        "per_page": per_page,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="extraction-dev directory")
    ap.add_argument("--only", action="append", choices=EXTRACTORS, help="run only these extractors")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes per extractor; the fastest counts")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--per-page", action="store_true", help="print per-page F1 for every extractor")
    ap.add_argument("--json", help="also write the results to this JSON file")
    args = ap.parse_args(argv)
    data_dir = Path(args.data).resolve()
    if not (data_dir / "ground-truth.json").exists():
        print(f"extraction_eval: no ground-truth.json in {data_dir}", file=sys.stderr)
        return 2

    if args.child:
        json.dump(run_child(args.child, data_dir, args.repeat), sys.stdout)
        return 0

    results = []
    for name in args.only or EXTRACTORS:
        proc = subprocess.run(
            [sys.executable, __file__, str(data_dir), "--child", name, "--repeat", str(args.repeat)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if proc.returncode != 0:
            print(f"{name}: failed\n{proc.stderr[-2000:]}", file=sys.stderr)
            continue
        results.append(json.loads(proc.stdout))

    print(f"extraction-dev: {data_dir} ({results[0]['pages'] if results else 0} pages)")
    print(
        f"{'extractor':<12} {'precision':>9} {'recall':>7} {'F1':>7} {'pages/s':>8} {'peak RSS MiB':>13} {'RSS growth MiB':>15}"
    )
    for r in results:
        print(
            f"{r['name']:<12} {r['precision']:>9.4f} {r['recall']:>7.4f} {r['f1']:>7.4f} "
            f"{r['pages_per_s']:>8.1f} {r['peak_rss_mib']:>13.1f} {r['rss_growth_mib']:>15.1f}"
            + (f"  ({r['failures']} pages raised)" if r["failures"] else "")
        )
    if args.per_page and results:
        keys = sorted(results[0]["per_page"])
        print("\nper-page F1: " + " ".join(r["name"] for r in results))
        for key in keys:
            f1s = []
            for r in results:
                tp, fp, fn = r["per_page"][key]
                f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
            print(f"{key[:16]} " + " ".join(f"{f:.3f}" for f in f1s))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
