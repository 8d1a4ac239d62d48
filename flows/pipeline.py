"""The chunk path shared by ingest and backfill: fetch the next chunk while this one is
extracted + cleaned on every core.

`prefetched` overlaps a run's I/O with its CPU work: while the caller processes
(extracts, cleans, dedups, loads) one chunk, a thread reads the next chunk from
its input and fetches its pages. A chunk's CPU work (trafilatura/lxml
extraction and cleaning, the per-article `assemble`, gzip'ing the pages for
raw_documents) runs in a process pool, a slice of pages per worker task (never
one Prefect task per article). Work and results are plain picklable records; the
pool is started once per run and reused by every chunk. Small chunks and
`workers <= 1` run inline (a pool costs more than it saves below a few dozen pages).

`CpuPool.submit` starts a chunk's build and returns at once: ingest and backfill submit chunk
k+1 before they sketch, assign and load chunk k, so the writer's serial work overlaps the
workers' build of the next chunk (the workers never wait for the writer, the writer waits only
when it is ahead of them). Chunk k's commit, checkpoint and validators are still its own: its
record is taken before anything of chunk k+1 is counted.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, TypeVar, overload

from transforms.assemble import SourceHints, assemble, page_failed
from transforms.feeds import ParsedFeed, parse_feed
from transforms.records import Article, Extracted, FeedItem
from warehouse.records import RawDocument

INLINE_BELOW = 24  # pages: fewer than this run in the calling process
# chunks whose pages are fetched and handed to the pool ahead of the one being loaded (while the
# writer loads chunk k, the workers have chunk k+1). 2 was tried: `prefetched` then waits for the
# input to give chunk k+2 before it gives chunk k, which delays every commit by a chunk's read
# on a slow input (a WARC or sitemap over HTTP: tests/test_backfill.py's kill test found no
# chunk committed); its gain was not measurable on the loaded machine (README, "Overlap round")
AHEAD = 1
PIECE_MIN = 8  # pages: the smallest pool task (each costs a round trip through the pool's queues)

C = TypeVar("C")  # a chunk as the input gives it
P = TypeVar("P")  # a chunk prepared for fetching
R = TypeVar("R")  # what fetching a prepared chunk gives
T = TypeVar("T")
_END: Any = object()


@dataclass(frozen=True, slots=True)
class Work:
    """One item to turn into an article: its feed item, and its page when one was fetched."""

    item: FeedItem
    hints: SourceHints
    html: bytes | None = None  # the fetched page, extracted in the worker
    url: str | None = None
    content_type: str | None = None
    fetched_at: datetime | None = None  # the extractor's reference time (no clock in transforms/)
    page_failure: str | None = None  # the page failed for good: the feed's summary is used
    feed_doc: str | None = None
    page_doc: str | None = None


def build_one(w: Work) -> Article | str:
    """The article, or the one-line reason it could not be built (one bad page never fails a chunk)."""
    from transforms.extract import extract  # not at import: see warm_up

    page: Extracted | None = None
    if w.html is not None:
        try:
            page = extract(w.html, url=w.url, content_type=w.content_type, reference_time=w.fetched_at)
        except Exception as exc:
            page = Extracted(reason=f"extraction failed: {type(exc).__name__}: {exc}")
    elif w.page_failure is not None:
        page = page_failed(w.page_failure)
    try:
        return assemble(w.item, w.hints, page=page, feed_doc_id=w.feed_doc, page_doc_id=w.page_doc)
    except ValueError as exc:
        return str(exc)
    except Exception as exc:  # a bug on one item is recorded, not fatal to the chunk
        return f"cleaning failed: {type(exc).__name__}: {exc}"


def build_slice(works: list[Work]) -> list[Article | str]:
    return [build_one(w) for w in works]


def build_gzip_slice(works: list[Work]) -> list[tuple[Article | str, bytes | None]]:
    """build_slice, and each fetched page gzip'd as raw_documents stores it (in the worker, so the
    writer does not compress a chunk's pages while the workers wait for the next chunk)."""
    return [(build_one(w), RawDocument.gzip(w.html) if w.html is not None else None) for w in works]


