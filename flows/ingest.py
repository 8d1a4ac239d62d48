"""The `ingest` flow: fetch -> parse -> fetch pages -> extract -> clean -> dedup -> load.

Tasks work on whole chunks (never one task per article). The run holds one
Warehouse session from start to end (warehouse/session.py): it reads the
state, fetches and parses the feeds, then streams the items in chunks of a few
hundred, each extracted and cleaned on every core (flows/pipeline.py), deduped
and committed in its own transaction (`Warehouse.load_chunk`). A run killed at
any point loses only the chunk in flight; the next run skips what is committed.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from typing import Generic, TypeVar, cast
from urllib.parse import urlsplit

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import State
from prefect.runtime import flow_run
from prefect.states import Failed
from prefect.utilities.annotations import quote

from transforms.assemble import item_article_id, needs_page
from transforms.feeds import ParsedFeed
from transforms.fingerprint import doc_id
from transforms.records import Article, FeedItem
from warehouse import dedup
from warehouse import events as event_store
from warehouse.records import Chunk, EventsDone, FetchLogRow, RawDocument, RunRecord, SourceRow, Validators
from warehouse.session import Warehouse

from .http import FetchRequest, FetchResult, FetchSession, FetchSettings
from .maintain import search_index
from .pipeline import AHEAD, Building, CpuPool, Work, parse_feed_at, prefetched
from .polling import FeedPoller, PollReport, host_settings, plan_polls, polling_markdown, save_polls
from .sources import DEFAULT_SOURCES, Source, load_sources, shard_sources

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


@dataclass(slots=True)
class SourceCounts:
    fetched: int = 0
    not_modified: int = 0
    items: int = 0
    new: int = 0
    updated: int = 0
    duplicate: int = 0
    failed: int = 0
    adjusted: int = (
        0  # items loaded with a field we did not trust dropped (future/unparseable date, bad link)
    )
    error: str | None = None  # why the whole source failed this run, if it did


@dataclass
class RunSummary:
    """What a run did; returned by the flow and printed by the CLI."""

    run_id: str
    status: str
    per_source: dict[str, SourceCounts]
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (source, url, reason)
    polling: PollReport | None = None  # feeds not due, moved, health changes (flows/polling.py)

    def total(self, key: str) -> int:
        return sum(getattr(c, key) for c in self.per_source.values())

    @property
    def failed_sources(self) -> list[str]:
        return [name for name, c in self.per_source.items() if c.error]

    def top_failures(self, n: int = 5) -> list[tuple[str, int]]:
        return Counter(reason for _, _, reason in self.failures).most_common(n)

    @property
    def outcome(self) -> str:
        """ "failed" when no source could be read, "partial" when some sources or items failed,
        else "ok" (the exit-code contract in README: 1, 3, 0)."""
        unread = [c for c in self.per_source.values() if c.error and not c.items and not c.not_modified]
        if self.per_source and len(unread) == len(self.per_source):
            return "failed"
        return "partial" if self.failures else "ok"


def _now() -> datetime:
    return datetime.now(UTC)


def _raw(result: FetchResult, source: str, kind: str) -> RawDocument:
    assert result.content is not None  # only successful fetches (result.ok) are kept
    return RawDocument(
        doc_id=doc_id(result.content),
        url=result.final_url or result.url,
        source=source,
        kind=kind,
        fetched_at=result.fetched_at or _now(),
        http_status=result.status,
        content_type=result.content_type,
        etag=result.etag,
        last_modified=result.last_modified,
        payload=result.content,
    )


def _log_rows(result: FetchResult, source: str, kind: str) -> list[FetchLogRow]:
    return [
        FetchLogRow(
            source=source,
            url=a.url,
            kind=a.kind or kind,
            status=a.status,
            bytes=a.bytes,
            elapsed_ms=a.elapsed_ms,
            attempt=a.attempt,
            outcome=a.outcome,
            error=a.error,
            fetched_at=a.fetched_at,
        )
        for a in result.attempts
    ]


def _counts(c: SourceCounts) -> dict:
    return {f: getattr(c, f) for f in SourceCounts.__slots__}


T = TypeVar("T")


def unvisited(value: T) -> T:
    """`value` as a task argument Prefect passes through as it is (its `quote`) instead of walking
    every element and field looking for futures: py-spy on a backfill's writer found that walk
    (`visit_collection` over a chunk's articles, payloads and sketches, for the `load` task runs
    and the sketch and event-terms ones then separate) in a third of its busy samples."""
    return cast(T, quote(value))


class Whole(Generic[T]):
    """A task's list or dict result handed back as one object (`.value`). Prefect links every
    element of a list or dict a task returns to the task run's state (`FlowRunContext.run_results`,
    an entry per element kept until the flow run ends): a run over thousands of feeds kept an
    entry per feed answer, parsed feed and built article. It does not look into this object."""

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value


@task(name="read-state", cache_policy=NO_CACHE)
def read_state(
    wh: Warehouse, sources: list[Source], configured: list[Source] | None = None
) -> Whole[dict[str, Validators]]:
    """Register the configured sources (default: `sources`) and read the conditional-GET
    validators of the feeds about to be polled (`sources`, at the URLs polled); `configured`
    empty: register none (a later batch of the same run)."""
    register = sources if configured is None else configured
    if register:
        wh.upsert_sources(
            [
                SourceRow(s.name, s.kind, s.url, s.syndicator, s.agency, s.fetch_pages, s.allow_private)
                for s in register
            ]
        )
    return Whole(wh.http_validators([s.url for s in sources]))


def private_hosts(source: Source) -> frozenset[str]:
    """Host names whose private addresses a source may reach: its own feed host, if allow_private."""
    host = urlsplit(source.url).hostname
    return frozenset({host.lower()}) if source.allow_private and host else frozenset()


@task(name="fetch-feeds", cache_policy=NO_CACHE)
def fetch_feeds(
    sources: list[Source], validators: dict[str, Validators], sessions: _Sessions
) -> Whole[list[FetchResult]]:
    """The feed URLs are operator-configured (trusted); their redirects are not."""
    requests = []
    for s in sources:
        stored = validators.get(s.url) or Validators(s.url)
        requests.append(
            FetchRequest(
                url=s.url,
                trusted=s.moved_from is None,  # where a redirect moved a feed is not operator-configured
                private_hosts=private_hosts(s),
                etag=stored.etag,
                last_modified=stored.last_modified,
                accept=FEED_ACCEPT,
                kind="feed",
                group=s.name,
            )
        )
    return Whole(sessions.fetch(requests))


PARSE_INLINE_BELOW = 256 * 1024  # feed bytes a batch parses in this process (below: the pool costs more)


@task(name="parse-feeds", cache_policy=NO_CACHE)
def parse_feeds(
    sources: list[Source], results: list[FetchResult], pool: CpuPool
) -> Whole[list[ParsedFeed | None]]:
    """The fetched feeds parsed on the pool's workers: feedparser takes ~0.6 ms of CPU an item
    (1.3 s for 4 feeds of 500 items, 2 minutes for 1,000 feeds of 200), which held the writer
    while the workers waited for the first pages."""
    fetched = [(s, r) for s, r in zip(sources, results) if r.ok and r.content is not None]
    parsed = pool.map(
        parse_feed_at,
        [s.name for s, _r in fetched],
        [r.content for _s, r in fetched],
        [r.final_url or r.url for _s, r in fetched],
        [r.content_type for _s, r in fetched],
        [r.fetched_at or _now() for _s, r in fetched],
        inline=sum(len(r.content or b"") for _s, r in fetched) < PARSE_INLINE_BELOW,
    )
    it = iter(parsed)
    return Whole([next(it) if r.ok and r.content is not None else None for r in results])


@task(name="known-articles", cache_policy=NO_CACHE)
def read_known(wh: Warehouse, ids: list[str]) -> Whole[dict[str, str]]:
    return Whole(wh.known_articles(ids))


def build_chunk(building: Building) -> list[Article | str]:
    """A chunk's pages extracted and cleaned on every core, their payloads gzip'd there
    (flows/pipeline.py): waits for what `CpuPool.submit` started. Not a task: it only waits for
    the pool, and a task run cost the writer ~5 ms and the Prefect server ~20 ms of CPU a chunk
    for that (the chunk stays visible in Prefect as its `load` task run)."""
    return building.result()


def prepared(chunk: Chunk) -> Chunk:
    """The chunk with the first halves of dedup and events: its copies' MinHash sketches (pure, the
    slow part; computed here, outside the load's transaction) and their term bags (weighed only
    when the load reads one: only new stories' canonical copies need theirs, warehouse/events.py)."""
    if not chunk.articles or chunk.stories is not None:
        return chunk
    return replace(chunk, stories=dedup.prepare(chunk.articles), events=event_store.prepare(chunk.articles))


