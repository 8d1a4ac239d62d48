"""`wirehouse dedup`: cluster JSON-lines copies into stories, in memory (no warehouse)."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from .common import err, fail, styled
from .jsonl import (
    LineError,
    bad_lines_message,
    error_record,
    open_input,
    parse_time,
    read_records,
    text_field,
    write,
)

if TYPE_CHECKING:
    from transforms.dedup import Copy

SPINNER_FROM = 2000  # inputs larger than this get a progress spinner on standard error


def parse_record(record: dict, *, do_clean: bool) -> Copy:
    """The dedup.Copy of one input record; raises LineError with the reason."""
    from transforms.assemble import word_count
    from transforms.dedup import Copy

    ident = record.get("id")
    if ident is None or isinstance(ident, (dict, list)) or str(ident) == "":
        raise LineError("missing id")
    ident = str(ident)
    text = text_field(record, "text", "body")
    if text is None or not text.strip():
        raise LineError("missing text (or body)")
    when = parse_time(record.get("published_at"))
    syndicator, dateline = None, None
    if do_clean:
        from transforms.clean import clean

        c = clean(text, published_at=when, title=text_field(record, "title"), url=text_field(record, "url"))
        text, syndicator, dateline = c.body, c.syndicator, c.dateline_date
        if not text.strip():
            raise LineError("text is empty after cleaning")
    return Copy(ident, text, when, dateline, syndicator, word_count(text))


def dedup(
    file: Path | None = typer.Argument(
        None,
        help="JSON lines (id, text or body, optional title, published_at, "
        "url, source); standard input when omitted or '-'.",
        show_default=False,
    ),
    no_clean: bool = typer.Option(
        False, "--no-clean", help="Texts are already clean: skip transforms.clean."
    ),
) -> None:
    """Cluster copies into stories: one output line per input line (id, story_id, canonical).

    A bad line gets {"id", "error"} and the others still go through; the exit status is 1 when any line was bad.

    Runs in memory; no warehouse is read or written.
    """
    from transforms.dedup import cluster

    if file is not None and file.is_dir():
        fail(f"{file} is a directory, not a JSON lines file")
    try:
        records = list(read_records(open_input(file)))
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror or exc}")
    parsed: list[tuple[str, Copy | None, dict[str, Any] | None]] = []  # (id, Copy, None) or (id, None, error)
    with (
        err.status("cleaning and parsing ...", spinner="dots")
        if len(records) > SPINNER_FROM
        else nullcontext()
    ):
        for n, record, problem in records:
            ident = str(record.get("id")) if record and record.get("id") is not None else f"line {n}"
            if problem is not None:
                parsed.append((ident, None, error_record(n, record, problem)))
                continue
            assert record is not None  # read_records gives a record whenever there is no problem
            try:
                parsed.append((ident, parse_record(record, do_clean=not no_clean), None))
            except LineError as exc:
                parsed.append((ident, None, error_record(n, record, str(exc))))
            except Exception as exc:  # one bad text never stops the others
                reason = f"cleaning failed: {type(exc).__name__}: {exc}"
                parsed.append((ident, None, error_record(n, record, reason)))
    good = [c for _, c, _e in parsed if c is not None]
    with (
        err.status(f"clustering {len(good)} copies ...", spinner="dots")
        if len(good) > SPINNER_FROM
        else nullcontext()
    ):
        result = cluster(good)
    labels = iter(zip(result.labels, result.canonical))
    bad = 0
    for ident, _copy, error in parsed:
        if error is not None:
            write(error)
            bad += 1
        else:
            story_id, canonical = next(labels)
            write({"id": ident, "story_id": story_id, "canonical": canonical})
    err.print(f"{len(good)} copies -> {len(set(result.labels))} stories")
    if bad:
        err.print(styled(("error:", "red"), " ", bad_lines_message(bad, len(parsed))))
        raise typer.Exit(1)
