"""End-to-end pipeline benchmark (issue 12): streaming ingest and backfill vs extraction alone.

    python3 -m uv run --locked python bench/pipeline.py --pages 2000,20000 --stored 100000

Serves N real pages (the extraction-dev set repeated, or tests/data/pages when absent) from
127.0.0.1 as summary-only feed items and as a WARC file, and prints in one run:
* extraction alone on the same pages in one process (pages/s), measured right before and right
  after each end-to-end run (the shared machine's load drifts over a long run: each ratio is to
  the mean of the two measurements around it);
* `wirehouse ingest` end to end (a real subprocess: fetch, extract + clean on every core,
  dedup, load in chunks), pages/s, its ratio to extraction alone, its peak RSS and its largest
  pool worker's (sampled every 2 s; the samples go to $TMPDIR/bench-rss-KIND-N.log);
* extraction alone is also run in its own process alongside each end-to-end run, for as long
  as it lasts: the ratio to that one is the one to read on a loaded machine (same load for both).
  On a quiet machine that process takes one of the cores the end-to-end run is measured on (on
  2 cores, a third of the CPU it would have): there, run with --no-alongside and read the ratio
  to the measurements before and after;
* the CPU per page of the command's process (the writer: fetch, story assignment, loads,
  Prefect, its start-up) and of its pool's workers (extraction, cleaning, gzip), which a loaded
  machine changes far less than it changes the rates;
* the CPU-bound ceiling: the ratio the run would reach were every core busy from start to end
  at its CPU a page (writer, workers, Prefect server, page server), cores / (extraction alone x
  CPU a page). A ratio close to it is limited by CPU a page, not by scheduling; the goal of 1.5x
  on 2 cores needs everything besides extraction to cost at most a third of extraction's CPU;
* the rate from the run's first chunk commit to its last (its ratio to extraction alone) and the
  seconds before the first commit and after the last: what a run pays once (process start,
  Prefect's flow run, reading the feeds, filling the pipeline; the last load and the run's end),
  which weighs less the longer the run;
* `wirehouse backfill` of the WARC file, the same;
* (--backfill-pages: the N that also get the WARC backfill; default all)
* an incremental ingest of 100 new items against a warehouse holding --stored articles
  in steady state (rows inserted in bulk by bench/pipeline_fill.sql, their events, sketches and
  search index derived by the pipeline's own code, untimed) as a ratio to the same run on an
  empty warehouse.
Before the timed runs, untimed: the project's bytecode is compiled and the Prefect server serves
one small run (`settle`), and each timed run gets a new, migrated warehouse (`created`).
The machine is shared: compare the ratios of one run, not absolute numbers across runs.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.demo.server import CorpusServer  # noqa: E402

SHARED = ROOT.parent / "shared" / "extraction-dev" / "html"
WIREHOUSE = str(Path(sys.executable).parent / "wirehouse")
# runs a script (argv[1:]) and prints its peak RSS on stderr as "PEAK_RSS_KIB n" when it ends.
# Linux keeps a process's RSS high-water mark across fork and exec: a child of this process
# started with this process's resident size (~980 MiB after the --stored fill) as its peak, so
# the child resets its mark first (/proc/self/clear_refs) and reads VmHWM, not ru_maxrss
PEAK_RSS_CHILD = (
    "import resource, sys, runpy; sys.argv = sys.argv[1:];\n"
    "open('/proc/self/clear_refs', 'w').write('5')\n"
    "try:\n    runpy.run_path(sys.argv[0], run_name='__main__')\n"
    "except SystemExit as e:\n    code = e.code\nelse:\n    code = 0\n"
    "u = resource.getrusage(resource.RUSAGE_SELF)\n"
    "hwm = [int(x.split()[1]) for x in open('/proc/self/status') if x.startswith('VmHWM:')][0]\n"
    "print('PEAK_RSS_KIB', hwm, 'CPU_S', u.ru_utime + u.ru_stime, file=sys.stderr)\n"
    "sys.exit(code or 0)\n"
)
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


def run_measured(args: list[str], env: dict, log: Path | None = None) -> Measured:
    """Run a wirehouse command in a child that reports its own peak RSS; returns its time, the
    command's peak RSS, its largest descendant's (a pool worker: sampled from /proc every 2 s) and
    the CPU seconds of the command's process and of its descendants (the forkserver and the pool's
    workers; /proc samples, so up to 2 s of a process's last CPU may be missed).
    With `log`, the samples (elapsed s, process peak MiB, largest worker MiB) are appended there."""
    t = time.perf_counter()
    clock = _clock()
    proc = subprocess.Popen(
        [sys.executable, "-c", PEAK_RSS_CHILD, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    worker = [0.0]
    cpu: dict[int, float] = {}  # pid -> last CPU seconds seen
    direct: set[int] = set()  # the command's own children: the forkserver, the resource tracker
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(2):
            kids_of = _descendants(proc.pid)
            kid_pids = list(kids_of)
            direct.update(k for k, parent in kids_of.items() if parent == proc.pid)
            own, kids = _hwm_mib(proc.pid), [_hwm_mib(k) for k in kid_pids]
            for pid in [proc.pid, *kid_pids]:
                cpu[pid] = max(cpu.get(pid, 0.0), _cpu_s(pid))
            worker[0] = max(worker[0], *kids, 0.0)
            if log is not None:
                with log.open("a") as fh:
                    fh.write(f"{time.perf_counter() - t:.0f} {own:.0f} {max(kids, default=0):.0f}\n")

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _out, err = proc.communicate()
    secs = time.perf_counter() - t
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args[:2])} failed:\n{err[-2000:]}")
    kib = int(err.rsplit("PEAK_RSS_KIB", 1)[1].split()[0])
    parent_cpu = float(err.rsplit("CPU_S", 1)[1].split()[0])  # exact: the child's own getrusage
    pool_cpu = sum(v for pid, v in cpu.items() if pid != proc.pid)
    start_cpu = sum(v for pid, v in cpu.items() if pid in direct)
    return Measured(secs, kib / 1024, worker[0], parent_cpu, pool_cpu, start_cpu, commits(err, clock))


# a chunk's commit as ingest and backfill log it (INFO): the clock time and the items so far
COMMIT_LINE = re.compile(
    r"^(\d\d):(\d\d):(\d\d\.\d+) \| INFO .*chunk .*committed: .*\((\d+) (?:of \d+ items|records read) so far\)",
    re.M,
)


def _clock() -> float:
    """Seconds since the day began, local time (as Prefect's console log stamps its lines)."""
    now = datetime.now()
    return now.hour * 3600 + now.minute * 60 + now.second + now.microsecond / 1e6


def commits(log: str, started: float) -> list[tuple[float, int]]:
    """(seconds since the run started at clock time `started`, items so far) of every chunk
    commit the run logged."""
    return [
        ((int(h) * 3600 + int(m) * 60 + float(sec) - started) % 86400, int(n))
        for h, m, sec, n in COMMIT_LINE.findall(log)
    ]


@dataclass
class Measured:
    secs: float
    rss_mib: float
    worker_mib: float
    parent_cpu: float  # CPU seconds of the command's process (the writer), start-up included
    pool_cpu: float  # CPU seconds of its descendants (the pool's workers)
    start_cpu: float = 0.0  # of which its own children's: the forkserver's imports and warm-up
    commits: list[tuple[float, int]] = field(default_factory=list)  # (s since start, items) per chunk

    def steady(self) -> tuple[float, float, float] | None:
        """Pages per second from the first chunk's commit to the last's, the seconds before the
        first commit (process start, reading feeds, the first chunk) and after the last (the run's
        end): the costs a run of N pages pays once. None with fewer than two commits."""
        if len(self.commits) < 2:
            return None
        (t0, n0), (t1, n1) = self.commits[0], self.commits[-1]
        return (n1 - n0) / max(t1 - t0, 1e-9), t0, self.secs - t1

    def cpu_text(self, workers: int) -> str:
        """The writer's busy fraction and the workers' idle fraction of the wall time (on a loaded
        machine, idle includes waiting for a core)."""
        idle = 1 - self.pool_cpu / (workers * self.secs)
        return (
            f"writer CPU {self.parent_cpu:.0f} s ({self.parent_cpu / self.secs:.0%} of the wall time), "
            f"workers' CPU {self.pool_cpu:.0f} s (idle {idle:.0%} of {workers} x wall)"
        )


def _cpu_s(pid: int) -> float:
    """utime + stime of a live process, in seconds (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _others_cpu(api_server: list[int]) -> tuple[float, float]:
    """CPU seconds so far of this process (the page server's and the samplers' threads; the
    alongside process is a child, not counted) and of the Prefect API server: both run on the
    cores the measured run uses."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime, sum(_cpu_s(k) for k in api_server)


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _hwm_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _descendants(pid: int) -> dict[int, int]:
    """Every descendant of `pid`, with its parent."""
    parents: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                parents[int(d.name)] = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    out: dict[int, int] = {}
    todo = [pid]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parents.items() if pp == p]
        out.update((k, p) for k in kids)
        todo += kids
    return out


