"""The `wirehouse` command line: one subcommand per job, all sharing the library code."""

from __future__ import annotations

from pathlib import Path

import typer

from flows.commands.common import (
    DbOption,
    FormatOption,
    WaitOption,
    check_format,
    db_path,
    fail,
    out,
    print_result,
    print_rows,
    reader,
    writer,
)

app = typer.Typer(
    name="wirehouse",
    help="Wire-service news into a clean, deduplicated DuckDB warehouse.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def print_summary(summary, db: Path) -> None:
    rows = [
        (name, c.fetched, c.not_modified, c.items, c.new, c.updated, c.duplicate, c.failed)
        for name, c in summary.per_source.items()
    ]
    print_rows(
        ["source", "fetched", "not modified", "items", "new", "updated", "duplicate", "failed"],
        rows,
        title=f"run {summary.run_id} ({summary.status})",
    )
    if summary.failures:
        out.print("[bold]failures[/]")
        for source, url, reason in summary.failures[:20]:
            out.print(f"  {source}: {reason}  [dim]{url}[/]", highlight=False, soft_wrap=True)
        if len(summary.failures) > 20:
            out.print(f"  ... and {len(summary.failures) - 20} more (see the fetch_log table)")


def run_ingest(
    sources: Path,
    db: Path,
    limit: int | None,
    base_url: str | None = None,
    lock_wait: float | None = None,
    chunk_size: int | None = None,
    workers: int | None = None,
):
    from flows.ingest import ingest
    from flows.sources import SourcesError, load_sources

    try:
        load_sources(sources, base_url=base_url)  # a bad file fails here, before any flow run
    except SourcesError as exc:
        fail(str(exc))
    with writer(db, "ingest", lock_wait, must_exist=False) as wh:
        return ingest(
            sources_file=str(sources),
            db=str(db),
            limit=limit,
            base_url=base_url,
            lock_wait=lock_wait,
            warehouse=wh,
            **({"chunk_size": chunk_size} if chunk_size else {}),
            workers=workers,
        )


@app.command()
def ingest(
    sources: Path = typer.Option(
        None, "--sources", help="Sources file (TOML) [default: sources.toml].", show_default=False
    ),
    db: Path | None = DbOption,
    limit: int | None = typer.Option(None, "--limit", min=1, help="Process at most N new items."),
    wait: float | None = WaitOption,
    chunk_size: int = typer.Option(
        200, "--chunk-size", min=1, help="Items per chunk: each chunk is committed on its own."
    ),
    workers: int | None = typer.Option(
        None, "--workers", min=0, help="Extraction processes [default: one per core; 0: none]."
    ),
) -> None:
    """Run the ingest flow once: fetch all sources, load new and changed articles.

    Items are processed and committed in chunks: a run stopped at any point keeps what it
    committed and the next run carries on from there."""
    from flows.sources import DEFAULT_SOURCES

    summary = run_ingest(
        sources or DEFAULT_SOURCES, db_path(db), limit, lock_wait=wait, chunk_size=chunk_size, workers=workers
    )
    print_summary(summary, db_path(db))


@app.command()
def demo(
    db: Path | None = DbOption,
    port: int = typer.Option(
        8765,
        "--port",
        min=0,
        max=65535,
        help="Port for the corpus server (a free one is taken if busy; 0: any).",
    ),
) -> None:
    """Serve the bundled wire corpus on 127.0.0.1 and ingest it with the real flow.

    The port stays the same from run to run, so a second demo sees the same
    URLs and shows conditional GET (304) and idempotence.
    """
    from flows.demo.server import SOURCES, CorpusServer

    path = db_path(db)
    try:
        server = CorpusServer(port=port)
    except OSError:
        server = CorpusServer(port=0)
    with server:
        out.print(f"demo corpus served at {server.base_url}", highlight=False)
        summary = run_ingest(SOURCES, path, None, base_url=server.base_url)
    print_summary(summary, path)
    with reader(path) as wh:
        articles, stories, n_sources, runs = wh.totals()
    out.print(
        f"\nwarehouse {path}: [bold]{articles}[/] articles, [bold]{stories}[/] stories, "
        f"{n_sources} sources, {runs} runs",
        highlight=False,
    )
    out.print(
        'try:  wirehouse sql "select source, agency, dateline_place, title from articles limit 10"',
        highlight=False,
        soft_wrap=True,
    )


@app.command("sql")
def sql_cmd(
    query: str = typer.Argument(..., help="SQL to run against the warehouse (read-only)."),
    db: Path | None = DbOption,
    fmt: str = FormatOption,
) -> None:
    """Run a query on the read snapshot (read-only, fts loaded, no file access) and print the result."""
    check_format(fmt)
    with reader(db) as wh:
        cur = wh.execute(query)
        columns = [d[0] for d in cur.description] if cur.description else []
        rows = cur.fetchall() if columns else []
    print_result(columns, rows, fmt)


@app.command()
def stats(db: Path | None = DbOption) -> None:
    """Counts per source, agency and day (from the read snapshot)."""
    with reader(db) as wh:
        tables = wh.stats()
    for title, columns, rows in tables:
        print_rows(columns, rows, title=title)


from flows.commands import backfill as _backfill
from flows.commands import clean as _clean
from flows.commands import dedup as _dedup
from flows.commands import docs as _docs
from flows.commands import export as _export
from flows.commands import extract as _extract
from flows.commands import maintain as _maintain
from flows.commands import migrate as _migrate
from flows.commands import reprocess as _reprocess
from flows.commands import search as _search
from flows.commands import serve as _serve

app.command("reprocess")(_reprocess.reprocess_cmd)
app.command("backfill")(_backfill.backfill_cmd)
app.command("maintain")(_maintain.maintain)
app.command("migrate")(_migrate.migrate)
app.command("serve")(_serve.serve)
app.command("search")(_search.search)
app.command("export")(_export.export)
app.command("clean")(_clean.clean_cmd)
app.command("extract")(_extract.extract_cmd)
app.command("dedup")(_dedup.dedup)
app.command("docs")(_docs.docs)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
