"""The `backfill` flow: load history from archives (WARC, news sitemaps, JSON lines) through the
ingest path (extract -> clean -> dedup -> load), in chunks, resumable.

Each source of an archive kind is read with its reader (flows/archives/), records are gathered
into chunks of `chunk_size` (the next chunk is read and its pages fetched on a thread while
this one is processed: flows.pipeline.prefetched, as in ingest), a chunk's pages are extracted
and cleaned on every core (flows/pipeline.py), deduped and committed in one transaction together with the input's
checkpoint (the `resume` position of the chunk's last record, table backfill_checkpoints). A
rerun starts each input at its checkpoint, so a killed backfill loses at most the chunk in flight.
Bad records get one fetch_log line and a count, never a failed backfill.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from transforms.archives import ArchiveRecord, Position
from transforms.assemble import item_article_id
from transforms.fingerprint import doc_id
from transforms.records import Article, FeedItem
from warehouse import dedup
from warehouse.records import Checkpoint, Chunk, FetchLogRow, RawDocument, RunRecord, SourceRow
from warehouse.session import Warehouse

from .archives import WalkStats, read_jsonl, read_warc, walk_sitemap
from .http import FetchRequest, FetchResult, FetchSession, FetchSettings
from .ingest import PAGE_ACCEPT, _log_rows, prepared, private_hosts, unvisited
from .maintain import search_index
from .pipeline import AHEAD, Building, CpuPool, Work, prefetched
from .sources import ARCHIVE_KINDS, DEFAULT_SOURCES, Source, load_sources

DEFAULT_CHUNK_SIZE = 200

# progress(source, records_read_this_run, fraction_of_input_or_None); set by the CLI for its bar
Progress = Callable[[str, int, float | None], None]


@dataclass
class BackfillCounts:
    records: int = 0  # records read this run (pages, skips)
    new: int = 0
    updated: int = 0
    duplicate: int = 0  # already loaded: not fetched or loaded again
    skipped: dict[str, int] = field(default_factory=dict)  # per skip kind (bad input, other records ...)
    failed: int = 0  # usable records that could not become an article (one fetch_log line each)
    resumed_from: str | None = None  # the checkpoint this run started from
    error: str | None = None


@dataclass
class BackfillSummary:
    """What a backfill did; returned by the flow and printed by the CLI."""

    run_id: str
    status: str
    per_source: dict[str, BackfillCounts]

    def total(self, key: str) -> int:
        return sum(getattr(c, key) for c in self.per_source.values())

    def skipped(self) -> int:
        return sum(sum(c.skipped.values()) for c in self.per_source.values())


def _now() -> datetime:
    return datetime.now(UTC)


def build_chunk(building: Building) -> list[Article | str]:
    """The chunk the pool built (flows/ingest.py `build_chunk`: a wait, not a task run)."""
    return building.result()


@task(name="load", cache_policy=NO_CACHE)
def load(wh: Warehouse, chunk: Chunk) -> dedup.Assignment:
    """Sketch and weigh the copies' terms (before the transaction), then assign, write, commit
    (flows/ingest.py `load`: one task run a chunk for the three)."""
    return wh.load_chunk(prepared(chunk))


@flow(name="backfill", log_prints=True)
def backfill(
    sources_file: str = str(DEFAULT_SOURCES),
    source: str | None = None,
    db: str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    workers: int | None = None,
    settings: FetchSettings | None = None,
    lock_wait: float | None = None,
    warehouse: Warehouse | None = None,
    progress: Progress | None = None,
) -> BackfillSummary:
    """Load every archive source of the sources file (or only `source`) from its checkpoint on."""
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    sources = load_sources(sources_file, kinds=ARCHIVE_KINDS)
    if source is not None:
        sources = [s for s in sources if s.name == source]
        if not sources:
            raise ValueError(f"no enabled archive source named {source!r} in {sources_file}")
    base = settings or FetchSettings()
    run_id = flow_run.get_id() or str(uuid.uuid4())
    started = _now()
    counts = {s.name: BackfillCounts() for s in sources}
    with Warehouse.use(warehouse, db, job="backfill", wait=lock_wait) as wh:
        if n := wh.mark_crashed_runs(run_id, flow="backfill", scope=source):
            get_run_logger().warning("%d earlier backfill run(s) left 'running' marked 'crashed'", n)
        wh.upsert_sources(
            [
                SourceRow(s.name, s.kind, s.location, s.syndicator, s.agency, True, s.allow_private)
                for s in sources
            ]
        )

        def record(status: str) -> RunRecord:
            return RunRecord(
                run_id=run_id,
                flow="backfill",
                scope=source,  # one backfill per source may run at once on a lake
                started_at=started,
                finished_at=None if status == "running" else _now(),
                status=status,
                items_seen=sum(c.records for c in counts.values()),
                articles_new=sum(c.new for c in counts.values()),
                articles_duplicate=sum(c.duplicate for c in counts.values()),
                failed=sum(c.failed + sum(c.skipped.values()) for c in counts.values()),
                per_source={k: vars(v) for k, v in counts.items()},
            )

        wh.record_run(record("running"))  # seen as 'crashed' by the next run if this one is killed
        with CpuPool(workers) as pool, wh.threads(pool.duckdb_threads):
            for s in sources:
                _backfill_source(
                    s, wh, pool, s.fetch_settings(base), chunk_size, counts[s.name], record, progress
                )
        bad = any(c.failed or c.error for c in counts.values())
        status = "completed_with_failures" if bad else "completed"
        wh.record_run(record(status))
        search_index(wh, force=False)  # every chunk kept it current: a check
    return BackfillSummary(run_id, status, counts)


def _records(src: Source, start: Position | None, settings: FetchSettings, session: FetchSession):
    if src.kind == "warc":
        return read_warc(
            src.location, source=src.name, start=start, settings=settings, allow_private=src.allow_private
        )
    if src.kind == "jsonl":
        return read_jsonl(
            src.location, source=src.name, start=start, settings=settings, allow_private=src.allow_private
        )
    return walk_sitemap(
        session,
        src.url,
        source=src.name,
        since=src.since,
        until=src.until,
        start=start,
        allow_private=src.allow_private,
        stats=WalkStats(),
    )


def _chunks(records: Iterable[ArchiveRecord], size: int) -> Iterator[list[ArchiveRecord]]:
    part: list[ArchiveRecord] = []
    for r in records:
        part.append(r)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


def _backfill_source(
    src: Source,
    wh: Warehouse,
    pool: CpuPool,
    settings: FetchSettings,
    chunk_size: int,
    counts: BackfillCounts,
    record: Callable[[str], RunRecord],
    progress: Progress | None,
) -> None:
    log = get_run_logger()
    stored = wh.backfill_checkpoint(src.name, src.location)
    if stored is not None and stored.done:
        log.info("%s: already read to its end (checkpoint %s)", src.name, stored.position)
        counts.resumed_from = stored.position
        return
    start = None
    if stored is not None:
        start = Position.decode(stored.position)
        counts.resumed_from = stored.position
        log.info("%s: resuming at %s", src.name, stored.position)
    total_records = stored.records if stored else 0
    size = _input_size(src)
    with FetchSession(settings) as session:
        last: ArchiveRecord | None = None
        # article ids of the chunks selected last, maybe not committed yet (prefetched: the
        # AHEAD chunks before the one being selected may not be; one more kept, to be safe)
        in_flight: deque[set[str]] = deque(maxlen=AHEAD + 1)

        def select(part: list[ArchiveRecord]) -> _Part:
            selected = _select(src, part, wh, set().union(*in_flight))
            in_flight.append({aid for aid, _ in selected.todo})
            pool.start(len(selected.todo))  # the workers start while the first pages are read and fetched
            return selected

        def fetch(selected: _Part) -> _Works:
            return _works(src, selected, session.fetch_many, pool)

        def commit(chunk: Chunk, part: _Part) -> None:
            nonlocal total_records, last
            load(wh, unvisited(chunk))
            total_records += len(part.records)
            last = part.records[-1]
            log.info(
                "%s: chunk committed: %d articles loaded (%d records read so far)",
                src.name,
                len(chunk.articles),
                counts.records,
            )
            if progress is not None:
                progress(src.name, counts.records, (last.resume.offset / size) if size else None)

        # the archive is read and the next chunk's pages fetched (sitemaps) on a thread while
        # this chunk is extracted, cleaned and loaded (flows/pipeline.py, as in ingest); that
        # thread hands the next chunk's pages to the pool a piece at a time as they are read or
        # fetched, so the workers go from one chunk to the next without waiting for the writer
        for selected, built in prefetched(
            _chunks(_records(src, start, settings, session), chunk_size),
            fetch,
            select,
            ahead=AHEAD,
        ):
            ready = _finish_part(src, selected, built, wh, counts, record)
            del built
            commit(ready, selected)
            del ready
        # the input is read to its end: mark it done (with no chunk, the position stays)
        end = (
            last.resume.encode()
            if last is not None
            else (stored.position if stored else Position(src.location).encode())
        )
        wh.load_chunk(
            Chunk(
                run=record("running"),
                checkpoints=[Checkpoint(src.name, src.location, end, total_records, True)],
            )
        )


def _input_size(src: Source) -> int | None:
    """A local file's size, for the progress bar's fraction (None for URLs and sitemaps)."""
    if src.kind == "sitemap" or "://" in src.location:
        return None
    try:
        return Path(src.location).stat().st_size
    except OSError:
        return None


def _item(src: Source, r: ArchiveRecord) -> FeedItem:
    return FeedItem(
        source=src.name,
        guid=r.url,
        url=r.url,
        title=r.title,
        summary=None,
        content=r.text,
        published_at=r.published_at,
    )


@dataclass
class _Part:
    """A chunk of records sorted out before its pages are fetched: what to build (and fetch),
    and what was passed over (counted into the run only when the chunk is committed)."""

    records: list[ArchiveRecord]
    todo: list[tuple[str, ArchiveRecord]]  # (article id, record) not loaded yet
    log_rows: list[FetchLogRow]
    skipped: dict[str, int]
    duplicate: int


def _select(src: Source, part: list[ArchiveRecord], wh: Warehouse, in_flight: set[str]) -> _Part:
    """Skips logged and counted; pages already loaded (or in the chunk before, not committed yet)
    passed over, so a page is never fetched twice; the rest to build."""
    log_rows: list[FetchLogRow] = []
    skipped: dict[str, int] = {}
    usable: list[tuple[str, ArchiveRecord]] = []
    seen = set(in_flight)
    duplicate = 0
    for r in part:
        if not r.ok:
            kind = r.skip_kind or "other"
            skipped[kind] = skipped.get(kind, 0) + 1
            if r.bad:
                log_rows.append(
                    FetchLogRow(src.name, r.url or r.position.input, "item", "skipped", _now(), error=r.skip)
                )
            continue
        aid = item_article_id(_item(src, r))
        if aid is None or aid in seen:
            duplicate += 1
            continue
        seen.add(aid)
        usable.append((aid, r))
    known = wh.known_articles([a for a, _ in usable]) if usable else {}
    todo = [(a, r) for a, r in usable if a not in known]
    duplicate += len(usable) - len(todo)
    return _Part(part, todo, log_rows, skipped, duplicate)


def _page_requests(src: Source, todo: list[tuple[str, ArchiveRecord]]) -> list[FetchRequest]:
    """The pages of these records that need a fetch (sitemap entries), in order."""
    out = []
    for _, r in todo:
        if r.needs_fetch:
            assert r.url is not None  # only sitemap entries need a fetch, and each carries its URL
            out.append(
                FetchRequest(
                    url=r.url,
                    private_hosts=private_hosts(src),
                    accept=PAGE_ACCEPT,
                    kind="page",
                    group=src.name,
                )
            )
    return out


@dataclass
class _Works:
    """A chunk's build in the pool, and what it adds to the run once it is committed."""

    works: list[Work]
    raw: dict[str, RawDocument]
    building: Building
    log_rows: list[FetchLogRow]
    failed: int


