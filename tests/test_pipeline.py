"""`flows.pipeline.prefetched`, the overlap of I/O and CPU work that ingest and backfill share: the
next chunk is fetched (and the input read) on a thread while the caller processes this one."""

from __future__ import annotations

import gzip
import threading
import time

import pytest

from flows.pipeline import prefetched

MAIN = threading.main_thread()


def test_the_next_chunk_is_fetched_while_this_one_is_processed():
    started = {k: threading.Event() for k in range(4)}
    read_on: list[threading.Thread] = []
    fetched_on: list[threading.Thread] = []

    def chunks():
        for k in range(4):
            read_on.append(threading.current_thread())
            yield [k * 10, k * 10 + 1]

    def fetch(chunk: list[int]) -> list[str]:
        fetched_on.append(threading.current_thread())
        started[chunk[0] // 10].set()
        return [f"page {i}" for i in chunk]

    got = []
    for chunk, pages in prefetched(chunks(), fetch):
        k = chunk[0] // 10
        if k < 3:  # with no overlap this blocks the only thread that could fetch chunk k + 1
            assert started[k + 1].wait(10), f"chunk {k + 1} was not fetched while chunk {k} was processed"
        got.append((chunk, pages))
    assert got == [([k * 10, k * 10 + 1], [f"page {k * 10}", f"page {k * 10 + 1}"]) for k in range(4)]
    assert len(read_on) == 4 and MAIN not in read_on  # the input is read on the thread too
    assert len(fetched_on) == 4 and MAIN not in fetched_on


def test_prepare_runs_on_the_caller_thread_after_the_chunk_before_the_previous_is_processed():
    events: list[str] = []

    def prepare(chunk: int) -> str:
        assert threading.current_thread() is MAIN
        events.append(f"prepare {chunk}")
        return f"prepared {chunk}"

    for prepared, result in prefetched(range(3), lambda p: p.upper(), prepare):
        assert result == prepared.upper()
        events.append(f"process {prepared[-1]}")
    # chunk k + 1 is prepared (e.g. which pages are already loaded) before chunk k is processed,
    # never before chunk k - 1 is: a caller excludes only the previous chunk's in-flight items
    assert events == ["prepare 0", "prepare 1", "process 0", "prepare 2", "process 1", "process 2"]


def test_ahead_two_fetches_the_two_next_chunks_while_this_one_is_processed():
    """With `ahead=2` chunks k+1 and k+2 are fetched while chunk k is processed; chunk k+2 is
    prepared before chunk k is processed, never before chunk k-1 is. (Ingest and backfill use
    `AHEAD` = 1: flows/pipeline.py says why.)"""
    started = {k: threading.Event() for k in range(5)}
    events: list[str] = []

    def fetch(chunk: int) -> int:
        started[chunk].set()
        return chunk * 100

    def prepare(chunk: int) -> int:
        assert threading.current_thread() is MAIN
        events.append(f"prepare {chunk}")
        return chunk

    for chunk, result in prefetched(range(5), fetch, prepare, ahead=2):
        assert result == chunk * 100
        for later in (chunk + 1, chunk + 2):
            if later < 5:  # both fetched while this one is processed, without the caller moving on
                assert started[later].wait(10), f"chunk {later} was not fetched while {chunk} was processed"
        events.append(f"process {chunk}")
    assert events == [
        "prepare 0",
        "prepare 1",
        "prepare 2",
        "process 0",
        "prepare 3",
        "process 1",
        "prepare 4",
        "process 2",
        "process 3",
        "process 4",
    ]


def test_an_input_that_fails_still_gives_every_chunk_read_before_it_ahead_two():
    def chunks():
        yield 1
        yield 2
        yield 3
        raise OSError("connection lost")

    got = []
    with pytest.raises(OSError, match="connection lost"):
        for chunk, result in prefetched(chunks(), lambda c: c * 100, ahead=2):
            got.append((chunk, result))
    assert got == [(1, 100), (2, 200), (3, 300)]


def test_an_input_that_fails_still_gives_the_chunks_read_before():
    def chunks():
        yield 1
        yield 2
        raise OSError("connection lost")

    got = []
    with pytest.raises(OSError, match="connection lost"):
        for chunk, result in prefetched(chunks(), lambda c: c * 100):
            got.append((chunk, result))
    assert got == [(1, 100), (2, 200)]


def test_a_failing_fetch_is_raised_to_the_caller_and_nothing_is_fetched_for_no_input():
    def fetch(c: int) -> int:
        if c == 1:
            raise RuntimeError("fetch broke")
        return c

    got = []
    with pytest.raises(RuntimeError, match="fetch broke"):
        for chunk, _ in prefetched([0, 1, 2], fetch):
            got.append(chunk)
    assert got == [0]
    calls: list[int] = []
    assert list(prefetched([], calls.append)) == [] and calls == []


def test_the_pool_gzips_the_pages_as_the_warehouse_stores_them():
    """The workers compress a chunk's payloads (the writer used to, while they waited)."""
    from dataclasses import replace
    from datetime import UTC, datetime
    from pathlib import Path

    from flows.pipeline import CpuPool, Work, build_slice
    from transforms.assemble import SourceHints
    from transforms.fingerprint import doc_id
    from transforms.records import FeedItem
    from warehouse.records import RawDocument

    pages = sorted((Path(__file__).parent / "data" / "pages").glob("*.html"))[:3]
    when = datetime(2025, 7, 1, tzinfo=UTC)
    works, raw = [], {}
    for i in range(30):  # over INLINE_BELOW: the pool is used
        html = pages[i % len(pages)].read_bytes() + f"<!-- {i} -->".encode()
        url = f"https://x.example/{i}.html"
        d = RawDocument(doc_id(html), url, "s", "page", when, 200, "text/html", None, None, html)
        raw[d.doc_id] = d
        item = FeedItem("s", url, url, f"T{i}", None, None, when)
        works.append(
            Work(item, SourceHints("s", fetch_pages=True), html, url, "text/html", when, page_doc=d.doc_id)
        )
    works.append(replace(works[0], html=None, page_doc=None))  # no page: nothing to gzip
    with CpuPool(2) as pool:
        built = pool.build(works, raw)
    assert [a if isinstance(a, str) else a.content_hash for a in built] == [
        a if isinstance(a, str) else a.content_hash for a in build_slice(works)
    ]
    assert len(raw) == 30 and all(d.gzipped == RawDocument.gzip(d.payload) for d in raw.values())
    assert gzip.decompress(next(iter(raw.values())).gzipped or b"") == next(iter(raw.values())).payload


def _page_works(n: int) -> list:
    """`n` Works alternating between two real test pages, as a fetched chunk gives them."""
    from datetime import UTC, datetime
    from pathlib import Path

    from flows.pipeline import Work
    from transforms.assemble import SourceHints
    from transforms.records import FeedItem

    pages = sorted((Path(__file__).parent / "data" / "pages").glob("*.html"))[:2]
    when = datetime(2025, 7, 1, tzinfo=UTC)
    return [
        Work(
            FeedItem("s", f"https://x.example/{i}", f"https://x.example/{i}", f"T{i}", None, None, when),
            SourceHints("s", fetch_pages=True),
            pages[i % 2].read_bytes(),
            f"https://x.example/{i}",
            "text/html",
            when,
        )
        for i in range(n)
    ]


def test_a_started_pool_has_its_workers_before_the_first_chunk_and_small_chunks_wait():
    """`CpuPool.start` starts the workers on a thread (they then build as the pool always did);
    a chunk too small for the pool is built only when its result is asked for."""
    from flows.pipeline import CpuPool, build_slice

    works = _page_works(30)
    expected = [a if isinstance(a, str) else a.content_hash for a in build_slice(works)]
    with CpuPool(2) as pool:
        pool.start(3)  # chunks this small are built inline: nothing to start
        assert pool._starting is None and pool._pool is None
        pool.start(len(works))
        assert pool._starting is not None
        pool._starting.join(timeout=120)
        executor = pool._pool
        assert executor is not None and len(executor._processes) == 2  # type: ignore[attr-defined]
        small = pool.submit(works[:3])
        assert small._done is None  # not built yet: the chunk before it may still be loading
        built = pool.build(works)
        assert pool._pool is executor  # the started workers built it
        assert [a if isinstance(a, str) else a.content_hash for a in built] == expected
        assert [a if isinstance(a, str) else a.content_hash for a in small.result()] == expected[:3]


def test_the_pool_builds_the_first_part_of_a_chunk_before_the_rest_is_given():
    """`CpuPool.submit_parts`: each part (a piece of pages just fetched) goes to the workers as it
    comes, so they build the first pages of a chunk while the rest are fetched."""
    from flows.pipeline import CpuPool, build_slice

    works = _page_works(40)
    expected = [a if isinstance(a, str) else a.content_hash for a in build_slice(works)]
    with CpuPool(2) as pool:
        size = pool.piece(len(works))
        assert 1 < size < len(works)  # the chunk goes to the workers in several tasks
        first_done = threading.Event()

        def parts():
            yield works[:size]
            executor = pool._pool
            assert executor is not None
            # the first part is with the workers before the second is given: its task (work id 0)
            # is submitted and gets built while this generator waits
            assert executor._queue_count == 1  # type: ignore[attr-defined]
            deadline = time.monotonic() + 120
            while 0 in executor._pending_work_items and time.monotonic() < deadline:  # type: ignore[attr-defined]
                time.sleep(0.05)
            if 0 not in executor._pending_work_items:  # type: ignore[attr-defined]
                first_done.set()  # built before the rest of the chunk was even given
            yield works[size:]

        building = pool.submit_parts(len(works), parts())
        assert first_done.is_set()
        built = building.result()
    assert [a if isinstance(a, str) else a.content_hash for a in built] == expected


def test_the_pool_parses_feeds_on_its_workers_as_this_process_would():
    """`CpuPool.map` (the flow's parse-feeds step on a large batch): results in order, equal to a
    parse in this process, built by the workers; a feed that cannot be parsed is a result, not an
    error; an exception inside the function reaches the caller."""
    from datetime import UTC, datetime

    from flows.pipeline import CpuPool, parse_feed_at
    from tests.faults import item_xml, rss

    when = datetime(2025, 7, 2, tzinfo=UTC)
    feeds = [
        rss([item_xml(f"f{i}-{k}", link=f"https://x.example/f{i}/{k}") for k in range(40 + i)]).encode()
        for i in range(6)
    ] + [b"\x00 not a feed <<<"]
    args = (
        [f"s{i}" for i in range(len(feeds))],
        feeds,
        [f"https://x.example/f{i}.xml" for i in range(len(feeds))],
        ["application/rss+xml"] * len(feeds),
        [when] * len(feeds),
    )
    here = [parse_feed_at(*a) for a in zip(*args)]
    with CpuPool(2) as pool:
        parsed = pool.map(parse_feed_at, *args)
        assert pool._pool is not None  # a pool was started: the workers parsed
        inline = pool.map(parse_feed_at, *args, inline=True)
        with pytest.raises(ValueError, match="invalid literal"):
            pool.map(int, ["12", "twelve", "7"])
    assert parsed == here == inline
    assert [len(p.items) for p in parsed[:6]] == [40 + i for i in range(6)]
    assert parsed[-1].error and not parsed[-1].items


def test_the_last_chunk_is_split_in_halves_only_when_the_pool_builds_both():
    """A short load at the end of an ingest run: the writer loads the first half of the last chunk
    while the workers build the second."""
    from flows.pipeline import INLINE_BELOW, CpuPool

    pool, inline = CpuPool(2), CpuPool(0)
    big = list(range(2 * INLINE_BELOW))
    assert pool.last_chunks(big) == [big[:INLINE_BELOW], big[INLINE_BELOW:]]
    assert pool.last_chunks(big[:-1]) == [big[:-1]]  # a half would be built inline: kept whole
    assert inline.last_chunks(big) == [big]
