"""WARC files (local or http(s), gzip per record as in CC-NEWS) → ArchiveRecords, streamed, resumable.

warcio reads the records one at a time from a stream (a 16 KiB buffer, one
gzip member at a time), so memory stays flat however large the file; each
payload is read up to `max_bytes` (FetchSettings.max_bytes) and a larger one is
skipped. Every record is yielded: response records with an HTML payload as
pages, everything else as a skip with its kind (docs/backfill.md). A file that
ends inside a record gives one `truncated` skip and the iterator ends; bytes
that are not WARC give one `unreadable` skip and the iterator ends. Nothing
raises out of the iterator.

Positions are byte offsets of records in the (compressed) file. With gzip per
record every record starts a gzip member, so `read_warc(..., start=pos)`
continues exactly there (a local seek, or an HTTP Range request).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from warcio.archiveiterator import WARCIterator
from warcio.exceptions import ArchiveLoadFailed

from flows.http import FetchSettings
from transforms.archives import ArchiveRecord, Position, one_line, response_refusal
from transforms.structured import parse_datetime

from .stream import ArchiveError, open_archive

_READ = 64 * 1024


def read_warc(
    location: str,
    *,
    source: str,
    start: Position | None = None,
    settings: FetchSettings | None = None,
    allow_private: bool = False,
) -> Iterator[ArchiveRecord]:
    """Yield every record of a WARC file from `start` (a record position of this file) on."""
    s = settings or FetchSettings()
    offset = start.offset if start is not None and start.input == location else 0
    here = Position(location, offset)

    def unreadable(reason: str, at: int) -> ArchiveRecord:
        pos = Position(location, at)
        return ArchiveRecord(source, "warc", pos, pos, skip=reason, skip_kind="unreadable")

    try:
        with open_archive(location, offset, settings=s, allow_private=allow_private) as fh:
            records = WARCIterator(fh)
            while True:
                try:
                    rec = next(records)
                except StopIteration:
                    return
                out = _record(rec, records, location, source, s.max_bytes)
                here = out.resume
                yield out
                if out.skip_kind == "truncated" and out.resume == out.position:
                    return  # the file ends inside this record: nothing after it
    except ArchiveError as exc:
        yield unreadable(str(exc), here.offset)
    except ArchiveLoadFailed as exc:
        if "non-chunked gzip" in str(exc):  # one gzip stream for the whole file
            reason = "one gzip stream for the whole file, not gzip per record: gunzip it first"
            yield unreadable(f"not readable as WARC at offset {here.offset}: {reason}", here.offset)
        else:
            yield unreadable(
                f"not readable as WARC at offset {here.offset}: {one_line(str(exc), 100)}", here.offset
            )
    except (zlib.error, EOFError, OSError, ValueError) as exc:
        reason = one_line(str(exc) or type(exc).__name__, 100)
        yield unreadable(f"not readable as WARC at offset {here.offset}: {reason}", here.offset)


def _record(rec, records: WARCIterator, location: str, source: str, max_bytes: int) -> ArchiveRecord:
    """One warcio record → an ArchiveRecord; reads its payload (capped) and then its position."""
    kind = rec.rec_type
    headers = rec.rec_headers
    url = headers.get_header("WARC-Target-URI")
    fetched = parse_datetime(headers.get_header("WARC-Date")) if kind == "response" else None
    skip = skip_kind = None
    content = content_type = None
    if kind != "response":
        skip, skip_kind = f"{kind or 'unknown'} record, not a response", "other-record"
    elif rec.http_headers is None:
        skip, skip_kind = "response record without HTTP headers", "not-html"
    else:
        status_text = rec.http_headers.get_statuscode()
        status = int(status_text) if status_text and status_text.isdigit() else None
        content_type = rec.http_headers.get_header("Content-Type")
        if status != 200:
            skip, skip_kind = f"HTTP status {status_text or 'missing'}", "status"
        else:
            data = rec.content_stream().read(max_bytes + 1)
            if len(data) > max_bytes:
                skip, skip_kind = f"payload over {max_bytes} bytes", "too-large"
            elif (refusal := response_refusal(status, content_type, data)) is not None:
                skip_kind, skip = refusal
            elif headers.get_header("WARC-Truncated"):
                reason = headers.get_header("WARC-Truncated")
                skip, skip_kind = f"payload truncated by the crawler (WARC-Truncated: {reason})", "truncated"
            else:
                content = data
    # Drain the rest of the block: a block that ends before its Content-Length is a cut-off file.
    raw = rec.raw_stream
    while raw.read(_READ):
        pass
    cut = getattr(raw, "limit", 0) > 0  # a record without Content-Length has no LimitReader
    offset = records.get_record_offset()
    records.get_record_length()
    # where the next record starts (after the blank lines of an uncompressed file); warcio's arithmetic
    # goes below the record's start inside a whole-file gzip stream, which cannot be resumed anyway
    following = max(records.offset, offset)
    position = Position(location, offset)
    if cut:
        declared = headers.get_header("Content-Length")
        return ArchiveRecord(
            source,
            "warc",
            position,
            position,  # resuming here reads the same cut record again: the reader stops after it
            url=url,
            fetched_at=fetched,
            content_type=content_type,
            skip=f"truncated record: the file ends {raw.limit} bytes before its Content-Length {declared}",
            skip_kind="truncated",
        )
    return ArchiveRecord(
        source,
        "warc",
        position,
        Position(location, following),
        url=url,
        fetched_at=fetched,
        content=content,
        content_type=content_type,
        skip=skip,
        skip_kind=skip_kind,
    )
