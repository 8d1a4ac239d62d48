"""The warehouse backends the suite runs on, and what a test needs to make and read one.

`WIREHOUSE_TEST_BACKEND` picks them: `file`, `ducklake`, or `file,ducklake` (the default:
both). A DuckLake test creates its own PostgreSQL database (dropped at teardown) on
`WIREHOUSE_TEST_PG` (libpq keywords, default `host=127.0.0.1 port=5432 user=postgres`)
with its Parquet under the test's tmp_path. When PostgreSQL cannot be reached the test
fails with one line saying so: it never skips.
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

PG = os.environ.get("WIREHOUSE_TEST_PG", "host=127.0.0.1 port=5432 user=postgres")


def backends() -> list[str]:
    raw = os.environ.get("WIREHOUSE_TEST_BACKEND", "file,ducklake")
    names = [b.strip() for b in raw.split(",") if b.strip()]
    unknown = set(names) - {"file", "ducklake"}
    if unknown or not names:
        raise pytest.UsageError(f"WIREHOUSE_TEST_BACKEND={raw!r}: use file, ducklake or file,ducklake")
    return names


def _psql(statement: str) -> None:
    if shutil.which("psql") is None:
        pytest.fail(
            "DuckLake tests need PostgreSQL's psql client on PATH (apt-get install postgresql-client)", False
        )
    done = subprocess.run(
        ["psql", f"{PG} dbname=postgres", "-v", "ON_ERROR_STOP=1", "-qc", statement],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if done.returncode != 0:
        why = (done.stderr.strip().splitlines() or ["psql failed"])[-1]
        pytest.fail(f"DuckLake tests need PostgreSQL at {PG!r} (trust auth): {why}", False)


@contextmanager
def lake(tmp_path: Path):
    """A fresh DuckLake: its own PostgreSQL database, Parquet under tmp_path/lake; (spec, data path)."""
    name = f"wh_test_{uuid.uuid4().hex[:12]}"
    _psql(f"CREATE DATABASE {name}")
    try:
        yield f"ducklake:postgres:dbname={name} {PG}", tmp_path / "lake"
    finally:
        _psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def raw_connect(db, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """A plain connection for a test's own assertions (not locked down), on either backend."""
    backend = backend_for(db)
    if isinstance(backend, DuckLakeBackend):
        return backend._attach(read_only=read_only, create=False)
    return duckdb.connect(str(db), read_only=read_only)
