"""`wirehouse maintain`: run the maintain flow by hand (checkpoint, search index, checks)."""

from __future__ import annotations

from pathlib import Path

import typer

from .common import OUTCOME_EXIT, DbOption, WaitOption, db_path, out, print_rows, writer
from .flowrun import run_flow


def maintain(
    db: Path | None = DbOption,
    wait: float | None = WaitOption,
    rebuild_events: bool = typer.Option(
        False,
        "--rebuild-events",
        help="Assign every story's event again (default: only when the method changed).",
    ),
) -> None:
    """Checkpoint, rebuild the full-text index, bring events up to date and run the data-quality checks
    (the daily deployment). Events are rebuilt when the event method changed, or with --rebuild-events.

    Exit code 0: every check passed; 1: a check failed (the flow run is Failed); 75: warehouse busy.
    """
    from flows.maintain import maintain as maintain_flow

    path = db_path(db)
    with writer(path, "maintain", wait) as wh:
        summary, _state = run_flow(
            maintain_flow, path, db=str(path), lock_wait=wait, warehouse=wh, rebuild_events=rebuild_events
        )
    out.print(f"search index: {summary.indexed} articles")
    rebuilt = " (rebuilt)" if summary.events.rebuilt else ""
    out.print(f"events: {summary.events.stories} stories assigned{rebuilt}")
    print_rows(
        ["check", "failing", "sample"],
        [(c.check_name, c.failing, ", ".join(c.sample)) for c in summary.checks],
        title=f"run {summary.run_id} ({summary.status}, outcome {summary.outcome})",
    )
    raise typer.Exit(OUTCOME_EXIT[summary.outcome])
