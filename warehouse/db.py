"""Opening the warehouse: extensions from wheels, migrations, reference data.

DuckDB extensions come from the `duckdb-ext-*` wheels (their files live in the
`duckdb_ext` package folder), so nothing is ever downloaded at run time.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
MIGRATIONS = HERE / "migrations"
VIEWS = HERE / "views"
SQL_DIR = HERE / "sql"
DEFAULT_DB = HERE / "news.duckdb"


def default_db_path() -> Path:
    """`WIREHOUSE_DB` when set, else warehouse/news.duckdb beside this file."""
    return Path(os.environ.get("WIREHOUSE_DB") or DEFAULT_DB)


def extension_directory() -> str:
    """Folder holding the wheel-installed DuckDB extensions."""
    import duckdb_ext  # namespace package installed by duckdb-ext-fts

    return str(Path(next(iter(duckdb_ext.__path__))) / "extensions")


class WarehouseError(RuntimeError):
    """A warehouse problem a user can act on (missing file, locked file ...)."""


def connect(path: str | Path | None = None, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; writers get the schema migrated, readers never write."""
    path = Path(path) if path else default_db_path()
    config = {
        "extension_directory": extension_directory(),
        "autoinstall_known_extensions": "false",
        "autoload_known_extensions": "false",
    }
    if read_only:
        if not path.exists():
            raise WarehouseError(f"no warehouse at {path}: run `wirehouse ingest` or `wirehouse demo` first")
        try:
            return duckdb.connect(str(path), read_only=True, config=config)
        except duckdb.IOException as exc:
            raise WarehouseError(f"cannot open {path} read-only: {_first_line(exc)}") from exc
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), config=config)
    except duckdb.IOException as exc:
        raise WarehouseError(f"cannot open {path} for writing: {_first_line(exc)}") from exc
    migrate(con)
    return con


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT, or ROLLBACK when the block raises: a batch lands whole or not at all."""
    con.begin()
    try:
        yield con
    except Exception:
        con.rollback()
        raise
    con.commit()


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, **tables) -> Iterator[duckdb.DuckDBPyConnection]:
    """Arrow tables visible to SQL under these names for the duration of the block."""
    for name, table in tables.items():
        con.register(name, table)
    try:
        yield con
    finally:
        for name in tables:
            try:
                con.unregister(name)
            except duckdb.Error:  # the connection may already be closed by a failure
                pass


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


@cache
def sql(name: str) -> str:
    """Text of warehouse/sql/NAME.sql (SQL lives in files, not Python strings)."""
    return (SQL_DIR / f"{name}.sql").read_text()


def migration_files() -> list[tuple[int, str, Path]]:
    out = []
    for p in sorted(MIGRATIONS.glob("*.sql")):
        m = re.match(r"(\d+)_(.+)\.sql$", p.name)
        if m:
            out.append((int(m.group(1)), m.group(2), p))
    return out


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply pending numbered migrations, each in its own transaction; reseed reference data."""
    con.execute(sql("schema_migrations"))
    done = {v for (v,) in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, name, path in migration_files():
        if version in done:
            continue
        with transaction(con):
            con.execute(path.read_text())
            con.execute("INSERT INTO schema_migrations VALUES ($v, $n, now())", {"v": version, "n": name})
        applied.append(version)
    seed_agencies(con)
    apply_views(con)
    return applied


def apply_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """(Re)create the analyst views in warehouse/views/*.sql, all in one transaction.

    Views come after migrations and are replaced on every writer open, so a
    view always matches the tables of the code that opened the warehouse.
    """
    names = []
    with transaction(con):
        for path in sorted(VIEWS.glob("*.sql")):
            try:
                con.execute(path.read_text())
            except duckdb.Error as exc:
                raise WarehouseError(f"view {path.name} does not apply: {_first_line(exc)}") from exc
            names.append(path.stem)
    return names


def seed_agencies(con: duckdb.DuckDBPyConnection) -> None:
    """Make the agencies table equal to the agency table in transforms/agencies.py."""
    import pyarrow as pa

    from transforms.agencies import agency_rows

    rows = agency_rows()
    table = pa.Table.from_pylist(
        rows,
        schema=pa.schema(
            [
                ("code", pa.string()),
                ("name", pa.string()),
                ("country", pa.string()),
                ("kind", pa.string()),
                ("aliases", pa.list_(pa.string())),
            ]
        ),
    )
    with transaction(con), registered(con, agency_seed=table):
        con.execute(sql("seed_agencies"))
