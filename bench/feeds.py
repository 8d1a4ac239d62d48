"""Thousands of feeds (issue 15): full runs, nothing-due runs, requests per second.

    python3 -m uv run --locked python bench/feeds.py --feeds 2000,10000 --items 2

For each N, a farm of N generated feeds on four loopback hosts (tests/feeds_support.py:
items a day apart, so every feed is quiet and, once polled, not due for hours; each item
its own story but for a tenth that are wire copies carried by 10 feeds each, as real feeds
are: `--text template` gives the older workload where every item is a near-copy of every
other, so the run's items all end in one event whose row lists every feed) and a
fresh warehouse, then three real `wirehouse ingest` subprocesses, each timed with its
peak RSS:

* full: the first scheduled run (every feed due), N feed requests and N x items articles;
* nothing due: the scheduled command right after it (no feed is due: it reads the due
  times, prints one line and ends before Prefect starts), and its time as a share of the
  full run's (goal: under 10 %); then the same as a served deployment runs it: the ingest
  flow called in this (warm) process, its wall time and its own time from the `runs` row;
* --all: every feed polled again (all 304), feed requests per second of the whole run.

It also prints how many lines the full run's summary took (goal: fits a terminal), and the
flow's own time from the `runs` row (started_at to finished_at: without the process start,
the Prefect flow-run set-up and the snapshot publish, which are the same for every run).
The machine is shared: compare within one run, not across runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pipeline import PEAK_RSS_CHILD, WIREHOUSE  # noqa: E402
from tests.feeds_support import FeedFarm, Spec  # noqa: E402


def run_measured(args: list[str], env: dict) -> tuple[float, float, str]:
    """A wirehouse command in a child reporting its own peak RSS: (seconds, MiB, stdout)."""
    import subprocess
    import time

    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", PEAK_RSS_CHILD, *args], env=env, capture_output=True, text=True
    )
    secs = time.perf_counter() - t
    if proc.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(args[:2])} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    kib = int(proc.stderr.rsplit("PEAK_RSS_KIB", 1)[1].split()[0])
    return secs, kib / 1024, proc.stdout


def flow_seconds(db: Path) -> float:
    """started_at -> finished_at of the warehouse's latest run."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute(
            "SELECT epoch(finished_at) - epoch(started_at) FROM runs ORDER BY started_at DESC LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    return float(row[0]) if row else float("nan")


def run_served(sources: Path, db: Path) -> tuple[float, float]:
    """The ingest flow called in this process (as `wirehouse serve` runs a scheduled run: no
    process start, Prefect already imported): (wall seconds, the flow's own seconds)."""
    import time

    from flows.ingest import ingest

    t = time.perf_counter()
    ingest(sources_file=str(sources), db=str(db))
    return time.perf_counter() - t, flow_seconds(db)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--feeds", default="2000,10000", help="comma-separated N")
    ap.add_argument("--items", type=int, default=2, help="items per feed")
    ap.add_argument("--hosts", type=int, default=4, help="loopback hosts 127.0.0.1..n")
    ap.add_argument(
        "--text",
        choices=("distinct", "template"),
        default="distinct",
        help="items' text: distinct stories with a tenth wire copies (default), or one template "
        "(every item a near-copy of the others: one event of them all; the bench before 2 December)",
    )
    a = ap.parse_args()
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")  # the served runs log in this process
    from prefect.testing.utilities import prefect_test_harness

    env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_LOGGING_LEVEL="WARNING")
    env["PYTHONPATH"] = str(ROOT)
    print(f"cores: {os.cpu_count()}; items per feed: {a.items}; hosts: {a.hosts}; text: {a.text}")
    with tempfile.TemporaryDirectory() as d, prefect_test_harness(server_startup_timeout=600):
        from prefect.settings import PREFECT_API_URL

        env["PREFECT_API_URL"] = str(PREFECT_API_URL.value())
        tmp = Path(d)
        for n in [int(x) for x in a.feeds.split(",")]:
            specs = [Spec("quiet", items=a.items)] * n
            with FeedFarm(specs, hosts=a.hosts, shared_items=False, text=a.text) as farm:
                src = farm.sources_toml(tmp / f"s{n}.toml")
                db = tmp / f"n{n}.duckdb"
                base = [WIREHOUSE, "ingest", "--sources", str(src), "--db", str(db)]
                mark = len(farm.requests)
                full, full_rss, out = run_measured(base, env)
                full_flow = flow_seconds(db)
                fetched = len(farm.paths_since(mark))
                lines = len(out.splitlines())
                idle, idle_rss, idle_out = run_measured(base, env)
                assert idle_out.startswith("nothing due"), idle_out
                served, served_flow = run_served(src, db)
                mark = len(farm.requests)
                again, again_rss, _ = run_measured([*base, "--all"], env)
                polled = len(farm.paths_since(mark))
            print(
                f"N={n:>6}: full run {full:6.1f} s, peak RSS {full_rss:4.0f} MiB, {fetched} feed requests "
                f"({fetched / full:.0f}/s), {n * a.items} items; summary {lines} lines; flow {full_flow:.1f} s"
            )
            print(
                f"          nothing due: command {idle:5.1f} s ({100 * idle / full:.1f} % of full), "
                f"peak RSS {idle_rss:4.0f} MiB; served (flow called in a warm process) {served:.2f} s "
                f"({100 * served / full:.1f} %), in the flow {served_flow:.2f} s "
                f"({100 * served_flow / full_flow:.1f} % of the full run's)"
            )
            print(
                f"          --all (304s) {again:5.1f} s, peak RSS {again_rss:4.0f} MiB, "
                f"{polled} feed requests ({polled / again:.0f}/s of the whole run)"
            )
            sys.stdout.flush()


if __name__ == "__main__":
    main()
