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

import socket
import subprocess
import sys
from pathlib import Path

import typer

from .common import DbOption, db_path, fail, out
from .prefect_api import (
    DEFAULT_PORT,
    ServerError,
    check_database,
    masked,
    postgres_url,
    prefect_home,
    running_server,
    start_server,
    write_server_file,
)

PortOption = typer.Option(DEFAULT_PORT, "--port", min=1, max=65535, help="Port to listen on.")
DatabaseOption = typer.Option(
    None,
    "--database",
    show_default=False,
    help="PostgreSQL database for Prefect's state, e.g. postgresql://postgres@127.0.0.1:5432/prefect "
    "(create it first) [default: SQLite in warehouse/prefect/prefect.db].",
)
HostOption = typer.Option(
    "127.0.0.1", "--host", help="Address to listen on (0.0.0.0: workers on other machines reach it)."
)


def start_folder_server(
    db: Path, port: int, *, quiet: bool, database: str | None = None, host: str = "127.0.0.1"
):
    """Start (and announce) the persistent server of `db`'s folder; one line on failure.
    `database`: a PostgreSQL URL for Prefect's state instead of the folder's SQLite file."""
    home = prefect_home(db)
    if running_server(db):
        fail(f"a wirehouse server for {db.resolve().parent} is already running ({home / 'server.json'})")
    try:
        if database is not None:
            database = postgres_url(database)
            check_database(database)
        server = start_server(  # a loaded machine can take minutes to bring up a full server
            port=port,
            home=home,
            persistent=True,
            output=subprocess.DEVNULL if quiet else None,
            wait=600,
            host=host,
            database=database,
        )
    except ServerError as exc:
        fail(str(exc))
    write_server_file(server, home)
    return server


def server(
    db: Path | None = DbOption,
    port: int = PortOption,
    database: str | None = DatabaseOption,
    host: str = HostOption,
) -> None:
    """Run a Prefect server (API and UI) for this warehouse folder until stopped (Ctrl-C, SIGTERM).

    Its database is warehouse/prefect/prefect.db, or the PostgreSQL database of
    --database (Prefect's production setup: many workers, many machines). While it
    runs, the flow commands use it (no temporary server, history kept) and
    `wirehouse serve` registers there. For the prefect CLI and workers:
    export PREFECT_API_URL=http://HOST:PORT/api
    """
    path = db_path(db)
    srv = start_folder_server(path, port, quiet=False, database=database, host=host)
    if host != "127.0.0.1":
        srv.api_url = f"http://{socket.gethostname() if host in ('0.0.0.0', '::') else host}:{port}/api"
    out.print(
        f"Prefect server for {path.resolve().parent} at {srv.api_url} (UI {srv.api_url[: -len('/api')]})"
    )
    out.print(
        f"database: {masked(postgres_url(database)) if database else prefect_home(path) / 'prefect.db'}"
    )
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
