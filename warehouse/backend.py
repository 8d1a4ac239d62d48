"""Where the warehouse lives and how a session gets into it: the `Backend` seam.

A `Warehouse` (warehouse/session.py) holds one backend and one DuckDB
connection. The backend decides what a writer session must hold, how readers
connect and what "publish" means:

* `FileBackend` (the default, `--db PATH`): one DuckDB file. A writer holds an
  exclusive `flock` on `<db>.lock` for its whole session, taken here and
  nowhere else; a second writer waits up to `wait` seconds, then gets
  `WarehouseBusy` naming the holder. DuckDB also lets a process that merely
  has the file open (even read-only) block a writer, so the writer retries
  its open with backoff within the same wait. Readers never open the writer's
  file: `publish` copies a checkpointed state to `<name>.read.duckdb` (copy,
  fsync, atomic rename) and readers open that, read-only and locked down.
* A DuckLake backend (catalog in PostgreSQL, Parquet under a data path) fits
  the same seam: no lock file (DuckLake commits are transactional across
  processes), `publish` is a no-op (readers attach the lake itself), and
  `backend_for` would recognise `ducklake:...`. Not built yet.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import socket
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Protocol

import duckdb

from .db import WarehouseError, default_db_path, duckdb_config, first_line

DEFAULT_LOCK_WAIT = 60.0  # seconds a writer waits for another writer to finish
SNAPSHOT_INFIX = ".read"
DUCKDB_MAGIC = b"DUCK"  # bytes 8..12 of every DuckDB database file


class WarehouseBusy(WarehouseError):
    """Another writer (or a process holding the file open) did not let go in time."""


class Backend(Protocol):
    """What a Warehouse needs from where the data lives."""

    def describe(self) -> str:
        """How messages name this warehouse."""

    def exists(self) -> bool:
        """Whether there is a warehouse to read (readers never create one)."""

    def open_writer(self, job: str, wait: float) -> duckdb.DuckDBPyConnection:
        """Start a writer session (take what it must hold) and connect."""

    def close_writer(self) -> None:
        """End the writer session (the connection is already closed)."""

    def publish(self, con: duckdb.DuckDBPyConnection) -> Path | None:
        """Make the committed state visible to readers."""

    def reader_ready(self) -> bool:
        """Whether readers can connect now (the file backend needs a published snapshot)."""

    def open_reader(self) -> duckdb.DuckDBPyConnection:
        """A read-only connection for analysts (locked down by the caller)."""


def backend_for(db: str | Path | None) -> Backend:
    """The backend a `--db` value names. Only files today; `ducklake:` is refused with one line."""
    text = str(db) if db else ""
    if text.startswith("ducklake:"):
        raise WarehouseError(f"--db {text}: DuckLake warehouses are not supported yet; give a file path")
    return FileBackend(Path(db) if db else default_db_path())


def lock_wait_default() -> float:
    """`WIREHOUSE_LOCK_WAIT` seconds when set, else 60."""
    raw = os.environ.get("WIREHOUSE_LOCK_WAIT")
    try:
        return float(raw) if raw else DEFAULT_LOCK_WAIT
    except ValueError:
        raise WarehouseError(f"WIREHOUSE_LOCK_WAIT must be a number of seconds, got {raw!r}") from None


def lock_path(db: str | Path | None) -> Path:
    p = Path(db) if db else default_db_path()
    return p.with_name(p.name + ".lock")


def is_snapshot(p: Path) -> bool:
    return p.suffix == SNAPSHOT_INFIX or Path(p.stem).suffix == SNAPSHOT_INFIX


def snapshot_path(db: str | Path | None) -> Path:
    """`news.duckdb` -> `news.read.duckdb` (a path that already is a snapshot is returned as is)."""
    p = Path(db) if db else default_db_path()
    if is_snapshot(p):
        return p
    suffix = p.suffix or ""
    stem = p.name[: -len(suffix)] if suffix else p.name
    return p.with_name(f"{stem}{SNAPSHOT_INFIX}{suffix}")


def check_database_file(path: Path) -> None:
    """One-line refusal for a path that exists but is not a DuckDB file (before any lock is taken)."""
    if not path.exists():
        return
    if path.is_dir():
        raise WarehouseError(f"{path} is a folder, not a warehouse file")
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
    except OSError as exc:
        raise WarehouseError(f"cannot read {path}: {exc.strerror or exc}") from None
    if head and head[8:12] != DUCKDB_MAGIC:
        raise WarehouseError(f"{path} is not a DuckDB warehouse file")


class WriterLock:
    """The exclusive flock on `<db>.lock`. Not re-entrant: a session takes it once.

    The kernel drops the lock when its process dies, so a killed run never
    leaves a stale lock; the file's text only names the holder for messages."""

    def __init__(self, path: Path):
        self.path = path
        self._fh: IO[str] | None = None

    def acquire(self, job: str, deadline: float, wait: float, db: Path, poll: float = 0.1) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fh = open(self.path, "a+")
        except OSError as exc:
            raise WarehouseError(
                f"cannot write in {self.path.parent}: {exc.strerror or exc} (a writer needs {self.path.name} there)"
            ) from None
        try:
            while True:
                try:
                    fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise WarehouseBusy(
                            f"warehouse {db} is busy: {self.holder(fh)} holds {self.path.name}; "
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
        except BaseException:
            fh.close()
            raise
        self._fh = fh

    @staticmethod
    def holder(fh) -> str:
        try:
            fh.seek(0)
            info = json.loads(fh.read() or "{}")
        except (OSError, ValueError):
            info = {}
        if not info:
            return "another writer"
        return (
            f"{info.get('job', 'a writer')} (pid {info.get('pid')} on {info.get('host')}, "
            f"since {info.get('since')})"
        )

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is None:
            return
        try:
            fh.seek(0)
            fh.truncate()
            fh.flush()
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        finally:
            fh.close()


_DUCKDB_LOCK = re.compile(r"Could not set lock on file")
_DUCKDB_HOLDER = re.compile(r"held in (.+?) \(PID (\d+)\)")


class FileBackend:
    """One DuckDB file; the writer lock and the read snapshot live beside it."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.lock = WriterLock(lock_path(self.path))

    def describe(self) -> str:
        return str(self.path)

    def exists(self) -> bool:
        return self.path.exists()

    @property
    def snapshot(self) -> Path:
        return snapshot_path(self.path)

    # -- writers ---------------------------------------------------------------------------------
    def open_writer(self, job: str, wait: float) -> duckdb.DuckDBPyConnection:
        """Check the file, take the lock, then open the file, all within `wait` seconds."""
        if is_snapshot(self.path):
            raise WarehouseError(f"{self.path} is a read snapshot; writers use the warehouse file beside it")
        check_database_file(self.path)
        deadline = time.monotonic() + max(wait, 0.0)
        self.lock.acquire(job, deadline, wait, self.path)
        try:
            return self._connect(deadline, wait)
        except BaseException:
            self.lock.release()
            raise

    def _connect(self, deadline: float, wait: float) -> duckdb.DuckDBPyConnection:
        """Open for writing; while another process has the file open, retry with backoff."""
        delay = 0.05
        while True:
            try:
                return duckdb.connect(str(self.path), config=duckdb_config())
            except duckdb.IOException as exc:
                text = str(exc)
                if not _DUCKDB_LOCK.search(text):
                    raise WarehouseError(f"cannot open {self.path}: {first_line(exc)}") from exc
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    m = _DUCKDB_HOLDER.search(text)
                    who = f"{Path(m.group(1)).name} (pid {m.group(2)})" if m else "another process"
                    raise WarehouseBusy(
                        f"warehouse {self.path} is busy: {who} has the file open; gave up after {wait:g}s "
                        "(analysts should read the snapshot; set --wait or WIREHOUSE_LOCK_WAIT to wait longer)"
                    ) from None
                time.sleep(min(delay, remaining))  # the last try falls exactly on the deadline
                delay = min(delay * 2, 1.0)
            except duckdb.Error as exc:
                raise WarehouseError(f"cannot open {self.path}: {first_line(exc)}") from exc

    def close_writer(self) -> None:
        self.lock.release()

    def publish(self, con: duckdb.DuckDBPyConnection) -> Path:
        """Replace the read snapshot with the writer's current, checkpointed state
        (CHECKPOINT, copy to a temporary file, fsync, atomic rename, fsync the folder)."""
        src, dst = self.path, self.snapshot
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

    # -- readers ---------------------------------------------------------------------------------
    def reader_ready(self) -> bool:
        return self.snapshot.exists()

    def open_reader(self) -> duckdb.DuckDBPyConnection:
        snap = self.snapshot
        check_database_file(snap)
        try:
            return duckdb.connect(str(snap), read_only=True, config=duckdb_config())
        except duckdb.Error as exc:
            raise WarehouseError(f"cannot open {snap} read-only: {first_line(exc)}") from exc
