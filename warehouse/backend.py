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
* `DuckLakeBackend` (`--db ducklake:postgres:<libpq conninfo>`, DuckDB's own
  ATTACH spelling; Parquet under `--data-path` / `WIREHOUSE_DATA_PATH`, needed
  only to create the lake: the catalog remembers it). No lock file: DuckLake
  commits are transactional across processes, so writers run concurrently and a
  commit that conflicts with another writer's is retried by the session
  (`retryable`). `publish` is a no-op: readers attach the lake itself read-only.
  DuckLake has no keys, so the schema's PRIMARY KEYs are dropped when a
  migration is applied there (`ddl`); every upsert is a MERGE keyed on them.
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

    persistent_index: bool  # whether the fts index is stored in the warehouse (file) or cached by readers
    concurrent_writers: bool  # whether writers commit at the same time (DuckLake): stories are reconciled
    reader_checks_existence: bool  # whether open_reader itself fails on a missing warehouse (one attach)

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

    def reader_dirs(self) -> list[str]:
        """Folders a locked-down reader must still be allowed to read (the lake's Parquet)."""

    def ddl(self, text: str) -> str:
        """A migration's DDL as this backend accepts it."""

    def retryable(self, exc: BaseException) -> bool:
        """Whether a failed commit may be retried (another writer's commit conflicted)."""

    def snapshot_id(self, con: duckdb.DuckDBPyConnection) -> int | None:
        """The current committed version readers can go back to (DuckLake), else None."""

    def wal_bytes(self) -> int:
        """Bytes of committed work not yet checkpointed into the file (0 where there is no WAL)."""


DUCKLAKE_PREFIX = "ducklake:"


def backend_for(db: str | Path | None) -> Backend:
    """The backend a `--db` value (or $WIREHOUSE_DB) names: `ducklake:...` or a file path."""
    text = str(db) if db else str(default_db_path())
    if text.startswith(DUCKLAKE_PREFIX):
        return DuckLakeBackend(text, data_path_default())
    return FileBackend(Path(text))


def data_path_default() -> str | None:
    """`WIREHOUSE_DATA_PATH`: where a new DuckLake keeps its Parquet files."""
    return os.environ.get("WIREHOUSE_DATA_PATH") or None


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


def wal_path(db: Path) -> Path:
    """DuckDB's write-ahead log beside a database file: `news.duckdb` -> `news.duckdb.wal`."""
    return db.with_name(db.name + ".wal")


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

# Rows per row group in what the writer appends (DuckDB's default is 122,880). A checkpoint
# rewrites every column of each row group that changed, so a streaming run that appends a chunk
# to the last, growing row group rewrote all of it at every automatic checkpoint (every ~16 MiB
# of WAL): articles' bodies, ~4.5 KiB a copy, so the checkpoint's memory and time grew with the
# table until it held 122,880 rows (+89 MiB and 0.5 s at 20,000 copies; README, "Pipeline
# throughput", third session of 2 December). Bounded row groups bound that rewrite. DuckDB does
# not store the size in the file: it is an option of the writer's ATTACH, every open.
ROW_GROUP_SIZE = 16_384
_RESERVED_CATALOGS = frozenset({"memory", "system", "temp", "main"})


def _catalog_name(path: Path) -> str:
    """The name the writer attaches the file under: its stem, as `duckdb.connect(path)` names it
    (what `current_database()` says), unless DuckDB reserves that name."""
    return path.stem if path.stem.lower() not in _RESERVED_CATALOGS else "warehouse"


