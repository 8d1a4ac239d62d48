"""`wirehouse search`: BM25 full-text search over article titles and bodies."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer

from .common import DbOption, FormatOption, check_format, err, print_result, reader


def search(
    query: str = typer.Argument(..., help="Words to look for (stemmed, case- and accent-insensitive)."),
    since: datetime | None = typer.Option(
        None,
        "--since",
        formats=["%Y-%m-%d"],
        help="Only copies published on/after this UTC day (YYYY-MM-DD).",
    ),
    agency: str | None = typer.Option(None, "--agency", help="Only copies of this agency code (e.g. IANS)."),
    limit: int = typer.Option(20, "--limit", min=1, max=10000, help="Number of results."),
    by_event: bool = typer.Option(
        False, "--by-event", help="One row per news event among the hits (--limit events), best first."
    ),
    db: Path | None = DbOption,
    fmt: str = FormatOption,
) -> None:
    """Search the warehouse (the read snapshot) with BM25 over title and body, best match first."""
    check_format(fmt)
    with reader(db) as wh:
        columns, rows = wh.search(
            query, since=since.date() if since else None, agency=agency, limit=limit, by_event=by_event
        )
        coverage = wh.search_coverage()
    if coverage is not None and not coverage.current:  # never miss committed articles silently
        err.print(
            f"warning: the search index covers {coverage.indexed:,} of {coverage.articles:,} articles "
            "(indexed by an older wirehouse): run `wirehouse maintain`"
        )
    if fmt == "table" and not by_event:  # narrow enough for a terminal; csv/json carry every column
        keep = [
            columns.index(c) for c in ("score", "published_at", "agency", "source", "title", "article_id")
        ]
        columns = [columns[i] for i in keep]
        rows = [tuple(r[i] for i in keep) for r in rows]
    print_result(columns, rows, fmt)