@task(name="load", cache_policy=NO_CACHE)
def load(wh: Warehouse, chunk: Chunk) -> dedup.Assignment:
    """Dedup and events: sketch the copies (pure, before the transaction), then assign stories
    against history, write, assign the new stories' events (their terms weighed then), in one commit.
    One task run, not three: each task run costs the writer ~5 ms and the Prefect server ~20 ms
    of CPU (three state changes through its API), a chunk's worth of pages every few seconds."""
    return wh.load_chunk(prepared(chunk))


DEFAULT_CHUNK_SIZE = 200
FEED_BATCH = 500  # feeds fetched and parsed at a time (see _ingest)


@flow(name="ingest", log_prints=True)
def ingest(
    sources_file: str = str(DEFAULT_SOURCES),
    db: str | None = None,
    limit: int | None = None,
    base_url: str | None = None,
    settings: FetchSettings | None = None,
    lock_wait: float | None = None,
    warehouse: Warehouse | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    workers: int | None = None,
    all_feeds: bool = False,
    shard: str | None = None,
) -> RunSummary | State:
    """Fetch the due feeds (every feed with `all_feeds`), load new and changed articles; safe to
    run again at any time. Which feeds are due: flows/polling.py, docs/operations.md.

    One writer at a time: the run works in one Warehouse session (the caller's
    `warehouse`, or one opened on `db`, waiting at most `lock_wait` seconds for
    another writer). The items are processed in chunks of `chunk_size`, each
    committed in its own transaction, so a run killed at any point loses only
    its current chunk and the next run picks up the rest. `workers` processes
    extract and clean (default: one per core; 0 or 1: in this process). `shard` "k/n" takes
    only the sources whose name hashes to share k of n (flows/sources.py): n workers, one per
    share, ingest every source once, at the same time on a DuckLake warehouse.
    Every chunk keeps the search index current in its own commit (warehouse/search.py), and the
    session publishes the read snapshot when the run succeeds.
    """
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    settings = settings or FetchSettings()
    sources = shard_sources(load_sources(sources_file, base_url=base_url), shard)
    with Warehouse.use(warehouse, db, job="ingest", wait=lock_wait) as wh:
        with (
            _Sessions(sources, settings) as sessions,
            CpuPool(workers) as pool,
            wh.threads(pool.duckdb_threads),
        ):
            summary = _ingest(sources, wh, limit, sessions, pool, chunk_size, all_feeds, shard)
        search_index(wh, force=False)  # every chunk kept it current: a check
    if summary.outcome == "failed":  # recorded in `runs` and the artifact; the flow run ends Failed
        return Failed(message=f"no source could be read ({len(summary.failed_sources)} failed)", data=summary)
    return summary


