"""Scale-out benchmark (issue 13): ingest throughput with 1, 2 and 4 concurrent writers on a
DuckLake against one writer on the DuckDB file, same pages, same run; analyst query latency
while the writers run.

    python3 -m uv run --locked python bench/scale.py --pages 800 --writers 1,2,4

Serves N real pages (the extraction-dev set repeated, or tests/data/pages when absent) from
127.0.0.1 as summary-only items of 8 feeds (politeness off: delay 0, so fetching is not what
is measured). Each scenario ingests all N pages into a fresh warehouse, migrated beforehand
(untimed): the file backend with one `wirehouse ingest`; a DuckLake (its own PostgreSQL
database on 127.0.0.1, Parquet in a temporary folder) with W `wirehouse ingest --shard k/W`
processes started together. Throughput is N over the wall time from the first start to the
last exit (process start included). Meanwhile an analyst thread opens a reader session and
runs one aggregate query over and over: the latency of opening the session and of the query
are reported as median and 95th percentile. Every writer uses --workers 0 (extraction in its own process), so W writers
use up to W cores. The story count of each scenario is printed as a check: the same pages
must give the same stories however many writers load them.

The machine is shared: compare the numbers of one run, not absolute numbers across runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pipeline import feed_route, page_route, real_pages  # noqa: E402
from flows.demo.server import CorpusServer  # noqa: E402
from flows.sources import shard_of  # noqa: E402

WIREHOUSE = str(Path(sys.executable).parent / "wirehouse")
FEEDS = 8
PG = os.environ.get("WIREHOUSE_BENCH_PG", "host=127.0.0.1 port=5432 user=postgres")
QUERY = "SELECT source, count(*) AS copies, count(DISTINCT story_id) AS stories FROM articles GROUP BY ALL"


def feed_names(n: int) -> list[str]:
    """n source names that split evenly over 2 and over 4 shards (shard_of: a hash of the name)."""
    names: list[str] = []
    need = {(a, b): n // 4 for a in (1, 2) for b in (1, 2, 3, 4)}
    i = 0
    while len(names) < n:
        name = f"wire-{i}"
        key = (shard_of(name, 2), shard_of(name, 4))
        if need.get(key, 0) > 0:
            need[key] -= 1
            names.append(name)
        i += 1
    return names


def serve(server: CorpusServer, pages: list[bytes], n: int, tmp: Path) -> Path:
    """Routes for n pages in FEEDS feeds; returns the sources file (politeness off)."""
    for i in range(n):
        server.route(f"/p/{i}.html", page_route(pages[i % len(pages)]))
    entries = []
    per = -(-n // FEEDS)
    for f, name in enumerate(feed_names(FEEDS)):
        path = f"/{name}.xml"
        server.route(path, feed_route("p", range(f * per, min(n, (f + 1) * per)), server.base_url))
        entries.append(
            f'[[sources]]\nname = "{name}"\nkind = "rss"\nurl = "{server.base_url}{path}"\n'
            "fetch_pages = true\nallow_private = true\ndelay = 0\nconcurrency = 8\nrespect_robots = false\n"
        )
    src = tmp / "sources.toml"
    src.write_text("\n".join(entries))
    return src


def psql(statement: str) -> None:
    subprocess.run(["psql", f"{PG} dbname=postgres", "-qc", statement], check=True, capture_output=True)


class Analyst(threading.Thread):
    """An analyst's sessions during the run: open a reader, run QUERY, close; latencies in s."""

    def __init__(self, db: str):
        super().__init__(daemon=True)
        self.db, self.stop, self.latencies, self.errors = db, threading.Event(), [], []

    def run(self) -> None:
        from warehouse.session import Warehouse

        while not self.stop.is_set():
            t = time.perf_counter()
            try:
                with Warehouse.open_reader(self.db) as wh:
                    opened = time.perf_counter()
                    wh.execute(QUERY).fetchall()
                    self.latencies.append((opened - t, time.perf_counter() - opened))
            except Exception as exc:  # counted and shown: a reader must never fail
                self.errors.append(str(exc).splitlines()[0][:120])
            time.sleep(0.2)

    def summary(self) -> str:
        if not self.latencies:
            return f"no query completed ({len(self.errors)} errors)"

        def stats(xs: list[float]) -> str:
            ms = sorted(x * 1000 for x in xs)
            return f"median {statistics.median(ms):.0f} ms, p95 {ms[min(len(ms) - 1, int(0.95 * len(ms)))]:.0f} ms"

        errors = f", {len(self.errors)} errors: {self.errors[0]}" if self.errors else ""
        return (
            f"analyst {len(self.latencies)} sessions: open {stats([o for o, _ in self.latencies])}; "
            f"query {stats([q for _, q in self.latencies])}{errors}"
        )


def scenario(label: str, db: str, writers: int, src: Path, env: dict, n: int) -> None:
    from warehouse.session import Warehouse

    Warehouse.open(db, job="migrate", migrate=True).close()  # the operator migrates first (untimed)
    analyst = Analyst(db)
    analyst.start()
    t = time.perf_counter()
    shard = [["--shard", f"{k}/{writers}"] if writers > 1 else [] for k in range(1, writers + 1)]
    procs = [
        subprocess.Popen(
            [WIREHOUSE, "ingest", "--sources", str(src), "--db", db, "--workers", "0", *s],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for s in shard
    ]
    outs = [p.communicate() for p in procs]
    secs = time.perf_counter() - t
    analyst.stop.set()
    analyst.join()
    for p, (out, err) in zip(procs, outs):
        if p.returncode != 0:
            raise SystemExit(f"{label}: a writer exited {p.returncode}:\n{err[-2000:]}{out[-500:]}")
    with Warehouse.open_reader(db) as wh:
        copies, stories = wh.execute("SELECT count(*), count(DISTINCT story_id) FROM articles").fetchone()
    print(
        f"{label:<22} {n / secs:7.1f} pages/s ({secs:6.1f} s) | {copies} copies, {stories} stories | "
        f"{analyst.summary()}",
        flush=True,
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=800)
    ap.add_argument("--writers", default="1,2,4", help="comma-separated DuckLake writer counts")
    a = ap.parse_args()
    from prefect.testing.utilities import prefect_test_harness

    pages = real_pages()
    env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_LOGGING_LEVEL="WARNING")
    env["PYTHONPATH"] = str(ROOT)
    with tempfile.TemporaryDirectory() as d, prefect_test_harness(server_startup_timeout=300):
        from prefect.settings import PREFECT_API_URL

        env["PREFECT_API_URL"] = PREFECT_API_URL.value()
        tmp = Path(d)
        print(
            f"pages: {a.pages} ({len(pages)} distinct real pages, repeated) in {FEEDS} feeds; cores: {os.cpu_count()}"
        )
        with CorpusServer(tmp) as server:
            src = serve(server, pages, a.pages, tmp)
            scenario("file, 1 writer", str(tmp / "news.duckdb"), 1, src, env, a.pages)
            for w in [int(x) for x in a.writers.split(",")]:
                name = f"wh_bench_{uuid.uuid4().hex[:10]}"
                psql(f"CREATE DATABASE {name}")
                os.environ["WIREHOUSE_DATA_PATH"] = env["WIREHOUSE_DATA_PATH"] = str(tmp / f"lake{w}")
                try:
                    db = f"ducklake:postgres:dbname={name} {PG}"
                    scenario(f"ducklake, {w} writer{'s' if w > 1 else ''}", db, w, src, env, a.pages)
                finally:
                    psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


if __name__ == "__main__":
    main()
