"""Start-up cost of a manual flow command: a temporary Prefect server per command vs `wirehouse server`.

    python3 -m uv run python bench/cli_startup.py [--runs 3]

Times `wirehouse maintain` on a small migrated warehouse (the flow itself takes
well under a second), in real processes, three ways in one run:

* `temporary`: no PREFECT_API_URL and no wirehouse server: each command starts
  its own Prefect server (what every manual command paid before `wirehouse server`);
* `wirehouse server`: the folder's persistent server is running; commands find it;
* `bare import`: `wirehouse --help`, the floor (Python and the CLI's imports).

Each uses its own PREFECT_HOME under a temporary folder; nothing else is touched.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIREHOUSE = str(Path(sys.executable).parent / "wirehouse")


def timed(args: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=4291)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from flows.commands.prefect_api import healthy
    from warehouse.session import Warehouse

    with tempfile.TemporaryDirectory(prefix="wirehouse-bench-") as tmp:
        db = Path(tmp) / "warehouse" / "news.duckdb"
        with Warehouse.open(db, job="bench", wait=0):
            pass
        env = dict(os.environ, PREFECT_HOME=str(Path(tmp) / "home"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
        env.pop("PREFECT_API_URL", None)
        maintain = [WIREHOUSE, "maintain", "--db", str(db)]
        results: dict[str, list[float]] = {"bare import": [], "temporary": [], "wirehouse server": []}
        for _ in range(args.runs):
            results["bare import"].append(timed([WIREHOUSE, "--help"], env))
            results["temporary"].append(timed(maintain, env))
        server = subprocess.Popen(
            [WIREHOUSE, "server", "--db", str(db), "--port", str(args.port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 180
            while not (db.parent / "prefect" / "server.json").exists() or not healthy(
                f"http://127.0.0.1:{args.port}/api"
            ):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("wirehouse server did not come up")
                time.sleep(0.2)
            for _ in range(args.runs):
                results["wirehouse server"].append(timed(maintain, env))
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"wirehouse maintain on an empty warehouse, {args.runs} runs each (seconds, wall clock)")
    print(f"{'mode':<18} {'median':>7} {'min':>7} {'max':>7}")
    for mode, times in results.items():
        print(f"{mode:<18} {statistics.median(times):7.2f} {min(times):7.2f} {max(times):7.2f}")
    ratio = statistics.median(results["temporary"]) / statistics.median(results["wirehouse server"])
    print(f"temporary / wirehouse server: {ratio:.1f}x")


if __name__ == "__main__":
    main()