class _Sessions:
    """One FetchSession per distinct politeness (a source's delay/concurrency/robots overrides
    applied to the run's settings); sources sharing settings share a client and per-host clocks."""

    def __init__(self, sources: list[Source], base: FetchSettings):
        self._settings = host_settings(sources, base)  # one session per feed host: politeness holds
        self._sessions: dict[FetchSettings, FetchSession] = {}

    def __enter__(self) -> _Sessions:
        for st in dict.fromkeys(self._settings.values()):
            self._sessions[st] = FetchSession(st).__enter__()
        return self

    def __exit__(self, *exc) -> None:
        for session in self._sessions.values():
            session.__exit__(*exc)

    def fetch(self, requests: list[FetchRequest]) -> list[FetchResult]:
        """Fetch all requests (order kept), each through its source's session, sessions concurrently."""
        groups: dict[FetchSession, list[int]] = {}
        for i, r in enumerate(requests):
            assert r.group is not None  # every request names its source
            groups.setdefault(self._sessions[self._settings[r.group]], []).append(i)
        out: list[FetchResult | None] = [None] * len(requests)
        if len(groups) <= 1:
            for session, idx in groups.items():
                for i, res in zip(idx, session.fetch_many([requests[i] for i in idx])):
                    out[i] = res
            return out  # type: ignore[return-value]
        with ThreadPoolExecutor(len(groups)) as threads:
            futures = {
                threads.submit(session.fetch_many, [requests[i] for i in idx]): idx
                for session, idx in groups.items()
            }
            for fut, idx in futures.items():
                for i, res in zip(idx, fut.result()):
                    out[i] = res
        return out  # type: ignore[return-value]


