"""`wirehouse export`: Parquet files partitioned by publication date."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer

from .common import DbOption, err, fail, print_rows, reader


def export(
    to: Path = typer.Option(
        ..., "--to", help="Target folder (created; re-exporting replaces what it covers)."
    ),
    since: datetime | None = typer.Option(
        None,
        "--since",
        formats=["%Y-%m-%d"],
        help="Only publication days on/after this UTC day (YYYY-MM-DD); "
        "older partitions in the target are kept.",
    ),
    db: Path | None = DbOption,
) -> None:
    """Write articles and stories as Parquet partitioned by publication date, plus sources and agencies."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    to = to.resolve()
    with reader(db, allowed_dirs=(to,)) as wh:  # DuckDB may write under --to and nowhere else
        try:
            with Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=err,
                transient=True,
            ) as progress:
                job = progress.add_task("exporting", total=None)
                results = wh.export(
                    to,
                    since=since.date() if since else None,
                    progress=lambda name: progress.update(job, description=f"exporting {name}"),
                )
        except OSError as exc:
            fail(f"cannot write to {to}: {exc.strerror or exc}")
    print_rows(
        ["dataset", "rows", "partitions written", "partitions removed"],
        [(r.dataset, r.rows, r.partitions, r.removed) for r in results],
        title=f"exported to {to}",
    )