def extraction_alone(pages: list[bytes], n: int) -> float:
    """Pages per second of `extract` in this process over whole cycles of the pages (at least `n`
    pages), warmed up untimed first as the pool's workers are (flows/pipeline_warm.py): a cold
    first call pays imports and JusText's stop lists, and a part-cycle over-weights its pages."""
    from flows.pipeline import warm_up
    from transforms.extract import extract

    warm_up()
    n = -(-max(n, 1) // len(pages)) * len(pages)
    t = time.perf_counter()
    for i in range(n):
        extract(pages[i % len(pages)], url=f"http://x/{i}.html", content_type="text/html")
    return n / (time.perf_counter() - t)


class AloneAlongside:
    """Extraction alone in its own process, looping over the pages for as long as an end-to-end
    run lasts: both see the same machine load (on a shared machine that drifts over minutes, the
    fairest one-core baseline; with fair scheduling the ratio estimates the one of a quiet machine)."""

    def __enter__(self) -> AloneAlongside:
        self._stop = Path(tempfile.mkstemp(prefix="bench-alone-")[1])
        self._stop.unlink()
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self._proc = subprocess.Popen(
            [sys.executable, __file__, "--alone-until", str(self._stop)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        return self

    def __exit__(self, *exc) -> None:
        self._stop.touch()
        out, _ = self._proc.communicate(timeout=600)
        self._stop.unlink()
        pages, secs = out.split()[-2:]
        self.rate = int(pages) / float(secs)


def alone_until(stop: Path) -> None:
    from flows.pipeline import warm_up
    from transforms.extract import extract

    pages = real_pages()
    warm_up()  # imports, first-use costs: as the pool's workers (flows/pipeline_warm.py)
    n, t = 0, time.perf_counter()
    while not stop.exists():
        extract(pages[n % len(pages)], url=f"http://x/{n}.html", content_type="text/html")
        n += 1
    print(n, time.perf_counter() - t)


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
    ap.add_argument(
        "--fill-cache",
        help="folder keeping the --stored warehouse once built (untimed, ~11 min for 100,000 on a "
        "loaded machine), reused while bench/pipeline_fill.sql and the fill's code are unchanged",
    )
    ap.add_argument("--chunk-size", default="200")
    ap.add_argument(
        "--extract-sample",
        type=int,
        default=300,
        help="pages timed for extraction alone (rounded up to whole cycles of the distinct pages)",
    )
    ap.add_argument(
        "--no-alongside",
        dest="alongside",
        action="store_false",
        help="no extraction-alone process beside the end-to-end runs (quiet machine: it takes a core)",
    )
    ap.add_argument("--alone-until", help=argparse.SUPPRESS)  # the AloneAlongside child
    a = ap.parse_args()
    if a.alone_until:
        return alone_until(Path(a.alone_until))
    from prefect.testing.utilities import prefect_test_harness

    pages = real_pages()
    sizes = [int(x) for x in a.pages.split(",") if x]
    backfilled = sizes if a.backfill_pages is None else [int(x) for x in a.backfill_pages.split(",") if x]
    env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_LOGGING_LEVEL="WARNING")
    env["PYTHONPATH"] = str(ROOT)
    with tempfile.TemporaryDirectory() as d, prefect_test_harness(server_startup_timeout=600):
        from prefect.settings import PREFECT_API_URL

        env["PREFECT_API_URL"] = PREFECT_API_URL.value()
        api_server = [k for k in _descendants(os.getpid()) if b"uvicorn" in _cmdline(k)]
        tmp = Path(d)
        print(f"pages: {len(pages)} distinct real pages, repeated; cores: {os.cpu_count()}", flush=True)

        def compared(label: str, n: int, args: list[str]) -> None:
            load_before = os.getloadavg()[0]
            before = extraction_alone(pages, a.extract_sample)
            log = tmp.parent / f"bench-rss-{label.strip()}-{n}.log"
            others = _others_cpu(api_server)
            logged = dict(env, PREFECT_LOGGING_LEVEL="INFO")  # the commits' lines (Measured.steady)
            if a.alongside:
                with AloneAlongside() as alongside:
                    m = run_measured(args, logged, log)
                beside = (
                    f"extraction alone alongside {alongside.rate:.1f} pages/s: "
                    f"ratio {n / m.secs / alongside.rate:.2f}; "
                )
            else:
                m = run_measured(args, logged, log)
                beside = ""
            bench_cpu, api_cpu = (x1 - x0 for x1, x0 in zip(_others_cpu(api_server), others))
            after = extraction_alone(pages, a.extract_sample)
            secs, rss, worker = m.secs, m.rss_mib, m.worker_mib
            alone = (before + after) / 2
            steady = m.steady()
            # the ratio were every core busy all run at this CPU a page (all that shares the cores)
            cpu_page = (m.parent_cpu + m.pool_cpu + api_cpu + bench_cpu) / n
            ceiling = (os.cpu_count() or 1) / (alone * cpu_page)
            fixed = (
                f"from the first commit to the last {steady[0]:.1f} pages/s (ratio {steady[0] / alone:.2f}), "
                f"{steady[1]:.1f} s before the first commit and {steady[2]:.1f} s after the last; "
                if steady
                else ""
            )
            print(
                f"{label} N={n}: {n / secs:.1f} pages/s end to end ({secs:.1f} s incl. process start); "
                f"{beside}alone {before:.1f} before / {after:.1f} after: ratio {n / secs / alone:.2f}; {fixed}"
                f"peak RSS {rss:.0f} MiB, largest worker {worker:.0f} MiB; {m.cpu_text(os.cpu_count() or 1)}; "
                f"CPU per page: writer {1000 * m.parent_cpu / n:.1f} ms, workers {1000 * m.pool_cpu / n:.1f} ms "
                f"(of which the forkserver's start {1000 * m.start_cpu / n:.1f}), on the same cores: "
                f"Prefect server {1000 * api_cpu / n:.1f} ms, this process (page server, samplers) "
                f"{1000 * bench_cpu / n:.1f} ms; "
                f"CPU-bound ceiling {ceiling:.2f} (every core busy at this CPU a page); "
                f"load {load_before:.1f} -> {os.getloadavg()[0]:.1f}",
                flush=True,
            )

        with CorpusServer(tmp) as server:
            settle(server, pages, tmp, env)
            if a.stored:
                incremental(server, pages, tmp, env, a.stored, a.chunk_size, a.fill_cache)  # first: short
            for n in sizes:
                src = serve(server, pages, f"n{n}", n, tmp)
                db = str(tmp / f"i{n}.duckdb")
                created(db)
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
                created(tmp / f"b{n}.duckdb")
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


def settle(server: CorpusServer, pages: list[bytes], tmp: Path, env: dict) -> None:
    """What a deployed pipeline has before its runs, untimed: the project's modules compiled to
    bytecode (an installed package has them; a clone where PYTHONDONTWRITEBYTECODE is set would
    compile ~95 modules, ~0.25 s of CPU, in every process) and a Prefect server that has served a
    flow run (the first run on a new server pays its first-request costs: ~1.5 s of wall time
    before the flow run begins, measured with a 5-page ingest before and after)."""
    import compileall

    for package in ("flows", "transforms", "warehouse"):
        compileall.compile_dir(ROOT / package, quiet=1)
    src = serve(server, pages, "settle", 5, tmp)
    run_measured([WIREHOUSE, "ingest", "--sources", str(src), "--db", str(tmp / "settle.duckdb")], env)


def created(db: str | Path) -> None:
    """A new, migrated warehouse (untimed): a run is measured, not the warehouse's creation."""
    from warehouse.session import Warehouse

    Warehouse.open(Path(db), job="bench", migrate=True).close()


FILL_END = "2019-12-01 00:00:00+00"  # most of the extraction-dev pages are dated November 2019
FILL_PER_DAY = 1500  # stored stories a day: the event window of a new story holds ~4,500


def fill(db: Path, n: int) -> None:
    """A warehouse of `n` stored articles in steady state (bench/pipeline_fill.sql says why): the
    plain rows in bulk, then what loads would have derived from them by the pipeline's own code:
    events and their state, MinHash sketches and LSH bands, the search index."""
    from warehouse import dedup
    from warehouse.session import Warehouse

    t = time.perf_counter()
    params = {"n": n, "end": FILL_END, "per_day": FILL_PER_DAY}
    with Warehouse.open(db, job="bench", migrate=True) as wh:
        with wh.transaction():
            text = (ROOT / "bench" / "pipeline_fill.sql").read_text()
            code = "\n".join(x for x in text.splitlines() if not x.lstrip().startswith("--"))
            for statement in filter(str.strip, code.split(";")):
                wh.execute(statement, {k: v for k, v in params.items() if f"${k}" in statement})
        with wh.transaction():
            sketched = dedup.backfill(wh._writer(), run_id="bench-fill")
        done = wh.assign_events()
        indexed = wh.search_index()
        wh.checkpoint()
    print(
        f"fill: {n:,} stored articles, {sketched:,} sketched, {done.stories:,} stories in "
        f"{done.founded:,} events, {indexed:,} indexed ({time.perf_counter() - t:.0f} s, untimed)",
        flush=True,
    )


def filled(db: Path, n: int, cache: str | None) -> None:
    """`fill(db, n)`, or a copy of the same fill kept in the folder `cache`."""
    if cache is None:
        return fill(db, n)
    import hashlib
    import shutil

    key = hashlib.sha256(
        (ROOT / "bench" / "pipeline_fill.sql").read_bytes()
        + repr((n, FILL_END, FILL_PER_DAY)).encode()
        + sorted((ROOT / "warehouse" / "migrations").glob("*.sql"))[-1].name.encode()
    ).hexdigest()[:12]
    kept = Path(cache) / f"pipeline-fill-{n}-{key}.duckdb"
    if not kept.exists():
        fill(db, n)
        Path(cache).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(db, kept)
    else:
        shutil.copyfile(kept, db)
        print(f"fill: {n:,} stored articles, a copy of {kept}", flush=True)


def incremental(
    server, pages, tmp: Path, env: dict, stored: int, chunk: str, cache: str | None = None
) -> None:
    times: dict[str, Measured] = {}
    for label, n_stored in (("empty", 0), ("large", stored)):
        db = tmp / f"inc-{label}.duckdb"
        if n_stored:
            filled(db, n_stored, cache)
        else:
            created(db)
        warm = serve(server, pages, f"warm-{label}", 5, tmp)  # sketches the stored copies (untimed)
        run_measured([WIREHOUSE, "ingest", "--sources", str(warm), "--db", str(db)], env)
        src = serve(server, pages, f"inc-{label}", 100, tmp)
        times[label] = run_measured(
            [WIREHOUSE, "ingest", "--sources", str(src), "--db", str(db), "--chunk-size", chunk], env
        )
    empty, large = times["empty"], times["large"]
    print(
        f"incremental run of 100 new items: {empty.secs:.1f} s on an empty warehouse, "
        f"{large.secs:.1f} s with {stored:,} stored articles: ratio {large.secs / empty.secs:.2f}; "
        f"writer CPU {empty.parent_cpu:.1f} / {large.parent_cpu:.1f} s: ratio "
        f"{large.parent_cpu / empty.parent_cpu:.2f} (workers {empty.pool_cpu:.1f} / {large.pool_cpu:.1f} s; "
        f"on a loaded machine the CPU ratio is the one to read)"
    )


if __name__ == "__main__":
    main()
