"""Events through the warehouse (issue 14): `Warehouse.assign_events` on a large file warehouse.

    .venv/bin/python bench/events_warehouse.py --stored 1000000 --days 365 --new 10000
    .venv/bin/python bench/events_warehouse.py --stored 100000 --days 36 --new 10000

Unlike `bench/events.py --scale` (the pure method on memory-mapped arrays), this times the
real event step: the pending stories read with their bodies, the stored document frequencies
(all 2^18 buckets filled, the worst case), the window of stored vectors read from DuckDB, the
assignment, and the writes (vectors, stories.event_id, document frequencies, events rows), in
batches of 5,000, one transaction each. What is synthetic: the stored history (one-copy stories
in events of three, evenly over --days days, random unit vectors: made in bulk by
bench/events_fill.sql) and the --new stories (130 words from the labelled set's vocabulary,
published over the last day). The step runs in a fresh process so its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.events import synthetic_texts  # noqa: E402
from transforms.events import FeatureConfig  # noqa: E402
from transforms.events.features import IDF_BUCKETS  # noqa: E402
from warehouse.db import registered  # noqa: E402
from warehouse.events import DEFAULT_METHOD  # noqa: E402
from warehouse.session import Warehouse  # noqa: E402

NOW = datetime(2026, 12, 1, tzinfo=UTC)


def run(con, part: str, params: dict) -> None:
    """Run one `-- @part` of bench/events_fill.sql, statement by statement."""
    text = (ROOT / "bench" / "events_fill.sql").read_text().split(f"-- @{part}")[1].split("-- @")[0]
    text = text.split("\n", 1)[1]  # the rest of the `-- @part` line
    for statement in text.split(";"):
        body = "\n".join(line for line in statement.splitlines() if not line.startswith("--"))
        if body.strip():
            names = [k for k in params if f"${k}" in body]
            con.execute(body, {k: params[k] for k in names} if names else None)


def fill(db: Path, stored: int, days: int, new: int) -> None:
    rng = np.random.default_rng(7)
    texts = synthetic_texts(new, rng)
    at = [NOW + timedelta(seconds=int(s)) for s in np.sort(rng.integers(0, 86400, new))]
    new_texts = pa.table(
        {
            "i": pa.array(np.arange(new), pa.int64()),
            "title": [t for t, _ in texts],
            "body": [b for _, b in texts],
            "published": pa.array(at, pa.timestamp("us", tz="UTC")),
        }
    )
    dim = FeatureConfig().dim
    with Warehouse.open(db, job="bench") as wh:
        con = wh.con
        assert con is not None
        params = {"n": stored, "days": days, "now": NOW, "method": DEFAULT_METHOD.version}
        with registered(con, new_texts=new_texts), wh.transaction():  # one now(): stories and copies
            run(con, "history", params)
        for s in range(0, stored, 100_000):
            e = min(stored, s + 100_000)
            block = rng.standard_normal((e - s, dim), dtype=np.float32)
            block /= np.linalg.norm(block, axis=1, keepdims=True)
            vectors = pa.table(
                {
                    "story_id": [f"st-old-{i}" for i in range(s, e)],
                    "vector": pa.array([v.tobytes() for v in block.astype("<f2")], pa.binary()),
                }
            )
            with registered(con, bench_vectors=vectors):
                run(con, "vectors", params)
        freq = pa.table(
            {
                "bucket": pa.array(np.arange(IDF_BUCKETS), pa.int32()),
                "df": pa.array(rng.integers(1, max(2, stored // 50), IDF_BUCKETS), pa.int64()),
            }
        )
        with registered(con, bench_freq=freq):
            run(con, "state", params)
        wh.checkpoint()


def peak_rss_mib() -> int:
    """This process's peak RSS (VmHWM). Not getrusage's ru_maxrss: Linux keeps that across execve,
    so a child started by the process that built the warehouse would report the builder's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def assign_step(db: Path) -> None:
    """The measured part, in its own process: one Warehouse session, `assign_events`."""
    t0 = time.perf_counter()
    with Warehouse.open(db, job="bench") as wh:
        t1 = time.perf_counter()
        done = wh.assign_events()
        t2 = time.perf_counter()
        (events,) = wh.execute("SELECT count(*) FROM events").fetchone() or (0,)
    print(
        json.dumps(
            {
                "open_s": round(t1 - t0, 2),
                "assign_s": round(t2 - t1, 1),
                "stories": done.stories,
                "founded": done.founded,
                "batches": done.batches,
                "events": events,
                "peak_rss_mib": peak_rss_mib(),
            }
        )
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stored", type=int, default=1_000_000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--new", type=int, default=10_000)
    ap.add_argument("--keep", type=Path, help="build the warehouse here and keep it (a copy is assigned)")
    ap.add_argument("--assign", type=Path, help=argparse.SUPPRESS)  # the child process
    args = ap.parse_args()
    if args.assign:
        assign_step(args.assign)
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "events.duckdb"
        t0 = time.perf_counter()
        if args.keep and args.keep.exists():
            shutil.copyfile(args.keep, db)
        else:
            fill(db, args.stored, args.days, args.new)
            if args.keep:
                shutil.copyfile(db, args.keep)
        size = db.stat().st_size / 2**20
        print(
            f"history: {args.stored:,} stored stories over {args.days} days "
            f"({args.stored / args.days:,.0f}/day) + {args.new:,} new; {size:,.0f} MiB, "
            f"made in {time.perf_counter() - t0:.0f}s"
        )
        out = subprocess.run(
            [sys.executable, __file__, "--assign", str(db)], capture_output=True, text=True, check=True
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"assign_events: {r['stories']:,} stories in {r['batches']} batches, {r['assign_s']} s "
            f"(writer open {r['open_s']} s); {r['founded']:,} founded an event; "
            f"{r['events']:,} events in all; peak RSS of the process {r['peak_rss_mib']} MiB"
        )


if __name__ == "__main__":
    main()
