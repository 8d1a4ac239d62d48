"""`wirehouse migrate`: apply pending schema migrations and refresh views and reference data."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from .common import DbOption, WaitOption, db_path, out, writer


def migrate(
    db: Path | None = DbOption,
    wait: float | None = WaitOption,
    data_path: Path | None = typer.Option(
        None,
        "--data-path",
        show_default=False,
        help="DuckLake only: folder for the lake's Parquet files when creating it [default: $WIREHOUSE_DATA_PATH].",
    ),
) -> None:
    """Bring the warehouse to this code's schema (run once after upgrading); creates an empty one.

    Applies each pending warehouse/migrations/NNN_*.sql in its own transaction,
    re-seeds the agencies and re-creates the analyst views, then publishes the
    read snapshot. Other commands refuse a warehouse that needs migrating."""
    from warehouse.db import migration_files

    if data_path is not None:  # read by warehouse.backend.backend_for
        os.environ["WIREHOUSE_DATA_PATH"] = str(data_path)

    path = db_path(db)
    with writer(path, "migrate", wait, must_exist=False, migrate=True) as wh:
        applied = wh.applied
    latest = max(v for v, _, _ in migration_files())
    if applied:
        out.print(
            f"{path}: applied migrations {', '.join(f'{v:03d}' for v in applied)}; schema is at {latest:03d}",
            highlight=False,
        )
    else:
        out.print(f"{path}: schema is current ({latest:03d}); views and agencies refreshed", highlight=False)
