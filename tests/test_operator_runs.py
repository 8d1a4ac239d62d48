"""Honest outcomes and clean ends, with real Prefect flow runs and real processes:

* the exit-code contract (README): 0 ok, 1 failed (flow run Failed), 3 partial (flow run
  Completed), 75 busy; every run recorded in `runs` with its artifact;
* SIGTERM ends the run Crashed and leaves nothing running; kill -9 leaves no server behind and
  the next command marks the run Crashed;
* `wirehouse serve` on a fresh machine (no Prefect server, no PREFECT_API_URL) runs
  `prefect deployment run maintain/daily` to Completed.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.backends import raw_connect
from tests.ops_support import (
    CORPUS,
    ROOT,
    WIREHOUSE,
    api_json,
    gated_file_route,
    harness_api_url,
    http,
    start,
    subprocess_env,
    wait_for,
    write_sources,
)

pytestmark = pytest.mark.slow
runner = CliRunner()
PREFECT = str(Path(sys.executable).parent / "prefect")


def closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens there once the socket is closed


def sources_file(path: Path, feeds: dict[str, str]) -> Path:
    path.write_text(
        "".join(
            f'[[sources]]\nname = "{name}"\nkind = "rss"\nurl = "{url}"\nallow_private = true\n\n'
            for name, url in feeds.items()
        )
    )
    return path


def flow_run_state(run_id: str) -> str:
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        return client.read_flow_run(run_id).state_type.value


def artifact_keys(run_id: str) -> set[str]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        arts = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[run_id]))
        )
    return {a.key for a in arts}


def last_run(db: str, flow: str) -> tuple:
    con = raw_connect(db)
    try:
        return con.execute(
            "SELECT run_id, status, failed FROM runs WHERE flow = ? ORDER BY started_at DESC LIMIT 1", [flow]
        ).fetchone()
    finally:
        con.close()


def test_exit_codes_flow_states_and_recorded_runs(prefect_harness, server_factory, tmp_path, warehouse_db):
    corpus = server_factory(CORPUS)
    db = warehouse_db  # on each backend; exit 75 (a writer lock held) only on the file
    dead = f"http://127.0.0.1:{closed_port()}/feed.xml"

    # 1: no source could be read -> exit 1, flow run Failed, still recorded with its artifact
    failed = runner.invoke(
        app,
        ["ingest", "--sources", str(sources_file(tmp_path / "dead.toml", {"dead": dead})), "--db", str(db)],
    )
    assert failed.exit_code == 1, failed.output
    assert "Traceback" not in failed.stderr
    run_id, status, n_failed = last_run(db, "ingest")
    assert n_failed == 1 and status == "completed_with_failures"
    assert flow_run_state(run_id) == "FAILED"
    assert "ingest-summary" in artifact_keys(run_id)
    assert "outcome failed" in " ".join(failed.stdout.split())

    # 3: some sources failed -> exit 3, flow run Completed, failures listed
    mixed = sources_file(tmp_path / "mixed.toml", {"wire": f"{corpus.base_url}/wire.xml", "dead": dead})
    partial = runner.invoke(app, ["ingest", "--all", "--sources", str(mixed), "--db", str(db)])
    assert partial.exit_code == 3, partial.output
    run_id, _, _ = last_run(db, "ingest")
    assert flow_run_state(run_id) == "COMPLETED"
    assert "dead: feed fetch failed" in " ".join(partial.stdout.split())

    # 0: everything read
    good = sources_file(tmp_path / "good.toml", {"wire": f"{corpus.base_url}/wire.xml"})
    ok = runner.invoke(app, ["ingest", "--all", "--sources", str(good), "--db", str(db)])
    assert ok.exit_code == 0, ok.output

    # maintain: 0 when the checks pass, 1 and Failed when one fails
    assert runner.invoke(app, ["maintain", "--db", str(db)]).exit_code == 0
    con = raw_connect(db, read_only=False)  # break it (what follows needs no passing check)
    con.execute("DELETE FROM stories WHERE story_id = (SELECT min(story_id) FROM stories)")
    con.close()
    bad = runner.invoke(app, ["maintain", "--db", str(db)])
    assert bad.exit_code == 1, bad.output
    run_id, status, n_failed = last_run(db, "maintain")
    assert status == "completed_with_failures" and n_failed >= 1
    assert flow_run_state(run_id) == "FAILED"
    assert "maintain-summary" in artifact_keys(run_id)

    # 2: usage errors stay typer's
    assert runner.invoke(app, ["ingest", "--limit", "0"]).exit_code == 2
    if db.startswith("ducklake:"):
        return  # a lake has no writer lock: writers commit concurrently (tests/test_ducklake.py)

    # 75: another writer holds the warehouse past --wait
    holder = start(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
                import sys, time
                sys.path.insert(0, {str(ROOT)!r})
                from warehouse.access import writer_lock
                with writer_lock({str(db)!r}, "reprocess"):
                    print("locked", flush=True)
                    time.sleep(120)
            """),
        ],
        subprocess_env(),
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        busy = runner.invoke(app, ["maintain", "--db", str(db), "--wait", "0"])
        assert busy.exit_code == 75 and "busy" in busy.stderr
    finally:
        holder.kill()
        holder.wait()


