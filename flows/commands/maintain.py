"""`wirehouse maintain`: run the maintain flow by hand (checkpoint, search index, checks)."""

from __future__ import annotations

from pathlib import Path

from .common import DbOption, WaitOption, db_path, out, print_rows, writer


def maintain(
    db: Path | None = DbOption,
    wait: float | None = WaitOption,
) -> None:
    """Checkpoint, rebuild the full-text index and run the data-quality checks (the daily deployment)."""
    from flows.maintain import maintain as maintain_flow

    path = db_path(db)
    with writer(path, "maintain", wait) as wh:
        summary = maintain_flow(db=str(path), lock_wait=wait, warehouse=wh)
    out.print(f"search index: {summary.indexed} articles", highlight=False)
    print_rows(
        ["check", "failing", "sample"],
        [(c.check_name, c.failing, ", ".join(c.sample)) for c in summary.checks],
        title=f"run {summary.run_id} ({summary.status})",
    )
