"""Full-text search over articles with DuckDB's fts extension (BM25).

The extension comes from the duckdb-ext-fts wheel (see warehouse.db); the
index is a set of tables in schema fts_main_articles, kept current by the writer
inside every chunk's transaction (`update_index`: only the chunk's articles are
tokenized; a full rebuild would cost CPU and memory growing with the warehouse at
the end of every run), so it travels inside the published read snapshot and
covers every committed article. `maintain` rebuilds it whole.

A DuckLake cannot hold the index (DuckDB tables plus a macro), so a lake reader keeps it in a
local DuckDB cache file (`search_cache_path`: under $WIREHOUSE_CACHE_DIR, else
$XDG_CACHE_HOME/wirehouse or ~/.cache/wirehouse, one file per lake), keyed by the lake snapshot
that last changed `articles`; it is rebuilt only when the lake has a newer one. The reader stays
read-only on the lake; the cache is built in a temporary file and renamed into place, so readers
in other processes see the old index or the new one, never half of one.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa

from .backend import wal_path
from .db import WarehouseError, duckdb_config, registered, sql


@dataclass(frozen=True)
class IndexStatus:
    exists: bool
    indexed: int
    articles: int

    @property
    def current(self) -> bool:
        return self.exists and self.indexed == self.articles


def rebuild_index(con: duckdb.DuckDBPyConnection) -> int:
    """Rebuild the index on a writer connection; returns the number of documents indexed."""
    con.execute("LOAD fts")
    con.execute(sql("fts_index"))
    return _indexed_count(con)


def update_index(con: duckdb.DuckDBPyConnection, article_ids: list[str], *, was_current: bool) -> None:
    """Bring the index up to date for these just-written (or removed) articles, inside the
    writer's transaction (fts_update.sql).
    `was_current`: the index covered every article before they were written (`index_status`,
    read first: DuckDB cannot drop a table the same transaction changed). When it did not (a
    new warehouse, one indexed by older code or left behind by a killed older run), the index
    is rebuilt whole instead."""
    con.execute("LOAD fts")
    if not was_current:
        rebuild_index(con)
    elif article_ids:
        with registered(con, fts_batch=pa.table({"article_id": pa.array(article_ids, pa.string())})):
            con.execute(sql("fts_update"))


def _indexed_count(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute(sql("fts_indexed")).fetchone()
    assert row is not None  # an aggregate query always returns one row
    return row[0]


def index_status(con: duckdb.DuckDBPyConnection) -> IndexStatus:
    row = con.execute(sql("fts_status")).fetchone()
    assert row is not None  # an aggregate query always returns one row
    exists, articles = row
    indexed = _indexed_count(con) if exists else 0
    return IndexStatus(bool(exists), indexed, articles)


def search(
    con: duckdb.DuckDBPyConnection,
    query: str,
    *,
    since: date | None = None,
    agency: str | None = None,
    limit: int = 20,
    lake: str | None = None,
) -> tuple[list[str], list[tuple]]:
    """Best BM25 matches for `query`; (columns, rows). With `lake` (a DuckLake's spec: its tables
    cannot hold the fts index) the index is the reader's local cache of that lake (built or
    refreshed first when the lake's articles changed), and search.sql runs there."""
    if not query.strip():
        raise WarehouseError("empty search query")
    params = {"query": query, "since": since, "agency": agency or None, "limit": limit}
    if lake is not None:
        return _search_lake(con, lake, params)
    con.execute("LOAD fts")
    status = index_status(con)
    if not status.exists:
        raise WarehouseError(
            "the warehouse has no search index yet: run `wirehouse maintain` "
            "(or an ingest that loads articles)"
        )
    cur = con.execute(sql("search"), params)
    return [d[0] for d in cur.description], cur.fetchall()


