"""The chunk path shared by ingest and backfill: extract + clean a chunk of pages on every core.

A chunk's CPU work (trafilatura/lxml extraction and cleaning, the per-article
`assemble`) runs in a process pool, a slice of pages per worker task (never one
Prefect task per article). Work and results are plain picklable records; the
pool is started once per run and reused by every chunk. Small chunks and
`workers <= 1` run inline (a pool costs more than it saves below a few dozen pages).
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from transforms.assemble import SourceHints, assemble, page_failed
from transforms.extract import extract
from transforms.records import Article, Extracted, FeedItem

INLINE_BELOW = 24  # pages: fewer than this run in the calling process


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


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class CpuPool:
    """The run's worker processes (forkserver: no fork of the fetch thread's state)."""

    def __init__(self, workers: int | None = None):
        self.workers = default_workers() if workers is None else max(0, workers)
        self._pool: Executor | None = None

    def __enter__(self) -> CpuPool:
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _executor(self) -> Executor:
        if self._pool is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["flows.pipeline"])
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)
        return self._pool

    def build(self, works: list[Work]) -> list[Article | str]:
        """Every Work's result, in order: slices of the chunk spread over the workers."""
        if self.workers <= 1 or len(works) < INLINE_BELOW:
            return build_slice(works)
        n = self.workers * 2  # two slices per worker evens out slow pages
        size = -(-len(works) // n)
        slices = [works[i : i + size] for i in range(0, len(works), size)]
        out: list[Article | str] = []
        for part in self._executor().map(build_slice, slices):
            out.extend(part)
        return out
