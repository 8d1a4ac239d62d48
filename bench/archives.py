"""Archive readers: records/s and peak RSS reading a generated CC-NEWS-like WARC of N pages.

    python3 -m uv run --group bench python bench/archives.py [--pages 2000 20000] [--words 1500]

For each N, writes a gzip-per-record WARC (warcinfo, then per page a request,
a response with ~10 KB of HTML and a metadata record: 3N+1 records) with
warcio, then reads it in a fresh process each time (so peak RSS is that
reader's alone): `read_warc` from the file, `read_warc` over HTTP from a
127.0.0.1 server (streamed, never the whole file in memory), and, when
fastwarc is installed (bench group), fastwarc's own iterator on the same file
as the speed reference. RSS must stay flat from N=2,000 to N=20,000.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def peak_rss_mib() -> float:
    """This process's peak RSS (VmHWM: reset by exec, unlike ru_maxrss, which keeps the parent's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read(location: str, reader: str) -> dict:
    """Runs in the child process: read everything, report counts, time and RSS."""
    if reader == "fastwarc":
        from fastwarc.warc import ArchiveIterator, WarcRecordType

        base = peak_rss_mib()
        started = time.perf_counter()
        records = pages = 0
        for rec in ArchiveIterator(location, record_types=WarcRecordType.any_type):
            records += 1
            if rec.record_type == WarcRecordType.response and rec.http_headers.status_code == 200:
                rec.http_headers.get("Content-Type")
                rec.reader.read()
                pages += 1
    else:
        from flows.archives.warc import read_warc

        base = peak_rss_mib()
        started = time.perf_counter()
        records = pages = 0
        for rec in read_warc(location, source="bench", allow_private=True):
            records += 1
            pages += rec.ok
    seconds = time.perf_counter() - started
    return {
        "records": records,
        "pages": pages,
        "seconds": seconds,
        "rss_before_mib": round(base, 1),
        "peak_rss_mib": round(peak_rss_mib(), 1),
    }


def child(location: str, reader: str) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", location, "--reader", reader],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def file_route(path: Path):
    """Stream a file in 64 KiB pieces (the server holds no copy of it)."""

    def handler(h) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/warc")
        h.send_header("Content-Length", str(path.stat().st_size))
        h.end_headers()
        with path.open("rb") as fh:
            shutil.copyfileobj(fh, h.wfile, 64 * 1024)

    return handler


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("--words", type=int, default=1500, help="words per page (1500 ≈ 10 KB of HTML)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--reader", default="warcio", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(read(args.child, args.reader)))
        return

    from flows.demo.server import CorpusServer
    from tests.archives_support import news_warc

    try:
        import fastwarc  # noqa: F401

        readers = ["warcio", "fastwarc"]
    except ImportError:
        readers = ["warcio"]
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for n in args.pages:
            path = Path(tmp) / f"news-{n}.warc.gz"
            t = time.perf_counter()
            news_warc(path, n, words=args.words)
            size = path.stat().st_size
            print(
                f"N={n:,} pages: wrote {size / 2**20:.1f} MiB in {time.perf_counter() - t:.1f}s", flush=True
            )
            with CorpusServer(Path(tmp), routes={"/cc.warc.gz": file_route(path)}) as srv:
                runs = [
                    ("read_warc (file)", str(path), "warcio"),
                    ("read_warc (http)", f"{srv.base_url}/cc.warc.gz", "warcio"),
                ]
                if "fastwarc" in readers:
                    runs.append(("fastwarc iterator (file)", str(path), "fastwarc"))
                for label, location, reader in runs:
                    r = child(location, reader)
                    rows.append((n, label, r))
                    print(
                        f"  {label:26} {r['records']:>7,} records ({r['pages']:,} pages) in {r['seconds']:.2f}s:"
                        f" {r['records'] / r['seconds']:>8,.0f} records/s {r['pages'] / r['seconds']:>7,.0f} pages/s;"
                        f" peak RSS {r['peak_rss_mib']:.1f} MiB (after imports {r['rss_before_mib']:.1f})",
                        flush=True,
                    )
            os.unlink(path)
        if len(args.pages) >= 2:
            lo, hi = min(args.pages), max(args.pages)
            for label in dict.fromkeys(label for _, label, _ in rows):
                a = next(r for n, lab, r in rows if n == lo and lab == label)
                b = next(r for n, lab, r in rows if n == hi and lab == label)
                print(f"{label}: peak RSS N={hi:,} / N={lo:,} = {b['peak_rss_mib'] / a['peak_rss_mib']:.2f}")


if __name__ == "__main__":
    main()