class FileBackend:
    """One DuckDB file; the writer lock and the read snapshot live beside it."""

    persistent_index = True
    concurrent_writers = False  # the writer lock: one writer, nothing to reconcile
    reader_checks_existence = False  # exists() first: a missing file is "no warehouse", not a publish

    def __init__(self, path: Path):
        self.path = Path(path)
        self.lock = WriterLock(lock_path(self.path))

    def reader_dirs(self) -> list[str]:
        return []

    def ddl(self, text: str) -> str:
        return text

    def retryable(self, exc: BaseException) -> bool:
        return False  # one writer at a time: nothing to conflict with

    def snapshot_id(self, con: duckdb.DuckDBPyConnection) -> int | None:
        return None

    def wal_bytes(self) -> int:
        try:
            return wal_path(self.path).stat().st_size
        except FileNotFoundError:
            return 0

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
                return self._attach()
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

    def _attach(self) -> duckdb.DuckDBPyConnection:
        """The writer's connection: the file attached with bounded row groups (ROW_GROUP_SIZE) and
        made the default database, spilling where `duckdb.connect(path)` would (`<db>.tmp`)."""
        con = duckdb.connect(":memory:", config={**duckdb_config(), "temp_directory": f"{self.path}.tmp"})
        try:
            name = _catalog_name(self.path).replace('"', '""')
            con.execute(f"ATTACH '{_quote(str(self.path))}' AS \"{name}\" (ROW_GROUP_SIZE {ROW_GROUP_SIZE})")
            con.execute(f'USE "{name}"')
        except BaseException:
            con.close()
            raise
        return con

    def close_writer(self) -> None:
        self.lock.release()

    def publish(self, con: duckdb.DuckDBPyConnection) -> Path:
        """Replace the read snapshot with the writer's current, checkpointed state
        (CHECKPOINT, copy to a temporary file, fsync, atomic rename, fsync the folder)."""
        src, dst = self.path, self.snapshot
        con.execute("CHECKPOINT")
        if self.wal_bytes() > 0:
            raise WarehouseError(f"cannot publish {dst.name}: {wal_path(src).name} was not checkpointed")
        tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
        try:
            shutil.copyfile(src, tmp)
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            stale_wal = wal_path(dst)  # never replay an old WAL onto a new snapshot
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


LAKE = "lake"  # the name the lake is attached under (and made the default database)
_PRIMARY_KEY_COLUMN = re.compile(r"\s+PRIMARY KEY\b(?!\s*\()", re.IGNORECASE)
_PRIMARY_KEY_TABLE = re.compile(r",\s*PRIMARY KEY\s*\([^)]*\)", re.IGNORECASE)
_BOOL_DEFAULT = re.compile(r"\bDEFAULT\s+(true|false)\b", re.IGNORECASE)
_VIEW_COLUMN_COMMENT = re.compile(r"^COMMENT ON COLUMN (v_\w+)\.\w+ IS '(?:[^']|'')*';\s*$", re.MULTILINE)
# a commit that conflicted with another writer's; or a read that met a delete file a concurrent
# writer's MERGE registered and its failed commit removed (seen with two writers updating the
# events' shared document frequencies at once): both pass when the transaction is run again
_CONFLICT = re.compile(r"conflict|No files found that match the pattern .*-delete\.parquet", re.IGNORECASE)


