"""The feeds' due times, read before an ingest run starts (warehouse/sql/feed_due_times.sql).

`wirehouse ingest` (without --all) asks this first, so that a scheduled command with
nothing to poll ends in about a second instead of importing Prefect and starting a
flow run. Light on purpose: DuckDB and the backend, no numpy/pyarrow (warehouse.session)
and no Prefect. It writes nothing: the file backend is read under the writer lock (the
state the run itself would read: a concurrent run finishes first), a DuckLake through a
read-only attach (readers see every commit).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from .backend import backend_for
from .db import QUIET, WarehouseError, applied_versions, migration_files, sql


def feed_due_times(db: str | Path | None, *, wait: float) -> dict[str, tuple[str, datetime | None]] | None:
    """source -> (configured_url, next_due_at) of every feed polled before; None when the
    warehouse does not exist yet or its schema is not current (the run's own open then
    creates, refuses or explains). Raises WarehouseBusy when the writer lock is not had
    within `wait` seconds."""
    backend = backend_for(db)
    read_only = backend.concurrent_writers
    if read_only:
        try:
            con = backend.open_reader()  # one attach (exists() would be a second one)
        except WarehouseError:
            return None
    elif not backend.exists():
        return None
    else:
        con = backend.open_writer("ingest", wait)
    try:
        con.execute(QUIET)  # a slow open must not print a bar on stdout
        done = applied_versions(con)
        if done is None or {v for v, _, _ in migration_files()} - done:
            return None
        return {source: (url, due) for source, url, due in con.execute(sql("feed_due_times")).fetchall()}
    finally:
        try:
            con.close()
        finally:
            if not read_only:
                backend.close_writer()
