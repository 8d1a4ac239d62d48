"""Printing a run summary and reading a query: text from feeds, pages and users is printed as is."""

from __future__ import annotations

import sys
from pathlib import Path

from .common import EXIT_USAGE, fail, out, print_rows, styled

MAX_FAILURES_SHOWN = 20


def print_summary(summary, expected: set[int] | frozenset[int] = frozenset()) -> None:
    """The per-source table and the failures of an ingest run; `expected` holds the indexes of
    failures that are known and deliberate (the demo corpus's broken items)."""
    rows = [
        (name, c.fetched, c.not_modified, c.items, c.new, c.updated, c.duplicate, c.failed)
        for name, c in summary.per_source.items()
    ]
    print_rows(
        ["source", "fetched", "not modified", "items", "new", "updated", "duplicate", "failed"],
        rows,
        title=f"run {summary.run_id} ({summary.status}, outcome {summary.outcome})",
    )
    if not summary.failures:
        return
    out.print(styled(("failures", "bold")))
    for i, (source, url, reason) in enumerate(summary.failures[:MAX_FAILURES_SHOWN]):
        mark = ("  (deliberate: a broken item of the demo corpus)", "green") if i in expected else ""
        out.print(styled(f"  {source}: {reason}  ", (url, "dim"), mark), soft_wrap=True)
    if len(summary.failures) > MAX_FAILURES_SHOWN:
        out.print(f"  ... and {len(summary.failures) - MAX_FAILURES_SHOWN} more (see the fetch_log table)")


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