class DuckLakeBackend:
    """A DuckLake: catalog in PostgreSQL (or any catalog DuckDB's ducklake extension
    attaches), data as Parquet under a data path. Attached as `lake` in an in-memory
    DuckDB and made the default database, so every warehouse SQL file runs unchanged."""

    persistent_index = False  # fts indexes are DuckDB tables with a macro: not storable in a lake
    concurrent_writers = True  # writers commit at once: stories split by two commits are reconciled
    reader_checks_existence = True  # attaching with CREATE_IF_NOT_EXISTS false is the check

    def __init__(self, spec: str, data_path: str | None = None):
        self.spec = spec
        self.data_path = data_path

    def describe(self) -> str:
        return self.spec

    # -- connecting ------------------------------------------------------------------------------
    def _attach(
        self,
        *,
        read_only: bool,
        create: bool,
        config: dict[str, str | bool | int | float | list[str]] | None = None,
    ) -> duckdb.DuckDBPyConnection:
        """`config`: the connection's DuckDB settings (default `duckdb_config()`; the tests' own
        reads pass theirs, tests/backends.py)."""
        con = duckdb.connect(":memory:", config=duckdb_config() if config is None else config)
        try:
            con.execute("LOAD ducklake")
            con.execute("LOAD postgres")
            options = []
            if read_only:
                options.append("READ_ONLY")
            if self.data_path and create:
                Path(self.data_path).mkdir(parents=True, exist_ok=True)
                options.append(f"DATA_PATH '{_quote(str(Path(self.data_path).resolve()) + '/')}'")
            elif not create:
                options.append("CREATE_IF_NOT_EXISTS false")
            opts = f" ({', '.join(options)})" if options else ""
            con.execute(f"ATTACH '{_quote(self.spec)}' AS {LAKE}{opts}")
            con.execute(f"USE {LAKE}")
        except duckdb.Error as exc:
            con.close()
            raise WarehouseError(f"cannot attach {self.spec}: {first_line(exc)}") from exc
        return con

    def exists(self) -> bool:
        try:
            self._attach(read_only=True, create=False).close()
        except WarehouseError:
            return False
        return True

    def open_writer(self, job: str, wait: float) -> duckdb.DuckDBPyConnection:
        """No lock to take: DuckLake writers commit concurrently (conflicts are retried)."""
        if not self.data_path and not self.exists():
            raise WarehouseError(
                f"{self.spec} has no lake yet: give --data-path DIR (or WIREHOUSE_DATA_PATH) "
                "for its Parquet files when creating it"
            )
        return self._attach(read_only=False, create=True)

    def close_writer(self) -> None:
        pass

    def publish(self, con: duckdb.DuckDBPyConnection) -> Path | None:
        return None  # readers attach the lake and see every commit

    def reader_ready(self) -> bool:
        return True

    def open_reader(self) -> duckdb.DuckDBPyConnection:
        con = self._attach(read_only=True, create=False)
        self._reader_data = lake_data_path(con)
        return con

    def reader_dirs(self) -> list[str]:
        """The lake's data path as its catalog records it: readers read its Parquet files."""
        data = getattr(self, "_reader_data", None)
        return [data.rstrip("/")] if data else []

    # -- dialect ---------------------------------------------------------------------------------
    def ddl(self, text: str) -> str:
        """DuckLake has no PRIMARY KEY/UNIQUE (the upserts are MERGEs keyed on the same columns),
        takes only literal defaults (`'false'`, not `false`) and no comments on view columns
        (the data dictionary reads those from warehouse/views/*.sql)."""
        text = _PRIMARY_KEY_TABLE.sub("", text)
        text = _PRIMARY_KEY_COLUMN.sub("", text)
        text = _BOOL_DEFAULT.sub(lambda m: f"DEFAULT '{m.group(1).lower()}'", text)
        return _VIEW_COLUMN_COMMENT.sub("", text)

    def retryable(self, exc: BaseException) -> bool:
        return isinstance(exc, duckdb.Error) and bool(_CONFLICT.search(str(exc)))

    def snapshot_id(self, con: duckdb.DuckDBPyConnection) -> int | None:
        row = con.execute(f"SELECT id FROM ducklake_current_snapshot('{LAKE}')").fetchone()
        return int(row[0]) if row else None

    def wal_bytes(self) -> int:
        return 0  # every commit writes Parquet and the catalog: nothing to checkpoint


def lake_data_path(con: duckdb.DuckDBPyConnection) -> str | None:
    """The data path recorded in an attached lake's catalog."""
    row = con.execute(
        f"SELECT value FROM __ducklake_metadata_{LAKE}.ducklake_metadata WHERE key = 'data_path'"
    ).fetchone()
    return str(row[0]) if row else None


def _quote(text: str) -> str:
    return text.replace("'", "''")
