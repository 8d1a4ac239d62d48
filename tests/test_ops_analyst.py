"""Analysts: views, full-text search, Parquet export, data dictionary and its examples, maintain.

The module's warehouse is built once per backend (file, DuckLake: WIREHOUSE_TEST_BACKEND); the
tests of what only a file warehouse has (the raw fts macro in SQL) ask for the file one."""

from __future__ import annotations

import shutil
from contextlib import ExitStack
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.backends import backends, migrated_lake, raw_connect
from tests.ops_support import CORPUS, N_ARTICLES, N_STORIES, SOURCES
from tests.warehouse_support import build
from warehouse import docs as wdocs
from warehouse.access import open_reader

runner = CliRunner()

pytestmark = pytest.mark.xdist_group(
    "ops-analyst"
)  # under pytest-xdist: one worker builds the module's `warehouse`


@pytest.fixture(scope="module", params=backends())
def warehouse(request, prefect_harness, tmp_path_factory, warehouse_templates):
    """A warehouse with the ops corpus ingested and maintained (module-wide, one per backend;
    tests only read it): a file path or a DuckLake spec (a copy of the session's migrated lake)."""
    from flows.demo.server import CorpusServer
    from flows.ingest import ingest
    from flows.maintain import maintain

    tmp = tmp_path_factory.mktemp("analyst")

    def fill(db: str) -> str:
        with CorpusServer(CORPUS) as server:
            summary = ingest(sources_file=str(SOURCES), db=db, base_url=server.base_url)
        assert summary.total("new") == N_ARTICLES
        maintain(db=db)
        return db

    if request.param == "file":
        yield fill(str(tmp / "news.duckdb"))
        return
    with migrated_lake(warehouse_templates, tmp) as (spec, _):
        yield fill(spec)


