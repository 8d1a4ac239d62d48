"""Scheduled and manual runs for real: a Prefect server process, `wirehouse serve`, a manual run.

The server is the session's Prefect test server (a real server process on 127.0.0.1, SQLite in
a temporary folder; starting one more costs a minute on a loaded machine): it runs no
scheduler service, so only the run this test triggers executes (the schedules themselves are
checked on the registered deployments). The run is triggered through the API from this process
(what `prefect deployment run` does; that command itself, a process of a few CPU-seconds, is
run by tests/test_operator_runs.py's fresh-machine test).
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.backends import raw_connect
from tests.ops_support import (
    CORPUS,
    N_ARTICLES,
    api_json,
    harness_api_url,
    http,
    start,
    subprocess_env,
    wait_for,
    write_sources,
)

# both backends' variants register the same deployment names on the session's one Prefect server:
# one worker runs them one after the other
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("prefect-serve-deployments")]
WIREHOUSE = str(Path(sys.executable).parent / "wirehouse")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_served_deployment_runs_on_a_real_prefect_server(
    prefect_harness, server_factory, tmp_path, warehouse_db
):
    """On each backend: a file, or a DuckLake (`serve --db ducklake:...`; the served flow runs in
    the serve process, which has the lake's WIREHOUSE_DATA_PATH)."""
    corpus = server_factory(CORPUS)
    sources = write_sources(tmp_path, corpus.base_url)
    db = warehouse_db
    api = harness_api_url()
    assert http().get(f"{api}/health", timeout=10).status_code == 200
    env = subprocess_env(
        PREFECT_HOME=str(tmp_path / "prefect"), PREFECT_API_URL=api, PREFECT_RUNNER_POLL_FREQUENCY="1"
    )
    env.pop("WIREHOUSE_DB", None)

    serve = None
    try:
        serve = start(
            [WIREHOUSE, "serve", "--db", str(db), "--sources", str(sources)], env, start_new_session=True
        )

        def deployments():
            answer = api_json("POST", f"{api}/deployments/filter", json={})
            names = {d["name"]: d for d in answer or ()}
            if not {"scheduled", "daily", "nightly", "manual-backfill"} <= set(names):
                return None
            # the other backend's variant may have registered the same names on this server first:
            # wait until this serve process has updated them
            return names if names["scheduled"]["parameters"].get("db") == str(db) else None

        deps = wait_for(deployments, 240, "wirehouse serve to register the deployments", poll=0.3)
        ingest_dep = deps["scheduled"]
        assert ingest_dep["parameters"] == {"db": str(db), "sources_file": str(sources)}
        crons = {name: [s["schedule"].get("cron") for s in d["schedules"]] for name, d in deps.items()}
        assert crons == {
            "scheduled": ["*/15 * * * *"],
            "daily": ["30 2 * * *"],
            "nightly": ["0 3 * * *"],
            "manual-backfill": [],  # run by hand only
        }

        from prefect.deployments import run_deployment

        run_id = str(run_deployment("ingest/scheduled", timeout=0).id)  # the session's server (api)

        def finished():
            run = api_json("GET", f"{api}/flow_runs/{run_id}")
            return (
                run if run and run["state_type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None
            )

        run = wait_for(finished, 240, "the triggered flow run to finish", poll=0.3)
        assert run["state_type"] == "COMPLETED", run["state"]
    finally:
        if serve is not None:
            stop(serve)

    con = raw_connect(db)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == N_ARTICLES
        assert con.execute("SELECT run_id, flow, status FROM runs").fetchall() == [
            (run_id, "ingest", "completed")
        ]
    finally:
        con.close()
    if not db.startswith("ducklake:"):  # a lake has no snapshot file: readers attach it
        assert (tmp_path / "news.read.duckdb").exists(), "the run published the analysts' snapshot"
