"""Our process pool (flows/pipeline.py CpuPool) against prefect-dask's DaskTaskRunner (issue 12).

    python3 -m uv run --locked --group bench python bench/runners.py --pages 400 --rounds 2

The same N real pages (the extraction-dev set repeated), in chunks of --chunk-size, built
(extract + clean + assemble, `flows.pipeline.build_slice`) three ways inside Prefect flow runs,
alternating in one run so the shared machine's load falls on each alike:
* `alone`: one process, no pool (the one-core baseline);
* `pool`:  the ingest path: one `build-chunk` task per chunk, CpuPool (forkserver) slices;
* `dask`:  a DaskTaskRunner on a LocalCluster of processes (one thread each, one per core), one
  Prefect task per slice (two slices per worker per chunk, as the pool does), never per article.
Each flow run's wall time includes its start-up (pool or cluster); `steady` leaves out the first
chunk. Results are checked equal across runners.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pipeline import real_pages  # noqa: E402
from flows.pipeline import CpuPool, Work, build_slice, default_workers  # noqa: E402
from transforms.assemble import SourceHints  # noqa: E402
from transforms.records import FeedItem  # noqa: E402


def works(pages: list[bytes], n: int) -> list[Work]:
    hints = SourceHints("bench", fetch_pages=True)
    when = datetime(2025, 7, 1, 6, 0, tzinfo=UTC)
    out = []
    for i in range(n):
        url = f"https://bench.example/{i}.html"
        item = FeedItem("bench", url, url, f"Bench item {i}", "A teaser.", None, when)
        out.append(
            Work(item, hints, html=pages[i % len(pages)], url=url, content_type="text/html", fetched_at=when)
        )
    return out


def chunked(ws: list[Work], size: int) -> list[list[Work]]:
    return [ws[i : i + size] for i in range(0, len(ws), size)]


def slices(ws: list[Work], workers: int) -> list[list[Work]]:
    n = workers * 2
    size = -(-len(ws) // n)
    return [ws[i : i + size] for i in range(0, len(ws), size)]


def run_all(chunks: list[list[Work]], workers: int, rounds: int) -> None:
    from prefect import flow, task
    from prefect.cache_policies import NO_CACHE
    from prefect_dask import DaskTaskRunner

    @task(name="build-chunk", cache_policy=NO_CACHE)
    def build_chunk(ws: list[Work], pool: CpuPool):
        return pool.build(ws)

    @task(name="build-slice", cache_policy=NO_CACHE)
    def build_slice_task(ws: list[Work]):
        return build_slice(ws)

    def timed_chunks(build) -> tuple[list, list[float]]:
        out, times = [], []
        for c in chunks:
            t = time.perf_counter()
            out.append(build(c))
            times.append(time.perf_counter() - t)
        return out, times

    @flow(name="bench-alone")
    def alone():
        return timed_chunks(build_slice)

    @flow(name="bench-pool")
    def pooled():
        with CpuPool(workers) as pool:
            return timed_chunks(lambda c: build_chunk(c, pool))

    runner = DaskTaskRunner(
        cluster_kwargs={
            "n_workers": workers,
            "threads_per_worker": 1,
            "processes": True,
            "dashboard_address": None,
            "silence_logs": logging.WARNING,
        }
    )

    @flow(name="bench-dask", task_runner=runner)
    def dasked():
        def build(c):
            futures = build_slice_task.map(slices(c, workers))
            return [a for f in futures for a in f.result()]

        return timed_chunks(build)

    n = sum(len(c) for c in chunks)
    reference = None
    results: dict[str, list[tuple[float, float]]] = {"alone": [], "pool": [], "dask": []}
    for r in range(rounds):
        for name, fn in (("alone", alone), ("pool", pooled), ("dask", dasked)):
            t = time.perf_counter()
            built, times = fn()
            wall = time.perf_counter() - t
            flat = [a if isinstance(a, str) else a.content_hash for part in built for a in part]
            if reference is None:
                reference = flat
            assert flat == reference, f"{name}: results differ from the first runner's"
            steady = sum(len(c) for c in chunks[1:]) / max(sum(times[1:]), 1e-9)
            results[name].append((n / wall, steady))
            print(
                f"round {r + 1} {name:5}: {n / wall:6.1f} pages/s with start-up ({wall:.1f} s), "
                f"{steady:6.1f} pages/s after the first chunk; load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
    base = [w for w, _ in results["alone"]]
    print("mean over rounds (ratio to alone in the same rounds):")
    for name, vals in results.items():
        w = sum(v for v, _ in vals) / len(vals)
        s = sum(v for _, v in vals) / len(vals)
        print(f"  {name:5}: {w:6.1f} pages/s ({w / (sum(base) / len(base)):.2f}x), steady {s:6.1f} pages/s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--chunk-size", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--workers", type=int, default=default_workers())
    a = ap.parse_args()
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    logging.getLogger("distributed").setLevel(logging.WARNING)
    from prefect.testing.utilities import prefect_test_harness

    pages = real_pages()
    chunks = chunked(works(pages, a.pages), a.chunk_size)
    print(
        f"{a.pages} pages ({len(pages)} distinct real pages), chunks of {a.chunk_size}, {a.workers} workers"
    )
    with prefect_test_harness(server_startup_timeout=120):
        run_all(chunks, a.workers, a.rounds)


if __name__ == "__main__":
    main()
