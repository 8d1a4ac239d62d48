"""Operating wirehouse from the command line: data printed as data, one-line errors, the exit-code
contract, the query inputs of `sql`, and the demo's own warehouse. No Prefect here except where a
test says so (those are marked slow)."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from contextlib import ExitStack

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from flows.cli import app
from tests.backends import backends, migrated_file, migrated_lake
from tests.ops_support import ROOT, subprocess_env

runner = CliRunner()
EXAMPLES = [  # the DuckLake-only examples run in tests/test_ducklake.py
    p
    for p in sorted((ROOT / "warehouse" / "examples").glob("*.sql"))
    if "(DuckLake only)" not in p.read_text()
]


@pytest.fixture
def empty_warehouse(warehouse_db) -> str:
    """A migrated warehouse with no rows and its search index (file: the snapshot published), on
    each backend (`warehouse_db`)."""
    from warehouse.session import Warehouse

    with Warehouse.open(warehouse_db, job="test", wait=0) as wh:
        wh.search_index()
    return warehouse_db


def run_cli(*args: str, stdin: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """A real `wirehouse` process whose standard error is a pipe, not a terminal."""
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=subprocess_env(COLUMNS="80"),
        timeout=timeout,
    )


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


# ---- help texts show what they say ----------------------------------------------------------


def test_every_help_text_shows_its_brackets_and_defaults():
    """Each option's help (with `[default: ...]`, `[[sources]]` ...) appears whole in --help."""
    group = get_command(app)
    assert hasattr(group, "commands")
    checked = 0
    for name, command in group.commands.items():
        result = runner.invoke(app, [name, "--help"], terminal_width=400)
        assert result.exit_code == 0, result.output
        flat = " ".join(result.output.split())
        for param in command.params:
            text = getattr(param, "help", None)
            if text and "[" in text:
                assert " ".join(text.split()) in flat, (name, text)
                checked += 1
    assert checked >= 10
    ingest_help = runner.invoke(app, ["ingest", "--help"], terminal_width=400).output
    assert "[default: sources.toml]" in ingest_help and "[default: $WIREHOUSE_DB" in ingest_help


# ---- data is printed as data ------------------------------------------------------------------


