"""DuckLake only: concurrent writer processes, analysts reading during the runs, time travel.

The rest of the suite runs on DuckLake through the `warehouse_db` fixture (tests/backends.py);
these tests are about what only a lake does. They need PostgreSQL on 127.0.0.1 (one line
names what is missing otherwise)."""

from __future__ import annotations

import json
import re
import sys
import textwrap
import time

import pytest

from flows.demo.server import SOURCES
from tests.backends import lake, lake_spec, migrated_lake, raw_connect
from tests.ops_support import ROOT, WIREHOUSE, harness_api_url, start, subprocess_env
from tests.warehouse_support import STORY_B, article, batch
from warehouse import docs as wdocs
from warehouse.backend import lake_data_path
from warehouse.session import Warehouse

# The two shares of split_sources hold every demo source: together they load the whole
# corpus, 55 articles (flows/demo/corpus/README.md).
SHARE_ARTICLES = 55

# An analyst's sessions, opened over and over during the runs. Each one (a process attaching the
# lake) costs about a CPU-second, so the analyst waits four times as long as its last session
# took (1 to 20 s): a fifth of a core at most, fewer sessions the slower the machine. At one
# session a second it used 19 CPU s a minute (8 now), for as long as the runs took: on a loaded
# machine more than the ingest processes it watched.
ANALYST = textwrap.dedent("""
    import json, os, sys, time
    sys.path.insert(0, sys.argv[3])
    from warehouse.session import Warehouse
    db, stop = sys.argv[1], sys.argv[2]
    seen, queries = set(), 0
    while not os.path.exists(stop):
        began = time.monotonic()
        with Warehouse.open_reader(db) as wh:
            seen.add(wh.execute("SELECT count(*) FROM articles").fetchone()[0])
        queries += 1
        time.sleep(min(20.0, max(1.0, 4 * (time.monotonic() - began))))  # the tests wait 60 s for it
    print(json.dumps({"seen": sorted(seen), "queries": queries}), flush=True)
""")


@pytest.fixture
def lake_db(tmp_path, monkeypatch):
    with lake(tmp_path) as (spec, data):
        monkeypatch.setenv("WIREHOUSE_DATA_PATH", str(data))
        yield spec, data


def split_sources(tmp_path, base_url: str) -> list:
    """The demo sources in two files (alternate sources), {{BASE}} resolved: two workers' shares."""
    # split at the header lines (a comment may name [[sources]] too)
    head, *blocks = re.split(
        r"^\[\[sources\]\]$", SOURCES.read_text().replace("{{BASE}}", base_url), flags=re.M
    )
    out = []
    for i in (0, 1):
        path = tmp_path / f"share{i}.toml"
        path.write_text(head + "".join("[[sources]]" + b for b in blocks[i::2]))
        out.append(path)
    return out


def test_two_ingest_processes_and_an_analyst_share_one_lake(
    prefect_harness, corpus_server, lake_db, tmp_path
):
    db, data = lake_db
    Warehouse.open(db, job="migrate", migrate=True).close()  # the operator migrates once, first
    env = subprocess_env(PREFECT_API_URL=harness_api_url(), WIREHOUSE_DATA_PATH=str(data))
    stop = tmp_path / "stop"
    analyst = start([sys.executable, "-c", ANALYST, db, str(stop), str(ROOT)], env)
    shares = split_sources(tmp_path, corpus_server.base_url)
    workers = [start([*WIREHOUSE, "ingest", "--sources", str(s), "--db", db], env) for s in shares]
    results = [w.communicate(timeout=600) for w in workers]
    time.sleep(0.3)
    stop.touch()
    a_out, a_err = analyst.communicate(timeout=60)
    for w, (out, err) in zip(workers, results):
        assert w.returncode == 0, err + out
    assert analyst.returncode == 0, a_err
    lines = [ln for ln in a_out.splitlines() if ln.startswith("{")]
    assert lines, f"the analyst reported nothing: {a_out!r} {a_err[-500:]!r}"
    report = json.loads(lines[-1])
    assert report["queries"] >= 2 and max(report["seen"]) <= SHARE_ARTICLES

    con = raw_connect(db)
    try:
        n, distinct = con.execute("SELECT count(*), count(DISTINCT article_id) FROM articles").fetchone()
        assert n == distinct == SHARE_ARTICLES  # nothing lost, nothing duplicated
        assert con.execute("SELECT count(*) - count(DISTINCT story_id) FROM stories").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM articles ANTI JOIN stories USING (story_id)").fetchone() == (
            0,
        )
        runs = con.execute("SELECT status, lake_snapshot FROM runs WHERE flow = 'ingest'").fetchall()
        assert len(runs) == 2 and all(s is not None for _, s in runs), runs
        sources = {s for (s,) in con.execute("SELECT DISTINCT source FROM articles").fetchall()}
        assert len(sources) >= 2
    finally:
        con.close()


def test_a_run_can_be_read_as_it_left_the_lake(lake_db):
    db, _ = lake_db
    with Warehouse.open(db, job="test") as wh:
        first = batch("r1", [article(1)])
        wh.load_chunk(first)
        wh.record_run(first.run)
        second = batch("r2", [article(2, body=STORY_B), article(3, body=STORY_B + " More.")])
        wh.load_chunk(second)
        wh.record_run(second.run)
    with Warehouse.open_reader(db) as wh:
        (as_of,) = wh.execute("SELECT lake_snapshot FROM runs WHERE run_id = 'r1'").fetchone()
        assert wh.execute(f"SELECT count(*) FROM articles AT (VERSION => {int(as_of)})").fetchone() == (1,)
        assert wh.execute("SELECT count(*) FROM articles").fetchone() == (3,)
        [example] = [e for e in wdocs.examples() if e.ducklake_only]
        rows = wh.execute(example.query).fetchall()
        assert rows == [("s", 3, 2)]  # as of the latest run: all three copies, two stories


