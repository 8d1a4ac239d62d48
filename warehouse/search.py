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
    return con.execute(sql("fts_indexed")).fetchone()[0]


def index_status(con: duckdb.DuckDBPyConnection) -> IndexStatus:
    exists, articles = con.execute(sql("fts_status")).fetchone()
    indexed = con.execute(sql("fts_indexed")).fetchone()[0] if exists else 0
    return IndexStatus(bool(exists), indexed, articles)


def search(
    con: duckdb.DuckDBPyConnection,
    query: str,
    *,
    since: date | None = None,
    agency: str | None = None,
    limit: int = 20,
) -> tuple[list[str], list[tuple]]:
    """Best BM25 matches for `query`; (columns, rows)."""
    if not query.strip():
        raise WarehouseError("empty search query")
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