def _works(
    src: Source,
    part: _Part,
    fetch: Callable[[list[FetchRequest]], list[FetchResult]],
    pool: CpuPool,
) -> _Works:
    """A chunk's pages (archived, or fetched for sitemaps) handed to the pool a piece at a time
    (`CpuPool.piece`: the workers start on the first pages while the rest are fetched); nothing
    is counted into the run yet (the chunk before may not be committed). Runs on the prefetch
    thread."""
    out = _Works([], {}, Building([], None), list(part.log_rows), 0)

    def parts() -> Iterator[list[Work]]:
        size = pool.piece(len(part.todo))
        for i in range(0, len(part.todo), size):
            todo = part.todo[i : i + size]
            results = iter(fetch(_page_requests(src, todo)))
            works = [w for w in (_work(src, r, results, out) for _aid, r in todo) if w is not None]
            out.works += works
            yield works

    out.building = pool.submit_parts(len(part.todo), parts(), out.raw)
    return out


def _work(src: Source, r: ArchiveRecord, results: Iterator[FetchResult], out: _Works) -> Work | None:
    """One record's Work (its fetched page taken from `results` when it needs one), its payload
    added to `out.raw`; None, with a log line and a count, when its page could not be fetched."""
    w = Work(_item(src, r), replace(src.hints, fetch_pages=True))
    status: int | None
    content, url, ctype, fetched_at, status = r.content, r.url, r.content_type, r.fetched_at, 200
    if r.needs_fetch:
        res = next(results)
        out.log_rows.extend(_log_rows(res, src.name, "page"))
        if not res.ok:
            out.failed += 1
            out.log_rows.append(
                FetchLogRow(
                    src.name,
                    r.url or "",
                    "item",
                    "skipped",
                    _now(),
                    error=f"page fetch failed: {res.error}",
                )
            )
            return None
        content, url, ctype, fetched_at, status = (
            res.content,
            res.final_url or res.url,
            res.content_type,
            res.fetched_at,
            res.status,
        )
    if content is not None:
        d = RawDocument(
            doc_id(content),
            url or "",
            src.name,
            "page",
            fetched_at or _now(),
            status,
            ctype,
            None,
            None,
            content,
        )
        out.raw[d.doc_id] = d
        w = replace(w, html=content, url=url, content_type=ctype, fetched_at=fetched_at, page_doc=d.doc_id)
    return w


