"""The demo corpus through the real ingest flow: real HTTP, real DuckDB, real Prefect runs."""

from __future__ import annotations

import uuid

import pytest

from flows.demo.server import SOURCES
from flows.ingest import ingest
from flows.sources import load_sources
from tests.backends import raw_connect


def counts(warehouse_db) -> tuple[int, int]:
    con = raw_connect(warehouse_db)
    try:
        return con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories)"
        ).fetchone()
    finally:
        con.close()


@pytest.fixture
def first_run(prefect_harness, corpus_server, warehouse_db):
    summary = ingest(sources_file=str(SOURCES), db=str(warehouse_db), base_url=corpus_server.base_url)
    return summary


def test_demo_corpus_loads_and_deduplicates(first_run, warehouse_db):
    articles, stories = counts(warehouse_db)
    assert articles >= 40
    assert stories < articles
    con = raw_connect(warehouse_db)
    # every copy's story exists, and each story counts its copies right
    assert con.execute("""SELECT count(*) FROM stories s
        WHERE n_copies <> (SELECT count(*) FROM articles a WHERE a.story_id = s.story_id)""").fetchone() == (
        0,
    )
    assert con.execute(
        "SELECT count(*) FROM articles WHERE story_id NOT IN (SELECT story_id FROM stories)"
    ).fetchone() == (0,)
    # a story carried by several feeds
    assert con.execute("SELECT max(n_sources) FROM stories").fetchone()[0] >= 2


def test_counts_match_the_corpus_readme(first_run, warehouse_db):
    # flows/demo/corpus/README.md: 52 items, 39 distinct stories; the 4 items whose page
    # cannot be had are loaded from their feed summary, not dropped
    assert counts(warehouse_db) == (52, 39)
    assert first_run.total("failed") == 0
    con = raw_connect(warehouse_db)
    summaries = con.execute(
        "SELECT source, guid FROM articles WHERE body_origin = 'summary' ORDER BY guid"
    ).fetchall()
    assert summaries == [
        ("menafn", "menafn-1109802199"),  # no link
        ("menafn", "menafn-1109805326"),  # the link is a section page: no article
        ("outlet", "tag:bharatchronicle.example,2025:article-88600"),  # HTTP 404
        ("outlet", "tag:bharatchronicle.example,2025:article-88613"),  # binary garbage, refused
    ]
    origins = dict(con.execute("SELECT body_origin, count(*) FROM articles GROUP BY 1").fetchall())
    assert origins == {"feed": 39, "page": 9, "summary": 4}


def test_seed_article_is_cleaned(first_run, warehouse_db):
    con = raw_connect(warehouse_db)
    row = con.execute("""
        SELECT syndicator, provider, agency, dateline_place, dateline_date, body
        FROM articles
        WHERE source = 'menafn' AND body LIKE 'India''s Ambassador to Japan, Sibi George%'
    """).fetchall()
    assert len(row) == 1
    syndicator, provider, agency, place, day, body = row[0]
    assert (syndicator, provider, agency, place) == ("MENAFN", "IANS", "IANS", "Tokyo")
    assert str(day) == "2025-07-04"
    assert body.startswith("India's Ambassador")
    assert "MENAFN" not in body and "(IANS)" not in body


def test_run_is_recorded_with_prefect_id_and_failures(first_run, warehouse_db):
    con = raw_connect(warehouse_db)
    run_id, _status, new, failed = con.execute(
        "SELECT run_id, status, articles_new, failed FROM runs"
    ).fetchone()
    assert uuid.UUID(run_id) and run_id == first_run.run_id
    assert new == first_run.total("new") == counts(warehouse_db)[0]
    # the corpus's broken items lose nothing: their summaries load; the failed page fetches are logged
    assert failed == len(first_run.failures) == 0
    assert con.execute("SELECT count(*) FROM fetch_log WHERE error LIKE '%404%'").fetchone()[0] >= 1
    assert first_run.total("adjusted") >= 2  # the 404 and the refused binary page, noted
    assert con.execute("SELECT count(*) FROM raw_documents WHERE kind = 'feed'").fetchone()[0] == len(
        load_sources(SOURCES, base_url="http://x")
    )


def test_second_run_changes_nothing_and_uses_conditional_get(first_run, corpus_server, warehouse_db):
    before = counts(warehouse_db)
    seen = len(corpus_server.requests)
    again = ingest(
        sources_file=str(SOURCES), db=str(warehouse_db), base_url=corpus_server.base_url, all_feeds=True
    )
    assert counts(warehouse_db) == before
    assert again.total("new") == 0 and again.total("updated") == 0
    n_sources = len(load_sources(SOURCES, base_url="http://x"))
    assert again.total("not_modified") == n_sources
    # only robots.txt and the feeds were asked for again, and the feeds answered 304: no page was refetched
    assert all(p.startswith("/feeds/") or p == "/robots.txt" for p in corpus_server.requests[seen:])


def test_limit_caps_the_items_processed_and_the_rest_comes_next(prefect_harness, corpus_server, warehouse_db):
    summary = ingest(
        sources_file=str(SOURCES), db=str(warehouse_db), base_url=corpus_server.base_url, limit=5
    )
    assert 0 < counts(warehouse_db)[0] <= 5 and summary.total("new") <= 5
    # the items beyond the limit are not hidden behind a 304: later runs pick them up
    for _ in range(20):
        more = ingest(
            sources_file=str(SOURCES),
            db=str(warehouse_db),
            base_url=corpus_server.base_url,
            limit=25,
            all_feeds=True,
        )
        if more.total("new") == 0:
            break
    assert counts(warehouse_db) == (52, 39)
