"""What a DuckDB checkpoint costs a session that keeps appending (issue 12, peak RSS by N).

    python3 -m uv run --locked python bench/checkpoints.py [--rows 60000]

Plain DuckDB, no wirehouse code but its ROW_GROUP_SIZE: a table shaped like `articles` (a key,
a title, a ~5 KB body) gets 200 rows a transaction, as a streaming run's chunks do, and every
commit that checkpoints (the WAL past DuckDB's 16 MiB) is printed with its time and the RSS it
added (sampled every 0.5 ms). Run twice: DuckDB's default row groups (122,880 rows), then the
writer's (`warehouse.backend.ROW_GROUP_SIZE`, attached as the writer attaches its file). With
the default, a session rewrites its growing row group whole at every checkpoint, so the cost
grows with the rows it appended; with bounded row groups it is a sawtooth. Compare within one
run: the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import random
import string
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from warehouse.backend import ROW_GROUP_SIZE, wal_path

CHUNK = 200
_PAGE = os.sysconf("SC_PAGE_SIZE")


def _rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * _PAGE / 2**20


class PeakSampler:
    """The highest RSS seen since `reset`, sampled on a thread every 0.5 ms."""

    def __init__(self) -> None:
        self.peak = 0.0
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            self.peak = max(self.peak, _rss_mib())
            time.sleep(0.0005)

    def reset(self) -> None:
        self.peak = 0.0


def session(rows: int, row_group_size: int | None, sampler: PeakSampler) -> None:
    rng = random.Random(1)
    words = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 9))) for _ in range(20_000)]
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "t.duckdb"
        con = duckdb.connect(":memory:", config={"threads": 1})
        option = f" (ROW_GROUP_SIZE {row_group_size})" if row_group_size else ""
        con.execute(f"ATTACH '{path}' AS t{option}")
        con.execute("USE t")
        con.execute("CREATE TABLE a (id VARCHAR PRIMARY KEY, title VARCHAR, body VARCHAR)")
        label = f"row groups of {row_group_size:,}" if row_group_size else "DuckDB's default row groups"
        print(f"{label}:", flush=True)
        wal = wal_path(path)
        start = time.perf_counter()
        for done in range(CHUNK, rows + 1, CHUNK):
            bodies = [" ".join(rng.choices(words, k=800)) for _ in range(CHUNK)]
            batch = pa.table(
                {
                    "id": [f"id-{done - CHUNK + i:08d}" for i in range(CHUNK)],
                    "title": [b[:60] for b in bodies],
                    "body": bodies,
                }
            )
            con.begin()
            con.register("batch", batch)
            con.execute("INSERT INTO a SELECT * FROM batch")
            con.unregister("batch")
            before = _rss_mib()
            sampler.reset()
            t = time.perf_counter()
            con.commit()
            took = time.perf_counter() - t
            if not wal.exists() or wal.stat().st_size == 0:  # this commit checkpointed
                print(
                    f"  {done:>7,} rows: checkpoint in the commit {took:.2f} s, "
                    f"+{max(0.0, sampler.peak - before):.0f} MiB (RSS {_rss_mib():.0f} MiB)",
                    flush=True,
                )
        con.close()
        print(f"  {rows:,} rows in {time.perf_counter() - start:.1f} s", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=60_000)
    a = ap.parse_args()
    sampler = PeakSampler()
    for size in (None, ROW_GROUP_SIZE):
        session(a.rows, size, sampler)


if __name__ == "__main__":
    main()
