"""Streaming ingest with real processes: `wirehouse ingest` killed with SIGKILL at several points
of a multi-chunk run and run again ends with exactly the warehouse of a clean run, never
refetching a page whose article was committed.

The killed-and-resumed tests share one corpus, its server and the clean run's warehouse
(`clean`, built once per module: the reference is always a file, whatever the backend or chunk
size under test; each test counts the server's requests from its own start)."""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass
from pathlib import Path

import pytest

from flows.demo.server import CorpusServer
from tests.ops_support import WIREHOUSE, harness_api_url, start, subprocess_env, wait_for
from tests.streaming_support import write_corpus
from warehouse.session import Warehouse

# under pytest-xdist one worker builds the module's `clean` run
pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.xdist_group("streaming-ingest")]

CHUNK = "10"
COMPARE_ARTICLES = """
    SELECT article_id, source, url, title, body, content_hash, story_id
    FROM articles ORDER BY article_id"""
# first_seen_at/last_seen_at are fetch times: two clean runs differ there too
COMPARE_STORIES = "SELECT * EXCLUDE (first_seen_at, last_seen_at) FROM stories ORDER BY story_id"


def _pages(requests: list[str]) -> list[str]:
    return [p for p in requests if p.startswith("/articles/")]


def _snapshot(db) -> tuple[list, list, list, dict]:
    with Warehouse.open(db, job="inspect", wait=30) as wh:
        arts = wh.execute(COMPARE_ARTICLES).fetchall()
        stories = wh.execute(COMPARE_STORIES).fetchall()
        runs = wh.execute(
            "SELECT run_id, status FROM runs WHERE flow = 'ingest' ORDER BY started_at"
        ).fetchall()
        cache = dict(wh.execute("SELECT url, etag FROM http_cache").fetchall())
    return arts, stories, runs, cache


@dataclass
class Clean:
    sources: str  # the sources file, {{BASE}} resolved to `server`
    server: CorpusServer
    snapshot: tuple[list, list, list, dict]  # _snapshot of the clean run's warehouse


@pytest.fixture(scope="module")
def clean(prefect_harness, tmp_path_factory):
    """Two feeds of 45 items on a real server, and a clean run over them into a file (in this
    process: a `wirehouse` process costs seconds of start-up CPU)."""
    from flows.ingest import ingest as ingest_flow

    tmp = tmp_path_factory.mktemp("streaming")
    sources = write_corpus(tmp / "corpus", feeds=2, items=45)
    with CorpusServer(tmp / "corpus") as server:
        path = tmp / "sources.toml"
        path.write_text(sources.read_text().replace("{{BASE}}", server.base_url))
        ingest_flow(sources_file=str(path), db=str(tmp / "clean.duckdb"), chunk_size=int(CHUNK), workers=0)
        yield Clean(str(path), server, _snapshot(tmp / "clean.duckdb"))


def _kill_after(args, env, server, kill_after_pages: int) -> None:
    """Run `wirehouse ingest` and SIGKILL it once the server saw that many page requests."""
    mark = len(server.requests)  # polled every 2 ms: only this run's requests are counted each time
    proc = start(args, env)
    wait_for(
        lambda: len(_pages(server.requests[mark:])) >= kill_after_pages or proc.poll() is not None,
        240,
        "pages",
        0.002,
    )
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def test_killed_runs_resume_to_the_clean_warehouse(clean, warehouse_db):
    """Killed and resumed on each backend; the clean reference run is always a file, so on a
    lake this also checks that both backends end with the same articles and stories."""
    server, sources_file = clean.server, clean.sources
    env = subprocess_env(PREFECT_API_URL=harness_api_url())
    ingest = [*WIREHOUSE, "ingest", "--sources", sources_file, "--chunk-size", CHUNK]

    # the runs after the kills: the same flow in this process (the session's Prefect server is
    # already up here; a `wirehouse` process costs seconds of start-up CPU)
    from flows.ingest import ingest as ingest_flow

    def run_here(db) -> None:
        ingest_flow(sources_file=sources_file, db=str(db), chunk_size=int(CHUNK), workers=0)

    clean_articles, clean_stories, clean_runs, clean_cache = clean.snapshot
    assert len(clean_articles) == 90 and len(clean_stories) < 90  # near-copies joined stories
    assert [s for _, s in clean_runs] == ["completed"] and len(clean_cache) == 2

    db = warehouse_db
    killed = [*ingest, "--db", str(db)]
    committed_before: set[str] = set()
    # kill during the first chunk, mid-run, and late in the run (page counts within each run)
    for kill_at in (3, 25, 40):
        before = len(server.requests)
        _kill_after(killed, env, server, kill_at)
        arts, _stories, runs, cache = _snapshot(db)
        refetched = {p.rsplit("/", 1)[1] for p in _pages(server.requests[before:])}
        committed = {a[2].rsplit("/", 1)[1] for a in arts}
        assert not (refetched & committed_before)  # nothing committed by an earlier run fetched again
        assert committed >= committed_before  # nothing committed was lost
        committed_before = committed
        assert runs[-1][1] == "running" and all(s == "crashed" for _, s in runs[:-1])
        assert len(cache) < 2 or len(arts) == 90  # validators only once a feed's items are all committed
    assert 0 < len(committed_before) < 90

    before = len(server.requests)
    run_here(db)  # resumes what the killed processes left
    refetched = {p.rsplit("/", 1)[1] for p in _pages(server.requests[before:])}
    assert not (refetched & committed_before)
    arts, stories, runs, cache = _snapshot(db)
    assert arts == clean_articles
    assert stories == clean_stories
    assert [s for _, s in runs] == ["crashed", "crashed", "crashed", "completed"]
    assert set(cache) == set(clean_cache)

    # and a run after that fetches nothing again: feeds answer 304
    before = len(server.requests)
    run_here(db)
    assert _pages(server.requests[before:]) == []
    assert _snapshot(db)[0] == clean_articles


