"""`wirehouse dedup`: cluster JSON-lines copies into stories, in memory (no warehouse)."""
from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

import typer


def _parse_time(v) -> datetime | None:
    if v in (None, ""):
        return None
    if not isinstance(v, str):
        raise ValueError("published_at must be an ISO 8601 string")
    try:
        t = datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"published_at is not an ISO 8601 time: {v[:40]!r}") from None
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)


def parse_line(line: str, n: int, *, do_clean: bool):
    """(id, Copy) for a good line; raises ValueError(id, reason) style via (id, reason) tuple."""
    from transforms.assemble import word_count
    from transforms.dedup import Copy

    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return f"line {n}", None, f"not JSON: {exc.msg} at column {exc.colno}"
    if not isinstance(obj, dict):
        return f"line {n}", None, "not a JSON object"
    ident = obj.get("id")
    if ident is None or isinstance(ident, (dict, list)) or str(ident) == "":
        return f"line {n}", None, "missing id"
    ident = str(ident)
    text = obj.get("text", obj.get("body"))
    if not isinstance(text, str) or not text.strip():
        return ident, None, "missing text (or body)"
    try:
        when = _parse_time(obj.get("published_at"))
    except ValueError as exc:
        return ident, None, str(exc)
    syndicator, dateline = None, None
    if do_clean:
        from transforms.clean import clean

        try:
            c = clean(text, published_at=when, title=obj.get("title"), url=obj.get("url"),
                      syndicator_hint=None, agency_hint=None)
        except Exception as exc:   # one bad text never stops the others
            return ident, None, f"cleaning failed: {type(exc).__name__}: {exc}"
        text, syndicator, dateline = c.body, c.syndicator, c.dateline_date
        if not text.strip():
            return ident, None, "text is empty after cleaning"
    return ident, Copy(ident, text, when, dateline, syndicator, word_count(text)), None


def dedup(
    file: Optional[Path] = typer.Argument(None, help="JSON lines (id, text or body, optional title, published_at, "
                                                     "url, source); standard input when omitted or '-'.",
                                          show_default=False),
    no_clean: bool = typer.Option(False, "--no-clean", help="Texts are already clean: skip transforms.clean."),
) -> None:
    """Cluster copies into stories: one output line per input line (id, story_id, canonical).

    A bad line gets {"id", "error"} and the others still go through; the exit status is 1 when any line was bad.

    Runs in memory; no warehouse is read or written.
    """
    from rich.console import Console

    from flows.cli import fail
    from transforms.dedup import cluster

    err = Console(stderr=True)
    if file is not None and str(file) != "-":
        if not file.exists():
            fail(f"no such file: {file}")
        if file.is_dir():
            fail(f"{file} is a directory, not a JSON lines file")
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            fail(f"{file} is not UTF-8 text")
    else:
        lines = sys.stdin.read().splitlines()
    parsed = []
    with err.status("cleaning and parsing ...", spinner="dots") if len(lines) > 2000 else _null():
        for n, line in enumerate(lines, 1):
            if line.strip():
                parsed.append(parse_line(line, n, do_clean=not no_clean))
    good = [c for _, c, e in parsed if e is None]
    with err.status(f"clustering {len(good)} copies ...", spinner="dots") if len(good) > 2000 else _null():
        result = cluster(good)
    labels = dict(zip(range(len(good)), zip(result.labels, result.canonical)))
    out, k, bad = [], 0, 0
    for ident, c, e in parsed:
        if e is not None:
            out.append(json.dumps({"id": ident, "error": e}, ensure_ascii=False))
            bad += 1
        else:
            sid, canon = labels[k]
            k += 1
            out.append(json.dumps({"id": ident, "story_id": sid, "canonical": canon}, ensure_ascii=False))
    sys.stdout.write("\n".join(out) + ("\n" if out else ""))
    n_stories = len(set(result.labels))
    err.print(f"{len(good)} copies -> {n_stories} stories" + (f"; {bad} bad lines" if bad else ""), highlight=False)
    if bad:
        raise typer.Exit(1)


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
