"""`Warehouse`: the one handle a run or a reader holds on the warehouse.

Opened once per run, with its backend (warehouse/backend.py), as a context manager:

    with Warehouse.open(db, job="ingest", wait=60) as wh:      # lock, connect, check schema
        validators = wh.http_validators(urls)
        ...
        prepared = dedup.prepare(articles)                     # dedup: sketch (pure, no transaction)
        assignment = wh.load_chunk(Chunk(run, articles, stories=prepared))   # assign + write, one commit
    # leaving the block publishes for readers (file backend: the snapshot) when it succeeded,
    # then closes and releases the writer session

    with Warehouse.open_reader(db) as wh:                       # analysts: snapshot, read-only, locked down
        wh.execute("SELECT ...")

Callers never see SQL: every statement is a commented file in warehouse/sql/ behind a
typed method taking and returning the records of warehouse/records.py.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from transforms.assemble import SourceHints

from . import dedup, load
from . import events as event_store
from .backend import Backend, WarehouseBusy, backend_for, lock_wait_default
from .db import QUIET, WarehouseError, check_schema, sql, transaction
from .db import migrate as migrate_schema
from .records import (
    Checkpoint,
    CheckResult,
    Chunk,
    EventsDone,
    FeedStateRow,
    ReprocessCandidate,
    RunRecord,
    SourceRow,
    StoredPayload,
    Validators,
)
from .search import IndexStatus, index_status
from .search import update_index as update_search_index

T = TypeVar("T")
_log = logging.getLogger("wirehouse.warehouse")
CACHE_SHRINK_TO = "32MB"  # after each chunk the buffer manager evicts down to this (_shrink_cache)
CHECKPOINT_WAL = 16 * 2**20  # a streaming load checkpoints after the commit that takes the WAL past this
COMMIT_TRIES = 8  # a conflicting DuckLake commit is redone up to this many times, with backoff


class Warehouse:
    """A writer session or a reader on the warehouse (see the module docstring)."""

    # slots: Prefect stores flow parameters it can encode; a Warehouse passed to a flow is not one
    __slots__ = ("applied", "backend", "con", "job", "memory_limit", "mode")

    def __init__(self, backend: Backend, con: duckdb.DuckDBPyConnection, mode: str, job: str):
        self.backend = backend
        self.con: duckdb.DuckDBPyConnection | None = con
        self.mode = mode  # "write" | "read"
        self.job = job
        self.applied: list[int] = []  # migrations applied by this open
        self.memory_limit: str | None = None  # the connection's own, while _shrink_cache lowers it

    def __repr__(self) -> str:
        return f"<Warehouse {self.backend.describe()} ({self.mode}, {self.job})>"

    # -- opening and closing ---------------------------------------------------------------------
    @classmethod
    def open(
        cls, db: str | Path | None = None, *, job: str, wait: float | None = None, migrate: bool = False
    ) -> Warehouse:
        """Start the run's writer session: take the backend's writer lock (waiting at most `wait`
        seconds, default $WIREHOUSE_LOCK_WAIT or 60), connect, and check the schema (an empty
        warehouse is migrated; with migrate=True pending migrations are applied)."""
        backend = backend_for(db)
        con = backend.open_writer(job, lock_wait_default() if wait is None else wait)
        con.execute(QUIET)
        con.execute(sql("writer_settings"))  # joins of a chunk's ids read only their rows' blocks
        wh = cls(backend, con, "write", job)
        try:
            wh.applied = (
                migrate_schema(con, backend.ddl)
                if migrate
                else check_schema(con, backend.describe(), backend.ddl)
            )
        except BaseException:
            wh.close(publish=False)
            raise
        return wh

    @classmethod
    def open_reader(
        cls, db: str | Path | None = None, *, allowed_dirs: Sequence[str | Path] = ()
    ) -> Warehouse:
        """A read-only session for analysts (sql, search, stats, export), on what the writer last
        published (file backend: the snapshot). After the fts extension is loaded the connection
        is locked down: no file outside the warehouse can be read or written (only under
        `allowed_dirs`, e.g. export's target) and the configuration cannot be changed back."""
        backend = backend_for(db)
        missing = f"no warehouse at {backend.describe()}: run `wirehouse ingest` or `wirehouse demo` first"
        if backend.reader_checks_existence:  # DuckLake: one attach, not a check and then the attach
            try:
                con = backend.open_reader()
            except WarehouseError:
                if not backend.exists():
                    raise WarehouseError(missing) from None
                raise
            return cls._locked_down(backend, con, allowed_dirs)
        if not backend.exists():
            raise WarehouseError(missing)
        if not backend.reader_ready():  # a warehouse written before snapshots existed: publish one
            try:
                with cls.open(db, job="publish", wait=2.0):
                    pass
            except WarehouseBusy:
                raise WarehouseError(
                    "no read snapshot yet and a writer is running: try again when it finishes"
                ) from None
        return cls._locked_down(backend, backend.open_reader(), allowed_dirs)

    @classmethod
    def _locked_down(
        cls, backend: Backend, con: duckdb.DuckDBPyConnection, allowed_dirs: Sequence[str | Path]
    ) -> Warehouse:
        try:
            _lock_down(con, [str(Path(d).resolve()) for d in allowed_dirs] + backend.reader_dirs())
        except BaseException:
            con.close()
            raise
        return cls(backend, con, "read", "read")

    @classmethod
    @contextmanager
    def use(
        cls, warehouse: Warehouse | None, db: str | Path | None, *, job: str, wait: float | None = None
    ) -> Iterator[Warehouse]:
        """The session a flow works in: the caller's when it passed one (the CLI opens it first,
        so a busy warehouse is a one-line refusal before any flow run), else one opened here and
        closed (published on success) at the end."""
        if warehouse is not None:
            yield warehouse  # the caller closes (and publishes) it
            return
        with cls.open(db, job=job, wait=wait) as wh:
            yield wh

    def __enter__(self) -> Warehouse:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(publish=exc_type is None)

    def close(self, *, publish: bool = False) -> None:
        """End the session; a writer publishes first when asked (a failed run publishes nothing)."""
        con, self.con = self.con, None
        if con is None:
            return
        try:
            if publish and self.mode == "write":
                self.backend.publish(con)
        finally:
            try:
                con.close()
            finally:
                if self.mode == "write":
                    self.backend.close_writer()

    @property
    def _con(self) -> duckdb.DuckDBPyConnection:
        if self.con is None:
            raise WarehouseError("the warehouse session is closed")
        return self.con

    def _writer(self) -> duckdb.DuckDBPyConnection:
        if self.mode != "write":
            raise WarehouseError("this warehouse session is read-only")
        return self._con

    @contextmanager
    def transaction(self) -> Iterator[Warehouse]:
        with transaction(self._writer()):
            yield self

    def _committed(self, work: Callable[[], T]) -> T:
        """Run `work` in one transaction; when the backend says the commit conflicted with another
        writer's (DuckLake), roll back and run it again with backoff: the work is never lost,
        and it runs against the other writer's committed state."""
        delay = 0.05
        for attempt in range(1, COMMIT_TRIES + 1):
            try:
                with self.transaction():
                    return work()
            except duckdb.Error as exc:
                if attempt == COMMIT_TRIES or not self.backend.retryable(exc):
                    raise
            time.sleep(delay * (1 + random.random()))
            delay = min(delay * 2, 2.0)
        raise AssertionError("unreachable")

    def execute(self, query: str, params: Any = None) -> duckdb.DuckDBPyConnection:
        """Run SQL as given (analysts' queries on a reader; tests)."""
        return self._con.execute(query, params) if params is not None else self._con.execute(query)

    def publish(self) -> Path | None:
        """Make what is committed visible to readers now (also done when the session ends)."""
        return self.backend.publish(self._writer())

    # -- reading state for a run -----------------------------------------------------------------
    def upsert_sources(self, sources: list[SourceRow]) -> None:
        self._committed(lambda: load.upsert_sources(self._con, sources))

    def http_validators(self, urls: list[str]) -> dict[str, Validators]:
        """Stored ETag/Last-Modified of the URLs about to be fetched."""
        return load.http_validators(self._con, urls)

    def feed_states(self, names: list[str]) -> dict[str, FeedStateRow]:
        """The stored polling state of these feed sources (those polled before)."""
        return load.feed_states(self._con, names)

    def record_feed_states(self, rows: Sequence[FeedStateRow] | Callable[[], Iterable[FeedStateRow]]) -> None:
        """Store the polled feeds' new state, in one transaction (the end of an ingest run),
        `load.FEED_STATE_BATCH` rows per statement. `rows`: the rows, or a function making them
        one at a time (thousands of feeds: never all at once; called again if the commit is redone)."""
        if callable(rows):
            make = rows
            self._committed(lambda: load.write_feed_states(self._con, make()))
        elif rows:
            self._committed(lambda: load.write_feed_states(self._con, rows))

    def source_health(
        self, *, unhealthy: bool = False, silent_days: int | None = None
    ) -> tuple[list[str], list[tuple]]:
        """(columns, rows) of v_source_health, worst first, optionally filtered."""
        cur = self._con.execute(sql("source_health"), {"unhealthy": unhealthy, "silent_days": silent_days})
        return [d[0] for d in cur.description], cur.fetchall()

    def known_articles(self, ids: list[str]) -> dict[str, str]:
        """article_id -> content_hash of the ids already loaded."""
        return load.known_articles(self._con, ids)

    # -- dedup and load --------------------------------------------------------------------------
    def assign_stories(self, prepared: dedup.Prepared, run_id: str | None) -> dedup.Assignment:
        """Give every copy its story against history (joins, new stories, merges) and store the
        sketches. Call inside `transaction()`, before the copies are written: `load_chunk` does."""
        return dedup.assign_stories(self._writer(), prepared, run_id)

    def load_chunk(self, chunk: Chunk) -> dedup.Assignment:
        """Commit one chunk in its own transaction: assign stories, write the copies, raw payloads,
        fetch log, validators and the run row, update the search index for the written copies
        (file backend), then assign the new stories' events. It lands whole or not at all; a
        streaming load calls this once per chunk."""
        prepared = chunk.stories or dedup.prepare(chunk.articles)  # sketching: outside the transaction

        def work() -> dedup.Assignment:
            index = self.backend.persistent_index and bool(chunk.articles)  # the commit's search index
            was_current = index and index_status(self._con).current  # before the copies are written
            assignment = self.assign_stories(prepared, chunk.run.run_id)
            articles = [
                replace(a, story_id=assignment.story_ids.get(a.article_id, a.story_id))
                for a in chunk.articles
            ]
            load.write_chunk(self._con, replace(chunk, articles=articles), assignment.affected)
            if index:
                update_search_index(self._con, [a.article_id for a in articles], was_current=was_current)
            if self.backend.concurrent_writers:
                return assignment  # events after the commit (below)
            # the chunk's new stories get their events in the same commit (a killed run never
            # leaves a story without one; a large backlog is left to maintain)
            return replace(assignment, events=event_store.assign_pending(self._con, chunk.events))

        assignment = self._committed(work)  # DuckLake: a conflicting commit is redone, never lost
        if self.backend.concurrent_writers and prepared.articles:
            assignment.merges += self._committed(lambda: self._reconcile(prepared, chunk.run.run_id))
            assignment = replace(assignment, events=self._events_after_commit(chunk.events))
        self._record_snapshot(chunk.run.run_id)
        self._shrink_cache()
        self._checkpoint_when_due()
        return assignment

    def _checkpoint_when_due(self) -> None:
        """Checkpoint once the WAL passes CHECKPOINT_WAL, after a chunk's commit (its memory freed),
        not inside the commit where DuckDB would (writer_settings.sql): inside the 100th chunk's
        commit of a run it added 89 MiB to that chunk's peak (README, "Pipeline throughput",
        third session of 2 December). Its cached blocks are then let go too."""
        if self.backend.wal_bytes() > CHECKPOINT_WAL:
            self.checkpoint()
            self._shrink_cache()

    @contextmanager
    def threads(self, n: int | None) -> Iterator[None]:
        """DuckDB uses `n` threads on this session's connection inside the block (None: unchanged),
        then its setting before. A streaming run whose pool's workers take the cores uses 1:
        DuckDB's parallelism there only adds CPU that the workers need (docs/operations.md, "Search")."""
        if n is None:
            yield
            return
        con = self._con
        row = con.execute(sql("threads")).fetchone()
        assert row is not None  # a setting always has a value
        before = int(row[0])
        con.execute(sql("threads_set"), {"threads": n})
        try:
            yield
        finally:
            try:
                con.execute(sql("threads_set"), {"threads": before})
            except duckdb.Error:  # a failed or closed connection: never hide the run's own error
                pass

    def _shrink_cache(self) -> None:
        """Let DuckDB's buffer manager drop the blocks it keeps cached after a commit.

        Measured (docs/backfill.md, "Memory"): a connection that commits chunk after chunk keeps
        what it wrote cached, resident memory growing by about the chunk's compressed size per
        chunk (plain DuckDB too: +1.9 MiB a chunk of 2 MB of blobs, 734 MiB after 300 chunks).
        Neither a fixed `memory_limit` (128 MB: still +0.8 MiB a chunk), a CHECKPOINT nor
        malloc_trim bounds it; lowering the limit for a moment after each commit does (flat at
        155 MiB over 150 chunks) and costs ~15 ms a chunk, while queries keep the default limit.
        """
        con = self._con
        if self.memory_limit is None:  # read once: setting back current_setting()'s rounded text drifts
            row = con.execute(sql("memory_limit")).fetchone()
            assert row is not None  # a setting always has a value
            self.memory_limit = row[0]
        try:
            con.execute(sql("memory_limit_set"), {"limit": CACHE_SHRINK_TO})
        except duckdb.Error as exc:  # more pinned than that: the cache is what it is
            _log.debug("buffer cache not shrunk: %s", str(exc).splitlines()[0])
        finally:
            con.execute(sql("memory_limit_set"), {"limit": self.memory_limit})

    def _events_after_commit(self, terms: Mapping | None) -> EventsDone:
        """DuckLake: the new stories' events, one batch per transaction after the chunk's commit.

        Every batch updates the events' shared state (document frequencies); two writers doing
        that inside their chunk transactions at once made DuckLake lose a delete file
        (tests/test_scale.py). Here a conflict is retried, and a batch that still fails leaves
        its stories pending (the next load or `maintain` assigns them): events never fail a chunk."""
        try:
            return self.assign_events(budget=event_store.EVENT_BATCH, prepared=terms)
        except duckdb.Error as exc:
            _log.warning("events left pending for the next load or maintain: %s", str(exc).splitlines()[0])
            return EventsDone()

    # -- events ----------------------------------------------------------------------------------
    def assign_events(
        self,
        *,
        batch: int = event_store.EVENT_BATCH,
        budget: int | None = None,
        prepared: Mapping | None = None,
        progress: Callable[[EventsDone], None] | None = None,
    ) -> EventsDone:
        """Give every story without an event its event (join the event of its nearest report
        within the time window, or found one), oldest first, one transaction per batch, until
        none is left or `budget` stories are done. A load does this for its own new stories (with
        their term bags `prepared`); this is for the rest: after `rebuild_events`, or the
        stories of a warehouse upgraded to migration 011."""
        total = EventsDone()
        while budget is None or total.stories < budget:
            done = self._committed(
                lambda: event_store.assign_batch(self._writer(), limit=batch, prepared=prepared)
            )
            if done is None:
                return total
            total += done
            if progress is not None:
                progress(total)
        return total

    def events_stale(self) -> bool:
        """Whether the stored events were assigned by another version of the method than this code's."""
        version, _ = event_store.stored_method(self._con)
        return version is not None and version != event_store.DEFAULT_METHOD.version

    def rebuild_events(
        self, *, batch: int = event_store.EVENT_BATCH, progress: Callable[[EventsDone], None] | None = None
    ) -> EventsDone:
        """Forget every event and its state (one transaction), then assign all stories again in
        publication order with this code's method: the same path as a load, batch by batch."""
        self._committed(lambda: event_store.clear(self._writer()))
        done = self.assign_events(batch=batch, progress=progress)
        return replace(done, rebuilt=True)

    def _reconcile(self, prepared: dedup.Prepared, run_id: str) -> list[dict]:
        """After a commit, merge the stories another writer founded for the same text at the same
        time (dedup.reconcile); the merged stories are recomputed in the same transaction."""
        merges = dedup.reconcile(self._con, prepared, run_id)
        if merges:
            load.refresh_stories(self._con, {m[k] for m in merges for k in ("from_story", "into_story")})
        return merges

    def backfill_checkpoint(self, source: str, input: str) -> Checkpoint | None:
        """The stored checkpoint of a backfill input, or None when it was never read."""
        row = self._con.execute(sql("backfill_checkpoint_get"), {"source": source, "input": input}).fetchone()
        return None if row is None else Checkpoint(source, input, row[0], row[1], row[2])

    def mark_crashed_runs(self, run_id: str, flow: str = "ingest", scope: str | None = None) -> int:
        """Mark the runs of `flow` left 'running' by a killed process 'crashed' (the writer lock
        says none is alive); returns how many. Their committed chunks stay. Concurrent writers
        (DuckLake) hold no lock: only runs of the same `scope` (shard) are marked, since one
        run per scope is live at a time (a deployment's concurrency limit), unlike other shards."""
        params = {
            "run_id": run_id,
            "flow": flow,
            "scope": scope,
            "any_scope": not self.backend.concurrent_writers,
        }

        def work() -> int:
            row = self._con.execute(sql("runs_count_crashable"), params).fetchone()
            self._con.execute(sql("runs_mark_crashed"), params)
            return int(row[0]) if row else 0

        return self._committed(work)  # DuckLake: a conflicting commit is redone

    def _record_snapshot(self, run_id: str) -> None:
        """DuckLake: note on the run's row the lake version just committed (time travel)."""
        snapshot = self.backend.snapshot_id(self._con)
        if snapshot is not None:
            self._committed(
                lambda: self._con.execute(sql("run_lake_snapshot"), {"snapshot": snapshot, "run_id": run_id})
            )

    def record_run(self, run: RunRecord, checks: list[CheckResult] | None = None) -> None:
        """The run's row (and a maintain run's check results), in one transaction. On DuckLake the
        row also records the lake snapshot holding the run's data (time travel, see docs)."""
        snapshot = self.backend.snapshot_id(self._writer())

        def work() -> None:
            load.write_run(self._con, run)
            if snapshot is not None:
                self._con.execute(sql("run_lake_snapshot"), {"snapshot": snapshot, "run_id": run.run_id})
            if checks is not None:
                load.write_checks(self._con, run.run_id, checks)

        self._committed(work)

    # -- maintenance -----------------------------------------------------------------------------
    def checkpoint(self) -> None:
        self._writer().execute("CHECKPOINT")

    def search_index(self, *, force: bool = True) -> int:
        """Rebuild the BM25 index (force=False: only when missing or not covering every article;
        every chunk keeps it current, so after a load this is a check)."""
        from .search import index_status, rebuild_index

        con = self._writer()
        if not self.backend.persistent_index:  # DuckLake: readers cache it locally (warehouse/search.py)
            (n,) = con.execute("SELECT count(*) FROM articles").fetchone() or (0,)
            return int(n)
        if not force:
            status = index_status(con)
            if status.current:
                return status.indexed
        return rebuild_index(con)

    def quality_checks(self) -> list[CheckResult]:
        return [
            CheckResult(name, desc, failing, list(sample))
            for name, desc, failing, sample in self._con.execute(sql("quality_checks")).fetchall()
        ]

    # -- reprocess -------------------------------------------------------------------------------
    def reprocess_candidates(self, since: date | None = None) -> list[ReprocessCandidate]:
        rows = self._con.execute(sql("reprocess_candidates"), {"since": since}).fetchall()
        return [ReprocessCandidate(*r) for r in rows]

    def source_hints(self) -> dict[str, SourceHints]:
        return {
            n: SourceHints(n, s, a, bool(f))
            for n, s, a, f in self._con.execute(sql("source_hints")).fetchall()
        }

    def raw_payloads(self, doc_ids: list[str]) -> dict[str, StoredPayload]:
        return load.raw_payloads(self._con, doc_ids)

    # -- readers ---------------------------------------------------------------------------------
    def totals(self) -> tuple[int, int, int, int]:
        """(articles, stories, sources, runs)."""
        articles, stories, sources, runs = self._con.execute(sql("stats_totals")).fetchone() or (0, 0, 0, 0)
        return articles, stories, sources, runs

    def stats(self) -> list[tuple[str, list[str], list[tuple]]]:
        """(title, columns, rows) for totals, per source, per agency and per day."""
        out = []
        for name, title in (
            ("stats_totals", "totals"),
            ("stats_per_source", "per source"),
            ("stats_per_agency", "per agency"),
            ("stats_per_day", "per day"),
        ):
            cur = self._con.execute(sql(name))
            out.append((title, [d[0] for d in cur.description], cur.fetchall()))
        return out

    def search(self, query: str, *, by_event: bool = False, **kw) -> tuple[list[str], list[tuple]]:
        """BM25 hits, best first; `by_event`: one row per event among the hits instead (warehouse/search.py)."""
        from .search import search, search_by_event

        lake = None if self.backend.persistent_index else self.backend.describe()  # DuckLake: a local cache
        if by_event:
            return search_by_event(self._con, query, lake=lake, **kw)
        return search(self._con, query, lake=lake, **kw)

    def search_coverage(self) -> IndexStatus | None:
        """How many articles the search index covers (file backend; None on DuckLake, whose local
        index is rebuilt from the lake before every search that needs it)."""
        return index_status(self._con) if self.backend.persistent_index else None

    def largest_events(
        self, *, since: date | None = None, min_agencies: int = 1, limit: int = 20
    ) -> tuple[list[str], list[tuple]]:
        """(columns, rows) of the events with the most agencies, reports and copies."""
        cur = self._con.execute(
            sql("events_largest"), {"since": since, "min_agencies": min_agencies, "limit": limit}
        )
        return [d[0] for d in cur.description], cur.fetchall()

    def export(self, dest: Path, **kw):
        from .export import export

        return export(self._con, dest, **kw)


def _lock_down(con: duckdb.DuckDBPyConnection, dirs: list[str]) -> None:
    """fts loaded, then no file access outside `dirs`, then the configuration frozen.

    DuckDB shares one database instance per file within a process, so a second reader of the
    same snapshot in this process finds it locked down already; it is reused only when it
    allows the directories this reader needs."""
    locked, allowed = con.execute(sql("reader_settings")).fetchone() or (False, [])
    if locked:
        have = {a.rstrip("/") for a in allowed or []}
        if not set(dirs) <= have:
            raise WarehouseError(
                "the read snapshot is already open in this process without access to "
                f"{', '.join(sorted(set(dirs) - have))}: close the other reader first"
            )
        return
    con.execute("LOAD fts")
    con.execute(QUIET)
    if dirs:
        con.execute("SET allowed_directories = $dirs", {"dirs": dirs})
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
