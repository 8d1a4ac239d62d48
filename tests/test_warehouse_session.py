"""The Warehouse session: opened once, explicit migrations, locked-down readers, one-line refusals.

Real DuckDB files, real second processes holding them, the real command line
(typer's CliRunner in this process, or the `wirehouse` script as a subprocess).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.ops_support import ROOT, WIREHOUSE, subprocess_env
from tests.warehouse_support import NOW, build, monsoon
from warehouse.backend import WarehouseBusy, lock_path, snapshot_path, wal_path
from warehouse.db import SchemaOutdated, WarehouseError, migration_files
from warehouse.records import Chunk, RawDocument, RunRecord
from warehouse.session import Warehouse

runner = CliRunner()


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "250"})


def one_line_error(result, code: int = 1) -> str:
    assert result.exit_code == code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


# -- sessions and migrations ---------------------------------------------------------------------


def test_first_open_migrates_later_opens_only_check(fresh_warehouse_db):
    db_path = fresh_warehouse_db
    with Warehouse.open(db_path, job="test") as wh:
        assert wh.applied == [v for v, _, _ in migration_files()]
        assert wh.execute("SELECT count(*) FROM agencies").fetchone()[0] > 0
    with Warehouse.open(db_path, job="test") as wh:
        assert wh.applied == []  # nothing applied, nothing re-created
        # views are refreshed only when their definition (hash) changed: a dropped view stays dropped
        wh.execute("DROP VIEW v_daily_source")
    with Warehouse.open(db_path, job="test") as wh:
        assert wh.execute(
            "SELECT count(*) FROM duckdb_views() WHERE view_name = 'v_daily_source'"
        ).fetchone() == (0,)
        wh.execute(
            "UPDATE schema_state SET value = 'old' WHERE key = 'reference_hash'"
        )  # definitions changed
    with Warehouse.open(db_path, job="test") as wh:
        assert wh.execute(
            "SELECT count(*) FROM duckdb_views() WHERE view_name = 'v_daily_source'"
        ).fetchone() == (1,)


def test_each_commit_lets_the_cache_go_and_keeps_the_memory_limit(warehouse_db):
    """After every chunk the writer lowers DuckDB's memory limit for a moment (the buffer manager
    evicts what the chunks wrote, or resident memory grows with the run) and sets it back: the
    setting and the buffer manager's real limit (DuckDB's RESET restored only the setting, and the
    next load failed at 30 MiB)."""
    big = "SELECT len(list(repeat('x', 100) || range::VARCHAR)) FROM range(600000)"  # ~100 MB, no spill
    limit = "SELECT current_setting('memory_limit')"
    with Warehouse.open(warehouse_db, job="test") as wh:
        value, unit = wh.execute(limit).fetchone()[0].split()
        seen = []
        for i in range(3):
            page = os.urandom(2_000_000)  # 2 MB, incompressible
            doc = RawDocument(
                f"d{i}", f"https://x.example/{i}", "s", "page", NOW, 200, None, None, None, page
            )
            wh.load_chunk(
                Chunk(RunRecord("r1", "test", NOW, None, "running"), [monsoon(i)], raw_documents=[doc])
            )
            seen.append(wh.execute(limit).fetchone()[0])
        # set back from its text once (18.8 GiB may read 18.7 GiB after), never drifting further
        assert len(set(seen)) == 1 and seen[0].split()[1] == unit
        assert abs(float(seen[0].split()[0]) - float(value)) <= 0.01 * float(value)
        assert wh.execute(big).fetchone() == (600_000,)
        assert wh.execute("SELECT count(*) FROM raw_documents").fetchone() == (3,)


# file only: the WAL, the row groups and the ATTACH are the file backend's
def test_the_writer_checkpoints_after_a_chunks_commit_once_the_wal_is_large(db_path):
    """DuckDB checkpoints by itself only past 64 MiB of WAL (writer_settings.sql); the session
    checkpoints after the commit that takes the WAL past CHECKPOINT_WAL (16 MiB), when the chunk's
    memory is freed, not inside the commit where the rewrite stacked on the chunk's peak."""
    wal = wal_path(db_path)
    with Warehouse.open(db_path, job="test", migrate=True) as wh:
        assert wh.execute("SELECT current_setting('checkpoint_threshold')").fetchone() == ("64.0 MiB",)
        sizes = []
        for i in range(4):
            page = os.urandom(6_000_000)  # incompressible: ~6 MB of WAL a chunk
            doc = RawDocument(
                f"d{i}", f"https://x.example/{i}", "s", "page", NOW, 200, None, None, None, page
            )
            wh.load_chunk(
                Chunk(RunRecord("r1", "test", NOW, None, "running"), [monsoon(i)], raw_documents=[doc])
            )
            sizes.append(wal.stat().st_size if wal.exists() else 0)
    # the WAL grows past 16 MiB, is checkpointed right after that commit, then grows again
    assert 0 < sizes[0] < sizes[1] < 16 * 2**20
    assert sizes[2] == 0 and 0 < sizes[3]


