"""`wirehouse server`: a Prefect server for this warehouse folder, kept running.

It runs `prefect server start` on 127.0.0.1 with PREFECT_HOME under the
warehouse folder (`warehouse/prefect/`: the flow-run history and the UI's
database live beside the data) and announces itself in
`warehouse/prefect/server.json`. While it runs, `wirehouse ingest/maintain/
reprocess` on warehouses of that folder use it instead of starting a temporary
server (no start-up cost, history kept), and `wirehouse serve` registers its
deployments with it. For the `prefect` command line and the UI, export
PREFECT_API_URL=http://127.0.0.1:PORT/api.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer

from .common import DbOption, db_path, fail, out
from .prefect_api import (
    DEFAULT_PORT,
    ServerError,
    prefect_home,
    running_server,
    start_server,
    write_server_file,
)

PortOption = typer.Option(DEFAULT_PORT, "--port", min=1, max=65535, help="Port on 127.0.0.1.")


def start_folder_server(db: Path, port: int, *, quiet: bool):
    """Start (and announce) the persistent server of `db`'s folder; one line on failure."""
    home = prefect_home(db)
    if running_server(db):
        fail(f"a wirehouse server for {db.resolve().parent} is already running ({home / 'server.json'})")
    try:
        server = start_server(  # a loaded machine can take minutes to bring up a full server
            port=port, home=home, persistent=True, output=subprocess.DEVNULL if quiet else None, wait=600
        )
    except ServerError as exc:
        fail(str(exc))
    write_server_file(server, home)
    return server


def server(db: Path | None = DbOption, port: int = PortOption) -> None:
    """Run a Prefect server (API and UI) for this warehouse folder until stopped (Ctrl-C, SIGTERM).

    Its database is warehouse/prefect/prefect.db. While it runs, the flow
    commands use it (no temporary server, history kept) and `wirehouse serve`
    registers there. For the prefect CLI: export PREFECT_API_URL=http://127.0.0.1:PORT/api
    """
    path = db_path(db)
    srv = start_folder_server(path, port, quiet=False)
    out.print(f"Prefect server for {path.resolve().parent} at {srv.api_url} (UI http://127.0.0.1:{port})")
    out.print(f"database: {prefect_home(path) / 'prefect.db'}")
    out.print(f"for the prefect CLI and `wirehouse serve` elsewhere: export PREFECT_API_URL={srv.api_url}")
    sys.stdout.flush()
    from .flowrun import handle_sigterm

    handle_sigterm()  # SIGTERM unwinds like Ctrl-C; stop() then runs outside any signal handler
    try:
        srv.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        srv.stop()
