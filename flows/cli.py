"""The `wirehouse` command line: one subcommand per job, all sharing the library code."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from warehouse.db import WarehouseError, default_db_path

app = typer.Typer(
    name="wirehouse",
    help="Wire-service news into a clean, deduplicated DuckDB warehouse.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

DbOption = typer.Option(None, "--db", help="Warehouse file [default: $WIREHOUSE_DB or warehouse/news.duckdb].",
                        show_default=False)


def fail(message: str, code: int = 1) -> None:
    """Exit with a one-line reason on standard error."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def db_path(db: Optional[Path]) -> Path:
    return db or default_db_path()


def print_rows(columns: list[str], rows: list[tuple], title: str | None = None) -> None:
    table = Table(title=title, title_justify="left", show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*("" if v is None else str(v) for v in r))
    out.print(table)


def print_summary(summary, db: Path) -> None:
    rows = [(name, c.fetched, c.not_modified, c.items, c.new, c.updated, c.duplicate, c.failed)
            for name, c in summary.per_source.items()]
    print_rows(["source", "fetched", "not modified", "items", "new", "updated", "duplicate", "failed"],
               rows, title=f"run {summary.run_id} ({summary.status})")
    if summary.failures:
        out.print("[bold]failures[/]")
        for source, url, reason in summary.failures[:20]:
            out.print(f"  {source}: {reason}  [dim]{url}[/]", highlight=False, soft_wrap=True)
        if len(summary.failures) > 20:
            out.print(f"  ... and {len(summary.failures) - 20} more (see the fetch_log table)")


def run_ingest(sources: Path, db: Path, limit: int | None, base_url: str | None = None,
               lock_wait: float | None = None):
    from flows.ingest import ingest
    from flows.sources import SourcesError, load_sources

    from warehouse.access import writer_lock

    try:
        load_sources(sources, base_url=base_url)     # a bad file fails here, before any flow run
        # take the writer lock before the flow starts: a busy warehouse is a one-line refusal, not a failed run
        with writer_lock(db, "ingest", wait=lock_wait):
            return ingest(sources_file=str(sources), db=str(db), limit=limit, base_url=base_url, lock_wait=lock_wait)
    except (SourcesError, WarehouseError) as exc:
        fail(str(exc))


@app.command()
def ingest(
    sources: Path = typer.Option(None, "--sources", help="Sources file (TOML) [default: sources.toml].",
                                 show_default=False),
    db: Optional[Path] = DbOption,
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Process at most N new items."),
    wait: Optional[float] = typer.Option(None, "--wait", min=0, show_default=False,
                                         help="Seconds to wait for another writer [default: $WIREHOUSE_LOCK_WAIT or 60]."),
) -> None:
    """Run the ingest flow once: fetch all sources, load new and changed articles."""
    from flows.sources import DEFAULT_SOURCES

    summary = run_ingest(sources or DEFAULT_SOURCES, db_path(db), limit, lock_wait=wait)
    print_summary(summary, db_path(db))


@app.command()
def demo(
    db: Optional[Path] = DbOption,
    port: int = typer.Option(8765, "--port", min=0, max=65535,
                             help="Port for the corpus server (a free one is taken if busy; 0: any)."),
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
    from warehouse.access import open_reader
    from warehouse.db import sql

    con = open_reader(path)
    try:
        articles, stories, n_sources, runs = con.execute(sql("stats_totals")).fetchone()
    finally:
        con.close()
    out.print(f"\nwarehouse {path}: [bold]{articles}[/] articles, [bold]{stories}[/] stories, "
              f"{n_sources} sources, {runs} runs", highlight=False)
    out.print("try:  wirehouse sql \"select source, agency, dateline_place, title from articles limit 10\"",
              highlight=False, soft_wrap=True)


@app.command("sql")
def sql_cmd(
    query: str = typer.Argument(..., help="SQL to run against the warehouse (read-only)."),
    db: Optional[Path] = DbOption,
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
) -> None:
    """Run a query on the read snapshot (read-only, fts loaded) and print the result."""
    import duckdb

    from warehouse.access import open_reader

    if fmt not in ("table", "csv", "json"):
        fail(f"unknown format {fmt!r}: use table, csv or json", 2)
    try:
        con = open_reader(db_path(db))
    except WarehouseError as exc:
        fail(str(exc))
    try:
        cur = con.execute(query)
        columns = [d[0] for d in cur.description] if cur.description else []
        rows = cur.fetchall() if columns else []
    except duckdb.Error as exc:
        fail(str(exc).strip().splitlines()[0])
    finally:
        con.close()
    print_result(columns, rows, fmt)


def print_result(columns: list[str], rows: list[tuple], fmt: str) -> None:
    """Rows as a rich table, CSV or JSON lines on standard output."""
    if fmt == "table":
        print_rows(columns, rows)
    elif fmt == "csv":
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(columns)
        w.writerows(rows)
    else:
        import json

        for r in rows:
            sys.stdout.write(json.dumps(dict(zip(columns, r)), default=str, ensure_ascii=False) + "\n")


@app.command()
def stats(db: Optional[Path] = DbOption) -> None:
    """Counts per source, agency and day (from the read snapshot)."""
    from warehouse.access import open_reader
    from warehouse.db import sql

    try:
        con = open_reader(db_path(db))
    except WarehouseError as exc:
        fail(str(exc))
    try:
        for name, title in (("stats_totals", "totals"), ("stats_per_source", "per source"),
                            ("stats_per_agency", "per agency"), ("stats_per_day", "per day")):
            cur = con.execute(sql(name))
            print_rows([d[0] for d in cur.description], cur.fetchall(), title=title)
    finally:
        con.close()


from flows.commands import clean as _clean  # noqa: E402
from flows.commands import dedup as _dedup  # noqa: E402
from flows.commands import docs as _docs, export as _export, maintain as _maintain  # noqa: E402
from flows.commands import extract as _extract  # noqa: E402
from flows.commands import reprocess as _reprocess  # noqa: E402
from flows.commands import search as _search, serve as _serve  # noqa: E402

app.command("reprocess")(_reprocess.reprocess_cmd)
app.command("maintain")(_maintain.maintain)
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