def test_sql_prints_brackets_as_they_are(empty_warehouse):
    query = "select '[photo] Reuters' as \"[b]caption\", '[/x] and [bold]x[/bold]' as text"
    result = runner.invoke(app, ["sql", query, "--db", str(empty_warehouse)], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "[photo] Reuters" in result.stdout and "[/x] and [bold]x[/bold]" in result.stdout
    assert "[b]caption" in result.stdout
    for fmt in ("csv", "json"):
        out = runner.invoke(app, ["sql", query, "--db", str(empty_warehouse), "-f", fmt])
        assert out.exit_code == 0 and "[/x] and [bold]x[/bold]" in out.stdout


def test_sql_error_with_markup_is_one_plain_line(empty_warehouse):
    result = runner.invoke(app, ["sql", 'select * from "[/x]"', "--db", str(empty_warehouse)])
    assert result.exit_code == 1
    line = one_line(result.stderr)
    assert line.startswith("error: ") and "[/x]" in line


def test_error_lines_are_not_wrapped_when_stderr_is_a_pipe(tmp_path):
    deep = tmp_path / ("a-rather-long-folder-name-" * 5) / "no-such-warehouse.duckdb"
    result = run_cli("sql", "select 1", "--db", str(deep))
    assert result.returncode == 1
    line = one_line(result.stderr)
    assert str(deep) in line and len(line) > 120


def test_run_summary_prints_names_urls_and_reasons_as_data(capsys):
    from flows.commands.summary import print_summary
    from flows.ingest import RunSummary, SourceCounts

    summary = RunSummary(
        run_id="r1",
        status="completed_with_failures",
        per_source={"wire[/x]": SourceCounts(fetched=1, items=2, new=1, failed=1), "[bold]b": SourceCounts()},
        failures=[("wire[/x]", "http://127.0.0.1/a[/x]?q=[b]", "page has no article: [red]x[/red]")],
    )
    print_summary(summary)
    printed = " ".join(capsys.readouterr().out.split())
    for text in ("wire[/x]", "[bold]b", "http://127.0.0.1/a[/x]?q=[b]", "[red]x[/red]"):
        assert text in printed, text


# ---- where the query comes from ---------------------------------------------------------------


@pytest.fixture(scope="module", params=backends())
def examples_warehouse(request, warehouse_templates, tmp_path_factory):
    """`empty_warehouse` once per backend for the example queries, which only read it (a lake
    costs about 1.5 CPU s to clone and attach: once, not once per example)."""
    from warehouse.session import Warehouse

    tmp = tmp_path_factory.mktemp(f"examples-{request.param}")
    with ExitStack() as stack:
        if request.param == "file":
            db = str(migrated_file(warehouse_templates, tmp / "news.duckdb"))
        else:
            db, data = stack.enter_context(migrated_lake(warehouse_templates, tmp))
            stack.enter_context(pytest.MonkeyPatch.context()).setenv("WIREHOUSE_DATA_PATH", str(data))
        with Warehouse.open(db, job="test", wait=0) as wh:
            wh.search_index()
        yield db


@pytest.mark.xdist_group("operator-examples")  # one worker makes `examples_warehouse`
@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_bundled_example_queries_run_as_written(examples_warehouse, example):
    """Each example starts with a `--` comment: as a file, as the argument, and on stdin."""
    db = examples_warehouse
    assert example.read_text().startswith("--")
    if "(file backend only)" in example.read_text() and db.startswith("ducklake:"):
        # a lake cannot hold the fts index (README, DuckLake): one line naming what is missing
        refused = runner.invoke(app, ["sql", "--file", str(example), "--db", db])
        assert refused.exit_code == 1 and "use `wirehouse search`" in one_line(refused.stderr), refused.output
        return
    by_file = runner.invoke(app, ["sql", "--file", str(example), "--db", db, "-f", "csv"])
    assert by_file.exit_code == 0, by_file.output
    header = by_file.stdout.splitlines()[0]
    if db.startswith("ducklake:"):
        return  # the query's other inputs (argument, stdin) do not depend on the backend
    by_arg = runner.invoke(app, ["sql", example.read_text(), "--db", db, "-f", "csv"])
    assert by_arg.exit_code == 0 and by_arg.stdout.splitlines()[0] == header, by_arg.output
    by_stdin = runner.invoke(app, ["sql", "-", "--db", db, "-f", "csv"], input=example.read_text())
    assert by_stdin.exit_code == 0 and by_stdin.stdout.splitlines()[0] == header, by_stdin.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["sql", ""], "empty query"),
        (["sql", "   \n"], "empty query"),
        (["sql"], "no query"),
        (["sql", "select 1", "--file", "x.sql"], "not both"),
        (["sql", "--file", "no-such-file.sql"], "cannot read no-such-file.sql"),
    ],
)
@pytest.mark.parametrize("warehouse_db", ["file"], indirect=True)  # refused before any warehouse is opened
def test_bad_query_inputs_are_one_line_usage_errors(empty_warehouse, args, message):
    result = runner.invoke(app, [*args, "--db", str(empty_warehouse)])
    assert result.exit_code == 2
    assert message in one_line(result.stderr)


@pytest.mark.parametrize("warehouse_db", ["file"], indirect=True)  # refused before any warehouse is opened
def test_empty_query_in_a_real_process_is_one_line(empty_warehouse):
    result = run_cli("sql", "", "--db", str(empty_warehouse))
    assert result.returncode == 2 and one_line(result.stderr) == "error: empty query"


# ---- bad input: one line, nothing else lost ---------------------------------------------------


