"""How often a run opens the warehouse, and how long `wirehouse demo` takes.

    python3 -m uv run python bench/warehouse_opens.py [--runs 2]

Runs the real `wirehouse demo` command in this process (fresh warehouse in a
temporary folder, then again on the same file) and counts every
`duckdb.connect` it makes (writer opens, snapshot readers, in-memory
connections). Wall time includes Prefect's start-up; compare runs made on the
same machine in one session.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

import duckdb


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()

    opens: list[tuple[str, bool]] = []
    real_connect = duckdb.connect

    def counting_connect(database=":memory:", read_only=False, config=None, **kw):
        opens.append((Path(str(database)).name, bool(read_only)))
        return real_connect(database, read_only=read_only, config=config or {}, **kw)

    duckdb.connect = counting_connect
    from prefect.testing.utilities import prefect_test_harness
    from typer.testing import CliRunner

    from flows.cli import app

    with tempfile.TemporaryDirectory() as tmp, prefect_test_harness(server_startup_timeout=60):
        db = Path(tmp) / "news.duckdb"
        for i in range(args.runs):
            opens.clear()
            t0 = time.perf_counter()
            res = CliRunner().invoke(app, ["demo", "--db", str(db), "--port", "0"])
            secs = time.perf_counter() - t0
            if res.exit_code != 0:
                raise SystemExit(f"demo failed: {res.output[-2000:]}")
            writer = sum(1 for name, ro in opens if name == db.name and not ro)
            other = len(opens) - writer
            print(
                f"run {i + 1} ({'fresh' if i == 0 else 'again'}): {secs:6.2f} s, "
                f"{len(opens)} duckdb.connect calls: {writer} writer opens of {db.name}, {other} other "
                f"({', '.join(sorted({n + (' ro' if ro else '') for n, ro in opens if n != db.name or ro}))})"
            )


if __name__ == "__main__":
    main()
