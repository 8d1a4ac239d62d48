"""`wirehouse maintain`: run the maintain flow by hand (checkpoint, search index, checks)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer


def maintain(
    db: Optional[Path] = typer.Option(None, "--db", show_default=False,
                                      help="Warehouse file [default: $WIREHOUSE_DB or warehouse/news.duckdb]."),
    wait: Optional[float] = typer.Option(None, "--wait", min=0, show_default=False,
                                         help="Seconds to wait for another writer [default: $WIREHOUSE_LOCK_WAIT or 60]."),
) -> None:
    """Checkpoint, rebuild the full-text index and run the data-quality checks (the daily deployment)."""
    from flows.cli import db_path, fail, out, print_rows
    from flows.maintain import maintain as maintain_flow
    from warehouse.db import WarehouseError

    path = db_path(db)
    if not path.exists():
        fail(f"no warehouse at {path}: run `wirehouse ingest` or `wirehouse demo` first")
    from warehouse.access import writer_lock

    try:
        with writer_lock(path, "maintain", wait=wait):   # a busy warehouse: one-line refusal, no failed run
            summary = maintain_flow(db=str(path), lock_wait=wait)
    except WarehouseError as exc:
        fail(str(exc))
    out.print(f"search index: {summary.indexed} articles", highlight=False)
    print_rows(["check", "failing", "sample"],
               [(c.check_name, c.failing, ", ".join(c.sample)) for c in summary.checks],
               title=f"run {summary.run_id} ({summary.status})")
