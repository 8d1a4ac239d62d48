"""`wirehouse events`: the largest news events (reports by several agencies) in the warehouse."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer

from .common import DbOption, FormatOption, check_format, print_result, reader


def events(
    since: datetime | None = typer.Option(
        None,
        "--since",
        formats=["%Y-%m-%d"],
        help="Only events still reported on/after this UTC day (YYYY-MM-DD).",
    ),
    min_agencies: int = typer.Option(
        1, "--min-agencies", min=1, help="Only events reported by at least N agencies."
    ),
    limit: int = typer.Option(20, "--limit", min=1, max=10000, help="Number of events."),
    db: Path | None = DbOption,
    fmt: str = FormatOption,
) -> None:
    """The largest events (most agencies, then reports, then copies) from the read snapshot.

    An event groups independent reports of one occurrence, assigned after each load
    (docs/events.md); v_events and v_event_timeline have the details.
    """
    check_format(fmt)
    with reader(db) as wh:
        columns, rows = wh.largest_events(
            since=since.date() if since else None, min_agencies=min_agencies, limit=limit
        )
    print_result(columns, rows, fmt)
