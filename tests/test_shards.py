"""Splitting the sources across workers (`--shard k/n`) and the Prefect server's PostgreSQL
option: pure functions and one-line refusals (no server is started)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.demo.server import SOURCES
from flows.sources import SourcesError, load_sources, parse_shard, shard_of, shard_sources
from tests.test_cli import one_line_error

runner = CliRunner()


def test_shards_cover_every_source_exactly_once_and_are_stable():
    sources = load_sources(SOURCES, base_url="http://127.0.0.1:1")
    for n in (1, 2, 3, 4):
        parts = [[s.name for s in shard_sources(sources, f"{k}/{n}")] for k in range(1, n + 1)]
        assert sorted(name for p in parts for name in p) == sorted(s.name for s in sources)
    # a stable hash (never Python's salted hash()): the demo's split is the same on every machine
    assert [shard_of(s.name, 2) for s in sources] == [1, 1, 2, 2]
    assert shard_sources(sources, None) == sources


@pytest.mark.parametrize("text", ["0/2", "3/2", "1/0", "1", "a/b", "1/2/3", ""])
def test_a_bad_shard_is_refused(text):
    with pytest.raises(SourcesError, match="k/n"):
        parse_shard(text)


def test_ingest_with_a_bad_shard_is_a_one_line_usage_error(tmp_path):
    sources = tmp_path / "s.toml"
    sources.write_text('[[sources]]\nname = "a"\nkind = "rss"\nurl = "https://a.example/feed"\n')
    result = runner.invoke(
        app, ["ingest", "--sources", str(sources), "--db", str(tmp_path / "x.duckdb"), "--shard", "3/2"]
    )
    assert result.exit_code == 2
    assert "shard '3/2'" in one_line_error(result)
    assert not (tmp_path / "x.duckdb").exists()  # refused before the warehouse was opened


def test_server_database_must_be_a_reachable_postgresql_database(tmp_path):
    db = str(tmp_path / "news.duckdb")
    bad = runner.invoke(app, ["server", "--db", db, "--database", "mysql://u@h/prefect"])
    assert "give a PostgreSQL URL" in one_line_error(bad)
    missing = runner.invoke(
        app, ["server", "--db", db, "--database", "postgresql://postgres:secret@127.0.0.1:5432/wh_no_such_db"]
    )
    line = one_line_error(missing)
    assert line.startswith(
        "error: cannot use the Prefect database postgresql+asyncpg://postgres:***@127.0.0.1"
    )
    assert "secret" not in line


def test_serve_passes_a_lake_spec_as_given_and_makes_a_file_path_absolute(tmp_path, monkeypatch):
    from pathlib import Path

    from flows.commands.serve import _db_parameter

    lake = "ducklake:postgres:dbname=wirehouse host=127.0.0.1 user=postgres"
    assert _db_parameter(Path(lake)) == lake
    monkeypatch.chdir(tmp_path)
    assert _db_parameter(Path("news.duckdb")) == str(tmp_path / "news.duckdb")