def test_sources_file_that_is_not_utf8_is_one_line(tmp_path):
    bad = tmp_path / "sources.toml"
    bad.write_bytes('[[sources]]\nname = "café"\n'.encode("latin-1"))
    result = runner.invoke(app, ["ingest", "--sources", str(bad), "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 1
    assert "not UTF-8" in one_line(result.stderr)
    assert not (tmp_path / "w.duckdb").exists()


def test_demo_sources_template_says_it_is_for_the_demo(tmp_path):
    result = runner.invoke(
        app,
        ["ingest", "--sources", str(ROOT / "flows/demo/sources.toml"), "--db", str(tmp_path / "w.duckdb")],
    )
    assert result.exit_code == 1
    assert "template that only `wirehouse demo` can use" in one_line(result.stderr)


def test_extract_gives_every_input_its_own_record(tmp_path):
    from tests.conftest import DATA

    corrupt = tmp_path / "corrupt.html.gz"
    corrupt.write_bytes(b"\x1f\x8b\x08\x00" + b"not really gzip" * 10)
    truncated = tmp_path / "truncated.html.gz"
    truncated.write_bytes(gzip.compress((DATA / "pages" / "menafn_ians.html").read_bytes())[:200])
    bomb = tmp_path / "bomb.html.gz"  # 6 MB decoded: over the 5 MB cap HTTP bodies have
    bomb.write_bytes(gzip.compress(b"<html><body><p>" + b"word " * 1_300_000))
    good = DATA / "pages" / "menafn_ians.html"
    result = runner.invoke(app, ["extract", str(corrupt), str(truncated), str(bomb), str(good)])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in records] == [str(corrupt), str(truncated), str(bomb), str(good)]
    assert "corrupt gzip" in records[0]["error"] and "truncated gzip" in records[1]["error"]
    assert "body too large" in records[2]["error"]
    assert len(records[3]["body"].split()) > 50
    assert len(result.stderr.strip().splitlines()) == 3


def test_clean_and_dedup_answer_bad_lines_the_same_way(tmp_path):
    lines = tmp_path / "in.jsonl"
    lines.write_text('{"id": "a", "text": "Some wire copy here."}\n{oops\n[1]\n{"id": "b"}\n')
    answers = {}
    for command in ("clean", "dedup"):
        result = runner.invoke(app, [command, str(lines)])
        assert result.exit_code == 1
        out = [json.loads(x) for x in result.stdout.splitlines()]
        answers[command] = [(o["id"], o["error"].split(":")[0]) for o in out if "error" in o]
        assert "3 of 4 line(s) could not be used" in result.stderr
    assert answers["clean"] == answers["dedup"] == [(None, "line 2"), (None, "line 3"), ("b", "line 4")]


# ---- the demo never mixes into a warehouse of other sources ------------------------------------------------------


def test_demo_refuses_a_warehouse_with_other_sources(tmp_path):
    from warehouse.records import SourceRow
    from warehouse.session import Warehouse

    path = tmp_path / "news.duckdb"
    with Warehouse.open(path, job="test", wait=0) as wh:
        wh.upsert_sources([SourceRow(name="reuters[/x]", kind="rss", url="https://example.com/feed.xml")])
    result = runner.invoke(app, ["demo", "--db", str(path), "--port", "0"])
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert "holds other sources (reuters[/x])" in line and "--db warehouse/demo.duckdb" in line
    reader = Warehouse.open_reader(path)
    try:
        assert reader.execute("SELECT name FROM sources").fetchall() == [("reuters[/x]",)]
    finally:
        reader.close()


def test_demo_marks_exactly_the_corpus_broken_items():
    from flows.commands.demo import deliberate

    base = "http://127.0.0.1:8765"
    failures = [
        ("outlet", f"{base}/articles/bc-mumbai-rains-local-trains-disrupted.html", "HTTP 404"),
        ("menafn", "", "no link"),
        ("menafn", f"{base}/articles/menafn-markets-section.html", "no article"),
        ("outlet", f"{base}/articles/bc-markets-live-sensex-nifty-august-19.html", "not HTML"),
        ("wam", f"{base}/articles/wam-3021450.html", "HTTP 500"),
        ("outlet", "", "no link"),
    ]
    assert deliberate(failures) == {0, 1, 2, 3}