def test_the_writer_attaches_its_file_with_bounded_row_groups(db_path):
    """A checkpoint rewrites each row group appended to since the last one: the writer's row
    groups hold ROW_GROUP_SIZE rows, not DuckDB's 122,880, so that rewrite is bounded. The file is
    still the default database, under the name `duckdb.connect(path)` gives it."""
    from warehouse.backend import ROW_GROUP_SIZE

    with Warehouse.open(db_path, job="test", migrate=True) as wh:
        assert wh.execute("SELECT current_database()").fetchone() == (db_path.stem,)
        wh.execute("CREATE TABLE scratch AS SELECT range AS i FROM range(?)", [3 * ROW_GROUP_SIZE])
        wh.checkpoint()
        groups = wh.execute("SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('scratch')")
        assert groups.fetchone() == (3,)
    assert not wal_path(db_path).exists()  # closing checkpointed it


# file only: un-applies a migration by hand, checks the lock file and the snapshot
def test_outdated_or_newer_schema_is_refused_and_migrate_fixes_it(db_path):
    Warehouse.open(db_path, job="test").close()
    last = max(v for v, _, _ in migration_files())
    con = duckdb.connect(str(db_path))
    undo = {  # what un-applies the latest migration, so migrate has it to apply again
        7: "DROP TABLE schema_state",
        8: "DROP TABLE backfill_checkpoints",
        9: "ALTER TABLE runs DROP COLUMN lake_snapshot",
        11: "DROP TABLE events; DROP TABLE event_vectors; DROP TABLE event_doc_freq; DROP TABLE event_state; "
        "ALTER TABLE stories DROP COLUMN event_id",
        12: "ALTER TABLE runs DROP COLUMN scope",
    }
    con.execute(undo[last])
    con.execute("DELETE FROM schema_migrations WHERE version = $v", {"v": last})
    con.close()
    with pytest.raises(SchemaOutdated, match=f"needs migrations {last:03d}: run `wirehouse migrate"):
        Warehouse.open(db_path, job="test")
    assert lock_path(db_path).read_text() == ""  # the refusal released the lock
    line = one_line_error(run("maintain", "--db", str(db_path), "--wait", "0"))
    assert "wirehouse migrate" in line
    result = run("migrate", "--db", str(db_path))
    assert result.exit_code == 0 and f"applied migrations {last:03d}" in result.output, result.output
    assert snapshot_path(db_path).exists()  # migrate publishes for readers
    assert "schema is current" in run("migrate", "--db", str(db_path)).output
    con = duckdb.connect(str(db_path))
    con.execute("INSERT INTO schema_migrations VALUES (999, 'future', now())")
    con.close()
    with pytest.raises(WarehouseError, match="does not know \\(999\\)"):
        Warehouse.open(db_path, job="test")
    assert "newer wirehouse" in one_line_error(run("migrate", "--db", str(db_path)))


