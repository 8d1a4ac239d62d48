"""One writer at a time, and analysts reading during a run: real processes on a real warehouse.

* A second ingest started while one runs either gives up with a one-line
  reason (short --wait) or waits and then runs (long --wait); the warehouse
  holds each batch exactly once.
* A reader process holding a read-only connection on the snapshot never makes
  the run fail, keeps its consistent old view, and no reader ever sees a
  half-loaded batch.

File backend only, test by test (the comment above each says why): a lake has no writer lock
and no snapshot; its concurrent writers and readers are tests/test_ducklake.py and test_scale.py.
"""

from __future__ import annotations

import json
import textwrap
import time

import duckdb
import pytest

from tests.ops_support import (
    CORPUS,
    N_ARTICLES,
    N_STORIES,
    SOURCES,
    WIREHOUSE,
    gated_file_route,
    harness_api_url,
    start,
    subprocess_env,
    wait_for,
    write_sources,
)
from warehouse.access import (
    WarehouseBusy,
    lock_path,
    open_reader,
    publish_snapshot,
    snapshot_path,
    writer_lock,
)


def lock_holder(db) -> dict:
    try:
        return json.loads(lock_path(db).read_text() or "{}")
    except (OSError, ValueError):
        return {}


# file only: the writer lock (a lake's writers run at once)
def test_second_ingest_gives_up_or_waits(prefect_harness, server_factory, tmp_path):
    import threading

    gate = threading.Event()  # the first run's wire feed answers only once the impatient one has given up
    server = server_factory(CORPUS, routes={"/wire.xml": gated_file_route(CORPUS, "wire.xml", gate)})
    sources = write_sources(tmp_path, server.base_url)
    db = tmp_path / "news.duckdb"
    env = subprocess_env(PREFECT_API_URL=harness_api_url())
    ingest = [*WIREHOUSE, "ingest", "--sources", str(sources), "--db", str(db)]

    first = start(ingest, env)
    holder = wait_for(
        lambda: lock_holder(db).get("pid") == first.pid and lock_holder(db),
        120,
        "the first ingest to take the writer lock",
    )
    assert holder["job"] == "ingest"
    impatient = start([*ingest, "--wait", "0.2"], env)
    patient = start([*ingest, "--all", "--wait", "60"], env)  # --all: its feeds are not due yet
    _, err = impatient.communicate(timeout=120)  # a loaded 2-core machine starts Python slowly
    assert impatient.returncode == 75  # busy: the exit-code contract (README)
    assert "busy" in err and f"pid {first.pid}" in err and len(err.strip().splitlines()) == 1, err
    assert first.poll() is None, "the refused ingest must not disturb the running one"
    gate.set()
    assert first.wait(timeout=180) == 0, first.stderr.read()
    assert patient.wait(timeout=180) == 0, patient.stderr.read()

    con = duckdb.connect(str(db), read_only=True)
    try:
        runs = con.execute(
            "SELECT started_at, finished_at, articles_new, articles_duplicate FROM runs "
            "WHERE flow = 'ingest' ORDER BY started_at"
        ).fetchall()
        assert len(runs) == 2  # the refused run left nothing
        (_s1, f1, new1, _), (s2, _, new2, dup2) = runs
        assert s2 >= f1, "the waiting ingest started only after the first one finished"
        assert (new1, new2) == (N_ARTICLES, 0) and dup2 == 6  # wire items seen again; outlet feed: 304
        assert (
            con.execute("SELECT count(*), count(DISTINCT article_id) FROM articles").fetchone()
            == (N_ARTICLES,) * 2
        )
    finally:
        con.close()


def holds_open(pid: int, path) -> bool:
    """Whether process `pid` has `path` open (a writer waiting for the lock has the lock file open)."""
    import os

    fd_dir = f"/proc/{pid}/fd"
    try:
        return any(os.readlink(f"{fd_dir}/{fd}") == str(path) for fd in os.listdir(fd_dir))
    except OSError:
        return False


# file only: the writer lock and a read-only file holder blocking a writer
def test_writer_waits_for_another_writer_process(prefect_harness, corpus_server, tmp_path):
    """The other order: another writer process (here a bare lock holder, as a reprocess or backfill
    would be) is first; maintain waits for it, then runs; with a short wait it refuses (exit 75).

    The holder keeps the lock until the waiting maintain is seen blocked on the lock file, however
    long that process takes to start on a busy machine, and only then lets go."""
    from tests.ops_support import ROOT

    db = tmp_path / "news.duckdb"
    stop = tmp_path / "release"
    publish_snapshot(db)  # an empty, migrated warehouse
    holder_script = textwrap.dedent(f"""
        import os, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from warehouse.access import writer_lock
        with writer_lock({str(db)!r}, "reprocess"):
            print("locked", flush=True)
            while not os.path.exists({str(stop)!r}):
                time.sleep(0.05)
            time.sleep(1.0)
    """)
    import sys

    env = subprocess_env(PREFECT_API_URL=harness_api_url())
    holder = start([sys.executable, "-c", holder_script], env)
    try:
        assert holder.stdout.readline().strip() == "locked"
        refused = start([*WIREHOUSE, "maintain", "--db", str(db), "--wait", "0.1"], env)
        _, err = refused.communicate(timeout=120)
        assert refused.returncode == 75 and "busy" in err and "reprocess" in err, err
        assert len(err.strip().splitlines()) == 1, err
        waited = start([*WIREHOUSE, "maintain", "--db", str(db), "--wait", "300"], env)
        wait_for(lambda: holds_open(waited.pid, lock_path(db)), 120, "maintain to wait on the lock")
        time.sleep(0.5)
        assert waited.poll() is None, "maintain did not wait for the other writer"
        released = time.monotonic()
        stop.touch()
        assert waited.wait(timeout=240) == 0, waited.stderr.read()
        assert time.monotonic() - released > 1.0  # it ran only after the holder let go
        assert holder.wait(timeout=5) == 0
    finally:
        stop.touch()
        holder.wait(timeout=10)
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM runs WHERE flow = 'maintain'").fetchone()[0] == 1
    finally:
        con.close()


