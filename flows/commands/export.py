"""`wirehouse export`: Parquet files partitioned by publication date."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Optional

import typer


def export(
    to: Path = typer.Option(..., "--to", help="Target folder (created; re-exporting replaces what it covers)."),
    since: Optional[datetime] = typer.Option(None, "--since", formats=["%Y-%m-%d"],
                                             help="Only publication days on/after this UTC day (YYYY-MM-DD); "
                                                  "older partitions in the target are kept."),
    db: Optional[Path] = typer.Option(None, "--db", show_default=False,
                                      help="Warehouse file [default: $WIREHOUSE_DB or warehouse/news.duckdb]."),
) -> None:
    """Write articles and stories as Parquet partitioned by publication date, plus sources and agencies."""
    import duckdb
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from flows.cli import db_path, err, fail, print_rows
    from warehouse.access import open_reader
    from warehouse.db import WarehouseError
    from warehouse.export import export as run_export

    try:
        con = open_reader(db_path(db))
    except WarehouseError as exc:
        fail(str(exc))
    try:
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                      console=err, transient=True) as progress:
            job = progress.add_task("exporting", total=None)
            results = run_export(con, to, since=since.date() if since else None,
                                 progress=lambda name: progress.update(job, description=f"exporting {name}"))
    except (WarehouseError, OSError) as exc:
        fail(str(exc))
    except duckdb.Error as exc:
        fail(str(exc).strip().splitlines()[0])
    finally:
        con.close()
    print_rows(["dataset", "rows", "partitions written", "partitions removed"],
               [(r.dataset, r.rows, r.partitions, r.removed) for r in results], title=f"exported to {to}")
