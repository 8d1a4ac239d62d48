"""End-to-end pipeline benchmark (issue 12): streaming ingest and backfill vs extraction alone.

    python3 -m uv run --locked python bench/pipeline.py --pages 2000,20000 --stored 100000

Serves N real pages (the extraction-dev set repeated, or tests/data/pages when absent) from
127.0.0.1 as summary-only feed items and as a WARC file, and prints in one run:
* extraction alone on the same pages in one process (pages/s), measured right before and right
  after each end-to-end run (the shared machine's load drifts over a long run: each ratio is to
  the mean of the two measurements around it);
* `wirehouse ingest` end to end (a real subprocess: fetch, extract + clean on every core,
  dedup, load in chunks), pages/s, its ratio to extraction alone, its peak RSS;
* `wirehouse backfill` of the WARC file, the same;
* (--backfill-pages: the N that also get the WARC backfill; default all)
* an incremental ingest of 100 new items against a warehouse holding --stored articles
  (inserted in bulk by bench/pipeline_fill.sql, sketched by one untimed run) as a ratio to the
  same run on an empty warehouse.
The machine is shared: compare the ratios of one run, not absolute numbers across runs.
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.demo.server import CorpusServer  # noqa: E402

SHARED = ROOT.parent / "shared" / "extraction-dev" / "html"
WIREHOUSE = str(Path(sys.executable).parent / "wirehouse")
PER_FEED = 500


def real_pages() -> list[bytes]:
    if SHARED.is_dir():
        return [gzip.decompress(p.read_bytes()) for p in sorted(SHARED.glob("*.html.gz"))]
    return [p.read_bytes() for p in sorted((ROOT / "tests" / "data" / "pages").glob("*.html"))]


def page_route(data: bytes):
    return _typed(data, "text/html; charset=utf-8")


def feed_route(prefix: str, ids: range, base: str):
    items = "".join(
        f"<item><title>Bench item {i}</title><link>{base}/{prefix}/{i}.html</link>"
        f"<guid>{base}/{prefix}/{i}.html</guid><pubDate>Tue, 01 Jul 2025 06:00:00 +0000</pubDate>"
        f"<description>Bench item {i}, a teaser.</description></item>"
        for i in ids
    )
    data = (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>b</title>{items}</channel></rss>".encode()
    )
    return _typed(data, "application/rss+xml")


def _typed(data: bytes, ctype: str):
    def handler(h) -> None:
        h.send_response(200)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    return handler


def serve(server: CorpusServer, pages: list[bytes], prefix: str, n: int, tmp: Path) -> Path:
    """Routes for n pages and their feeds; returns the sources file."""
    for i in range(n):
        server.route(f"/{prefix}/{i}.html", page_route(pages[i % len(pages)]))
    entries = []
    for f, lo in enumerate(range(0, n, PER_FEED)):
        path = f"/{prefix}-feed-{f}.xml"
        server.route(path, feed_route(prefix, range(lo, min(n, lo + PER_FEED)), server.base_url))
        entries.append(
            f'[[sources]]\nname = "{prefix}-{f}"\nkind = "rss"\nurl = "{server.base_url}{path}"\n'
            "fetch_pages = true\nallow_private = true\n"
        )
    src = tmp / f"{prefix}.toml"
    src.write_text("\n".join(entries))
    return src


def run_measured(args: list[str], env: dict) -> tuple[float, float]:
    """Run a wirehouse command in a child that reports its own peak RSS (MiB); returns (seconds, MiB).
    The largest of its descendants that ended (a pool worker) is printed too."""
    code = (
        "import resource, sys, runpy; sys.argv = sys.argv[1:];\n"
        "try:\n    runpy.run_path(sys.argv[0], run_name='__main__')\n"
        "except SystemExit as e:\n    code = e.code\nelse:\n    code = 0\n"
        "print('PEAK_RSS_KIB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
        "print('WORKER_RSS_KIB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(code or 0)\n"
    )
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True)
    secs = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args[:2])} failed:\n{proc.stderr[-2000:]}")
    kib = int(proc.stderr.rsplit("PEAK_RSS_KIB", 1)[1].split()[0])
    worker = int(proc.stderr.rsplit("WORKER_RSS_KIB", 1)[1].split()[0])
    print(f"  ({args[1]}: largest child process peak RSS {worker / 1024:.0f} MiB)", flush=True)
    return secs, kib / 1024


def extraction_alone(pages: list[bytes], n: int) -> float:
    from transforms.extract import extract

    t = time.perf_counter()
    for i in range(n):
        extract(pages[i % len(pages)], url=f"http://x/{i}.html", content_type="text/html")
    return n / (time.perf_counter() - t)


def write_warc(path: Path, pages: list[bytes], n: int) -> None:
    from tests.archives_support import write_warc as _write

    _write(
        path, ({"url": f"https://archive.example/{i}.html", "body": pages[i % len(pages)]} for i in range(n))
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", default="2000,20000", help="comma-separated N")
    ap.add_argument(
        "--backfill-pages", default=None, help="the N that also get the WARC backfill (default all)"
    )
    ap.add_argument("--stored", type=int, default=100_000)
    ap.add_argument("--chunk-size", default="200")
    ap.add_argument("--extract-sample", type=int, default=300, help="pages timed for extraction alone")
    a = ap.parse_args()
    from prefect.testing.utilities import prefect_test_harness

    pages = real_pages()
    sizes = [int(x) for x in a.pages.split(",")]
    backfilled = sizes if a.backfill_pages is None else [int(x) for x in a.backfill_pages.split(",") if x]
    env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_LOGGING_LEVEL="WARNING")
    env["PYTHONPATH"] = str(ROOT)
    with tempfile.TemporaryDirectory() as d, prefect_test_harness(server_startup_timeout=120):
        from prefect.settings import PREFECT_API_URL

        env["PREFECT_API_URL"] = PREFECT_API_URL.value()
        tmp = Path(d)
        print(f"pages: {len(pages)} distinct real pages, repeated; cores: {os.cpu_count()}", flush=True)

        def compared(label: str, n: int, args: list[str]) -> None:
            before = extraction_alone(pages, a.extract_sample)
            secs, rss = run_measured(args, env)
            after = extraction_alone(pages, a.extract_sample)
            alone = (before + after) / 2
            print(
                f"{label} N={n}: {n / secs:.1f} pages/s end to end ({secs:.1f} s incl. process start), "
                f"extraction alone {before:.1f} before / {after:.1f} after, ratio {n / secs / alone:.2f}, "
                f"peak RSS {rss:.0f} MiB; load {os.getloadavg()[0]:.1f}",
                flush=True,
            )

        with CorpusServer(tmp) as server:
            incremental(server, pages, tmp, env, a.stored, a.chunk_size)  # first: short
            for n in sizes:
                src = serve(server, pages, f"n{n}", n, tmp)
                db = str(tmp / f"i{n}.duckdb")
                compared(
                    "ingest  ",
                    n,
                    [WIREHOUSE, "ingest", "--sources", str(src), "--db", db, "--chunk-size", a.chunk_size],
                )
                if n not in backfilled:
                    continue
                warc = tmp / f"w{n}.warc.gz"
                write_warc(warc, pages, n)
                (tmp / f"w{n}.toml").write_text(
                    f'[[sources]]\nname = "w{n}"\nkind = "warc"\npath = "{warc}"\n'
                )
                compared(
                    "backfill",
                    n,
                    [
                        WIREHOUSE,
                        "backfill",
                        "--sources",
                        str(tmp / f"w{n}.toml"),
                        "--db",
                        str(tmp / f"b{n}.duckdb"),
                        "--chunk-size",
                        a.chunk_size,
                    ],
                )


def incremental(server, pages, tmp: Path, env: dict, stored: int, chunk: str) -> None:
    from warehouse.session import Warehouse

    times = {}
    for label, n_stored in (("empty", 0), ("large", stored)):
        db = tmp / f"inc-{label}.duckdb"
        with Warehouse.open(db, job="bench", migrate=True) as wh:
            if n_stored:
                for statement in (ROOT / "bench" / "pipeline_fill.sql").read_text().split(";"):
                    if statement.strip().strip("-").strip() and "INSERT" in statement:
                        wh.execute(statement, {"n": n_stored})
        warm = serve(server, pages, f"warm-{label}", 5, tmp)  # sketches the stored copies (untimed)
        run_measured([WIREHOUSE, "ingest", "--sources", str(warm), "--db", str(db)], env)
        src = serve(server, pages, f"inc-{label}", 100, tmp)
        times[label], _ = run_measured(
            [WIREHOUSE, "ingest", "--sources", str(src), "--db", str(db), "--chunk-size", chunk], env
        )
    print(
        f"incremental run of 100 new items: {times['empty']:.1f} s on an empty warehouse, "
        f"{times['large']:.1f} s with {stored:,} stored articles: ratio {times['large'] / times['empty']:.2f}"
    )


if __name__ == "__main__":
    main()
