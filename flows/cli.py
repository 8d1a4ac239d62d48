"""The `wirehouse` command line: one subcommand per job, all sharing the library code."""

from __future__ import annotations

from pathlib import Path

import typer

from flows.commands.common import (
    EXIT_BUSY,
    OUTCOME_EXIT,
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
from flows.commands.flowrun import run_flow
from flows.commands.summary import print_summary, read_query

app = typer.Typer(
    name="wirehouse",
    help="Wire-service news into a clean, deduplicated DuckDB warehouse.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help texts are plain: `[default: ...]` and `[[sources]]` show as written
)


def run_ingest(
    sources: Path,
    db: Path,
    limit: int | None,
    base_url: str | None = None,
    lock_wait: float | None = None,
    chunk_size: int | None = None,
    workers: int | None = None,
    all_feeds: bool = False,
    shard: str | None = None,
):
    from flows.sources import SourcesError, load_sources, parse_shard, shard_sources

    try:
        configured = load_sources(sources, base_url=base_url)  # a bad file fails here, before any flow run
    except SourcesError as exc:
        fail(str(exc))
    if shard is not None:
        try:
            parse_shard(shard)
        except SourcesError as exc:
            fail(str(exc), 2)
    if not all_feeds and _nothing_due(shard_sources(configured, shard), db, lock_wait):
        return None
    from flows.pipeline import start_forkserver

    start_forkserver(workers, chunk_size or 200)  # (200: the flow's default) warms up while Prefect starts
    from flows.ingest import ingest  # Prefect: imported only when a flow run starts

    with writer(db, "ingest", lock_wait, must_exist=False) as wh:
        summary, _state = run_flow(
            ingest,
            db,
            sources_file=str(sources),
            db=str(db),
            limit=limit,
            base_url=base_url,
            lock_wait=lock_wait,
            warehouse=wh,
            **({"chunk_size": chunk_size} if chunk_size else {}),
            workers=workers,
            all_feeds=all_feeds,
            **({"shard": shard} if shard else {}),
        )
    return summary


def _nothing_due(sources: list, db: Path, lock_wait: float | None) -> bool:
    """True (and one line printed) when the warehouse says no configured feed is due: the
    scheduled command then ends without importing Prefect or starting a flow run, and
    writes nothing (no `runs` row). README "Thousands of feeds", docs/operations.md."""
    from datetime import UTC, datetime

    from transforms.polling import due_feeds
    from warehouse.backend import WarehouseBusy, lock_wait_default
    from warehouse.db import WarehouseError
    from warehouse.schedule import feed_due_times

    try:
        stored = feed_due_times(db, wait=lock_wait_default() if lock_wait is None else lock_wait)
    except WarehouseBusy as exc:
        fail(str(exc), EXIT_BUSY)
    except WarehouseError:
        return False  # the run's own open of the warehouse says what is wrong, in one line
    if not sources or stored is None:
        return False
    now = datetime.now(UTC)
    plan = due_feeds([(s.name, s.url) for s in sources], stored, now)
    if plan.due:
        return False
    earliest = plan.next_due_at
    when = earliest.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC") if earliest else "?"
    out.print(
        f"nothing due: {len(sources)} feeds, the next due at {when}; no flow run started "
        "(use --all to poll every feed)"
    )
    return True


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
    all_feeds: bool = typer.Option(
        False, "--all", help="Poll every feed, due or not [default: only the due feeds]."
    ),
    shard: str | None = typer.Option(
        None,
        "--shard",
        help="Only share k/n of the sources (by a stable hash of their names), e.g. 1/2: "
        "n workers with 1/n .. n/n ingest every source once [default: all].",
        show_default=False,
    ),
) -> None:
    """Run the ingest flow once: poll the due feeds (every feed with --all), load new and
    changed articles. When a feed is due: docs/operations.md, "Polling and feed health".

    When no feed is due it prints one line and exits 0 without starting a flow run.
    Items are processed and committed in chunks: a run stopped at any point keeps what it
    committed and the next run carries on from there.

    Exit code 0: every source read; 3: some sources or items failed (listed);
    1: no source could be read (the flow run is Failed); 75: warehouse busy.
    """
    from flows.sources import DEFAULT_SOURCES

    summary = run_ingest(
        sources or DEFAULT_SOURCES,
        db_path(db),
        limit,
        lock_wait=wait,
        chunk_size=chunk_size,
        workers=workers,
        all_feeds=all_feeds,
        shard=shard,
    )
    if summary is None:  # nothing due: one line printed, no flow run
        raise typer.Exit(OUTCOME_EXIT["ok"])
    print_summary(summary)
    raise typer.Exit(OUTCOME_EXIT[summary.outcome])


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

    A warehouse that holds sources other than the demo's is refused (demo data
    never mixes with yours): use another --db. The port stays the same from run to run, so
    a second demo sees the same URLs and shows conditional GET (304) and
    idempotence. The corpus has 4 deliberately broken items; those that fail are
    marked in the summary, and the exit code is 0 when they are the only failures.
    """
    from flows.commands.demo import check_demo_warehouse, deliberate, print_demo_footer
    from flows.demo.server import SOURCES, CorpusServer

    path = db_path(db)
    check_demo_warehouse(path)
    try:
        server = CorpusServer(port=port)
    except OSError:
        server = CorpusServer(port=0)
    with server:
        out.print(f"demo corpus served at {server.base_url}")
        summary = run_ingest(SOURCES, path, None, base_url=server.base_url, all_feeds=True)
    expected = deliberate(summary.failures)
    print_summary(summary, expected=expected)
    print_demo_footer(path)
    unexpected = len(summary.failures) - len(expected)
    raise typer.Exit(OUTCOME_EXIT[summary.outcome] if unexpected else 0)


@app.command(
    "sql",
    context_settings={"ignore_unknown_options": True},  # a query may start with a `--` comment
)
def sql_cmd(
    query: str | None = typer.Argument(
        None,
        help="SQL to run against the warehouse (read-only); '-' reads it from standard input.",
        show_default=False,
    ),
    file: Path | None = typer.Option(
        None, "--file", help="Read the query from this file.", show_default=False
    ),
    db: Path | None = DbOption,
    fmt: str = FormatOption,
) -> None:
    """Run a query on the read snapshot (read-only, fts loaded, no file access) and print the result.

    The query is the argument, a file (--file) or standard input ('-'); it may
    start with `--` comments, like the examples in warehouse/examples/.
    """
    check_format(fmt)
    text = read_query(query, file)
    with reader(db) as wh:
        cur = wh.execute(text)
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
from flows.commands import events as _events
from flows.commands import export as _export
from flows.commands import extract as _extract
from flows.commands import maintain as _maintain
from flows.commands import migrate as _migrate
from flows.commands import reprocess as _reprocess
from flows.commands import search as _search
from flows.commands import serve as _serve
from flows.commands import server as _server
from flows.commands import sources as _sources

app.command("reprocess")(_reprocess.reprocess_cmd)
app.command("backfill")(_backfill.backfill_cmd)
app.command("maintain")(_maintain.maintain)
app.command("migrate")(_migrate.migrate)
app.command("serve")(_serve.serve)
app.command("server")(_server.server)
app.command("search")(_search.search)
app.command("events")(_events.events)
app.command("export")(_export.export)
app.command("clean")(_clean.clean_cmd)
app.command("extract")(_extract.extract_cmd)
app.command("dedup")(_dedup.dedup)
app.command("docs")(_docs.docs)
app.add_typer(_sources.app, name="sources")


def main() -> None:
    from flows.commands.flowrun import handle_sigterm
    from flows.exit import leave_after_handlers

    handle_sigterm()
    try:
        app()
    except SystemExit as exc:  # typer ends every command this way
        leave_after_handlers(exc.code)  # then no interpreter teardown (flows/exit.py)
        raise


if __name__ == "__main__":
    main()
