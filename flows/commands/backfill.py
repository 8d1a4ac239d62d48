"""`wirehouse backfill`: load history from archive sources (WARC, news sitemaps, JSON lines)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import (
    BarColumn,
    Progress,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from .common import DbOption, WaitOption, db_path, err, fail, out, writer


def backfill_cmd(
    sources: Path = typer.Option(
        None, "--sources", help="Sources file (TOML) [default: sources.toml].", show_default=False
    ),
    source: str | None = typer.Option(None, "--source", help="Only this archive source (its name)."),
    db: Path | None = DbOption,
    chunk_size: int = typer.Option(200, "--chunk-size", min=1, help="Records per committed chunk."),
    workers: int | None = typer.Option(
        None, "--workers", min=0, help="Extraction processes [default: one per core; 0: none]."
    ),
    wait: float | None = WaitOption,
) -> None:
    """Load the archive sources (kinds warc, sitemap, jsonl) through the ingest path, in chunks.

    Each chunk is committed with a checkpoint of its input: run it again after a stop and it
    continues where it stopped. Bad records are counted and logged in fetch_log."""
    from flows.pipeline import start_forkserver
    from flows.sources import ARCHIVE_KINDS, DEFAULT_SOURCES, SourcesError, load_sources

    path = Path(sources or DEFAULT_SOURCES)
    try:
        names = [s.name for s in load_sources(path, kinds=ARCHIVE_KINDS)]
    except SourcesError as exc:
        fail(str(exc))
    if source is not None and source not in names:
        fail(f"no enabled archive source named {source!r} in {path}")
    if not names:
        fail(f"no enabled archive source (kind warc, sitemap or jsonl) in {path}")
    start_forkserver(workers, chunk_size)  # warms up on the other core while Prefect starts
    from flows.backfill import backfill  # Prefect: imported once the input is known to be good

    bar = Progress(
        TextColumn("{task.fields[name]}", markup=False),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[records]} records, {task.fields[rate]}/s", markup=False),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err,
        transient=False,
    )
    tasks: dict[str, TaskID] = {}

    def progress(name: str, records: int, fraction: float | None) -> None:
        if name not in tasks:
            tasks[name] = bar.add_task(
                "", total=1000 if fraction is not None else None, name=name, records=0, rate="-"
            )
        task = bar.tasks[tasks[name]]
        elapsed = task.elapsed or 0.0
        rate = f"{records / elapsed:.1f}" if elapsed > 0 else "-"
        done = None if fraction is None else round(min(fraction, 1.0) * 1000)
        bar.update(tasks[name], completed=done, records=records, rate=rate)

    target = db_path(db)
    with writer(target, "backfill", wait, must_exist=False) as wh, bar:
        summary = backfill(
            sources_file=str(path),
            source=source,
            db=str(target),
            chunk_size=chunk_size,
            workers=workers,
            lock_wait=wait,
            warehouse=wh,
            progress=progress,
        )
    table = Table(title=Text(f"backfill {summary.run_id} ({summary.status})"), title_justify="left")
    for column in ("source", "records", "loaded", "already loaded", "skipped", "failed", "skips by kind"):
        table.add_column(column, overflow="fold")
    for name, c in summary.per_source.items():
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(c.skipped.items()))
        cells = (name, c.records, c.new, c.duplicate, sum(c.skipped.values()), c.failed, kinds)
        table.add_row(*(Text(str(v)) for v in cells))
    out.print(table)
    for name, c in summary.per_source.items():
        if c.resumed_from:
            out.print(Text(f"{name}: resumed from {c.resumed_from}"))