def cache_dir() -> Path:
    """Where lake readers keep their search-index caches: $WIREHOUSE_CACHE_DIR, else
    $XDG_CACHE_HOME/wirehouse, else ~/.cache/wirehouse."""
    if os.environ.get("WIREHOUSE_CACHE_DIR"):
        return Path(os.environ["WIREHOUSE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wirehouse"


def search_cache_path(lake: str) -> Path:
    """The local search-index cache file of the lake `lake` (its spec) names."""
    return cache_dir() / f"search-{hashlib.sha256(lake.encode()).hexdigest()[:16]}.duckdb"


def lake_articles_version(con: duckdb.DuckDBPyConnection) -> tuple[int, object] | None:
    """(snapshot id, time) of the lake snapshot that last changed `articles`."""
    row = con.execute(sql("lake_articles_version")).fetchone()
    return (int(row[0]), row[1]) if row else None


def _cache_current(path: Path, lake: str, version: tuple[int, object] | None) -> bool:
    if version is None or not path.exists():
        return False
    try:
        cache = duckdb.connect(str(path), read_only=True, config=duckdb_config())
    except duckdb.Error:
        return False  # unreadable (e.g. a crash left junk): rebuilt
    try:
        return cache.execute(sql("search_cache_key")).fetchone() == (lake, *version)
    except duckdb.Error:
        return False
    finally:
        cache.close()


def refresh_lake_index(con: duckdb.DuckDBPyConnection, lake: str) -> bool:
    """Bring the local index of `lake` (read through the reader `con`) up to date; True when it
    was (re)built. The new cache is written beside the old one and renamed over it."""
    path = search_cache_path(lake)
    # the key is read before the rows: a commit landing in between gives newer rows under an older
    # key (rebuilt at the next search), never older rows under a newer key (a stale index kept)
    version = lake_articles_version(con)
    if _cache_current(path, lake, version):
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WarehouseError(
            f"cannot keep the search index in {path.parent}: {exc.strerror or exc} "
            "(set WIREHOUSE_CACHE_DIR to a folder you can write)"
        ) from None
    rows = con.execute(sql("search_columns")).fetch_arrow_table()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        local = duckdb.connect(str(tmp), config=duckdb_config())
        try:
            local.execute("LOAD fts")
            with registered(local, lake_articles=rows):
                local.execute("CREATE TABLE articles AS SELECT * FROM lake_articles")
            local.execute(sql("fts_index"))
            snapshot_id, snapshot_time = version if version else (None, None)
            local.execute(
                sql("search_cache_key_write"),
                {"lake": lake, "snapshot_id": snapshot_id, "snapshot_time": snapshot_time},
            )
            local.execute("CHECKPOINT")
        finally:
            local.close()
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
        wal_path(tmp).unlink(missing_ok=True)
    return True


def _search_lake(con: duckdb.DuckDBPyConnection, lake: str, params: dict) -> tuple[list[str], list[tuple]]:
    refresh_lake_index(con, lake)
    cache = duckdb.connect(str(search_cache_path(lake)), read_only=True, config=duckdb_config())
    try:
        cache.execute("LOAD fts")
        cur = cache.execute(sql("search"), params)
        return [d[0] for d in cur.description], cur.fetchall()
    finally:
        cache.close()


HITS_PER_EVENT = 10  # --by-event reads this many hits per event asked for, then groups them


def search_by_event(
    con: duckdb.DuckDBPyConnection,
    query: str,
    *,
    since: date | None = None,
    agency: str | None = None,
    limit: int = 20,
    lake: str | None = None,
) -> tuple[list[str], list[tuple]]:
    """The best hits grouped by event, best event first (its best hit's score): how many hits,
    which agencies the hits came from, the event's own agencies, reports and headline. A hit whose
    story has no event yet stands alone (event_id NULL, its own title as headline)."""
    columns, rows = search(con, query, since=since, agency=agency, limit=limit * HITS_PER_EVENT, lake=lake)
    score, story, title, hit_agency = (columns.index(c) for c in ("score", "story_id", "title", "agency"))
    ids = sorted({r[story] for r in rows})
    events = {
        sid: (event_id, headline, agencies, reports)
        for sid, event_id, headline, agencies, reports in con.execute(
            sql("search_events"), {"story_ids": ids}
        ).fetchall()
    }
    groups: dict[tuple, list] = {}  # in order of first (best) hit
    for r in rows:
        event_id, headline, agencies, reports = events.get(r[story], (None, None, None, None))
        key = ("event", event_id) if event_id is not None else ("story", r[story])
        g = groups.setdefault(
            key, [r[score], event_id, 0, set(), agencies or "", reports or 1, headline or r[title]]
        )
        g[2] += 1
        if r[hit_agency]:
            g[3].add(r[hit_agency])
    out = [
        (g[0], g[1], g[2], ", ".join(sorted(g[3])), g[4], g[5], g[6]) for g in list(groups.values())[:limit]
    ]
    return ["score", "event_id", "hits", "hit_agencies", "event_agencies", "reports", "headline"], out
