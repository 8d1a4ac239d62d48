"""The demo corpus through the real ingest flow: real HTTP, real DuckDB, real Prefect runs.

The demo corpus is ingested once per backend for this module (`first_run`); the tests read
what that run left, and the last one runs the ingest again on the same warehouse and server."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass

import pytest

from flows.demo.server import CORPUS, SOURCES, CorpusServer
from flows.ingest import RunSummary, ingest
from flows.sources import load_sources
from tests.backends import backends, migrated_file, migrated_lake, raw_connect

pytestmark = pytest.mark.xdist_group(
    "ingest-e2e"
)  # under pytest-xdist: one worker builds the module's `first_run`


def counts(warehouse_db) -> tuple[int, int]:
    con = raw_connect(warehouse_db)
    try:
        return con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM stories)"
        ).fetchone()
    finally:
        con.close()


@dataclass
class FirstRun:
    summary: RunSummary
    db: str  # the warehouse `--db` value
    server: CorpusServer  # the demo corpus the run read (a second run must ask the same server)


@pytest.fixture(scope="module", params=backends())
def first_run(request, prefect_harness, warehouse_templates, tmp_path_factory) -> Iterator[FirstRun]:
    """The demo corpus ingested into a migrated, empty warehouse of the backend under test."""
    tmp = tmp_path_factory.mktemp(f"e2e-{request.param}")
    with ExitStack() as stack:
        server = stack.enter_context(CorpusServer(CORPUS))
        if request.param == "file":
            db = str(migrated_file(warehouse_templates, tmp / "news.duckdb"))
        else:
            db, data = stack.enter_context(migrated_lake(warehouse_templates, tmp))
            stack.enter_context(pytest.MonkeyPatch.context()).setenv("WIREHOUSE_DATA_PATH", str(data))
        summary = ingest(sources_file=str(SOURCES), db=db, base_url=server.base_url)
        yield FirstRun(summary, db, server)


def test_demo_corpus_loads_and_deduplicates(first_run):
    warehouse_db = first_run.db
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


def test_counts_match_the_corpus_readme(first_run):
    warehouse_db, first_run = first_run.db, first_run.summary
    # flows/demo/corpus/README.md: 55 items, 42 distinct stories; the 4 items whose page
    # cannot be had are loaded from their feed summary, not dropped
    assert counts(warehouse_db) == (55, 42)
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
    assert origins == {"feed": 42, "page": 9, "summary": 4}


def test_reports_of_one_event_by_several_agencies_become_one_event(first_run):
    warehouse_db = first_run.db
    # flows/demo/corpus/README.md, "Events": the CEPA trade figures in WAM's, IANS's and PTI's
    # own words, the ISRO engine test in IANS's and PTI's; every other story is an event alone
    con = raw_connect(warehouse_db)
    try:
        assert con.execute("SELECT count(*) FROM stories WHERE event_id IS NULL").fetchone() == (0,)
        multi = con.execute(
            "SELECT agencies, n_stories, n_copies, first_agency, headline FROM v_events "
            "WHERE n_stories > 1 ORDER BY first_published_at"
        ).fetchall()
        assert [m[:4] for m in multi] == [
            (["IANS", "PTI", "WAM"], 3, 4, "WAM"),
            (["IANS", "PTI"], 2, 4, "IANS"),
        ]
        assert multi[0][4] == "UAE-India non-oil trade reaches USD 65.8 billion under CEPA"
        assert con.execute("SELECT count(*), sum(n_stories) FROM events").fetchone() == (42 - 3, 42)
        timeline = con.execute(
            "SELECT agency, canonical_source FROM v_event_timeline WHERE event_id = "
            "(SELECT event_id FROM events WHERE n_agencies = 3) ORDER BY report_rank"
        ).fetchall()
        assert timeline == [("WAM", "wam"), ("IANS", "ians"), ("PTI", "outlet")]
    finally:
        con.close()


def test_seed_article_is_cleaned(first_run):
    con = raw_connect(first_run.db)
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


def test_run_is_recorded_with_prefect_id_and_failures(first_run):
    warehouse_db, first_run = first_run.db, first_run.summary
    con = raw_connect(warehouse_db)
    run_id, _status, new, failed = con.execute(
        "SELECT run_id, status, articles_new, failed FROM runs ORDER BY started_at LIMIT 1"
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


def test_second_run_changes_nothing_and_uses_conditional_get(first_run):
    """Runs last in this module: it adds a run (and its fetch log) to the shared warehouse."""
    warehouse_db, corpus_server = first_run.db, first_run.server
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
    first = counts(warehouse_db)[0]
    assert 0 < first <= 5 and summary.total("new") <= 5
    # the items beyond the limit are not hidden behind a 304: the next run picks them all up
    more = ingest(
        sources_file=str(SOURCES), db=str(warehouse_db), base_url=corpus_server.base_url, all_feeds=True
    )
    assert more.total("new") == 55 - first
    assert counts(warehouse_db) == (55, 42)
