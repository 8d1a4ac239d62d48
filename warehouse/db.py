"""DuckDB plumbing and the schema: extensions from wheels, transactions, migrations, reference data.

DuckDB extensions come from the `duckdb-ext-*` wheels (their files live in the
`duckdb_ext` package folder), so nothing is ever downloaded at run time.

Schema lifecycle (docs/operations.md, "Schema and migrations"):

* `migrate` applies the pending numbered migrations (warehouse/migrations/NNN_*.sql,
  each in its own transaction), then refreshes the reference data: the agencies
  table (from transforms/agencies.py) and the analyst views (warehouse/views/*.sql),
  recording a hash of both in `schema_state`. `wirehouse migrate` runs it; so
  does the first writer of an empty warehouse.
* Every other writer open is `check_schema`: two small queries. A warehouse with
  migrations this code does not know is refused (use newer code); one missing
  migrations is refused with "run `wirehouse migrate`" (a migration can be long and
  is an operator's decision, not a side effect of a scheduled run). When only the
  views or the agency table changed (the stored hash differs), the writer
  refreshes them in one transaction: cheap, and they must match the code.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
MIGRATIONS = HERE / "migrations"
VIEWS = HERE / "views"
SQL_DIR = HERE / "sql"
DEFAULT_DB = HERE / "news.duckdb"
REFERENCE_KEY = "reference_hash"


def default_db_path() -> Path:
    """`WIREHOUSE_DB` when set, else warehouse/news.duckdb beside this file."""
    return Path(os.environ.get("WIREHOUSE_DB") or DEFAULT_DB)


def extension_directory() -> str:
    """Folder holding the wheel-installed DuckDB extensions."""
    import duckdb_ext  # namespace package installed by duckdb-ext-fts

    return str(Path(next(iter(duckdb_ext.__path__))) / "extensions")


# DuckDB draws a progress bar on stdout for queries over 2 s: stdout carries data (sql, export,
# summaries), and long work reports progress through rich, so every session turns it off
QUIET = "SET enable_progress_bar = false"


def duckdb_config() -> dict[str, str | bool | int | float | list[str]]:
    """Connection settings shared by every warehouse connection: extensions only from the wheels."""
    return {
        "extension_directory": extension_directory(),
        "autoinstall_known_extensions": "false",
        "autoload_known_extensions": "false",
    }


class WarehouseError(RuntimeError):
    """A warehouse problem a user can act on (missing file, locked file ...)."""


class SchemaOutdated(WarehouseError):
    """The warehouse misses migrations this code needs: run `wirehouse migrate`."""


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


_first_line = first_line


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT, or ROLLBACK when the block raises: a batch lands whole or not at all."""
    con.begin()
    try:
        yield con
    except BaseException:
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


def _versions(vs) -> str:
    return ", ".join(f"{v:03d}" for v in sorted(vs))


def applied_versions(con: duckdb.DuckDBPyConnection) -> set[int] | None:
    """Migrations recorded in the warehouse; None when it has no schema_migrations table."""
    try:
        return {v for (v,) in con.execute(sql("schema_versions")).fetchall()}
    except duckdb.CatalogException:
        return None


def _same(text: str) -> str:
    return text


def migrate(con: duckdb.DuckDBPyConnection, ddl: Callable[[str], str] = _same) -> list[int]:
    """Apply pending numbered migrations, each in its own transaction; refresh the reference data.
    `ddl` is the backend's dialect step (warehouse/backend.py: DuckLake drops the keys)."""
    con.execute(ddl(sql("schema_migrations")))
    done = applied_versions(con) or set()
    unknown = done - {v for v, _, _ in migration_files()}
    if unknown:
        raise WarehouseError(
            f"the warehouse has migrations this code does not know ({_versions(unknown)}): use a newer wirehouse"
        )
    applied = []
    for version, name, path in migration_files():
        if version in done:
            continue
        with transaction(con):
            con.execute(ddl(path.read_text()))
            con.execute(sql("record_migration"), {"version": version, "name": name})
        applied.append(version)
    refresh_reference(con, ddl)
    return applied


def check_schema(con: duckdb.DuckDBPyConnection, where: str, ddl: Callable[[str], str] = _same) -> list[int]:
    """The quick check of every writer open (see the module docstring); migrates an empty warehouse.
    Returns the migrations applied (only for an empty warehouse)."""
    done = applied_versions(con)
    if done is None:
        (tables,) = con.execute(sql("user_tables")).fetchone() or (0,)
        if tables:
            raise WarehouseError(f"{where} is a DuckDB file but not a wirehouse warehouse")
        return migrate(con, ddl)
    code = {v for v, _, _ in migration_files()}
    if done - code:
        raise WarehouseError(
            f"warehouse {where} has migrations this code does not know ({_versions(done - code)}): "
            "use a newer wirehouse"
        )
    if code - done:
        raise SchemaOutdated(
            f"warehouse {where} needs migrations {_versions(code - done)}: run `wirehouse migrate --db {where}`"
        )
    row = con.execute(sql("schema_state_get"), {"key": REFERENCE_KEY}).fetchone()
    if row is None or row[0] != reference_hash():
        refresh_reference(con, ddl)
    return []


@cache
def reference_hash() -> str:
    """Hash of what `refresh_reference` writes: the view definitions and the agency table."""
    from transforms.agencies import agency_rows

    h = hashlib.sha256()
    for path in sorted(VIEWS.glob("*.sql")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    h.update(json.dumps(agency_rows(), sort_keys=True, default=str).encode())
    return h.hexdigest()[:16]


def refresh_reference(con: duckdb.DuckDBPyConnection, ddl: Callable[[str], str] = _same) -> None:
    """Seed the agencies, (re)create the views and record their hash, in one transaction."""
    with transaction(con):
        _seed_agencies(con)
        _apply_views(con, ddl)
        con.execute(sql("schema_state_set"), {"key": REFERENCE_KEY, "value": reference_hash()})


def apply_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """(Re)create the analyst views in warehouse/views/*.sql, all in one transaction."""
    with transaction(con):
        return _apply_views(con)


def _apply_views(con: duckdb.DuckDBPyConnection, ddl: Callable[[str], str] = _same) -> list[str]:
    names = []
    for path in sorted(VIEWS.glob("*.sql")):
        try:
            con.execute(ddl(path.read_text()))
        except duckdb.Error as exc:
            raise WarehouseError(f"view {path.name} does not apply: {first_line(exc)}") from exc
        names.append(path.stem)
    return names


def seed_agencies(con: duckdb.DuckDBPyConnection) -> None:
    """Make the agencies table equal to the agency table in transforms/agencies.py."""
    with transaction(con):
        _seed_agencies(con)


def _seed_agencies(con: duckdb.DuckDBPyConnection) -> None:
    import pyarrow as pa

    from transforms.agencies import agency_rows

    table = pa.Table.from_pylist(
        agency_rows(),
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
    with registered(con, agency_seed=table):
        con.execute(sql("seed_agencies"))
