"""`wirehouse sources`: feed health from v_source_health (read snapshot), worst first;
`wirehouse sources import FILE` merges an OPML or CSV feed list into the sources file
(flows/commands/sources_import.py)."""

from __future__ import annotations

from pathlib import Path

import typer

from .common import EXIT_USAGE, DbOption, FormatOption, check_format, fail, out, print_result, reader, styled

app = typer.Typer(
    help="Feed health (v_source_health), worst first; `sources import FILE` adds feeds from OPML or CSV.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
)
SHOWN = 9  # added/changed names listed before "... and N more"


@app.callback(invoke_without_command=True)
def sources(
    ctx: typer.Context,
    db: Path | None = DbOption,
    unhealthy: bool = typer.Option(False, "--unhealthy", help="Only failing and unhealthy feeds."),
    silent_days: int | None = typer.Option(
        None, "--silent-days", min=1, help="Only feeds that loaded no new copy for at least N days."
    ),
    fmt: str = FormatOption,
) -> None:
    """Print the health of every feed source (v_source_health), worst first.

    health is new (never polled), healthy, failing or unhealthy (polled rarely until it
    works again); see docs/operations.md, "Polling and feed health".
    """
    if ctx.invoked_subcommand is not None:
        return
    check_format(fmt)
    with reader(db) as wh:
        columns, rows = wh.source_health(unhealthy=unhealthy, silent_days=silent_days)
    print_result(columns, rows, fmt)
    if fmt == "table":
        out.print(f"{len(rows)} feed(s)")


@app.command("import")
def import_cmd(
    file: Path = typer.Argument(
        ..., help="Feed list: .opml (outlines with xmlUrl) or .csv (header: url, name ...)."
    ),
    sources_file: Path = typer.Option(
        None, "--sources", help="Sources file to merge into [default: sources.toml].", show_default=False
    ),
) -> None:
    """Merge the feeds of an OPML or CSV list into the sources file (comments kept).

    A feed already there (same URL, else same name) is updated; new ones are appended.
    Entries the list gets wrong are listed and skipped; the rest is merged, and the
    file is only written when the merged whole is valid.
    """
    from flows.sources import DEFAULT_SOURCES, SourcesError

    from .sources_import import import_list

    target = sources_file or DEFAULT_SOURCES
    try:
        result = import_list(file, target)
    except SourcesError as exc:
        fail(str(exc), EXIT_USAGE)
    for problem in result.problems:
        out.print(styled(("skipped ", "yellow"), problem), soft_wrap=True)
    for label, names in (("added", result.added), ("changed", result.changed)):
        if names:
            more = f" ... and {len(names) - SHOWN} more" if len(names) > SHOWN else ""
            out.print(styled(f"{label}: ", ", ".join(names[:SHOWN]) + more), soft_wrap=True)
    out.print(
        f"{target}: {len(result.added)} added, {len(result.changed)} changed, "
        f"{len(result.unchanged)} unchanged, {len(result.problems)} skipped"
    )
    if result.problems:
        raise typer.Exit(3)
