"""Walk a news sitemap or sitemap index politely and yield the pages to fetch (ArchiveRecords without content).

Every sitemap document is fetched with the run's FetchSession (one request at
a time, so the per-host delay, robots.txt, retries, size cap and SSRF guard of
docs/fetching.md all apply; the configured URL is trusted, child sitemaps named
by an index are not, except on the source's own host when it says
`allow_private`). Indexes may nest (up to `max_depth`); each sitemap is
fetched once. With a date range, a child sitemap last modified before `since`
is not fetched at all, and pages outside the range are passed over (counted in
`WalkStats`, not yielded). A sitemap that cannot be fetched or parsed is one
`sitemap` skip; the walk goes on with the others.

Positions: the leaf sitemap's URL and the entry's index in it. Resuming from a
position first reads the index(es) again, then skips the leaf sitemaps listed
before that one and the entries before that index; if the sitemap is no longer
listed, the walk starts from the beginning (re-listing pages is harmless: the
backfill does not fetch a page it has already loaded).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlsplit

from flows.http import FetchSession
from transforms.archives import ArchiveRecord, Position
from transforms.sitemaps import child_may_hold, date_bounds, in_range, parse_sitemap

ACCEPT = "application/xml, text/xml;q=0.9, application/x-gzip;q=0.8, */*;q=0.1"


@dataclass
class WalkStats:
    sitemaps_fetched: int = 0
    sitemaps_failed: int = 0
    sitemaps_skipped_by_date: int = 0  # child sitemaps last modified before `since`, never fetched
    entries_seen: int = 0
    out_of_range: int = 0
    notes: list[str] = field(default_factory=list)  # dropped entries, one line each (capped)


def walk_sitemap(
    session: FetchSession,
    url: str,
    *,
    source: str,
    since: date | datetime | None = None,
    until: date | datetime | None = None,
    start: Position | None = None,
    allow_private: bool = False,
    max_depth: int = 3,
    max_sitemaps: int = 10_000,
    stats: WalkStats | None = None,
) -> Iterator[ArchiveRecord]:
    """Yield a record per page of the sitemap(s) at `url` in the date range, in document order."""
    stats = stats if stats is not None else WalkStats()
    lo, hi = date_bounds(since, until)
    own_host = frozenset({(urlsplit(url).hostname or "").lower()}) if allow_private else frozenset()

    def fetch(target: str, trusted: bool):
        [res] = session.fetch_many(
            [
                dict(
                    url=target,
                    trusted=trusted,
                    private_hosts=own_host,
                    accept=ACCEPT,
                    kind="sitemap",
                    group=source,
                )
            ]
        )
        if not res.ok:
            stats.sitemaps_failed += 1
            return None, f"sitemap {target}: {res.error or f'HTTP {res.status}'}"
        stats.sitemaps_fetched += 1
        parsed = parse_sitemap(res.content or b"")
        if parsed.error:
            stats.sitemaps_failed += 1
            return None, f"sitemap {target}: {parsed.error}"
        stats.notes.extend(f"{target}: {n}" for n in parsed.notes[: max(0, 100 - len(stats.notes))])
        return parsed, None

    def failed(target: str, reason: str) -> ArchiveRecord:
        pos = Position(target, 0)
        return ArchiveRecord(source, "sitemap", pos, pos, url=target, skip=reason, skip_kind="sitemap")

    seen: set[str] = set()
    resume: dict = {"at": start.input if start is not None else None, "index": start.offset if start else 0}

    def walk(target: str, depth: int, trusted: bool) -> Iterator[ArchiveRecord]:
        if target in seen or len(seen) >= max_sitemaps:
            return
        seen.add(target)
        parsed, error = fetch(target, trusted)
        if parsed is None:
            yield failed(target, error or "unusable")
            return
        if parsed.kind == "index":
            if depth >= max_depth:
                yield failed(target, f"sitemap {target}: index nested deeper than {max_depth}")
                return
            children = list(parsed.entries)
            urls = [c.url for c in children]
            if resume["at"] in urls:  # resuming: the children listed before it are done
                children = children[urls.index(resume["at"]) :]
            for child in children:
                if not child_may_hold(child, lo):
                    stats.sitemaps_skipped_by_date += 1
                    continue
                yield from walk(child.url, depth + 1, False)
            return
        first = 0
        if resume["at"] is not None:
            if resume["at"] != target:
                return  # resuming: a sitemap before the one we stopped in
            first, resume["at"] = resume["index"], None
        for entry in parsed.entries:
            stats.entries_seen += 1
            if entry.index < first:
                continue
            if not in_range(entry.when, lo, hi):
                stats.out_of_range += 1
                continue
            yield ArchiveRecord(
                source,
                "sitemap",
                Position(target, entry.index),
                Position(target, entry.index + 1),
                url=entry.url,
                published_at=entry.published_at or entry.lastmod,
                title=entry.title,
            )

    yield from walk(url, 0, True)
    if resume["at"] is not None:  # the sitemap we stopped in is no longer listed: walk everything again
        resume["at"] = None
        seen.clear()
        yield from walk(url, 0, True)
