"""JSON-lines dumps of articles (local or http(s), optionally gzip'd) → ArchiveRecords, streamed, resumable.

One article per line: `url` plus `html`, or `url` plus `text` with optional
`title`, `published_at` and `source` (transforms.archives.parse_jsonl_line). A
bad line is a `bad-line` skip `line N: reason` and the next line is read; a
line over `max_bytes` is skipped without being held in memory. Blank lines
count for line numbers and yield nothing.

Positions: byte offset of the line start and its line number. A plain file or
URL resumes by offset (seek / Range request); a `.gz` dump is re-read from the
start and the lines before the position are passed over.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from typing import IO

from flows.http import FetchSettings
from transforms.archives import ArchiveRecord, Position, one_line, parse_jsonl_line

from .stream import ArchiveError, open_archive


def read_jsonl(
    location: str,
    *,
    source: str,
    start: Position | None = None,
    settings: FetchSettings | None = None,
    allow_private: bool = False,
) -> Iterator[ArchiveRecord]:
    """Yield one record (or skip) per non-blank line from `start` on."""
    s = settings or FetchSettings()
    gz = location.lower().split("?", 1)[0].endswith(".gz")
    resume = start if start is not None and start.input == location else Position(location, 0, 1)
    offset, line_no = (0, 1) if gz else (resume.offset, resume.line or 1)
    try:
        with open_archive(location, offset, settings=s, allow_private=allow_private) as raw:
            inner: IO[bytes] = gzip.GzipFile(fileobj=raw) if gz else raw  # type: ignore[assignment]
            stream = io.BufferedReader(inner, 64 * 1024)  # type: ignore[arg-type,type-var]
            while True:
                line, size, too_long = _read_line(stream, s.max_bytes)
                if not size:
                    return
                here = Position(location, offset, line_no)
                offset += size
                line_no += 1
                after = Position(location, offset, line_no)
                if gz and here.line is not None and resume.line is not None and here.line < resume.line:
                    continue
                if too_long:
                    yield ArchiveRecord(
                        source,
                        "jsonl",
                        here,
                        after,
                        skip=f"line {here.line}: line too long (over {s.max_bytes} bytes)",
                        skip_kind="bad-line",
                    )
                elif line.strip():
                    yield parse_jsonl_line(
                        line, source=source, position=here, resume=after, max_bytes=s.max_bytes
                    )
    except ArchiveError as exc:
        at = Position(location, offset, line_no)
        yield ArchiveRecord(source, "jsonl", at, at, skip=str(exc), skip_kind="unreadable")
    except (OSError, EOFError, zlib.error) as exc:
        at = Position(location, offset, line_no)
        reason = f"not readable at line {line_no}: {one_line(str(exc) or type(exc).__name__, 100)}"
        yield ArchiveRecord(source, "jsonl", at, at, skip=reason, skip_kind="unreadable")


def _read_line(stream: IO[bytes], limit: int) -> tuple[bytes, int, bool]:
    """(line, bytes consumed, too long); a line over `limit` is read through and dropped."""
    line = stream.readline(limit + 1)
    size = len(line)
    if size <= limit or line.endswith(b"\n"):
        return line, size, False
    while True:  # drop the rest of an over-long line in bounded pieces
        more = stream.readline(limit)
        size += len(more)
        if not more or more.endswith(b"\n"):
            return b"", size, True
