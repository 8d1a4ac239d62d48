"""`wirehouse reprocess`: re-clean stored articles after a rule change."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Optional

import typer


def reprocess_cmd(
    since: Optional[datetime] = typer.Option(None, "--since", formats=["%Y-%m-%d"],
                                             help="Only articles published on or after this day (YYYY-MM-DD)."),
    db: Optional[Path] = typer.Option(None, "--db", help="Warehouse file [default: $WIREHOUSE_DB or warehouse/news.duckdb].",
                                      show_default=False),
    wait: Optional[float] = typer.Option(None, "--wait", min=0,
                                         help="Seconds to wait for another writer [default: $WIREHOUSE_LOCK_WAIT or 60]."),
) -> None:
    """Re-run extraction and cleaning on the stored raw payloads; update changed articles in place."""
    from flows.cli import db_path, fail, out
    from flows.reprocess import reprocess
    from warehouse.db import WarehouseError

    path = db_path(db)
    if not path.exists():
        fail(f"no warehouse at {path}: run `wirehouse ingest` or `wirehouse demo` first")
    from warehouse.access import writer_lock

    try:
        # the lock is taken before the flow starts: a busy warehouse is a one-line refusal
        with writer_lock(path, "reprocess", wait=wait):
            totals = reprocess(db=str(path), since=since.date() if since else None, lock_wait=wait)
    except WarehouseError as exc:
        fail(str(exc))
    out.print(f"reprocessed {totals['seen']} articles: {totals['updated']} updated, "
              f"{totals['unchanged']} unchanged, {totals['failed']} failed", highlight=False)
