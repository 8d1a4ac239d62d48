"""Reprocessing rebuilds articles from their stored raw payloads, idempotently, on both backends.

One demo-corpus ingest per backend serves every check (the ingest is the expensive part)."""

from __future__ import annotations

from datetime import date

from flows.demo.server import SOURCES
from flows.ingest import ingest
from flows.reprocess import reprocess
from tests.backends import raw_connect


def test_reprocess_restores_stale_rows_is_idempotent_and_since_limits_the_articles(
    prefect_harness, corpus_server, warehouse_db
):
    db = str(warehouse_db)
    ingest(sources_file=str(SOURCES), db=db, base_url=corpus_server.base_url)
    con = raw_connect(db, read_only=False)
    try:
        snapshot = con.execute(
            "SELECT article_id, body, agency, dateline_place, story_id FROM articles ORDER BY 1"
        ).fetchall()
        # what an older, worse rule set might have stored: one copy of each body origin
        stale = con.execute(
            """SELECT min(article_id) FROM articles GROUP BY body_origin ORDER BY 1"""
        ).fetchall()
        assert len(stale) == 3  # feed, page and summary copies
        con.execute(
            "UPDATE articles SET body = 'stale text', agency = NULL, dateline_place = NULL "
            "WHERE article_id IN (SELECT unnest($ids))",
            {"ids": [r[0] for r in stale]},
        )
    finally:
        con.close()

    first = reprocess(db=db)
    assert first["updated"] == 3 and first["failed"] == 0
    con = raw_connect(db)
    try:
        assert (
            con.execute(
                "SELECT article_id, body, agency, dateline_place, story_id FROM articles ORDER BY 1"
            ).fetchall()
            == snapshot
        )
    finally:
        con.close()

    second = reprocess(db=db)
    assert second["updated"] == 0 and second["seen"] == len(snapshot)

    # --since limits the articles reprocess looks at
    totals = reprocess(db=db, since=date(2025, 8, 1))
    con = raw_connect(db)
    try:
        expected = con.execute(
            "SELECT count(*) FROM articles WHERE published_at >= DATE '2025-08-01'"
        ).fetchone()[0]
        assert 0 < totals["seen"] == expected < con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()
