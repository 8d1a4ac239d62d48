"""Backfill inputs: readers that turn each archive kind into a stream of ArchiveRecords (docs/backfill.md).

* `warc`    read_warc: WARC files (local or http(s), gzip per record), resumable at a record's byte offset;
* `sitemap` walk_sitemap: news sitemaps and sitemap indexes, fetched politely with the run's FetchSession;
* `jsonl`   read_jsonl: JSON-lines dumps of articles (local or http(s), plain or .gz);
* `stream`  open_archive: a local file or a streamed http(s) body opened at a byte offset (Range).

The records themselves, positions and the pure parsing are in transforms/archives.py and
transforms/sitemaps.py.
"""

from .jsonl import read_jsonl
from .sitemap import WalkStats, walk_sitemap
from .stream import ArchiveError, open_archive
from .warc import read_warc

__all__ = ["ArchiveError", "WalkStats", "open_archive", "read_jsonl", "read_warc", "walk_sitemap"]
