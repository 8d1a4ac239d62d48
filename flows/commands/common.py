"""What every `wirehouse` command shares: consoles, options, one-line failures, output
formats, and the two ways into the warehouse (a reader on the snapshot, a writer
under the lock)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from warehouse.db import WarehouseError, default_db_path

# Data is printed as data: no console markup, no highlighting, and lines on standard
# error are never hard-wrapped (a pipe or log file gets each message on one line).
out = Console(markup=False, highlight=False, emoji=False, soft_wrap=True)
err = Console(stderr=True, markup=False, highlight=False, emoji=False, soft_wrap=True)

# The exit-code contract (README "Exit codes"); typer's usage errors are 2.
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PARTIAL, EXIT_BUSY = 0, 1, 2, 3, 75
OUTCOME_EXIT = {"ok": EXIT_OK, "partial": EXIT_PARTIAL, "failed": EXIT_FAILED}

DbOption = typer.Option(
    None,
    "--db",
    show_default=False,
    help="Warehouse file, or a DuckLake as `ducklake:postgres:dbname=NAME host=HOST` "
    "(its Parquet under $WIREHOUSE_DATA_PATH) [default: $WIREHOUSE_DB or warehouse/news.duckdb].",
)
WaitOption = typer.Option(
    None,
    "--wait",
    min=0,
    show_default=False,
    help="Seconds to wait for another writer [default: $WIREHOUSE_LOCK_WAIT or 60].",
)
FormatOption = typer.Option("table", "--format", "-f", help="table, csv or json.")
FORMATS = ("table", "csv", "json")


def styled(*parts: str | tuple[str, str]) -> Text:
    """A line of plain text pieces and (text, style) pieces; no piece is read as markup."""
    return Text.assemble(*parts)


def fail(message: str, code: int = EXIT_FAILED) -> None:
    """Exit with a one-line reason on standard error."""
    one_line = " ".join(str(message).split("\n")).strip()
    err.print(styled(("error:", "bold red"), " ", one_line))
    raise typer.Exit(code)


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def db_path(db: Path | None) -> Path:
    return db or default_db_path()


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}: use {', '.join(FORMATS)}", 2)


def print_rows(columns: list[str], rows: list[tuple], title: str | None = None) -> None:
    table = Table(title=Text(title) if title else None, title_justify="left", show_lines=False)
    for c in columns:
        table.add_column(Text(str(c)), overflow="fold")
    for r in rows:
        table.add_row(*(Text("" if v is None else str(v)) for v in r))
    # the width as it is now ($COLUMNS, else the terminal, else 80), not as it was at import
    out.width = shutil.get_terminal_size().columns
    out.print(table)


def print_result(columns: list[str], rows: list[tuple], fmt: str) -> None:
    """Rows as a rich table, CSV or JSON lines on standard output."""
    if fmt == "table":
        print_rows(columns, rows)
    elif fmt == "csv":
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(columns)
        w.writerows(rows)
    else:
        import json

        for r in rows:
            sys.stdout.write(json.dumps(dict(zip(columns, r)), default=str, ensure_ascii=False) + "\n")


@contextmanager
def reader(db: Path | None, *, allowed_dirs: tuple[Path, ...] = ()) -> Iterator:
    """A read-only, locked-down Warehouse on the analysts' snapshot (it has `execute`);
    warehouse and SQL errors become one line."""
    import duckdb

    from warehouse.session import Warehouse

    try:
        wh = Warehouse.open_reader(db_path(db), allowed_dirs=allowed_dirs)
    except WarehouseError as exc:
        fail(str(exc))
    try:
        yield wh
    except WarehouseError as exc:
        fail(str(exc))
    except duckdb.Error as exc:
        hint = ""
        if not wh.backend.persistent_index and "match_bm25" in str(exc):
            hint = " (a DuckLake holds no fts index: use `wirehouse search`)"
        fail(first_line(exc) + hint)
    finally:
        wh.close()


@contextmanager
def writer(
    path: Path, job: str, wait: float | None, *, must_exist: bool = True, migrate: bool = False
) -> Iterator:
    """Open the run's Warehouse session before a flow starts, so a busy or unusable warehouse
    is a one-line refusal rather than a failed flow run (busy: exit 75); the flow gets the
    session. It publishes the read snapshot when the block succeeds. Warehouse errors inside
    become one line too."""
    from warehouse.access import WarehouseBusy
    from warehouse.backend import backend_for
    from warehouse.session import Warehouse

    if must_exist and not backend_for(path).exists():
        fail(f"no warehouse at {path}: run `wirehouse ingest` or `wirehouse demo` first")
    try:
        wh = Warehouse.open(path, job=job, wait=wait, migrate=migrate)
    except WarehouseBusy as exc:
        fail(str(exc), EXIT_BUSY)
    except WarehouseError as exc:
        fail(str(exc))
    try:
        with wh:
            yield wh
    except WarehouseError as exc:
        fail(str(exc))