def parse_feed_at(
    source: str, data: bytes, url: str | None, content_type: str | None, now: datetime
) -> ParsedFeed:
    """`parse_feed` with positional arguments, for `CpuPool.map` (the flow parses feeds on the pool)."""
    return parse_feed(source, data, url=url, content_type=content_type, now=now)


WARM_PAGE = (
    b"<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
    b"<p>Tokyo, July 4 (IANS) A short paragraph of words for the extractor, nothing more.</p>"
    b"</article></body></html>"
)


def warm_up() -> None:
    """One extraction of a tiny page: pays the extractor's first-use costs (flows/pipeline_warm.py).
    It never fails: the forkserver imports its preload modules catching only ImportError, so an
    exception here would leave the pool without workers. The extraction and cleaning modules are
    imported here and by the first `build_one`, not with this module: the writer, which imports it
    and builds only small chunks itself, does not pay their ~1 s of CPU at start."""
    try:
        import transforms.clean  # noqa: F401  (the cleaning rules' regexes: compiled once, inherited)
        from transforms.extract import extract

        extract(WARM_PAGE, url="http://warm-up.invalid/a.html", content_type="text/html")
    except Exception:  # the workers then pay the first-use costs themselves
        pass


PRELOAD = ["flows.pipeline_warm"]  # the forkserver imports this: the extractor, warmed up


def start_forkserver(workers: int | None, chunk_size: int) -> None:
    """Start the pool's forkserver now, unless a run with these settings builds every chunk inline.
    The CLI calls it at process start: the forkserver's imports and warm-up (~1 s of CPU: lxml,
    trafilatura, JusText's stop lists) then run on the other core while this process imports
    Prefect and starts the flow run (~2.5 s on one core), and the run's CpuPool forks its workers
    from it (one forkserver a process: multiprocessing's own). A run that then has no page to
    build has spent that CPU for nothing; the process's exit stops the forkserver."""
    if CpuPool(workers).inline(chunk_size):
        return
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD)
    forkserver.ensure_running()  # spawns it and returns: the imports run in the forkserver


def _end_with(pid: int) -> None:
    """A pool worker's initializer: end the worker when process `pid` (the pool's owner) ends.
    Killed with -9, the owner cannot tell its workers, and they waited on their task queue for
    ever (each holding its memory and the command's output pipes, and with them the forkserver);
    a thread here waits on the owner's pidfd instead (Linux; elsewhere nothing is watched)."""
    try:
        fd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        return

    def watch() -> None:
        select.select([fd], [], [])  # readable once the process has ended
        os._exit(1)

    threading.Thread(target=watch, name="wirehouse-owner-watch", daemon=True).start()


