"""Reprocessing rebuilds articles from their stored raw payloads, idempotently."""

from __future__ import annotations

import duckdb

from flows.demo.server import SOURCES
from flows.ingest import ingest
from flows.reprocess import reprocess


def test_reprocess_restores_stale_rows_and_is_idempotent(prefect_harness, corpus_server, db_path):
    ingest(sources_file=str(SOURCES), db=str(db_path), base_url=corpus_server.base_url)
    con = duckdb.connect(str(db_path))
    snapshot = con.execute(
        "SELECT article_id, body, agency, dateline_place, story_id FROM articles ORDER BY 1"
    ).fetchall()
    # what an older, worse rule set might have stored: one copy of each body origin
    stale = con.execute("""SELECT min(article_id) FROM articles GROUP BY body_origin ORDER BY 1""").fetchall()
    assert len(stale) == 3  # feed, page and summary copies
    con.execute(
        "UPDATE articles SET body = 'stale text', agency = NULL, dateline_place = NULL "
        "WHERE article_id IN (SELECT unnest($ids))",
        {"ids": [r[0] for r in stale]},
    )
    con.close()

    first = reprocess(db=str(db_path))
    assert first["updated"] == 3 and first["failed"] == 0
    con = duckdb.connect(str(db_path), read_only=True)
    assert (
        con.execute(
            "SELECT article_id, body, agency, dateline_place, story_id FROM articles ORDER BY 1"
        ).fetchall()
        == snapshot
    )
    con.close()

    second = reprocess(db=str(db_path))
    assert second["updated"] == 0 and second["seen"] == len(snapshot)


def test_reprocess_since_limits_the_articles(prefect_harness, corpus_server, db_path):
    from datetime import date

    ingest(sources_file=str(SOURCES), db=str(db_path), base_url=corpus_server.base_url)
    totals = reprocess(db=str(db_path), since=date(2025, 8, 1))
    con = duckdb.connect(str(db_path), read_only=True)
    expected = con.execute(
        "SELECT count(*) FROM articles WHERE published_at >= DATE '2025-08-01'"
    ).fetchone()[0]
    assert 0 < totals["seen"] == expected < con.execute("SELECT count(*) FROM articles").fetchone()[0]
