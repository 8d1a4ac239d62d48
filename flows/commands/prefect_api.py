"""Which Prefect API a command talks to, and a local Prefect server that never outlives its owner.

Order of choice (`api_for`):

1. `PREFECT_API_URL` when set (a server you run, or Prefect Cloud);
2. the `wirehouse server` of this warehouse folder, found through the file it
   writes (`<warehouse folder>/prefect/server.json`) and a health check: no
   start-up cost, and the history stays;
3. otherwise a temporary server started here, as Prefect's ephemeral mode
   would, but as a child the kernel stops when this process dies, even by
   `kill -9` (`PR_SET_PDEATHSIG`), so no server is ever left behind.
"""

from __future__ import annotations

import atexit
import ctypes
import json
import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

PR_SET_PDEATHSIG = 1
SERVER_FILE = "server.json"
DEFAULT_PORT = 4200


class ServerError(RuntimeError):
    """A Prefect server could not be started or reached; the message is one line."""


def prefect_home(db: Path) -> Path:
    """Where `wirehouse server` keeps Prefect's database: beside the warehouse."""
    return db.resolve().parent / "prefect"


def _die_with_parent() -> None:  # runs in the child between fork and exec
    with suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


@cache
def _health_client() -> httpx.Client:
    """One HTTP client for every health check of the process: `httpx.get` makes a client per
    request, about 65 ms of CPU each (its SSL context loads the CA bundle), and a command waiting
    for its server asks every 0.1 s: over half a core, taken from the server it waits for."""
    import httpx

    return httpx.Client()


def healthy(api_url: str, timeout: float = 1.0) -> bool:
    import httpx

    try:
        return _health_client().get(f"{api_url.rstrip('/')}/health", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def running_server(db: Path) -> str | None:
    """The API URL of this warehouse folder's `wirehouse server`, if one is up."""
    path = prefect_home(db) / SERVER_FILE
    try:
        info = json.loads(path.read_text())
        url, pid = info["api_url"], int(info["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass
    return url if healthy(url, timeout=0.5) else None


@dataclass
class LocalServer:
    """A Prefect API server process on 127.0.0.1 owned by this process."""

    process: subprocess.Popen
    api_url: str
    info_file: Path | None = None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.info_file:
            with suppress(OSError):
                info = json.loads(self.info_file.read_text())
                if info.get("pid") == os.getpid():
                    self.info_file.unlink()


def start_server(
    *,
    port: int | None = None,
    home: Path | None = None,
    persistent: bool = False,
    wait: float = 90.0,
    output=subprocess.DEVNULL,
    host: str = "127.0.0.1",
    database: str | None = None,
) -> LocalServer:
    """Start a Prefect API server on 127.0.0.1 as a child that dies with this process.

    persistent=False: the API alone, as Prefect's ephemeral mode runs it (for one
    command). persistent=True: `prefect server start` with its services (scheduler,
    UI ...), for `wirehouse server` and `wirehouse serve`. `home` sets PREFECT_HOME,
    whose `prefect.db` is the server's database unless `database` names another one (a
    `postgresql+asyncpg://` URL: Prefect's PREFECT_API_DATABASE_CONNECTION_URL). `host` is the
    address it listens on (127.0.0.1; 0.0.0.0 for workers on other machines).
    """
    import prefect

    port = port or free_port()
    if not port_free(port):
        raise ServerError(f"port {port} on 127.0.0.1 is in use (choose another with --port)")
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    if database is not None:
        env["PREFECT_API_DATABASE_CONNECTION_URL"] = database
    if home is not None:
        home.mkdir(parents=True, exist_ok=True)
        env["PREFECT_HOME"] = str(home)
    if persistent:
        args = [str(Path(sys.executable).parent / "prefect"), "server", "start"]
        args += ["--host", host, "--port", str(port)]
    else:
        env.update(PREFECT_UI_ENABLED="0", PREFECT__SERVER_EPHEMERAL="1", PREFECT__SERVER_FINAL="1")
        args = [sys.executable, "-m", "uvicorn", "--app-dir", str(Path(prefect.__file__).parent.parent)]
        args += ["--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1"]
        args += ["--port", str(port), "--log-level", "error", "--lifespan", "on"]
    proc = subprocess.Popen(
        args, env=env, stdout=output, stderr=output, stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent
    )
    local = "127.0.0.1" if host in ("0.0.0.0", "::") else host  # where this machine reaches it
    server = LocalServer(proc, f"http://{local}:{port}/api")
    atexit.register(server.stop)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServerError(f"the Prefect server on port {port} exited with code {proc.returncode}")
        if healthy(server.api_url, timeout=1.0):
            return server
        time.sleep(0.1)
    server.stop()
    raise ServerError(f"the Prefect server on port {port} did not answer within {wait:.0f}s")


def write_server_file(server: LocalServer, home: Path) -> None:
    """Announce a long-lived server to the commands of this warehouse folder (`running_server`)."""
    home.mkdir(parents=True, exist_ok=True)
    path = home / SERVER_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"api_url": server.api_url, "pid": os.getpid()}))
    os.replace(tmp, path)
    server.info_file = path


def api_for(db: Path) -> tuple[str, str]:
    """(API URL, how it was chosen) for a flow command on warehouse `db`; starts a private
    temporary server when nothing else is there."""
    from prefect.settings import PREFECT_API_URL

    configured = PREFECT_API_URL.value()
    if configured:
        return configured, "PREFECT_API_URL"
    found = running_server(db)
    if found:
        return found, "wirehouse server"
    from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS

    # a busy 2-core machine can take over 20 s (Prefect's default) to bring a server up
    server = start_server(
        wait=max(300.0, float(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value() or 0))
    )
    return server.api_url, "temporary server"


def postgres_url(url: str) -> str:
    """A PostgreSQL URL as Prefect's server takes it (`postgresql+asyncpg://`, its async driver);
    anything but PostgreSQL is a one-line ServerError."""
    from urllib.parse import urlsplit

    scheme, sep, rest = url.partition("://")
    if (
        not sep
        or scheme not in ("postgresql", "postgres", "postgresql+asyncpg")
        or not urlsplit(url).path[1:]
    ):
        raise ServerError(
            f"--database {masked(url)}: give a PostgreSQL URL with a database, "
            "e.g. postgresql://postgres@127.0.0.1:5432/prefect"
        )
    return f"postgresql+asyncpg://{rest}"


def masked(url: str) -> str:
    """The URL with its password (if any) replaced by ***, for messages."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    return url.replace(f":{parts.password}@", ":***@", 1)


def check_database(url: str, timeout: float = 10.0) -> None:
    """Connect once to the server's PostgreSQL database (asyncpg, the driver Prefect's server
    uses), so an unreachable server or a missing database is one line, not a server that dies."""
    import asyncio

    import asyncpg

    async def probe() -> None:
        con = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://", 1), timeout=timeout)
        await con.close()

    try:
        asyncio.run(probe())
    except (TimeoutError, OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise ServerError(f"cannot use the Prefect database {masked(url)}: {reason}") from None