class _Run:
    """The bookkeeping of one run: counts per source, failures; the fetch log, payloads and
    validators of the chunk being built (handed to the warehouse and cleared at each commit)."""

    def __init__(self, sources: list[Source], scope: str | None = None):
        self.scope = scope  # the shard (k/n) when the run covers a share of the sources
        self.run_id = flow_run.get_id() or str(uuid.uuid4())
        self.started = _now()
        self.counts = {s.name: SourceCounts() for s in sources}
        self.failures: list[tuple[str, str, str]] = []
        self.fetch_log: list[FetchLogRow] = []
        self.raw_docs: dict[str, RawDocument] = {}
        self.cache_rows: dict[str, Validators] = {}  # per source: feed validators, stored when its items are
        self.pending: set[str] = set()  # sources with items left for the next run

    def wait_for_rerun(self, source: str) -> None:
        """Items of `source` are left for the next run: keep its validators unstored (or a 304 would
        hide them) and poll it again soon."""
        self.cache_rows.pop(source, None)
        self.pending.add(source)

    def _item_row(self, source: str, url: str | None, outcome: str, text: str) -> None:
        self.fetch_log.append(
            FetchLogRow(
                source=source, url=url or "", kind="item", outcome=outcome, error=text, fetched_at=_now()
            )
        )

    def fail(self, source: str, url: str | None, reason: str, kind: str = "item") -> None:
        self.counts[source].failed += 1
        self.failures.append((source, url or "", reason))
        if kind == "item":
            self._item_row(source, url, "skipped", reason)

    def note(self, source: str, url: str | None, text: str) -> None:
        """An item loaded with a value we did not trust dropped (future date, bad link)."""
        self.counts[source].adjusted += 1
        self._item_row(source, url, "adjusted", text)

    def keep_raw(self, result: FetchResult, source: str, kind: str) -> str:
        raw = _raw(result, source, kind)
        self.raw_docs[raw.doc_id] = raw
        return raw.doc_id

    def log_requests(self, result: FetchResult, source: str, kind: str) -> None:
        self.fetch_log.extend(_log_rows(result, source, kind))

    def summary(self, polling: PollReport | None = None) -> RunSummary:
        status = "completed_with_failures" if self.failures else "completed"
        return RunSummary(self.run_id, status, self.counts, self.failures, polling)

    def record(self, summary: RunSummary, status: str | None = None) -> RunRecord:
        """The run's `runs` row: status 'running' (no finished_at) while chunks are committed."""
        return RunRecord(
            run_id=self.run_id,
            flow="ingest",
            started_at=self.started,
            finished_at=None if status == "running" else _now(),
            status=status or summary.status,
            feeds_fetched=summary.total("fetched"),
            feeds_not_modified=summary.total("not_modified"),
            items_seen=summary.total("items"),
            articles_new=summary.total("new"),
            articles_duplicate=summary.total("duplicate"),
            failed=summary.total("failed"),
            # per source only in the final row: a 'running' row rewritten at every commit with
            # every polled feed's counts grew with the feeds (a JSON of ~130 bytes a feed, each chunk)
            per_source=None if status == "running" else {k: _counts(v) for k, v in self.counts.items()},
            top_failures=[{"reason": r, "count": n} for r, n in summary.top_failures()],
            scope=self.scope,
        )

    def chunk(self, articles: list[Article], stories, validators: list[Validators], events=None) -> Chunk:
        """What this commit writes: the articles, and the payloads and log rows gathered since the last."""
        chunk = Chunk(
            run=self.record(self.summary(), "running"),
            articles=articles,
            raw_documents=list(self.raw_docs.values()),
            fetch_log=self.fetch_log,
            http_cache=validators,
            stories=stories,
            events=events,
        )
        self.raw_docs, self.fetch_log = {}, []
        return chunk


