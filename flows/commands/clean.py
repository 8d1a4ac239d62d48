"""`wirehouse clean`: the wire-copy cleaner over JSON lines."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

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


def clean_record(record: dict, hints: dict) -> dict:
    """Clean one input record (see `wirehouse clean --help` for the fields)."""
    from transforms.clean import CleanHints, clean, clean_html_fragment

    text = text_field(record, "text")
    html = text_field(record, "html")
    if text is None and html is None:
        raise LineError("needs `text` or `html`")
    source = record.get("source")
    hint = hints.get(source)
    kwargs = CleanHints(
        published_at=parse_time(record.get("published_at")),
        title=text_field(record, "title"),
        url=text_field(record, "url"),
        syndicator_hint=hint.syndicator if hint else None,
        agency_hint=hint.agency if hint else None,
    )
    if text is not None:
        cleaned = clean(text, **kwargs)
    else:
        assert html is not None  # the check above: one of them is given
        cleaned = clean_html_fragment(html, **kwargs)
    return {
        "id": record.get("id"),
        "body": cleaned.body,
        "syndicator": cleaned.syndicator,
        "provider": cleaned.provider,
        "agency": cleaned.agency,
        "dateline_place": cleaned.dateline_place,
        "dateline_date": cleaned.dateline_date.isoformat() if cleaned.dateline_date else None,
        "byline": cleaned.byline,
        "removed": [asdict(r) for r in cleaned.removed],
    }


def clean_cmd(
    file: Path | None = typer.Argument(None, help="JSON-lines file [default: standard input]."),
    sources: Path | None = typer.Option(
        None,
        "--sources",
        help="Sources file whose hints apply to records with a `source` [default: sources.toml].",
    ),
) -> None:
    """Clean wire copy given as JSON lines, one output line per input line.

    Input fields: `id`, `text` or `html`, optional `title`, `url`,
    `published_at` (ISO 8601; needed to give year-less datelines a year) and
    `source` (a name from the sources file, whose syndicator/agency hints apply).
    Output fields: `id`, `body`, `syndicator`, `provider`, `agency`,
    `dateline_place`, `dateline_date`, `byline`, `removed`. A bad line gives
    `{"id", "error"}` and the others are still cleaned; the exit code is then 1.
    """
    from flows.sources import DEFAULT_SOURCES, SourcesError, load_sources

    try:
        hints = {s.name: s.hints for s in load_sources(sources or DEFAULT_SOURCES)}
    except SourcesError as exc:
        fail(str(exc))
    try:
        stream = open_input(file)
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror or exc}")
    errors = total = 0
    for n, record, problem in read_records(stream):
        total += 1
        if record is not None:
            try:
                write(clean_record(record, hints))
                continue
            except LineError as exc:
                problem = str(exc)
            except Exception as exc:  # a cleaner bug on one line never stops the rest
                problem = f"cleaning failed: {type(exc).__name__}: {exc}"
        errors += 1
        write(error_record(n, record, problem or "unusable"))
    if errors:
        err.print(styled(("error:", "red"), " ", bad_lines_message(errors, total)))
        raise typer.Exit(1)
