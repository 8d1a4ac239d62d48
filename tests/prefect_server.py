"""One Prefect test server for all of a session's pytest-xdist workers.

`prefect_test_harness` starts a server per process: under xdist that is one per worker, each
about 15 s of CPU (imports, migrations of a fresh SQLite database) and often a minute or more
of wall time on a loaded 2-core machine. Here the first worker that needs a server starts the
same one the harness starts (uvicorn on Prefect's app factory, ephemeral services, SQLite in a
temporary folder, no UI) under a small watchdog, and every worker uses it. The controller
stops it at the end of the session (`stop_shared`); the watchdog stops it if the controller
dies first. In a whole-suite run the controller launches it before the workers start
(`start_early`), so that it starts while they collect the tests."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

INFO = "prefect-server.json"

# The background services an ephemeral server runs that no test reads from: the task-run
# recorder (task runs rebuilt from the clients' events), the event persister, triggers and
# automations' actions. The tests read flow runs, their states and artifacts, which the API
# writes itself. Off, the server no longer writes a row per event of every flow run in the
# session (it had used about a fifth of the session's CPU, uncounted: it is not pytest's child).
QUIET_SERVICES = {
    f"PREFECT_SERVER_SERVICES_{name}_ENABLED": "false"
    for name in ("TASK_RUN_RECORDER", "EVENT_PERSISTER", "TRIGGERS", "EVENT_LOGGER")
}

# runs the server as its child; ends it when the controller (argv[1]) is gone or on SIGTERM
WATCHDOG = textwrap.dedent("""
    import os, signal, subprocess, sys, time
    owner = int(sys.argv[1])
    server = subprocess.Popen(sys.argv[2:])
    def stop(*_):
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
        sys.exit(0)
    signal.signal(signal.SIGTERM, stop)
    while server.poll() is None:
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            stop()
        time.sleep(1)
""")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _launch(root: Path, owner: int) -> dict:
    """Start the server (under its watchdog) without waiting for it; its API URL and process group."""
    from importlib.util import find_spec

    spec = find_spec("prefect")  # where Prefect is, without importing it (seconds, in the controller)
    assert spec is not None and spec.origin is not None
    folder = root / "prefect-server"
    folder.mkdir(exist_ok=True)
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = dict(
        os.environ,
        PREFECT_UI_ENABLED="0",
        PREFECT__SERVER_EPHEMERAL="1",
        PREFECT__SERVER_FINAL="1",
        PREFECT_SERVER_DATABASE_CONNECTION_URL=f"sqlite+aiosqlite:///{folder / 'prefect.db'}",
        **QUIET_SERVICES,
    )
    env.pop("PREFECT_API_URL", None)
    server = [
        sys.executable,
        "-m",
        "uvicorn",
        "--app-dir",
        str(Path(spec.origin).parent.parent),
        "--factory",
        "prefect.server.api.server:create_app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "error",
        "--lifespan",
        "on",
    ]
    with open(folder / "server.log", "wb") as log:  # the server keeps its own copy of the file
        proc = subprocess.Popen(
            [sys.executable, "-c", WATCHDOG, str(owner), *server],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return {"api": api, "pgid": proc.pid}


def _alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _wait_healthy(root: Path, info: dict, timeout: float) -> None:
    """Wait for the server another process may have launched; one error with its log's tail."""
    from flows.commands.prefect_api import healthy  # one HTTP client: ~65 ms of CPU less a poll

    deadline = time.monotonic() + timeout
    while not healthy(info["api"], timeout=2):
        if not _alive(info["pgid"]) or time.monotonic() > deadline:
            if _alive(info["pgid"]):
                os.killpg(info["pgid"], signal.SIGKILL)
            tail = (root / "prefect-server" / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"the shared Prefect test server did not start: {tail}")
        time.sleep(0.2)


def _info(root: Path, owner: int) -> dict:
    """The session's server (launched here if no process launched it yet)."""
    with open(root / "prefect-server.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        info_file = root / INFO
        if info_file.exists():
            return json.loads(info_file.read_text())
        info = _launch(root, owner)
        info_file.write_text(json.dumps(info))
        return info


def start_early(root: Path) -> None:
    """In the controller of a whole-suite run, before the workers start: launch the server now,
    so that it starts (a Prefect server takes 10 s of CPU and more of wall time) while the
    workers start and collect the tests, instead of both workers waiting for it at their
    first flow test. Nothing waits for it here."""
    _info(root, os.getpid())


@contextmanager
def shared_server(root: Path, owner: int, timeout: float = 300) -> Iterator[str]:
    """Use the session's shared server (start it if no worker has yet); yields its API URL,
    set as PREFECT_API_URL for this process (as the harness sets it)."""
    import prefect.context
    from prefect.settings import PREFECT_API_URL, temporary_settings

    info = _info(root, owner)
    _wait_healthy(root, info, timeout)
    with (
        temporary_settings({PREFECT_API_URL: info["api"]}),
        prefect.context._temporary_global_settings_context(prefect.context.get_settings_context()),
    ):
        yield info["api"]
        _drain()


def _drain() -> None:
    """Send this process's buffered logs and events before it lets go of the server (as the harness does)."""
    import inspect

    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.utilities.asyncutils import run_coro_as_sync

    async def drain() -> None:
        try:
            result = APILogWorker.instance().drain()
            if inspect.isawaitable(result):
                await result
        except RuntimeError:
            pass
        result = EventsWorker.drain_all()
        if inspect.isawaitable(result):
            await result

    run_coro_as_sync(drain())


def stop_shared(root: Path) -> None:
    """In the controller, after every worker has finished: stop the shared server if one started."""
    info_file = root / INFO
    if not info_file.exists():
        return
    pgid = json.loads(info_file.read_text())["pgid"]
    try:
        os.killpg(pgid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    os.killpg(pgid, signal.SIGKILL)