def _finish_part(
    src: Source,
    part: _Part,
    built: _Works,
    wh: Warehouse,
    counts: BackfillCounts,
    record: Callable[[str], RunRecord],
) -> Chunk:
    """One chunk's commit (its articles, payloads, log rows and the checkpoint after its last
    record), its counts added to the run's; the caller sketches and loads it."""
    counts.records += len(part.records)
    counts.duplicate += part.duplicate
    counts.failed += built.failed
    for kind, n in part.skipped.items():
        counts.skipped[kind] = counts.skipped.get(kind, 0) + n
    log_rows = built.log_rows
    articles = []
    for w, a in zip(built.works, build_chunk(built.building)):
        if isinstance(a, str):
            counts.failed += 1
            log_rows.append(FetchLogRow(src.name, w.item.url or "", "item", "skipped", _now(), error=a))
        else:
            counts.new += 1
            articles.append(a)
    stored = wh.backfill_checkpoint(src.name, src.location)
    checkpoint = Checkpoint(
        src.name,
        src.location,
        part.records[-1].resume.encode(),
        (stored.records if stored else 0) + len(part.records),
        False,
    )
    return Chunk(
        run=record("running"),
        articles=articles,
        raw_documents=list(built.raw.values()),
        fetch_log=log_rows,
        checkpoints=[checkpoint],
    )
