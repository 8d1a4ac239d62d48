"""Full-text search over articles with DuckDB's fts extension (BM25).

The extension comes from the duckdb-ext-fts wheel (see warehouse.db); the
index is a set of tables in schema fts_main_articles, rebuilt by the writer
(after an ingest that loaded or changed articles, and by `maintain`), so it
travels inside the published read snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from .db import WarehouseError, sql


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
    local_index: bool = False,
) -> tuple[list[str], list[tuple]]:
    """Best BM25 matches for `query`; (columns, rows). With `local_index` (DuckLake, whose tables
    cannot hold the fts index) the index is built over the searchable columns in a private
    in-memory DuckDB first, then the same search.sql runs there."""
    if not query.strip():
        raise WarehouseError("empty search query")
    if local_index:
        return _search_local(con, query, since=since, agency=agency, limit=limit)
    con.execute("LOAD fts")
    status = index_status(con)
    if not status.exists:
        raise WarehouseError(
            "the warehouse has no search index yet: run `wirehouse maintain` "
            "(or an ingest that loads articles)"
        )
    cur = con.execute(
        sql("search"), {"query": query, "since": since, "agency": agency or None, "limit": limit}
    )
    return [d[0] for d in cur.description], cur.fetchall()


def _search_local(
    con: duckdb.DuckDBPyConnection, query: str, *, since: date | None, agency: str | None, limit: int
) -> tuple[list[str], list[tuple]]:
    from .db import duckdb_config, registered

    rows = con.execute(sql("search_columns")).fetch_arrow_table()
    local = duckdb.connect(":memory:", config=duckdb_config())
    try:
        local.execute("LOAD fts")
        with registered(local, lake_articles=rows):
            local.execute("CREATE TABLE articles AS SELECT * FROM lake_articles")
        local.execute(sql("fts_index"))
        cur = local.execute(
            sql("search"), {"query": query, "since": since, "agency": agency or None, "limit": limit}
        )
        return [d[0] for d in cur.description], cur.fetchall()
    finally:
        local.close()


HITS_PER_EVENT = 10  # --by-event reads this many hits per event asked for, then groups them


def search_by_event(
    con: duckdb.DuckDBPyConnection,
    query: str,
    *,
    since: date | None = None,
    agency: str | None = None,
    limit: int = 20,
    local_index: bool = False,
) -> tuple[list[str], list[tuple]]:
    """The best hits grouped by event, best event first (its best hit's score): how many hits,
    which agencies the hits came from, the event's own agencies, reports and headline. A hit whose
    story has no event yet stands alone (event_id NULL, its own title as headline)."""
    columns, rows = search(
        con, query, since=since, agency=agency, limit=limit * HITS_PER_EVENT, local_index=local_index
    )
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