# file only: the snapshot (a lake publishes nothing: readers see each commit)
def test_a_failed_session_publishes_nothing(db_path):
    build(db_path)
    before = digest(snapshot_path(db_path))
    with pytest.raises(RuntimeError), Warehouse.open(db_path, job="test") as wh:
        wh.record_run(RunRecord("r2", "test", NOW, NOW, "completed"))
        raise RuntimeError("the run failed after a commit")
    assert digest(snapshot_path(db_path)) == before


# -- issue 10: the analyst path cannot touch files -----------------------------------------------


# file only: the snapshot's lock-down; both backends: test_analysts_read_locked_down_on_either_backend
def test_sql_cannot_write_or_read_files_outside_the_warehouse(db_path, tmp_path):
    build(db_path)
    snap = snapshot_path(db_path)
    before = {p: digest(p) for p in (db_path, snap)}
    for target in (db_path, snap, tmp_path / "new.csv"):
        line = one_line_error(run("sql", f"copy (select 1) to '{target}' (format csv)", "--db", str(db_path)))
        assert "disabled by configuration" in line
    assert not (tmp_path / "new.csv").exists()
    assert {p: digest(p) for p in (db_path, snap)} == before  # the warehouse is unchanged
    assert "disabled" in one_line_error(
        run("sql", "select * from read_csv('/etc/passwd')", "--db", str(db_path))
    )
    assert "locked" in one_line_error(run("sql", "SET enable_external_access = true", "--db", str(db_path)))
    assert "locked" in one_line_error(run("sql", "RESET lock_configuration", "--db", str(db_path)))
    assert one_line_error(run("sql", f"attach '{tmp_path / 'other.duckdb'}'", "--db", str(db_path)))
    # what the analyst path is for still works: queries, full-text search (fts loaded), stats
    assert (
        "Monsoon port volumes 1"
        in run("sql", "select title from articles order by 1", "--db", str(db_path)).output
    )
    searched = run("search", "port volumes", "--db", str(db_path), "-f", "csv")
    assert searched.exit_code == 0 and "a1" in searched.output, searched.output
    assert run("stats", "--db", str(db_path)).exit_code == 0


def test_analysts_read_locked_down_on_either_backend(warehouse_db, tmp_path):
    """`sql`, `search` and `stats` on what the writer committed; no file outside the warehouse."""
    build(warehouse_db)
    target = tmp_path / "new.csv"
    line = one_line_error(run("sql", f"copy (select 1) to '{target}' (format csv)", "--db", warehouse_db))
    assert "Permission" in line or "disabled" in line, line
    assert not target.exists()
    assert one_line_error(run("sql", "select * from read_csv('/etc/passwd')", "--db", warehouse_db))
    assert "locked" in one_line_error(run("sql", "SET enable_external_access = true", "--db", warehouse_db))
    titles = run("sql", "select title from articles order by 1", "--db", warehouse_db, "-f", "csv")
    assert titles.output.splitlines()[1:] == ["Monsoon port volumes 1", "Monsoon port volumes 2"]
    searched = run("search", "port volumes", "--db", warehouse_db, "-f", "csv")
    assert searched.exit_code == 0 and len(searched.output.strip().splitlines()) == 3, searched.output
    assert run("stats", "--db", warehouse_db).exit_code == 0


def test_no_session_draws_duckdbs_progress_bar_on_stdout(warehouse_db):
    """DuckDB prints a bar on stdout (even into a pipe) for queries over 2 s: `sql -f csv > x`
    would get it in the data. Every writer and every locked-down reader has it off."""
    build(warehouse_db)
    setting = "SELECT current_setting('enable_progress_bar')"
    with Warehouse.open(warehouse_db, job="test") as wh:
        assert wh.execute(setting).fetchone() == (False,)
    with Warehouse.open_reader(warehouse_db) as wh:
        assert wh.execute(setting).fetchone() == (False,)
    assert run("sql", setting, "--db", warehouse_db, "-f", "csv").output.splitlines()[1:] == ["False"]