READER = textwrap.dedent("""
    import json, os, sys, time
    sys.path.insert(0, sys.argv[3])
    from warehouse.access import open_reader
    db, stop = sys.argv[1], sys.argv[2]
    held = open_reader(db)                      # an analyst's long-lived session
    q = ("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM runs), "
         "(SELECT count(*) FROM articles a ANTI JOIN stories s USING (story_id))")
    print(json.dumps({"held": held.execute(q).fetchone()}), flush=True)
    seen = set()
    while not os.path.exists(stop):             # fresh sessions, opened over and over during the run
        con = open_reader(db)
        seen.add(tuple(con.execute(q).fetchone()))
        con.close()
        time.sleep(0.01)
    print(json.dumps({"held": held.execute(q).fetchone(), "seen": sorted(seen)}), flush=True)
""")


# file only: the published snapshot (a lake reader sees each committed chunk)
def test_readers_during_ingest_see_whole_batches_and_never_block(
    prefect_harness, corpus_server, server_factory, tmp_path
):
    import sys

    from flows.ingest import ingest
    from tests.ops_support import ROOT

    server = server_factory(CORPUS)
    db = tmp_path / "news.duckdb"
    wire_only = tmp_path / "wire.toml"  # first run: the wire feed only (6 articles)
    wire_only.write_text(SOURCES.read_text().split("[[sources]]")[1].join(["[[sources]]", ""]))
    first = ingest(sources_file=str(wire_only), db=str(db), base_url=server.base_url)
    assert first.total("new") == 6
    stop = tmp_path / "stop"
    reader = start([sys.executable, "-c", READER, str(db), str(stop), str(ROOT)], subprocess_env())
    before = json.loads(reader.stdout.readline())["held"]
    assert before == [6, 1, 0]

    second = ingest(
        sources_file=str(SOURCES), db=str(db), base_url=server.base_url, lock_wait=5, all_feeds=True
    )
    stop.touch()
    out, err = reader.communicate(timeout=30)
    assert reader.returncode == 0, err
    report = json.loads(out)
    assert second.status == "completed" and second.total("new") == N_ARTICLES - 6
    assert report["held"] == before, "an open session keeps its consistent view"
    assert report["seen"], "the reader kept opening sessions during the run"
    # every session saw a whole state: the first run's or the second's, never a half-loaded batch
    assert {tuple(s) for s in report["seen"]} <= {(6, 1, 0), (N_ARTICLES, 2, 0)}
    con = open_reader(db)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == N_ARTICLES
        assert con.execute("SELECT count(*) FROM stories").fetchone()[0] == N_STORIES
    finally:
        con.close()


# file only: the lock file
def test_lock_is_taken_once_and_busy_message_names_holder(tmp_path):
    db = tmp_path / "news.duckdb"
    with writer_lock(db, "ingest", wait=0):
        # not re-entrant: a session takes it once, anything else (even in this process) is refused
        with pytest.raises(WarehouseBusy, match=r"busy: ingest \(pid"):
            with writer_lock(db, "publish", wait=0):
                pass
        assert lock_holder(db)["job"] == "ingest"
    # released: another holder can take it at once
    with writer_lock(db, "maintain", wait=0):
        pass
    assert lock_path(db).read_text() == ""


# file only: the snapshot copy
def test_reader_publishes_first_snapshot_and_never_opens_writer_file(tmp_path):
    db = tmp_path / "news.duckdb"
    with pytest.raises(Exception, match="no warehouse"):
        open_reader(db)
    from warehouse.session import Warehouse

    Warehouse.open(db, job="test").close()  # a warehouse from before snapshots existed (never published)
    assert not snapshot_path(db).exists()
    con = open_reader(db)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        # read-only: the analyst cannot write by mistake
        with pytest.raises(duckdb.Error):
            con.execute("DELETE FROM articles")
    finally:
        con.close()
    assert snapshot_path(db) == tmp_path / "news.read.duckdb" and snapshot_path(db).exists()
    # while a reader holds the snapshot, the writer still opens, writes and republishes
    held = open_reader(db)
    try:
        with Warehouse.open(db, job="test", wait=0) as w:
            w.execute("INSERT INTO http_cache VALUES ('http://zz', 'e', NULL, now())")
        assert held.execute("SELECT count(*) FROM http_cache WHERE url = 'http://zz'").fetchone()[0] == 0
    finally:
        held.close()
    fresh = open_reader(db)
    try:
        assert fresh.execute("SELECT count(*) FROM http_cache WHERE url = 'http://zz'").fetchone()[0] == 1
    finally:
        fresh.close()


def test_busy_is_a_warehouse_error(tmp_path):
    from warehouse.db import WarehouseError

    assert issubclass(WarehouseBusy, WarehouseError)
