"""The command line as users run it: a real process for the demo, the typer runner for the rest."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from flows.cli import app

runner = CliRunner()
COMMANDS = [c.name or c.callback.__name__ for c in app.registered_commands]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_subcommand_has_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def test_top_level_help_lists_the_jobs():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in ("ingest", "demo", "sql", "stats"):
        assert name in result.output


def one_line_error(result) -> str:
    text = result.stderr.strip() if hasattr(result, "stderr") else result.output.strip()
    assert result.exit_code != 0
    assert len(text.splitlines()) == 1, text
    return text


def test_sql_without_a_warehouse_is_a_one_line_error(fresh_warehouse_db):
    result = runner.invoke(app, ["sql", "select 1", "--db", fresh_warehouse_db])
    assert "no warehouse at" in one_line_error(result)


def test_ingest_with_a_missing_sources_file_is_a_one_line_error(tmp_path):
    result = runner.invoke(
        app, ["ingest", "--sources", str(tmp_path / "nope.toml"), "--db", str(tmp_path / "w.duckdb")]
    )
    assert "cannot read sources file" in one_line_error(result)


def test_ingest_rejects_a_bad_limit(tmp_path):
    result = runner.invoke(app, ["ingest", "--limit", "0", "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2


@pytest.fixture
def api_env(prefect_harness):
    """Environment for a child process that talks to the session's Prefect test server."""
    from prefect.settings import PREFECT_API_URL

    env = dict(os.environ, PREFECT_API_URL=PREFECT_API_URL.value(), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    return env


def wirehouse(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args], capture_output=True, text=True, env=env, timeout=180
    )


def test_demo_then_sql_and_stats_in_real_processes(fresh_warehouse_db, api_env):
    """The first commands a new user runs, each in its own process: `demo` makes the warehouse,
    `sql` reads it from another process. The other reads of that warehouse (csv, stats, a bad
    query, a write refused) go through the same typer app in this process: each `wirehouse`
    process costs a second or more of start-up CPU, and what those checks are about is the
    command's output, not the process."""
    db = fresh_warehouse_db  # a file or a lake not made yet: the demo makes it (WIREHOUSE_DATA_PATH)
    demo = wirehouse("demo", "--db", db, "--port", "0", env=api_env)
    assert demo.returncode == 0, demo.stderr  # its only failures are the corpus's deliberate ones
    assert "articles" in demo.stdout and "stories" in demo.stdout
    lines = demo.stdout.splitlines()
    failures = lines[lines.index("failures") + 1 :] if "failures" in lines else []
    failures = [f for f in failures if f.startswith("  ")]
    assert all(f.endswith("(deliberate: a broken item of the demo corpus)") for f in failures), failures
    result = wirehouse(
        "sql", "select count(*) as n from articles", "--db", db, "--format", "json", env=api_env
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["n"] >= 40
    csv_out = runner.invoke(
        app,
        [
            "sql",
            "select source, count(*) n from articles group by 1 order by 1",
            "--db",
            db,
            "--format",
            "csv",
        ],
    )
    assert csv_out.exit_code == 0, csv_out.output
    assert csv_out.stdout.splitlines()[0] == "source,n"
    stats = runner.invoke(app, ["stats", "--db", db], env={"COLUMNS": "200"})
    assert stats.exit_code == 0 and "per agency" in stats.stdout and "IANS" in stats.stdout
    bad = runner.invoke(app, ["sql", "select * from no_such_table", "--db", db])
    assert bad.exit_code == 1 and "no_such_table" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    # the analyst connection is read-only
    write = runner.invoke(app, ["sql", "delete from articles", "--db", db])
    assert write.exit_code == 1 and "read-only" in write.stderr.lower()


def test_extract_reads_gzip_pages_and_labels_each_file(tmp_path):
    import gzip

    from tests.conftest import DATA

    gz = tmp_path / "in_story.html.gz"  # a saved page as crawlers keep them
    gz.write_bytes(gzip.compress((DATA / "pages" / "in_story_ians.html").read_bytes()))
    page = DATA / "pages" / "menafn_ians.html"
    result = runner.invoke(app, ["extract", str(gz), str(page)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in lines] == [str(gz), str(page)]
    assert all(len(r["body"].split()) > 50 for r in lines)


def test_extract_single_file_with_url_and_a_missing_one(tmp_path):
    page = tmp_path / "nav.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    result = runner.invoke(app, ["extract", str(page), "--url", "https://example.com/x"])
    record = json.loads(result.stdout)
    assert "file" not in record and record["body"] == "" and record["reason"]
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.html"), str(page)])
    assert result.exit_code == 1
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert "error" in first and second["reason"]


def test_clean_reads_json_lines_and_reports_bad_lines(tmp_path):
    from tests.conftest import DATA

    # the seed story (the real MENAFN copy of shared/seeds/000_3c3697984a61d6dc.txt), kept in the labelled set
    cases = (json.loads(line) for line in (DATA / "cleaning_cases.jsonl").read_text().splitlines())
    seed = next(c["text"] for c in cases if c["id"] == "seed-000")
    lines = [
        json.dumps({"id": "seed", "text": seed, "published_at": "2025-07-04T10:15:00Z"}),
        "not json",
        json.dumps({"id": "x"}),
        json.dumps({"id": "y", "html": "<p>Tokyo, July 4 (IANS) Talks went on.</p>", "published_at": "bad"}),
        json.dumps({"id": "z", "html": "<p>Tokyo, July 4 (IANS) Talks went on.</p><p>--IANS</p>"}),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n")
    result = runner.invoke(app, ["clean", str(src)])
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["seed", None, "x", "y", "z"]
    assert [o.get("error", "").split(":")[0] for o in out[1:4]] == ["line 2", "line 3", "line 4"]
    seed_out = out[0]
    assert (
        seed_out["syndicator"],
        seed_out["provider"],
        seed_out["agency"],
        seed_out["dateline_place"],
        seed_out["dateline_date"],
    ) == ("MENAFN", "IANS", "IANS", "Tokyo", "2025-07-04")
    assert seed_out["body"].startswith("India's Ambassador") and seed_out["removed"]
    assert "not JSON" in out[1]["error"] and "`text` or `html`" in out[2]["error"]
    assert "ISO 8601" in out[3]["error"]
    assert out[4]["agency"] == "IANS" and out[4]["dateline_date"] is None  # no publication time, no date
    # standard input works too
    stdin = runner.invoke(app, ["clean"], input=lines[0] + "\n")
    assert stdin.exit_code == 0 and json.loads(stdin.stdout)["agency"] == "IANS"


@pytest.mark.parametrize(("code", "status"), [(3, 3), (None, 0), ("a message", 1)])
def test_a_command_leaves_with_its_code_after_every_other_exit_handler(code, status):
    """flows/exit.py: the command's main marks its exit code and the process leaves without the
    interpreter's teardown, but only after the exit handlers registered later (Prefect's flushes,
    logging's shutdown) have run, and with output written at the very end intact."""
    script = (
        "import atexit, sys\n"
        "import flows\n"
        "from flows.exit import leave_after_handlers\n"
        "atexit.register(lambda: print('a later handler ran', flush=False))\n"
        f"leave_after_handlers({code!r})\n"
        "sys.stdout.write('last line, unflushed')\n"
        f"raise SystemExit({code!r})\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == status
    assert done.stdout == "last line, unflusheda later handler ran\n"
