"""`wirehouse search` on a DuckLake: the first search (builds the local index cache), repeated
searches (reuse it), and what every search cost before the cache (an in-memory index built at
each search, measured here as a search with the cache file removed first).

    python3 -m uv run --locked python bench/lake_search.py [--articles 55,3000] [--repeat 5]

For each N: a new PostgreSQL database on WIREHOUSE_TEST_PG (default host=127.0.0.1 user=postgres),
N synthetic articles (distinct ~150-word bodies from a 2,000-word vocabulary, one chunk per 500)
loaded through the Warehouse, then reader sessions as an analyst opens them. Times are wall
seconds of `Warehouse.search` alone (the reader session is open); the database is dropped at the
end. Compare numbers from one run: the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path

from tests.warehouse_support import NOW, article, batch
from warehouse.search import search_cache_path
from warehouse.session import Warehouse

PG = os.environ.get("WIREHOUSE_TEST_PG", "host=127.0.0.1 port=5432 user=postgres")


def psql(statement: str) -> None:
    subprocess.run(["psql", f"{PG} dbname=postgres", "-q", "-c", statement], check=True)


def fill(db: str, n: int) -> None:
    rng = random.Random(n)
    words = [f"w{i}" for i in range(2000)] + ["monsoon", "port", "rain", "court", "bridge"]
    with Warehouse.open(db, job="bench", wait=0) as wh:
        for start in range(0, n, 500):
            arts = [
                replace(
                    article(i, story=f"st_{i}", title=f"Report {i} " + " ".join(rng.sample(words, 4))),
                    body=" ".join(rng.choice(words) for _ in range(150)) + ".",
                    published_at=NOW,
                    content_hash=f"h{i}",
                )
                for i in range(start, min(start + 500, n))
            ]
            wh.load_chunk(batch(f"r{start}", arts))


def timed(db: str, query: str) -> float:
    with Warehouse.open_reader(db) as wh:
        t0 = time.perf_counter()
        _, rows = wh.search(query)
        took = time.perf_counter() - t0
    assert rows, f"no hits for {query!r}"
    return took


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", default="55,3000")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    os.environ.setdefault("WIREHOUSE_CACHE_DIR", tempfile.mkdtemp(prefix="wirehouse-cache-"))
    print(f"load: {os.getloadavg()[0]:.1f}")
    for n in (int(x) for x in args.articles.split(",")):
        name = f"wh_bench_{uuid.uuid4().hex[:10]}"
        psql(f"CREATE DATABASE {name}")
        data = Path(tempfile.mkdtemp(prefix="lake-")) / "lake"
        os.environ["WIREHOUSE_DATA_PATH"] = str(data)
        db = f"ducklake:postgres:dbname={name} {PG}"
        try:
            t0 = time.perf_counter()
            fill(db, n)
            print(f"{n} articles loaded in {time.perf_counter() - t0:.1f} s")
            cache = search_cache_path(db)
            uncached = []
            for _ in range(args.repeat):  # before the cache: the index built at every search
                cache.unlink(missing_ok=True)
                uncached.append(timed(db, "monsoon port"))
            cache.unlink(missing_ok=True)
            first = timed(db, "monsoon port")
            repeated = [timed(db, q) for q in ("monsoon port", "rain court", "bridge") * args.repeat]
            print(
                f"N={n}: index built per search (median of {args.repeat}) {statistics.median(uncached):.3f} s; "
                f"first search (builds the cache) {first:.3f} s; repeated search median "
                f"{statistics.median(repeated):.3f} s, max {max(repeated):.3f} s "
                f"({len(repeated)} searches); cache file {cache.stat().st_size / 1e6:.1f} MB; "
                f"load {os.getloadavg()[0]:.1f}"
            )
        finally:
            psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


if __name__ == "__main__":
    main()