# file only: DuckDB shares one instance per snapshot file (a lake reader attaches in memory)
def test_readers_of_one_snapshot_in_one_process_share_the_locked_down_instance(db_path, tmp_path):
    build(db_path)
    first = Warehouse.open_reader(db_path)
    try:
        second = Warehouse.open_reader(db_path)  # DuckDB hands out the same instance: already locked down
        assert second.execute("SELECT count(*) FROM articles").fetchone() == (2,)
        with pytest.raises(duckdb.PermissionException):
            second.execute("SELECT * FROM read_csv('/etc/passwd')")
        second.close()
        with pytest.raises(WarehouseError, match="already open in this process"):
            Warehouse.open_reader(db_path, allowed_dirs=(tmp_path,))
    finally:
        first.close()


def test_export_writes_only_under_its_target(warehouse_db, tmp_path):
    build(warehouse_db)
    out = tmp_path / "export"
    result = run("export", "--to", str(out), "--db", warehouse_db)
    assert result.exit_code == 0, result.output
    assert list(out.glob("articles/published_date=*/data_0.parquet"))
    assert (out / "sources.parquet").exists() and (out / "agencies.parquet").exists()
    # the export's reader can write under --to only
    with Warehouse.open_reader(warehouse_db, allowed_dirs=(out,)) as wh:
        wh.execute(f"copy (select 1 AS x) to '{out / 'ok.csv'}' (format csv)")
        with pytest.raises(duckdb.PermissionException):
            wh.execute(f"copy (select 1 AS x) to '{tmp_path / 'outside.csv'}' (format csv)")
    assert (out / "ok.csv").exists() and not (tmp_path / "outside.csv").exists()


# -- issue 10: a writer meets a process holding the file -----------------------------------------

HOLDER = textwrap.dedent("""
    import os, sys, time, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)   # e.g. an analyst's duckdb CLI on the writer's file
    print("open", flush=True)
    time.sleep(float(sys.argv[2]))
    con.close()
    os._exit(0)  # gone the moment the file is let go (an interpreter shutdown can take seconds under load)
""")


def hold_read_only(db: Path, seconds: float) -> subprocess.Popen:
    p = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert p.stdout.readline().strip() == "open"
    return p


# file only: a read-only file holder blocking a writer
def test_writer_waits_for_a_read_only_holder_then_proceeds_or_refuses(db_path):
    build(db_path)
    holder = hold_read_only(db_path, 3.0)
    try:
        t0 = time.monotonic()
        with pytest.raises(WarehouseBusy, match=r"busy: .*\(pid \d+\) has the file open; gave up after 0.5s"):
            Warehouse.open(db_path, job="test", wait=0.5)
        assert 0.4 < time.monotonic() - t0 < 3.0
        assert lock_path(db_path).read_text() == ""  # the lock was released with the refusal
        # the CLI: one line, same wording as for another writer
        line = one_line_error(run("migrate", "--db", str(db_path), "--wait", "0.3"), code=75)  # busy
        assert "busy" in line and "has the file open" in line
        # a patient writer retries the open with backoff and proceeds once the holder lets go
        t0 = time.monotonic()
        with Warehouse.open(db_path, job="test", wait=30) as wh:
            assert holder.poll() is not None, "the writer must not get in while the file is held"
            wh.record_run(RunRecord("r2", "test", NOW, NOW, "completed"))
        assert time.monotonic() - t0 > 1.0
    finally:
        holder.wait(timeout=10)
    with Warehouse.open_reader(db_path) as wh:
        assert wh.execute("SELECT count(*) FROM runs").fetchone()[0] == 2


# file only: a read-only file holder blocking a writer
def test_cli_writer_waits_for_a_read_only_holder(db_path):
    build(db_path)
    holder = hold_read_only(db_path, 2.0)
    try:
        result = run("migrate", "--db", str(db_path), "--wait", "30")
        assert result.exit_code == 0 and "schema is current" in result.output, result.output
        assert holder.poll() is not None
    finally:
        holder.wait(timeout=10)


# -- issue 10: one-line errors for unusable paths ------------------------------------------------
# (file only: a --db path that is not a DuckDB file, a folder a writer cannot write in)