def test_search_builds_its_index_from_the_lake(lake_db):
    db, _ = lake_db
    with Warehouse.open(db, job="test") as wh:
        wh.load_chunk(batch("r1", [article(1), article(2, body=STORY_B)]))
        assert wh.search_index() == 2
    with Warehouse.open_reader(db) as wh:
        cols, rows = wh.search("footbridge judges")
    assert [r[cols.index("article_id")] for r in rows] == ["a2"]


def test_lake_search_keeps_its_index_in_a_local_cache_until_articles_change(lake_db):
    """The reader's fts index lives in a local cache file keyed by the lake snapshot that last
    changed `articles`: a second search reuses it, a commit to another table does not touch it,
    a commit to articles rebuilds it (and the new copy is found). The lake stays read-only."""
    from warehouse.search import refresh_lake_index, search_cache_path

    db, _ = lake_db
    with Warehouse.open(db, job="test") as wh:
        wh.load_chunk(batch("r1", [article(1), article(2, body=STORY_B)]))
    cache = search_cache_path(db)
    assert not cache.exists()
    with Warehouse.open_reader(db) as wh:
        assert [r[6] for r in wh.search("footbridge judges")[1]] == ["a2"]
        built = cache.stat().st_mtime_ns
        assert [r[6] for r in wh.search("footbridge")[1]] == ["a2"]
        assert refresh_lake_index(wh.con, db) is False and cache.stat().st_mtime_ns == built
    with Warehouse.open(db, job="test") as wh:
        wh.record_run(batch("r2", []).run)  # a commit that changes runs, not articles
    with Warehouse.open_reader(db) as wh:
        assert refresh_lake_index(wh.con, db) is False and cache.stat().st_mtime_ns == built
    with Warehouse.open(db, job="test") as wh:
        wh.load_chunk(batch("r3", [article(3, body=STORY_B + " The footbridge reopens.", title="Bridge")]))
    with Warehouse.open_reader(db) as wh:
        assert sorted(r[6] for r in wh.search("footbridge")[1]) == ["a2", "a3"]
        assert cache.stat().st_mtime_ns != built
    assert not [p for p in cache.parent.iterdir() if p.name.startswith(".")], "no temporary leftovers"


def test_a_lake_cloned_from_the_template_writes_under_its_own_data_path(warehouse_templates, tmp_path):
    """What `warehouse_db` hands a DuckLake test: the session's migrated lake, cloned. The clone's
    catalog names the test's own data path, the template's Parquet files are copied there (the
    migration's rows are read from them) and the clone's writes never reach the template."""
    template, template_data = warehouse_templates.lake()
    before = sorted(p.relative_to(template_data) for p in template_data.rglob("*.parquet"))
    assert before, "a migrated lake has data files (schema_migrations, agencies, schema_state)"
    with migrated_lake(warehouse_templates, tmp_path) as (db, data):
        assert data == (tmp_path / "lake").resolve()
        with Warehouse.open(db, job="test", wait=0) as wh:
            assert wh.applied == []  # already migrated: the first open only checks
            assert wh.execute("SELECT count(*) FROM agencies").fetchone()[0] > 0
            wh.load_chunk(batch("r1", [article(1)]))
        con = raw_connect(db)
        try:
            assert lake_data_path(con) == f"{data}/"
            files = [
                f
                for (f,) in con.execute(
                    "SELECT data_file FROM ducklake_list_files('lake', 'articles')"
                ).fetchall()
            ]
            assert files and all(f.startswith(f"{data}/") for f in files), files
            assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
        finally:
            con.close()
    assert sorted(p.relative_to(template_data) for p in template_data.rglob("*.parquet")) == before
    con = raw_connect(lake_spec(template))
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    finally:
        con.close()


def test_a_new_lake_without_a_data_path_is_one_line(lake_db, monkeypatch):
    db, _ = lake_db
    monkeypatch.delenv("WIREHOUSE_DATA_PATH")
    from warehouse.db import WarehouseError

    with pytest.raises(WarehouseError, match="--data-path") as info:
        Warehouse.open(db, job="test")
    assert "\n" not in str(info.value)


def test_maintain_reprocess_and_export_steps_work_on_a_lake(lake_db, tmp_path):
    """The Warehouse methods behind maintain, reprocess, stats and export, on a lake."""
    db, _ = lake_db
    with Warehouse.open(db, job="test") as wh:
        chunk = batch("r1", [article(1), article(2, body=STORY_B)])
        wh.load_chunk(chunk)
        checks = wh.quality_checks()
        failing = {c.check_name: c.failing for c in checks if c.failing}
        assert len(checks) >= 8 and failing == {"unknown_source": 2}  # the test rows' source "s" is no source
        wh.record_run(chunk.run, checks)
        wh.checkpoint()
        assert len(wh.reprocess_candidates()) == 2
        assert list(wh.raw_payloads(["d1"])) == ["d1"]
    out = tmp_path / "export"
    with Warehouse.open_reader(db, allowed_dirs=(tmp_path,)) as wh:
        assert wh.execute("SELECT count(*) FROM quality_checks").fetchone() == (len(checks),)
        assert [title for title, _, _ in wh.stats()] == ["totals", "per source", "per agency", "per day"]
        exported = {r.dataset: r.rows for r in wh.export(out)}
    assert exported["articles"] == 2 and exported["stories"] == 2