def _read_feeds(
    run: _Run,
    sources: list[Source],
    wh: Warehouse,
    sessions: _Sessions,
    pool: CpuPool,
    poller: FeedPoller | None = None,
    register: bool = True,
) -> tuple[list[tuple[FeedItem, Source]], dict[str, str]]:
    """Fetch and parse these feeds (conditional GET); returns the items and each feed's raw doc id.
    The bodies and parsed feeds are dropped here: what is kept is the items, the payloads for the
    next commit (`run.raw_docs`) and the poller's small per-feed notes. `register`: also register
    every configured source (the first batch of a run)."""
    log = get_run_logger()
    configured = (poller.configured if register else []) if poller else None
    validators = read_state(wh, sources, configured).value
    results = fetch_feeds(sources, validators, sessions).value
    parsed = parse_feeds(sources, results, pool).value
    feed_docs: dict[str, str] = {}
    items: list[tuple[FeedItem, Source]] = []
    for s, r, p in zip(sources, results, parsed):
        if poller is not None:
            poller.observe(s, r, p)
        counts = run.counts[s.name]
        if r.not_modified:
            run.log_requests(r, s.name, "feed")
            counts.not_modified += 1
            log.debug("%s: not modified", s.name)  # thousands of feeds: not a line each
            continue
        if not r.ok:
            run.log_requests(r, s.name, "feed")
            counts.error = f"feed fetch failed: {r.error}"
            run.fail(s.name, s.url, counts.error, kind="feed")
            if r.host_backoff:  # thousands of feeds on a host: not a line each (the summary says it)
                log.debug("%s: not polled: %s", s.name, r.error)
            else:
                log.warning("%s: feed failed: %s", s.name, r.error)
            continue
        counts.fetched += 1
        if p is None or p.error:
            reason = p.error if p else "not parsed"
            last = r.attempts[-1]  # the request worked, its answer is not usable
            last.outcome, last.error = "rejected", reason
            run.log_requests(r, s.name, "feed")
            counts.error = f"feed unusable: {reason}"
            run.fail(s.name, s.url, counts.error, kind="feed")
            log.warning("%s: %s", s.name, reason)
            continue
        run.log_requests(r, s.name, "feed")
        feed_docs[s.name] = run.keep_raw(r, s.name, "feed")
        if r.etag or r.last_modified:
            run.cache_rows[s.name] = Validators(s.url, r.etag, r.last_modified)
        for key, text in p.notes:
            run.note(s.name, key, text)
        items.extend((it, s) for it in p.items)
        counts.items += len(p.items)
    return items, feed_docs


def _select_work(
    run: _Run,
    items: list[tuple[FeedItem, Source]],
    wh: Warehouse,
    limit: int | None,
    seen: set[str] | None = None,
) -> tuple[list[tuple[str, FeedItem, Source]], dict[str, str]]:
    """One copy per id (`seen`: ids an earlier batch of the run took, updated here); drop pages
    already loaded; apply --limit (the items this batch may still take). Returns the work and the
    known ids among the items."""
    log = get_run_logger()
    seen = set() if seen is None else seen
    unique: dict[str, tuple[FeedItem, Source]] = {}
    again: list[str] = []  # ids an earlier batch took: duplicates, but known or not for count_new
    for item, s in items:
        aid = item_article_id(item)
        if aid is None:
            run.fail(s.name, item.url, item.error or "item has neither link nor guid")
        elif aid in unique or aid in seen:
            run.counts[s.name].duplicate += 1
            again.append(aid)
        else:
            unique[aid] = (item, s)
    seen.update(unique)
    ids = list(dict.fromkeys([*unique, *again]))
    known = read_known(wh, unvisited(ids)).value if ids else {}
    todo: list[tuple[str, FeedItem, Source]] = []
    for aid, (item, s) in unique.items():
        if aid in known and needs_page(item, s.hints):
            run.counts[s.name].duplicate += 1  # page already loaded: never fetched twice
        else:
            todo.append((aid, item, s))  # feed text is re-cleaned: it may have changed
    if limit is not None and len(todo) > limit:
        # the rest waits for the next run: keep no validators for the feeds it came from,
        # or a 304 would hide it until the feed changes
        for _aid, _item, s in todo[limit:]:
            run.wait_for_rerun(s.name)
        log.info("--limit: %d items left for the next run", len(todo) - limit)
        todo = todo[:limit]
    return todo, known


