"""JSON-lines plumbing shared by the `clean` and `dedup` commands.

Each input line is one record; a line that cannot be used yields an error
record with its id and the reason, and the others still go through.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any


class LineError(ValueError):
    """A bad input line; the message is the one-line reason."""


def open_input(path: Path | None) -> IO[str]:
    if path is None or str(path) == "-":
        return sys.stdin
    return path.open(encoding="utf-8", errors="replace")


def read_records(stream: IO[str]) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(line number, record or None, error or None) for each non-blank line."""
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield n, None, f"line {n}: not JSON: {exc.msg}"
            continue
        if not isinstance(record, dict):
            yield n, None, f"line {n}: not a JSON object"
            continue
        yield n, record, None


def parse_time(value: Any, field: str = "published_at") -> datetime | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise LineError(f"{field} must be an ISO 8601 string")
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        raise LineError(f"{field} is not ISO 8601: {value!r}") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def text_field(record: dict, *names: str) -> str | None:
    for name in names:
        value = record.get(name)
        if value is not None:
            if not isinstance(value, str):
                raise LineError(f"{name} must be a string")
            return value
    return None


def error_record(n: int, record: dict[str, Any] | None, reason: str) -> dict[str, Any]:
    """The answer to a bad line, the same for every JSON-lines command:
    `{"id": <the line's id, or null>, "error": "line N: reason"}`."""
    prefix = f"line {n}: "
    return {
        "id": record.get("id") if isinstance(record, dict) else None,
        "error": reason if reason.startswith(prefix) else prefix + reason,
    }


def bad_lines_message(bad: int, total: int) -> str:
    return f"{bad} of {total} line(s) could not be used (see their error records)"


def write(record: dict) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
