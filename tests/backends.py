"""The warehouse backends the suite runs on, and what a test needs to make and read one.

`WIREHOUSE_TEST_BACKEND` picks them: `file`, `ducklake`, or `file,ducklake` (the default:
both). A DuckLake test creates its own PostgreSQL database (dropped at teardown) on
`WIREHOUSE_TEST_PG` (libpq keywords, default `host=127.0.0.1 port=5432 user=postgres`)
with its Parquet under the test's tmp_path. When PostgreSQL cannot be reached the test
fails with one line saying so: it never skips.

Migrating a lake costs seconds (every DDL statement is a catalog commit in PostgreSQL), so
a migrated, empty warehouse is made once per session (`Templates`) and each test gets a
copy: a file warehouse is a copied file; a lake is `CREATE DATABASE ... TEMPLATE` of the
migrated catalog, its Parquet files copied to the test's own data path and the catalog's
recorded `data_path` pointed there (table and file paths in the catalog are relative to it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from warehouse.backend import DuckLakeBackend, backend_for
from warehouse.db import duckdb_config, migrate
from warehouse.session import Warehouse

PG = os.environ.get("WIREHOUSE_TEST_PG", "host=127.0.0.1 port=5432 user=postgres")


def backends() -> list[str]:
    raw = os.environ.get("WIREHOUSE_TEST_BACKEND", "file,ducklake")
    names = [b.strip() for b in raw.split(",") if b.strip()]
    unknown = set(names) - {"file", "ducklake"}
    if unknown or not names:
        raise pytest.UsageError(f"WIREHOUSE_TEST_BACKEND={raw!r}: use file, ducklake or file,ducklake")
    return names


def _psql(*statements: str, dbname: str = "postgres") -> None:
    """Run statements (or psql meta-commands such as `\\c db`) in order, stopping at the first error."""
    if shutil.which("psql") is None:
        pytest.fail(
            "DuckLake tests need PostgreSQL's psql client on PATH (apt-get install postgresql-client)", False
        )
    done = subprocess.run(
        [
            "psql",
            f"{PG} dbname={dbname}",
            "-v",
            "ON_ERROR_STOP=1",
            "-q",
            *(a for st in statements for a in ("-c", st)),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if done.returncode != 0:
        why = (done.stderr.strip().splitlines() or ["psql failed"])[-1]
        pytest.fail(f"DuckLake tests need PostgreSQL at {PG!r} (trust auth): {why}", False)


def lake_spec(name: str) -> str:
    return f"ducklake:postgres:dbname={name} {PG}"


@contextmanager
def lake(tmp_path: Path):
    """A fresh DuckLake: its own PostgreSQL database, Parquet under tmp_path/lake; (spec, data path).
    Nothing is in it yet: the first writer creates the lake there and migrates it."""
    name = f"wh_test_{uuid.uuid4().hex[:12]}"
    _psql(f"CREATE DATABASE {name}")
    try:
        yield lake_spec(name), tmp_path / "lake"
    finally:
        _psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


class Templates:
    """Migrated, empty warehouses made once (per session and process) and copied for each test."""

    def __init__(self, root: Path):
        self.root = root
        self._file: Path | None = None
        self._lake: tuple[str, Path] | None = None
        self._made: list[str] = []  # template databases to drop at the end of the session

    def file(self) -> Path:
        if self._file is None:
            path = self.root / "template.duckdb"
            Warehouse.open(path, job="template", wait=0).close()
            self._file = path
        return self._file

    def lake(self) -> tuple[str, Path]:
        """(PostgreSQL database name, data path) of the migrated template lake."""
        if self._lake is None:
            name = f"wh_tmpl_{uuid.uuid4().hex[:12]}"
            data = self.root / "template-lake"
            _psql(f"CREATE DATABASE {name}")
            self._made.append(name)  # dropped by close() even if migrating fails
            backend = DuckLakeBackend(lake_spec(name), str(data))
            con = backend._attach(read_only=False, create=True)  # what a first writer does: create, migrate
            try:
                migrate(con, backend.ddl)
            finally:
                con.close()
            self._lake = (name, data)
        return self._lake

    def close(self) -> None:
        while self._made:
            _psql(f"DROP DATABASE IF EXISTS {self._made.pop()} WITH (FORCE)")
        self._lake = None


def migrated_file(templates: Templates, path: Path) -> Path:
    """A migrated, empty file warehouse at `path` (a copy of the session's template)."""
    shutil.copyfile(templates.file(), path)
    return path


@contextmanager
def migrated_lake(templates: Templates, tmp_path: Path):
    """A migrated, empty DuckLake of the test's own: a PostgreSQL database cloned from the
    template's, its Parquet under tmp_path/lake (a copy of the template's); (spec, data path)."""
    template, template_data = templates.lake()
    name = f"wh_test_{uuid.uuid4().hex[:12]}"
    data = (tmp_path / "lake").resolve()
    shutil.copytree(template_data, data)
    try:
        _psql(
            f"CREATE DATABASE {name} TEMPLATE {template}",
            f"\\c {name}",
            "UPDATE ducklake_metadata SET value = " + _literal(f"{data}/") + " WHERE key = 'data_path'",
        )
        yield lake_spec(name), data
    finally:
        _psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# A test's own reads load the lake's extensions without checking their signatures again: every
# warehouse connection checks them (a SHA-256 of ~100 MB of extension files, ~0.4 CPU-s per
# connection), and the suite's assertions open many connections to the same files.
CHECKED_ONCE = {**duckdb_config(), "allow_unsigned_extensions": "true"}


def raw_connect(db, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """A plain connection for a test's own assertions (not locked down), on either backend: the
    lake attached as DuckLakeBackend attaches an existing lake."""
    backend = backend_for(db)
    if not isinstance(backend, DuckLakeBackend):
        return duckdb.connect(str(db), read_only=read_only)
    return backend._attach(read_only=read_only, create=False, config=CHECKED_ONCE)
