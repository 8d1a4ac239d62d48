"""Who may open the warehouse, and how: one writer at a time, readers on a snapshot.

The contract (docs/operations.md):

* Writers (ingest, maintain, reprocess, backfill ...) hold an exclusive
  `fcntl.flock` on `<db>.lock` for their whole run (`writer_lock`). A second
  writer waits up to `wait` seconds, then fails with `WarehouseBusy` naming the
  holder. The lock works with or without a Prefect server and dies with its
  process, so a killed run never leaves a stale lock.
* Readers (analysts, `wirehouse sql/search/stats/export`) never open the
  writer's file. After each successful write run the writer publishes a
  read-only snapshot `<name>.read.duckdb` beside it: CHECKPOINT, copy to a
  temporary file, fsync, atomic `os.replace`. A reader sees the previous run's
  state or the new one, never a half-loaded batch, and a reader holding a
  connection for hours never blocks the writer (its open file is the old inode).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from .db import WarehouseError, connect, default_db_path

DEFAULT_LOCK_WAIT = 60.0  # seconds a writer waits for another writer to finish
SNAPSHOT_INFIX = ".read"


class WarehouseBusy(WarehouseError):
    """Another writer holds the warehouse lock and did not release it in time."""


def resolve(db: str | Path | None) -> Path:
    return Path(db) if db else default_db_path()


def lock_path(db: str | Path | None) -> Path:
    p = resolve(db)
    return p.with_name(p.name + ".lock")


def snapshot_path(db: str | Path | None) -> Path:
    """`news.duckdb` -> `news.read.duckdb` (a path that already is a snapshot is returned as is)."""
    p = resolve(db)
    if is_snapshot(p):
        return p
    suffix = p.suffix or ""
    stem = p.name[: -len(suffix)] if suffix else p.name
    return p.with_name(f"{stem}{SNAPSHOT_INFIX}{suffix}")


def is_snapshot(p: Path) -> bool:
    return p.suffix == SNAPSHOT_INFIX or Path(p.stem).suffix == SNAPSHOT_INFIX


def lock_wait_default() -> float:
    """`WIREHOUSE_LOCK_WAIT` seconds when set, else 60."""
    raw = os.environ.get("WIREHOUSE_LOCK_WAIT")
    try:
        return float(raw) if raw else DEFAULT_LOCK_WAIT
    except ValueError:
        raise WarehouseError(f"WIREHOUSE_LOCK_WAIT must be a number of seconds, got {raw!r}") from None


# Re-entrant inside one process: a flow holding the lock may call helpers that take it too.
_held: dict[Path, list] = {}  # lock path -> [count, file object]
_held_guard = threading.Lock()


def _holder(fh) -> str:
    try:
        fh.seek(0)
        info = json.loads(fh.read() or "{}")
    except (OSError, ValueError):
        info = {}
    if not info:
        return "another writer"
    return f"{info.get('job', 'a writer')} (pid {info.get('pid')} on {info.get('host')}, since {info.get('since')})"


@contextmanager
def writer_lock(
    db: str | Path | None, job: str, *, wait: float | None = None, poll: float = 0.1
) -> Iterator[Path]:
    """Hold the warehouse's writer lock; wait at most `wait` seconds for it."""
    lp = lock_path(db).resolve()
    wait = lock_wait_default() if wait is None else wait
    with _held_guard:
        if lp in _held:
            _held[lp][0] += 1
            reentrant = True
        else:
            reentrant = False
    if reentrant:
        try:
            yield lp
        finally:
            with _held_guard:
                _held[lp][0] -= 1
        return
    lp.parent.mkdir(parents=True, exist_ok=True)
    fh = open(lp, "a+")
    deadline = time.monotonic() + max(wait, 0.0)
    try:
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _holder(fh)
                    raise WarehouseBusy(
                        f"warehouse {resolve(db)} is busy: {holder} holds {lp.name}; "
                        f"gave up after {wait:g}s (set --wait or WIREHOUSE_LOCK_WAIT to wait longer)"
                    ) from None
                time.sleep(poll)
        fh.seek(0)
        fh.truncate()
        fh.write(
            json.dumps(
                {
                    "job": job,
                    "pid": os.getpid(),
                    "host": socket.gethostname(),
                    "since": datetime.now(UTC).isoformat(timespec="seconds"),
                }
            )
        )
        fh.flush()
        with _held_guard:
            _held[lp] = [1, fh]
        try:
            yield lp
        finally:
            with _held_guard:
                _held.pop(lp, None)
            fh.seek(0)
            fh.truncate()
            fh.flush()
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
    finally:
        fh.close()


def holds_lock(db: str | Path | None) -> bool:
    return lock_path(db).resolve() in _held


def publish_snapshot(db: str | Path | None = None, *, wait: float | None = None) -> Path:
    """Replace the read snapshot with the writer's current, checkpointed state."""
    src = resolve(db)
    dst = snapshot_path(src)
    if src == dst:
        raise WarehouseError(f"{src} is a read snapshot; publish from the writer's file")
    with writer_lock(src, "publish", wait=wait):
        with connect(src) as con:
            con.execute("CHECKPOINT")
        wal = src.with_name(src.name + ".wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise WarehouseError(f"cannot publish {dst.name}: {wal.name} was not checkpointed")
        tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
        try:
            shutil.copyfile(src, tmp)
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            stale_wal = dst.with_name(dst.name + ".wal")  # never replay an old WAL onto a new snapshot
            if stale_wal.exists():
                stale_wal.unlink()
            os.replace(tmp, dst)
        finally:
            if tmp.exists():
                tmp.unlink()
        dir_fd = os.open(dst.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return dst


@contextmanager
def single_writer(db: str | Path | None, job: str, *, wait: float | None = None) -> Iterator[Path]:
    """A write run: hold the lock for the whole run, publish the snapshot when it succeeds."""
    with writer_lock(db, job, wait=wait) as lp:
        yield lp
        publish_snapshot(db)


def open_reader(db: str | Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection on the published snapshot (fts loaded), never on the writer's file."""
    main = resolve(db)
    snap = snapshot_path(main)
    if not snap.exists():
        if snap == main or not main.exists():
            raise WarehouseError(f"no warehouse at {main}: run `wirehouse ingest` or `wirehouse demo` first")
        try:  # a warehouse written before snapshots existed: publish its first one
            publish_snapshot(main, wait=2.0)
        except WarehouseBusy:
            raise WarehouseError(
                f"no read snapshot {snap.name} yet and a writer is running: try again when it finishes"
            ) from None
    con = connect(snap, read_only=True)
    con.execute("LOAD fts")
    return con