def children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def running_cli_run(api: str, pid: int) -> dict | None:
    """The RUNNING flow run that wirehouse process `pid` started, from the API at `api`."""
    from flows.commands.flowrun import process_tag

    try:
        r = http().post(
            f"{api}/flow_runs/filter",
            json={
                "flow_runs": {"tags": {"all_": [process_tag(pid)]}, "state": {"type": {"any_": ["RUNNING"]}}}
            },
            timeout=5,
        )
        runs = r.json()
    except (httpx.HTTPError, ValueError):
        return None
    return runs[0] if runs else None


def test_sigterm_marks_the_run_crashed_and_leaves_nothing(
    prefect_harness, server_factory, tmp_path, warehouse_db
):
    gate = threading.Event()
    server = server_factory(CORPUS, routes={"/wire.xml": gated_file_route(CORPUS, "wire.xml", gate)})
    try:
        sources = write_sources(tmp_path, server.base_url)
        api = harness_api_url()
        proc = start(
            [*WIREHOUSE, "ingest", "--sources", str(sources), "--db", warehouse_db],
            subprocess_env(PREFECT_API_URL=api),
        )
        run = wait_for(lambda: running_cli_run(api, proc.pid), 400, "the ingest flow run to be RUNNING", 0.5)
        time.sleep(1.0)  # inside the fetch task, waiting for the gated feed
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 143, err
        assert err.strip().splitlines()[-1].startswith("error: ")
        assert "Traceback" not in err
        assert flow_run_state(run["id"]) in ("CRASHED", "CANCELLED")
    finally:
        gate.set()


