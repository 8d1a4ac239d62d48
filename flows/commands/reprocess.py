"""`wirehouse reprocess`: re-clean stored articles after a rule change."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer

from .common import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, DbOption, WaitOption, db_path, out, writer
from .flowrun import run_flow


def reprocess_cmd(
    since: datetime | None = typer.Option(
        None,
        "--since",
        formats=["%Y-%m-%d"],
        help="Only articles published on or after this day (YYYY-MM-DD).",
    ),
    db: Path | None = DbOption,
    wait: float | None = WaitOption,
    rebuild_events: bool = typer.Option(
        False,
        "--rebuild-events",
        help="Assign every story's event again (default: only when the method changed).",
    ),
) -> None:
    """Re-run extraction and cleaning on the stored raw payloads; update changed articles in place.

    Exit code 0: all rebuilt; 3: some articles failed; 1: none could be rebuilt; 75: warehouse busy.
    """
    from flows.reprocess import reprocess

    path = db_path(db)
    with writer(path, "reprocess", wait) as wh:
        totals, _state = run_flow(
            reprocess,
            path,
            db=str(path),
            since=since.date() if since else None,
            lock_wait=wait,
            warehouse=wh,
            rebuild_events=rebuild_events,
        )
    out.print(
        f"reprocessed {totals['seen']} articles: {totals['updated']} updated, "
        f"{totals['unchanged']} unchanged, {totals['failed']} failed; "
        f"events: {totals['events_assigned']} stories assigned{' (rebuilt)' if totals['events_rebuilt'] else ''}"
    )
    if totals["failed"]:
        raise typer.Exit(EXIT_FAILED if totals["failed"] == totals["seen"] else EXIT_PARTIAL)
    raise typer.Exit(EXIT_OK)