def test_db_that_is_a_text_file_is_one_line_and_leaves_no_lock(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("these are my notes, not a warehouse\n" * 10)
    before = text.read_text()
    for args in (
        ("sql", "select 1"),
        ("stats",),
        ("search", "x"),
        ("export", "--to", str(tmp_path / "out")),
        ("migrate",),
        ("maintain",),
        ("reprocess",),
    ):
        line = one_line_error(run(*args, "--db", str(text)))
        assert "is not a DuckDB warehouse file" in line and "for writing" not in line, (args, line)
    assert not lock_path(text).exists() and not snapshot_path(text).exists()
    assert text.read_text() == before


def test_ingest_on_a_text_file_is_one_line_via_the_real_script(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("not a warehouse\n")
    p = subprocess.run(
        [*WIREHOUSE, "ingest", "--db", str(text)],
        cwd=ROOT,
        env=subprocess_env(),
        capture_output=True,
        text=True,
    )
    assert p.returncode == 1, p.stderr
    assert p.stderr.strip().splitlines() == [f"error: {text} is not a DuckDB warehouse file"]
    assert not lock_path(text).exists()


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder this process cannot write in. Root writes through file modes, so as root this is
    /sys (sysfs: no regular file can be created there, by anyone)."""
    if os.geteuid() == 0:
        yield Path("/sys")
        return
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    yield ro
    ro.chmod(0o755)


def test_writer_on_a_read_only_folder_is_one_line(read_only_folder, tmp_path):
    before = sorted(p.name for p in read_only_folder.iterdir())
    db = read_only_folder / "news.duckdb"
    for args in (("migrate",), ("ingest",)):
        p = subprocess.run(
            [*WIREHOUSE, *args, "--db", str(db)],
            cwd=ROOT,
            env=subprocess_env(),
            capture_output=True,
            text=True,
        )
        assert p.returncode == 1, (args, p.stderr)
        lines = p.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: cannot write in {read_only_folder}: "), (
            args,
            p.stderr,
        )
    line = one_line_error(run("sql", "select 1", "--db", str(db)))
    assert "no warehouse at" in line
    assert sorted(p.name for p in read_only_folder.iterdir()) == before


def test_warehouse_held_open_by_another_process_is_one_line_via_the_real_script(tmp_path):
    db = tmp_path / "news.duckdb"
    build(db)
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time, duckdb; c = duckdb.connect(sys.argv[1]); print('open', flush=True); time.sleep(300)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "open"
        p = subprocess.run(
            [*WIREHOUSE, "reprocess", "--db", str(db), "--wait", "0.5"],
            cwd=ROOT,
            env=subprocess_env(),
            capture_output=True,
            text=True,
        )
        assert p.returncode == 75, p.stdout + p.stderr  # busy (README: exit codes)
        lines = p.stderr.strip().splitlines()
        assert len(lines) == 1 and "busy" in lines[0] and "has the file open" in lines[0], p.stderr
    finally:
        writer.kill()
        writer.wait()


def test_a_killed_runs_row_is_marked_crashed_by_the_next_run_of_its_scope(warehouse_db):
    """The file's writer lock says no other run is alive: every run left 'running' is crashed. A
    lake has no lock: only the runs of the same scope (shard) are; another shard's may be alive."""
    from dataclasses import replace

    from tests.warehouse_support import NOW
    from warehouse.records import RunRecord

    with Warehouse.open(warehouse_db, job="test", wait=0) as wh:
        for run_id, scope in (("k1", "1/2"), ("k2", "2/2")):
            wh.record_run(replace(RunRecord(run_id, "ingest", NOW, None, "running"), scope=scope))
        assert wh.mark_crashed_runs("new", scope="1/2") == (1 if wh.backend.concurrent_writers else 2)
        status = dict(wh.execute("SELECT run_id, status FROM runs").fetchall())
    lake = warehouse_db.startswith("ducklake:")
    assert status == {"k1": "crashed", "k2": "running" if lake else "crashed"}