# file only: its own temporary Prefect server twice (a minute each, loaded); the lake's crash
# marking by shard: tests/test_warehouse_session.py (mark_crashed_runs on both backends)
def test_kill_9_leaves_no_server_and_the_next_command_marks_the_run_crashed(server_factory, tmp_path):
    """No PREFECT_API_URL: the command starts its own temporary Prefect server."""
    gate = threading.Event()
    server = server_factory(CORPUS, routes={"/wire.xml": gated_file_route(CORPUS, "wire.xml", gate)})
    env = subprocess_env(PREFECT_HOME=str(tmp_path / "prefect-home"))
    env.pop("PREFECT_API_URL", None)
    db = tmp_path / "news.duckdb"
    from warehouse.session import Warehouse

    with Warehouse.open(db, job="test", wait=0):  # the warehouse exists, whenever the kill lands
        pass
    try:
        sources = write_sources(tmp_path, server.base_url)
        proc = start([*WIREHOUSE, "ingest", "--sources", str(sources), "--db", str(db)], env)

        def temp_server():
            for child in children(proc.pid):
                cmd = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
                if b"uvicorn" in cmd:
                    return child, int(cmd[cmd.index(b"--port") + 1])
            return None

        try:
            server_pid, port = wait_for(temp_server, 400, "the temporary Prefect server", 0.3)
            api = f"http://127.0.0.1:{port}/api"
            run = wait_for(
                lambda: running_cli_run(api, proc.pid), 400, "the ingest flow run to be RUNNING", 0.5
            )
        except AssertionError as exc:
            proc.kill()
            raise AssertionError(f"{exc}; the command said: {proc.communicate()[1][-2000:]}") from None
        proc.kill()
        proc.wait()
        wait_for(lambda: not alive(server_pid), 30, "the temporary server to stop with its owner", 0.2)
    finally:
        gate.set()
    after = subprocess.run(
        [*WIREHOUSE, "maintain", "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert after.returncode == 0, after.stderr
    assert f"flow run {run['name']} was left running by a killed process; marked Crashed" in after.stderr


# file only: a fresh machine's default warehouse (warehouse/news.duckdb); serve on a lake: test_ops_serve.py
def test_serve_on_a_fresh_machine_runs_a_manual_deployment_run(tmp_path):
    """No Prefect server and no PREFECT_API_URL: `wirehouse serve` starts the folder's server."""
    port = closed_port()
    api = f"http://127.0.0.1:{port}/api"
    db = tmp_path / "warehouse" / "news.duckdb"
    env = subprocess_env(PREFECT_HOME=str(tmp_path / "home"), PREFECT_RUNNER_POLL_FREQUENCY="1")
    env.pop("PREFECT_API_URL", None)
    env.pop("WIREHOUSE_DB", None)
    serve = start(
        [*WIREHOUSE, "serve", "--db", str(db), "--port", str(port), "--only", "maintain/daily"],
        env,
        start_new_session=True,
    )
    try:

        def registered():
            try:
                r = http().post(f"{api}/deployments/filter", json={})
            except httpx.HTTPError:
                return None
            return {d["name"] for d in r.json()} >= {"daily"}

        wait_for(registered, 240, "wirehouse serve to start its server and register", poll=0.5)
        assert (tmp_path / "warehouse" / "prefect" / "prefect.db").exists()  # history beside the data
        trigger = subprocess.run(
            [PREFECT, "deployment", "run", "maintain/daily"],
            cwd=ROOT,
            env={**env, "PREFECT_API_URL": api},  # as the startup note and the README say
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert trigger.returncode == 0, trigger.stdout + trigger.stderr
        run_id = re.search(r"UUID: ([0-9a-f-]{36})", trigger.stdout).group(1)

        def finished():
            run = api_json("GET", f"{api}/flow_runs/{run_id}")
            return (
                run if run and run["state_type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None
            )

        run = wait_for(finished, 240, "the triggered maintain run to finish", poll=0.5)
        assert run["state_type"] == "COMPLETED", run["state"]

        # the fleet path of docs/operations.md, as written: create the pool, deploy everything
        for command in (
            [PREFECT, "work-pool", "create", "wirehouse", "--type", "process", "--overwrite"],
            [PREFECT, "--no-prompt", "deploy", "--all"],
        ):
            done = subprocess.run(
                command,
                cwd=ROOT,
                env={**env, "PREFECT_API_URL": api},
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert done.returncode == 0, done.stdout + done.stderr
        deployed = http().post(f"{api}/deployments/filter", json={}).json()
        pooled = {d["name"] for d in deployed if d.get("work_pool_name") == "wirehouse"}
        assert pooled == {"scheduled", "daily", "nightly", "manual-backfill"}
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGINT)
            try:
                serve.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(serve.pid, signal.SIGKILL)
                serve.wait()
    assert last_run(db, "maintain")[0] == run_id
    assert not httpx_ok(f"{api}/health"), "the server serve started stops with it"


def httpx_ok(url: str) -> bool:
    try:
        return http().get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def test_a_flow_that_raises_is_one_line_without_prefect_noise(prefect_harness, tmp_path, capfd):
    import typer
    from prefect import flow

    from flows.commands.flowrun import run_flow

    @flow(name="explodes")
    def explodes(db: str) -> None:
        raise ValueError(f"cannot use {db}: [/x] is not a table\nsecond line")

    with pytest.raises(typer.Exit) as exit_info:
        run_flow(explodes, tmp_path / "news.duckdb", db="w[/x].duckdb")
    assert exit_info.value.exit_code == 1
    err = capfd.readouterr().err
    assert "Traceback" not in err and "ERROR" not in err, err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert errors == ["error: cannot use w[/x].duckdb: [/x] is not a table"], err


def test_a_command_tags_its_flow_run_not_its_task_runs(prefect_harness, tmp_path):
    """The flow run carries the command's tags (crash_dead_runs finds a killed run by them); its
    task runs carry none: Prefect asks the API for tag concurrency slots before every tagged task
    run, and a busy SQLite-backed server made that a ~2-s retry (flows/commands/flowrun.py)."""
    from prefect import flow, task
    from prefect.client.orchestration import get_client
    from prefect.context import TaskRunContext

    from flows.commands.flowrun import CLI_TAG, process_tag, run_flow

    @task(name="task-tags")
    def task_tags() -> list[str]:
        ctx = TaskRunContext.get()  # the task run the engine checked concurrency for, tags and all
        assert ctx is not None and ctx.task_run is not None
        return sorted(ctx.task_run.tags)

    @flow(name="tagged-command")
    def tagged_command(db: str, where: Path, n: int = 1) -> tuple[int, list[str]]:  # `Path`: this module's
        return n + len(where.name) + len(db), task_tags()

    (total, tags), state = run_flow(
        tagged_command, tmp_path / "news.duckdb", db="ab", where=tmp_path / "xyz", n="4"
    )
    assert state.is_completed() and total == 4 + 3 + 2  # "4" validated into an int, as before
    assert tags == []
    with get_client(sync_client=True) as client:
        run = client.read_flow_run(state.state_details.flow_run_id)
    assert {CLI_TAG, process_tag()} <= set(run.tags), run.tags