def cli(*args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    return result.output


def test_views_answer_the_common_questions(warehouse):
    con = open_reader(warehouse)
    try:
        assert con.execute(
            "SELECT count(*), count(DISTINCT story_id), count(*) FILTER (WHERE is_canonical) FROM v_articles"
        ).fetchone() == (N_ARTICLES, N_STORIES, N_STORIES)
        copies, sources = con.execute(
            "SELECT copies, sources FROM v_stories ORDER BY copies DESC LIMIT 1"
        ).fetchone()
        assert (copies, sources) == (2, ["ops-outlet", "ops-wire"])
        assert con.execute("SELECT sum(copies) FROM v_stories").fetchone()[0] == N_ARTICLES
        assert con.execute("SELECT sum(articles) FROM v_daily_agency").fetchone()[0] == N_ARTICLES
        per_source = dict(
            con.execute("SELECT source, sum(articles) FROM v_daily_source GROUP BY source").fetchall()
        )
        assert per_source == {"ops-wire": 6, "ops-outlet": 2}
        assert con.execute("SELECT agency_name FROM v_articles WHERE source = 'ops-wire' LIMIT 1").fetchone()[
            0
        ]
    finally:
        con.close()


def test_search_command_ranks_and_filters(warehouse):
    out = cli("search", "monsoon rain Kerala", "--db", str(warehouse), "--format", "csv")
    lines = out.strip().splitlines()
    assert lines[0].startswith("score,published_at,agency,source,title")
    assert len(lines) == 3 and all("Kerala" in line for line in lines[1:])  # the story's two copies
    only_wire = cli("search", "monsoon", "--agency", "ians", "--db", str(warehouse), "-f", "csv")
    assert [line.split(",")[3] for line in only_wire.strip().splitlines()[1:]] == ["ops-wire"]
    assert (
        cli("search", "satellite", "--since", "2025-07-04", "--db", str(warehouse), "-f", "csv").strip()
        == "score,published_at,agency,source,title,story_id,article_id,url"
    )
    assert "Sriharikota" not in cli("search", "satellite", "--db", str(warehouse))  # table: title only
    assert "ISRO launches" in cli("search", "satellite", "--db", str(warehouse), "--limit", "1")


def test_search_bad_input_is_one_line(warehouse, tmp_path):
    result = runner.invoke(app, ["search", "  ", "--db", str(warehouse)])
    assert result.exit_code == 1 and "empty search query" in result.output
    result = runner.invoke(app, ["search", "x", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no warehouse" in result.output


@pytest.mark.parametrize(
    "warehouse", ["file"], indirect=True, scope="module"
)  # the fts index lives in a file warehouse only
def test_documented_sql_search_works_through_wirehouse_sql(warehouse):
    out = cli(
        "sql",
        "SELECT title FROM (SELECT *, fts_main_articles.match_bm25(article_id, 'semiconductor chips') "
        "AS score FROM articles) WHERE score IS NOT NULL ORDER BY score DESC",
        "--db",
        str(warehouse),
        "-f",
        "csv",
    )
    assert out.strip().splitlines() == ["title", "Semiconductor plant approved in Gujarat"]
    for example in (e for e in wdocs.examples() if e.file_only):  # the documented example (05)
        con = open_reader(warehouse)
        try:
            assert con.execute(example.query).fetchall(), f"{example.path.name} returned nothing"
        finally:
            con.close()


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_export_parquet_partitioned_and_idempotent(warehouse, tmp_path):
    dest = tmp_path / "export"
    cli("export", "--to", str(dest), "--db", str(warehouse))
    first = _tree(dest)
    assert "sources.parquet" in first and "agencies.parquet" in first
    days = sorted(p.name for p in (dest / "articles").iterdir())
    assert days == ["published_date=2025-07-01", "published_date=2025-07-02", "published_date=2025-07-03"]
    con = duckdb.connect()
    n, n_days = con.execute(
        f"SELECT count(*), count(DISTINCT published_date) FROM read_parquet("
        f"'{dest}/articles/*/*.parquet', hive_partitioning = true)"
    ).fetchone()
    assert (n, n_days) == (N_ARTICLES, 3)
    assert (
        con.execute(f"SELECT count(*) FROM read_parquet('{dest}/stories/*/*.parquet')").fetchone()[0]
        == N_STORIES
    )
    cli("export", "--to", str(dest), "--db", str(warehouse))
    assert _tree(dest) == first, "exporting twice gives the same files"

    stale = dest / "articles" / "published_date=1999-01-01"  # a day the warehouse no longer has
    stale.mkdir()
    (stale / "data_0.parquet").write_bytes(first["articles/published_date=2025-07-01/data_0.parquet"])
    cli("export", "--to", str(dest), "--since", "2025-07-02", "--db", str(warehouse))
    assert stale.exists(), "--since leaves older partitions alone"
    assert _tree(dest) == {
        **first,
        "articles/published_date=1999-01-01/data_0.parquet": first[
            "articles/published_date=2025-07-01/data_0.parquet"
        ],
    }
    cli("export", "--to", str(dest), "--db", str(warehouse))
    assert not stale.exists() and _tree(dest) == first, "a full export mirrors the warehouse"
    assert not [p for p in dest.iterdir() if p.name.startswith(".")], "no staging leftovers"


def test_export_rejects_a_file_target(warehouse, tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    result = runner.invoke(app, ["export", "--to", str(target), "--db", str(warehouse)])
    assert result.exit_code == 1 and "not a folder" in result.output


def test_data_dictionary_is_current_and_complete():
    con = wdocs.schema_connection()
    assert wdocs.missing_comments(con) == [], "every table, view and column needs a COMMENT ON text"
    tables = {
        n
        for (n,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
        ).fetchall()
    }
    text = wdocs.DOC.read_text()
    assert all(
        f"### {t}" in text for t in tables | {"v_articles", "v_stories", "v_daily_agency", "v_daily_source"}
    )
    assert text == wdocs.render(con), "docs/warehouse.md is out of date: run `wirehouse docs`"
    result = runner.invoke(app, ["docs", "--check"])
    assert result.exit_code == 0, result.output


def test_docs_check_detects_a_stale_file(tmp_path):
    stale = tmp_path / "warehouse.md"
    stale.write_text("old\n")
    result = runner.invoke(app, ["docs", "--check", "--out", str(stale)])
    assert result.exit_code == 1 and "out of date" in result.output
    assert runner.invoke(app, ["docs", "--out", str(stale)]).exit_code == 0
    assert stale.read_text() == wdocs.render()


@pytest.mark.parametrize(
    "example",
    # DuckLake-only ones run in tests/test_ducklake.py, event ones in tests/test_events_warehouse.py,
    # the raw fts one in test_documented_sql_search_works_through_wirehouse_sql (file backend only)
    [e for e in wdocs.examples() if not e.ducklake_only and not e.needs_event_data and not e.file_only],
    ids=lambda e: e.path.stem,
)
def test_example_queries_run_on_a_warehouse_with_data(warehouse, example):
    con = open_reader(warehouse)
    try:
        rows = con.execute(example.query).fetchall()
    finally:
        con.close()
    assert rows, f"{example.path.name} returned nothing on the test warehouse"


def test_maintain_records_checks_and_detects_problems(
    warehouse, prefect_harness, tmp_path, request, warehouse_templates
):
    from prefect.client.orchestration import get_client

    from flows.maintain import maintain

    con = open_reader(warehouse)
    try:
        checks = dict(con.execute("SELECT check_name, failing FROM quality_checks").fetchall())
        assert checks and set(checks.values()) == {0}, checks
        assert con.execute("SELECT status, failed FROM runs WHERE flow = 'maintain'").fetchall() == [
            ("completed", 0)
        ]
    finally:
        con.close()

    if warehouse.startswith("ducklake:"):  # a small lake of its own to break (the module's is shared)
        stack = ExitStack()
        request.addfinalizer(stack.close)
        broken, _ = stack.enter_context(migrated_lake(warehouse_templates, tmp_path))
        build(broken)
    else:
        broken = str(tmp_path / "news.duckdb")
        shutil.copyfile(warehouse, broken)
    w = raw_connect(broken, read_only=False)
    w.execute("DELETE FROM stories WHERE story_id = (SELECT min(story_id) FROM stories)")
    w.execute("UPDATE articles SET body = '' WHERE article_id = (SELECT max(article_id) FROM articles)")
    w.close()
    state = maintain(db=broken, return_state=True)
    assert state.is_failed()  # a failing check fails the flow run (README: exit codes)
    summary = state.result(raise_on_failure=False)
    failing = {c.check_name: c.failing for c in summary.failing_checks}
    assert summary.status == "completed_with_failures" and summary.outcome == "failed"
    assert failing["articles_without_story"] >= 1 and failing["empty_bodies"] == 1
    with get_client(sync_client=True) as client:
        artifact = client.read_latest_artifacts()
    assert any(a.key == "maintain-summary" and "articles_without_story" in (a.data or "") for a in artifact)