def test_politeness_is_set_per_source(tmp_path, server_factory, warehouse_db):
    """Two sources on one host whose robots.txt disallows the article pages: the default one keeps
    to it (the feed's teaser is loaded), the one with `respect_robots = false` fetches the pages."""
    from flows.ingest import ingest

    corpus = tmp_path / "corpus"
    sources = write_corpus(corpus, feeds=2, items=3)
    (corpus / "robots.txt").write_text("User-agent: *\nDisallow: /articles/\n")
    text = sources.read_text().replace(
        'name = "feed-1"', 'name = "feed-1"\nrespect_robots = false\ndelay = 0'
    )
    server = server_factory(corpus)
    (tmp_path / "sources.toml").write_text(text.replace("{{BASE}}", server.base_url))
    db = warehouse_db  # on each backend
    summary = ingest(sources_file=str(tmp_path / "sources.toml"), db=str(db), chunk_size=2, workers=0)
    assert summary.total("new") == 6
    with Warehouse.open(db, job="inspect") as wh:
        words = dict(wh.execute("SELECT source, max(word_count) FROM articles GROUP BY source").fetchall())
    assert words["feed-0"] < 20 < 100 < words["feed-1"]
    fetched = {p.rsplit("/", 1)[1] for p in _pages(server.requests)}
    assert fetched and all(p.startswith("f1-") for p in fetched)


def test_a_pooled_run_killed_with_chunks_in_flight_resumes_to_the_clean_warehouse(clean, tmp_path: Path):
    """Chunks big enough for the process pool: their pages go to the workers a piece at a time as
    they are fetched, a chunk ahead of the one being loaded (flows/pipeline.py). Killed with
    SIGKILL while chunks are in flight and run again on the pool, the warehouse is the one of a
    clean run in one process (of chunks of 10: chunking changes no article or story), and nothing
    committed is fetched again."""
    server, sources_file = clean.server, clean.sources
    from flows.ingest import ingest as ingest_flow

    clean_articles, clean_stories, _, clean_cache = clean.snapshot
    assert len(clean_articles) == 90

    db = tmp_path / "pooled.duckdb"
    env = subprocess_env(PREFECT_API_URL=harness_api_url())
    args = [*WIREHOUSE, "ingest", "--sources", sources_file, "--db", str(db), "--chunk-size", "30"]
    _kill_after(args, env, server, 45)  # chunk 2's pages being fetched: chunks 1 and 2 in the pool
    arts, _, runs, _ = _snapshot(db)
    committed_before = {a[2].rsplit("/", 1)[1] for a in arts}
    assert [s for _, s in runs] == ["running"] and len(arts) < 90

    before = len(server.requests)
    ingest_flow(sources_file=sources_file, db=str(db), chunk_size=30, workers=2)
    refetched = {p.rsplit("/", 1)[1] for p in _pages(server.requests[before:])}
    assert not (refetched & committed_before)
    arts, stories, runs, cache = _snapshot(db)
    assert arts == clean_articles and stories == clean_stories
    assert [s for _, s in runs] == ["crashed", "completed"] and set(cache) == set(clean_cache)
