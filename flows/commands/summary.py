"""Printing a run summary and reading a query: text from feeds, pages and users is printed as is."""

from __future__ import annotations

import sys
from pathlib import Path

from .common import EXIT_USAGE, fail, out, print_rows, styled

MAX_FAILURES_SHOWN = 20
MAX_SOURCE_ROWS = 25  # more sources than this: totals, the worst few and the top reasons instead
WORST_SHOWN = 8
LISTED = 5  # moved / newly unhealthy feeds named before "... and N more"
COLUMNS = ["source", "fetched", "not modified", "items", "new", "updated", "duplicate", "failed"]
_KEYS = ("fetched", "not_modified", "items", "new", "updated", "duplicate", "failed")


def print_summary(summary, expected: set[int] | frozenset[int] = frozenset()) -> None:
    """An ingest run's summary, short at any size: a row per source and the failures for a small
    run; for many sources the totals, the worst few sources and the top failure reasons (the full
    table is in the Prefect artifact and the warehouse). `expected` holds the indexes of failures
    that are known and deliberate (the demo corpus's broken items)."""
    title = f"run {summary.run_id} ({summary.status}, outcome {summary.outcome})"
    many = len(summary.per_source) > MAX_SOURCE_ROWS
    if not many:
        rows = [(name, *(getattr(c, k) for k in _KEYS)) for name, c in summary.per_source.items()]
        print_rows(COLUMNS, rows, title=title)
    else:
        totals = ("all", *(summary.total(k) for k in _KEYS))
        print_rows(COLUMNS, [totals], title=f"{title}: totals over {len(summary.per_source)} sources")
        worst = sorted(
            ((name, c) for name, c in summary.per_source.items() if c.error or c.failed),
            key=lambda nc: (nc[1].error is None, -nc[1].failed, nc[0]),
        )
        if worst:
            out.print(styled((f"worst sources ({len(worst)} with failures)", "bold")))
            for name, c in worst[:WORST_SHOWN]:
                out.print(styled(f"  {name}: ", c.error or f"{c.failed} item(s) failed"), soft_wrap=True)
            if len(worst) > WORST_SHOWN:
                out.print(f"  ... and {len(worst) - WORST_SHOWN} more (`wirehouse sources --unhealthy`)")
    _print_polling(summary.polling)
    if not summary.failures:
        return
    if many:
        out.print(styled(("top failure reasons", "bold")))
        for reason, n in summary.top_failures():
            out.print(styled(f"  {n:>6}  ", reason), soft_wrap=True)
        out.print(f"  {len(summary.failures)} failures in all (the fetch_log table, the run's artifact)")
        return
    out.print(styled(("failures", "bold")))
    for i, (source, url, reason) in enumerate(summary.failures[:MAX_FAILURES_SHOWN]):
        mark = ("  (deliberate: a broken item of the demo corpus)", "green") if i in expected else ""
        out.print(styled(f"  {source}: {reason}  ", (url, "dim"), mark), soft_wrap=True)
    if len(summary.failures) > MAX_FAILURES_SHOWN:
        out.print(f"  ... and {len(summary.failures) - MAX_FAILURES_SHOWN} more (see the fetch_log table)")


def _listed(names: list[str]) -> str:
    more = f" ... and {len(names) - LISTED} more" if len(names) > LISTED else ""
    return ", ".join(names[:LISTED]) + more


def _print_polling(report) -> None:
    """Feeds not due, moved feeds and health changes (flows/polling.py); nothing when all is quiet."""
    if report is None:
        return
    if report.not_due:
        when = report.next_due_at.strftime("%Y-%m-%d %H:%M UTC") if report.next_due_at else "?"
        out.print(f"feeds polled: {report.polled}; not due: {report.not_due} (next due {when})")
    for name, old, new in report.moved[:LISTED]:
        out.print(styled("moved for good (301/308): ", name, ": ", (old, "dim"), " -> ", new), soft_wrap=True)
    if len(report.moved) > LISTED:
        out.print(f"  ... and {len(report.moved) - LISTED} more moved feeds (feed_state.moved_at)")
    for host, (n, when) in list(report.backing_off.items())[:LISTED]:
        due = when.strftime("%Y-%m-%d %H:%M UTC")
        out.print(styled(("host backing off: ", "bold"), f"{host}: {n} feeds not polled, due again {due}"))
    if len(report.backing_off) > LISTED:
        out.print(
            f"  ... and {len(report.backing_off) - LISTED} more hosts backing off (feed_state.due_reason)"
        )
    if report.became_unhealthy:
        out.print(styled(("now unhealthy: ", "bold"), _listed(report.became_unhealthy)), soft_wrap=True)
    if report.recovered:
        out.print(styled("healthy again: ", _listed(report.recovered)), soft_wrap=True)


def read_query(query: str | None, file: Path | None) -> str:
    """The query text from the argument, `--file`, or standard input (`-`)."""
    if query is not None and file is not None:
        fail("give the query as an argument or with --file, not both", EXIT_USAGE)
    if file is not None:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"cannot read {file}: {getattr(exc, 'strerror', None) or exc}", EXIT_USAGE)
    elif query == "-":
        text = sys.stdin.read()
    elif query is None:
        fail("no query: give it as an argument, with --file FILE, or '-' for standard input", EXIT_USAGE)
    else:
        text = query
    if not text.strip():
        fail("empty query", EXIT_USAGE)
    return text