def _page_requests(todo: list[tuple[str, FeedItem, Source]]) -> list[FetchRequest]:
    """The pages of a chunk's summary-only items (article links are untrusted: SSRF rules apply)."""
    return [
        FetchRequest(
            url=item.url, private_hosts=private_hosts(s), accept=PAGE_ACCEPT, kind="page", group=s.name
        )
        for _aid, item, s in todo
        if needs_page(item, s.hints) and item.url
    ]


@dataclass
class _Paired:
    """A chunk's items paired with their fetched pages, before anything of it is counted: its
    payloads, fetch-log rows, failures and notes are applied to the run (`apply`) only when the
    chunk is finished, so a chunk can be submitted to the pool while the one before it is still
    being waited for and counted (each commit carries only its own chunk's bookkeeping)."""

    works: list[Work]
    raw: dict[str, RawDocument]  # the chunk's page payloads by doc id (the pool gzips them)
    effects: list[Callable[[_Run], None]]

    def apply(self, run: _Run) -> None:
        for effect in self.effects:
            effect(run)
        run.raw_docs.update(self.raw)
        self.effects, self.raw = [], {}


def _works(
    todo: list[tuple[str, FeedItem, Source]], results: list[FetchResult], feed_docs: dict[str, str]
) -> _Paired:
    """Pair a chunk's items with their fetched pages; a page that failed in a way that may heal is
    recorded as failed (the item waits for a rerun). Nothing is counted into the run here (_Paired)."""
    fetched = iter(results)
    works = []
    raw: dict[str, RawDocument] = {}
    effects: list[Callable[[_Run], None]] = []
    for _aid, item, s in todo:
        w = Work(item, s.hints, feed_doc=feed_docs.get(s.name))
        if not (needs_page(item, s.hints) and item.url):
            works.append(w)
            continue
        r = next(fetched)
        effects.append(partial(_Run.log_requests, result=r, source=s.name, kind="page"))
        if r.ok:
            doc = _raw(r, s.name, "page")
            raw[doc.doc_id] = doc
            works.append(
                replace(
                    w,
                    html=r.content,
                    url=r.final_url or r.url,
                    content_type=r.content_type,
                    fetched_at=r.fetched_at,
                    page_doc=doc.doc_id,
                )
            )
        elif not r.retryable:  # failed for good (404, refused link ...): assemble falls back to the summary
            works.append(replace(w, page_failure=f"page fetch failed: {r.error}"))
            text = f"page fetch failed for good ({r.error}): the feed's summary is used"
            effects.append(partial(_Run.note, source=s.name, url=item.url, text=text))
        else:
            effects.append(partial(_page_failed, source=s.name, url=item.url, error=r.error))
    return _Paired(works, raw, effects)


def _fetch_and_submit(
    part: list[tuple[str, FeedItem, Source]],
    sessions: _Sessions,
    pool: CpuPool,
    feed_docs: dict[str, str],
) -> tuple[_Paired, Building]:
    """A chunk's pages fetched a piece at a time (`CpuPool.piece`), each piece paired and handed to
    the pool as soon as it is fetched (on the prefetch thread: nothing is counted into the run
    here, _Paired). `feed_docs` is only read: the writer drops a feed's entry once its last item is
    committed, and no later chunk then names that feed."""
    paired = _Paired([], {}, [])

    def parts() -> Iterator[list[Work]]:
        size = pool.piece(len(part))
        for i in range(0, len(part), size):
            sub = part[i : i + size]
            got = _works(sub, sessions.fetch(_page_requests(sub)), feed_docs)
            paired.works += got.works
            paired.raw.update(got.raw)
            paired.effects += got.effects
            yield got.works

    return paired, pool.submit_parts(len(part), parts(), paired.raw)


