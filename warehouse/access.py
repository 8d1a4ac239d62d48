"""Older names for the file backend's pieces, kept for scripts and tests written against them.

The writer lock, the read snapshot and reader connections now live in
warehouse/backend.py (`FileBackend`) behind `warehouse.session.Warehouse`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .backend import (
    WarehouseBusy,
    WriterLock,
    backend_for,
    is_snapshot,
    lock_path,
    lock_wait_default,
    snapshot_path,
)

__all__ = [
    "WarehouseBusy",
    "is_snapshot",
    "lock_path",
    "open_reader",
    "publish_snapshot",
    "snapshot_path",
    "writer_lock",
]


def open_reader(db: str | Path | None = None):
    """`Warehouse.open_reader(db)` (it has `execute` and `close`, like a connection)."""
    from .session import Warehouse

    return Warehouse.open_reader(db)


def publish_snapshot(db: str | Path | None = None, *, wait: float | None = None) -> Path:
    """Open a writer session on `db` (migrating an empty one) and publish its snapshot."""
    from .session import Warehouse

    with Warehouse.open(db, job="publish", wait=wait):
        pass  # a writer session publishes when it ends
    return snapshot_path(db)


@contextmanager
def writer_lock(db: str | Path | None, job: str, *, wait: float | None = None) -> Iterator[Path]:
    """Hold only the writer lock (no connection): a bare lock holder, as tests use it."""
    import time

    backend = backend_for(db)
    wait = lock_wait_default() if wait is None else wait
    lock = WriterLock(lock_path(db))
    lock.acquire(job, time.monotonic() + wait, wait, Path(backend.describe()))
    try:
        yield lock.path
    finally:
        lock.release()
