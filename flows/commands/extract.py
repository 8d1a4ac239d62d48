"""`wirehouse extract`: run the article extractor on saved pages or URLs and print JSON."""

from __future__ import annotations

import asyncio
import json
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

import typer

from .common import err, styled


def _record(extracted, **extra) -> dict:
    data = {**extra, **asdict(extracted)}
    return {
        k: (v.isoformat() if isinstance(v, datetime) else list(v) if isinstance(v, tuple) else v)
        for k, v in data.items()
    }


def _read_file(path: Path, max_bytes: int | None = None) -> bytes:
    """A saved page, gunzipped when it is gzip; capped at the same decoded size as HTTP bodies."""
    from flows.http import FetchSettings
    from flows.http.bodies import BoundedDecoder
    from flows.http.errors import FetchError

    limit = max_bytes or FetchSettings().max_bytes
    try:
        with path.open("rb") as f:
            head = f.read(2)
            decoder = BoundedDecoder("gzip" if head == b"\x1f\x8b" else "", limit)
            decoder.feed(head)
            while chunk := f.read(1 << 16):
                decoder.feed(chunk)
            return decoder.finish()
    except FetchError as exc:
        raise OSError(str(exc)) from None


def _fetch(url: str, allow_private: bool) -> bytes:
    from flows.http import fetch_many

    [result] = asyncio.run(fetch_many([dict(url=url, allow_private=allow_private)]))
    if not result.ok or result.content is None:  # ok means content is there; the check narrows it
        raise OSError(result.error or f"HTTP {result.status}")
    return result.content


def extract_cmd(
    inputs: list[str] = typer.Argument(
        ..., metavar="FILE_OR_URL...", help="HTML files (gzip is read too) or http(s) URLs."
    ),
    url: str | None = typer.Option(
        None, "--url", help="The page's URL, for files (selects publisher rules, resolves links)."
    ),
    allow_private: bool = typer.Option(
        False, "--allow-private", help="Allow URLs on loopback/private addresses."
    ),
) -> None:
    """Extract the article from pages and print one JSON record per input.

    With several inputs each line carries its `file`. A page with no article
    gets an empty body and a reason; an input that cannot be read gets an
    `error` line, and the command exits 1 after the others are printed.
    """

    from transforms.extract import extract

    several = len(inputs) > 1
    failed = 0
    for item in inputs:
        is_url = item.startswith(("http://", "https://"))
        try:
            raw = _fetch(item, allow_private) if is_url else _read_file(Path(item))
            record = _record(extract(raw, url=item if is_url else url), **({"file": item} if several else {}))
        except Exception as exc:  # one bad input gets its error record; the others go on
            failed += 1
            reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc) or type(exc).__name__
            print(json.dumps({"file": item, "error": reason}, ensure_ascii=False))
            err.print(styled(("error:", "red"), f" {item}: {reason}"))
            continue
        print(json.dumps(record, ensure_ascii=False))
    if failed:
        raise typer.Exit(1)