def _page_failed(run: _Run, source: str, url: str | None, error: str | None) -> None:
    """A page that may heal (5xx, timeout): the item fails this run and waits for the next."""
    run.fail(source, url, f"page fetch failed: {error}")
    if (error or "").startswith("given up") and not run.counts[source].error:
        run.counts[source].error = f"pages {error}"
    # keep the feed's validators unstored: the next run re-reads it and retries
    run.wait_for_rerun(source)


def _keep_changed(
    run: _Run, works: list[Work], built: list[Article | str], known: dict[str, str]
) -> list[Article]:
    """Count the chunk's results; keep what is new or changed."""
    to_load = []
    for w, a in zip(works, built):
        if isinstance(a, str):
            run.fail(w.item.source, w.item.url, a)
            continue
        old_hash = known.get(a.article_id)
        if old_hash is None:
            run.counts[a.source].new += 1
        elif old_hash != a.content_hash:
            run.counts[a.source].updated += 1
        else:
            run.counts[a.source].duplicate += 1
            continue
        to_load.append(a)
    return to_load


def _drained(
    chunks: list[list[tuple[str, FeedItem, Source]]],
) -> Iterator[list[tuple[str, FeedItem, Source]]]:
    """The chunks in order, each let go of by the list as it is taken (a batch's processed chunks
    are not kept until the batch ends)."""
    chunks.reverse()
    while chunks:
        yield chunks.pop()


def _done_validators(run: _Run, left: Counter, stored: set[str]) -> list[Validators]:
    """Validators of the feeds whose every item is now committed (none left, not stored yet)."""
    out = []
    for name, v in list(run.cache_rows.items()):
        if left[name] == 0 and name not in stored:
            stored.add(name)
            out.append(v)
            del run.cache_rows[name]  # stored with this commit: nothing to keep
            left.pop(name, None)
    return out


