"""Parquet export for people and tools that do not speak DuckDB.

Layout under the target folder (Hive partitioning, readable by DuckDB,
pandas/pyarrow, Spark, Polars ...):

    articles/published_date=2025-07-04/data_0.parquet   (v_articles)
    stories/first_published_date=2025-07-04/data_0.parquet (v_stories)
    sources.parquet, agencies.parquet

Idempotent by construction: each export is written to a staging folder beside
the target, then every exported partition replaces the one of the same name.
Without --since the target becomes an exact mirror (partitions no longer in
the warehouse are removed); with --since only partitions on/after that day are
replaced or removed and older ones are left as they are. Exporting twice gives
the same files.
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from .db import WarehouseError, sql

DATASETS = (
    ("articles", "export_articles", "published_date"),
    ("stories", "export_stories", "first_published_date"),
)
TABLES = ("sources", "agencies")
NULL_PARTITION = "NULL"


@dataclass
class ExportResult:
    dataset: str
    rows: int
    partitions: int
    removed: int


def _literal(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _partition_day(name: str) -> str | None:
    """`published_date=2025-07-04` -> `2025-07-04`; None for anything else."""
    _, sep, value = name.partition("=")
    return value if sep else None


def export(
    con: duckdb.DuckDBPyConnection, dest: Path, *, since: date | None = None, progress=None
) -> list[ExportResult]:
    dest = Path(dest)
    if dest.exists() and not dest.is_dir():
        raise WarehouseError(f"--to {dest} exists and is not a folder")
    dest.mkdir(parents=True, exist_ok=True)
    stage = dest / f".staging-{uuid.uuid4().hex[:12]}"
    stage.mkdir()
    results = []
    try:
        for name, query, key in DATASETS:
            if progress:
                progress(name)
            params = {"since": since}
            count_row = con.execute(
                f"SELECT count(*) FROM ({sql(query).rstrip().rstrip(';')})", params
            ).fetchone()
            assert count_row is not None  # count(*) always returns one row
            rows = count_row[0]
            out = stage / name
            out.mkdir()
            if rows:
                con.execute(
                    f"COPY ({sql(query).rstrip().rstrip(';')}) TO {_literal(str(out))} "
                    f"(FORMAT parquet, COMPRESSION zstd, PARTITION_BY ({key}), "
                    f"OVERWRITE_OR_IGNORE, FILENAME_PATTERN 'data_{{i}}')",
                    params,
                )
            results.append(_swap_partitions(out, dest / name, since))
            results[-1].dataset, results[-1].rows = name, rows
        for table in TABLES:
            if progress:
                progress(table)
            tmp = stage / f"{table}.parquet"
            con.execute(
                f"COPY (SELECT * FROM {table} ORDER BY ALL) TO {_literal(str(tmp))} "
                f"(FORMAT parquet, COMPRESSION zstd)"
            )
            count_row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
            assert count_row is not None  # count(*) always returns one row
            n = count_row[0]
            (tmp).replace(dest / f"{table}.parquet")
            results.append(ExportResult(table, n, 0, 0))
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return results


def _swap_partitions(new_root: Path, target: Path, since: date | None) -> ExportResult:
    target.mkdir(exist_ok=True)
    new = {p.name: p for p in new_root.iterdir() if p.is_dir()}
    trash = target.parent / f".trash-{uuid.uuid4().hex[:12]}"
    trash.mkdir()
    removed = 0
    try:
        for old in sorted(target.iterdir()):
            day = _partition_day(old.name)
            if day is None or old.name in new:
                continue
            in_range = since is None or (day != NULL_PARTITION and day >= since.isoformat())
            if in_range:  # the export covered this day and it has no rows any more
                old.rename(trash / old.name)
                removed += 1
        for pname, part in sorted(new.items()):
            existing = target / pname
            if existing.exists():
                existing.rename(trash / pname)
            part.rename(existing)
    finally:
        shutil.rmtree(trash, ignore_errors=True)
    return ExportResult(target.name, 0, len(new), removed)