def _started() -> None:
    """A no-op task: submitted by `CpuPool.start` to make the executor start its workers."""


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class CpuPool:
    """The run's worker processes (forkserver: no fork of the fetch thread's state)."""

    def __init__(self, workers: int | None = None):
        self.workers = default_workers() if workers is None else max(0, workers)
        self._pool: Executor | None = None
        self._starting: threading.Thread | None = None  # start()'s thread

    def __enter__(self) -> CpuPool:
        return self

    def __exit__(self, *exc) -> None:
        if self._starting is not None:
            self._starting.join()
            self._starting = None
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _executor(self) -> Executor:
        if self._pool is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(PRELOAD)  # imports and warms the extractor
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=ctx, initializer=_end_with, initargs=(os.getpid(),)
            )
        return self._pool

    @property
    def duckdb_threads(self) -> int | None:
        """DuckDB threads for the writer's connection while this pool runs: 1 when the workers
        take the cores (a second DuckDB thread then only added CPU: the chunk's search-index
        update cost ~2x the CPU with 2 threads, same work), else None (the setting unchanged)."""
        return 1 if self.workers > 1 else None

    def inline(self, n: int) -> bool:
        """Whether a chunk of `n` pages is built in the calling process rather than by the pool."""
        return self.workers <= 1 or n < INLINE_BELOW

    def start(self, largest_chunk: int) -> None:
        """Start the worker processes now, on a thread (without it, the first `submit` starts them
        and waits for them), unless a chunk of `largest_chunk` pages would be built inline: a run
        calls this once it knows its chunks, so the forkserver's imports (lxml, trafilatura ...)
        and the workers' start overlap the fetch of the first pages."""
        if not self.inline(largest_chunk) and self._pool is None:
            pool = self._executor()

            def spawn() -> None:
                for _ in range(self.workers):
                    pool.submit(_started)  # each submit starts a worker while none is idle

            self._starting = threading.Thread(target=spawn, name="wirehouse-pool-start", daemon=True)
            self._starting.start()

    def build(self, works: list[Work], raw: dict[str, RawDocument] | None = None) -> list[Article | str]:
        """Every Work's result, in order: slices of the chunk spread over the workers.

        With `raw` (the chunk's payloads by doc id), the workers also gzip the pages and the
        entries of `raw` named by `Work.page_doc` are replaced by their gzip'd copies."""
        return self.submit(works, raw).result()

    def submit(self, works: list[Work], raw: dict[str, RawDocument] | None = None) -> Building:
        """Start building a chunk (as `build`) and return at once: the caller loads the chunk
        before while the workers build this one. Small chunks and `workers <= 1` are built in this
        process when their result is asked for (after the chunk before is loaded: building first
        would only delay that commit)."""
        return self.submit_parts(len(works), [works], raw)

    def map(self, fn: Callable[..., T], *args: list, inline: bool = False) -> list[T]:
        """`fn` over the zipped `args`, in order, spread over the workers (`fn` must be a module-level
        function of a module the workers can import cheaply: not one that imports Prefect); in this
        process when `inline` or without a pool. An exception in `fn` is raised here."""
        n = len(args[0]) if args else 0
        if inline or self.workers <= 1 or n < 2:
            return [fn(*a) for a in zip(*args)]
        return list(self._executor().map(fn, *args, chunksize=max(1, -(-n // (self.workers * 4)))))

    def last_chunks(self, part: list[T]) -> list[list[T]]:
        """A run's last chunk, in two halves when each is still built by the pool: the writer loads
        the first half while the workers build the second, so the workers are idle only for the
        load of half a chunk at the end of the run (not a whole one), for one commit more."""
        if self.inline(len(part) // 2):
            return [part]
        half = len(part) // 2
        return [part[:half], part[half:]]

    def piece(self, n: int) -> int:
        """Pages per pool task for a chunk of `n` pages (the whole chunk when it is built inline):
        four per worker, so the first task starts after a few dozen pages are fetched, a slow page
        delays little, and the last chunk's tasks end close together."""
        if self.inline(n):
            return max(1, n)
        return max(PIECE_MIN, -(-n // (self.workers * 4)))

    def submit_parts(
        self, n: int, parts: Iterable[list[Work]], raw: dict[str, RawDocument] | None = None
    ) -> Building:
        """`submit` for a chunk of `n` pages whose Works arrive in parts (its pages fetched a piece
        at a time: `piece`): each part goes to the workers as soon as `parts` gives it, so they
        build the first pages while the rest are fetched. `raw` may be filled as the parts come."""
        if self.inline(n):
            return Building([w for part in parts for w in part], raw)  # the writer may as well compress
        size = self.piece(n)
        fn = build_slice if raw is None else build_gzip_slice
        works: list[Work] = []
        futures: list[Future] = []
        for part in parts:
            for i in range(0, len(part), size):
                futures.append(self._executor().submit(fn, part[i : i + size]))
            works += part
        return Building(works, raw, futures=futures)


class Building:
    """A chunk being built by the pool (CpuPool.submit); `result()` waits for it. Without futures
    (a small chunk, or no pool) `result()` builds it in this process."""

    def __init__(
        self,
        works: list[Work],
        raw: dict[str, RawDocument] | None,
        *,
        futures: list[Future] | None = None,
    ):
        self._works, self._raw, self._futures = works, raw, futures or []
        self._done: list[Article | str] | None = None

    def result(self) -> list[Article | str]:
        """Every Work's result, in order; with `raw`, its pages' entries now carry their gzip'd copies."""
        if self._done is not None:
            return self._done
        if not self._futures:  # built here (CpuPool.submit): the writer compresses on load
            self._done, self._works = build_slice(self._works), []
            return self._done
        out: list[Article | str] = []
        raw = self._raw
        it = iter(self._works)
        for fut in self._futures:
            part = fut.result()
            if raw is None:
                out.extend(part)
                continue
            for (result, gzipped), w in zip(part, it):  # part first: zip then never over-reads `it`
                out.append(result)
                doc = raw.get(w.page_doc) if w.page_doc is not None else None
                if doc is not None and gzipped is not None and doc.gzipped is None:
                    raw[doc.doc_id] = replace(doc, gzipped=gzipped)
        self._done, self._futures, self._works = out, [], []  # the pages are no longer needed here
        return out


@overload
def prefetched(chunks: Iterable[C], fetch: Callable[[C], R], *, ahead: int = 1) -> Iterator[tuple[C, R]]: ...
@overload
def prefetched(
    chunks: Iterable[C], fetch: Callable[[P], R], prepare: Callable[[C], P], *, ahead: int = 1
) -> Iterator[tuple[P, R]]: ...
def prefetched(
    chunks: Iterable[Any],
    fetch: Callable[[Any], Any],
    prepare: Callable[[Any], Any] | None = None,
    *,
    ahead: int = 1,
) -> Iterator[tuple[Any, Any]]:
    """Each chunk, prepared, with what `fetch` gave for it, in order; while the caller processes one
    chunk, a thread fetches the next `ahead` chunks (one after the other) and another reads the
    one after them from `chunks`.

    `chunks` is advanced only on its thread (an archive reader streams its file or URL
    there); `prepare` runs on the calling thread just before the chunk's fetch is queued (a
    warehouse read, e.g. which pages are already loaded): when it runs, every chunk yielded
    before the `ahead` chunks before it has been processed, those may not be. At most
    `ahead` + 2 chunks are held: the caller's, the `ahead` fetched or being fetched, the one
    being read. If the input fails, the chunks read before are still given, then its error.
    """
    prep: Callable[[Any], Any] = prepare if prepare is not None else (lambda c: c)
    it = iter(chunks)
    reader = ThreadPoolExecutor(1, thread_name_prefix="wirehouse-read")
    fetcher = ThreadPoolExecutor(1, thread_name_prefix="wirehouse-prefetch")
    queued: deque[tuple[Any, Future]] = deque()  # (prepared chunk, its fetch), in order
    failed: list[BaseException] = []  # the input's error, raised once the chunks before are given
    reading: Future | None = reader.submit(next, it, _END)

    def fill() -> None:
        """Queue fetches until `ahead` are queued or the input ends (waits for the reads only)."""
        nonlocal reading
        while reading is not None and len(queued) < ahead:
            try:
                chunk = reading.result()
            except BaseException as exc:  # the input failed after the chunks read so far
                failed.append(exc)
                chunk = _END
            if chunk is _END:
                reading = None
                return
            prepared = prep(chunk)
            del chunk
            queued.append((prepared, fetcher.submit(fetch, prepared)))
            del prepared
            reading = reader.submit(next, it, _END)

    try:
        fill()
        while queued:
            prepared, fetching = queued.popleft()
            box = [(prepared, fetching.result())]  # popped by the yield: this frame keeps no reference
            del prepared, fetching
            fill()
            yield box.pop()
        if failed:
            raise failed[0]
    finally:
        fetcher.shutdown(wait=True, cancel_futures=True)
        reader.shutdown(wait=True, cancel_futures=True)