def _ingest(
    sources: list[Source],
    wh: Warehouse,
    limit: int | None,
    sessions: _Sessions,
    pool: CpuPool,
    chunk_size: int,
    all_feeds: bool = True,
    shard: str | None = None,
) -> RunSummary:
    """The body of the ingest flow (inside its Warehouse session): fetch + parse feeds -> select,
    then per chunk: fetch pages (the next chunk's while this one is processed) -> extract + clean
    (process pool) -> dedup -> load, one transaction per chunk."""
    log = get_run_logger()
    poller = plan_polls(wh, sources, all_feeds, _now())  # the due feeds, at their current URLs
    run = _Run(poller.due, shard)
    crashed = wh.mark_crashed_runs(run.run_id, scope=shard)
    if crashed:
        log.warning("%d earlier run(s) left 'running' by a killed process marked 'crashed'", crashed)
    log.info("%d feed(s) due, %d not due", len(poller.due), poller.report.not_due)
    # The due feeds are polled FEED_BATCH at a time: a batch's bodies and parsed feeds are
    # dropped once its items are selected, and its payloads and fetch log are committed before
    # the next batch is fetched, so memory follows the batch and chunk sizes, not the number of
    # feeds. Selected items wait in `waiting` until a chunk is full (or the last batch is read).
    # Nothing due: no sources to register, no feed to fetch (a scheduled run is then cheap).
    batches = [poller.due[i : i + FEED_BATCH] for i in range(0, len(poller.due), FEED_BATCH)] or [[]]
    seen: set[str] = set()  # article ids taken by this run (one copy per id across batches)
    known: dict[str, str] = {}  # article_id -> content_hash of the waiting items already loaded
    feed_docs: dict[str, str] = {}  # source -> its feed's raw doc id, while items of it wait
    left: Counter = Counter()  # items per feed not committed yet
    stored: set[str] = set()
    waiting: list[tuple[str, FeedItem, Source]] = []
    taken = n = done_items = 0
    new_stories = joined = merges = 0
    events = EventsDone()

    def finish(part: list[tuple[str, FeedItem, Source]], paired: _Paired, building: Building) -> Chunk:
        """Chunk k's commit, taken before chunk k+1's pages are counted: its results, the payloads
        and log rows gathered for it, the validators of the feeds it completes."""
        nonlocal done_items
        built = build_chunk(building)  # paired.raw's pages now carry their gzip'd copies
        paired.apply(run)
        to_load = _keep_changed(run, paired.works, built, known)
        for aid, _item, s in part:
            left[s.name] -= 1
            known.pop(aid, None)
            if not left[s.name]:  # the feed's last waiting item: its doc id is not needed again
                feed_docs.pop(s.name, None)
        done_items += len(part)
        return run.chunk(to_load, None, _done_validators(run, left, stored))

    def commit(chunk: Chunk) -> None:
        nonlocal events, new_stories, joined, merges, n
        assignment = load(wh, unvisited(chunk))
        events += assignment.events
        new_stories += assignment.new_stories
        joined += assignment.joined
        merges += len(assignment.merges)
        n += 1
        log.info(
            "chunk %d committed: %d articles loaded (%d of %d items so far)",
            n,
            len(chunk.articles),
            done_items,
            taken,
        )

    for b, batch in enumerate(batches):
        items, docs = (
            _read_feeds(run, batch, wh, sessions, pool, poller, register=b == 0) if batch else ([], {})
        )
        todo, batch_known = _select_work(run, items, wh, None if limit is None else limit - taken, seen)
        poller.count_new(items, batch_known)
        taken += len(todo)
        known.update((aid, batch_known[aid]) for aid, _item, _s in todo if aid in batch_known)
        left.update(s.name for _aid, _item, s in todo)
        feed_docs.update((name, doc) for name, doc in docs.items() if left[name])  # feeds with work only
        del items, docs
        waiting += todo
        del todo, batch_known
        # the batch's feed payloads and log, validators of its feeds with no work (first: the run row)
        load(wh, unvisited(run.chunk([], None, _done_validators(run, left, stored))))
        full = len(waiting) if b == len(batches) - 1 else len(waiting) - len(waiting) % chunk_size
        chunks = [waiting[i : i + chunk_size] for i in range(0, full, chunk_size)]
        waiting = waiting[full:]
        if b == len(batches) - 1 and chunks:  # the run's last chunk: a short load at the end
            chunks[-1:] = pool.last_chunks(chunks[-1])
        if batch:
            log.info(
                "feeds %d-%d of %d read: %d items selected so far",
                b * FEED_BATCH + 1,
                b * FEED_BATCH + len(batch),
                len(poller.due),
                taken,
            )
        # the next chunk's pages are fetched, a piece at a time, and each piece handed to the pool as
        # it arrives, on a thread while this chunk is waited for and loaded (flows/pipeline.py):
        # the workers build the first pages of a chunk while the rest are fetched, and chunk k+1
        # while chunk k is sketched, assigned and loaded
        pool.start(max(map(len, chunks), default=0))  # the workers start while the first pages are fetched
        for part, (paired, building) in prefetched(
            _drained(chunks),
            partial(_fetch_and_submit, sessions=sessions, pool=pool, feed_docs=feed_docs),
            ahead=AHEAD,
        ):
            ready = finish(part, paired, building)
            del paired, building
            commit(ready)
            del ready
        del chunks

    summary = run.summary(save_polls(wh, poller, run.pending, _now()))
    wh.record_run(run.record(summary))
    log.info("stories: %d new, %d copies joined earlier stories, %d merges", new_stories, joined, merges)
    log.info("events: %d stories assigned, %d founded an event", events.stories, events.founded)
    create_markdown_artifact(
        key="ingest-summary",
        markdown=summary_markdown(summary) + polling_markdown(summary.polling),
        description="wirehouse ingest run summary",
    )
    log.info(
        "run %s: %d new, %d updated, %d duplicate, %d failed",
        run.run_id,
        summary.total("new"),
        summary.total("updated"),
        summary.total("duplicate"),
        summary.total("failed"),
    )
    return summary


def summary_markdown(summary: RunSummary) -> str:
    lines = [
        "| source | fetched | not modified | items | new | updated | duplicate | failed | adjusted | source error |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, c in summary.per_source.items():
        error = (c.error or "").replace("|", "\\|")
        lines.append(
            f"| {name} | {c.fetched} | {c.not_modified} | {c.items} | {c.new} | {c.updated} "
            f"| {c.duplicate} | {c.failed} | {c.adjusted} | {error} |"
        )
    if summary.failures:
        lines += ["", "| top failure reasons | count |", "|---|---:|"]
        lines += [f"| {reason.replace('|', chr(92) + '|')} | {n} |" for reason, n in summary.top_failures()]
    return "\n".join(lines)
