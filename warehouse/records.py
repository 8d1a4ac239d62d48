"""Typed records the warehouse takes and gives: one definition each, used by flows and tests.

Rows that used to travel as plain dicts (the run row, fetch-log rows, validators)
are dataclasses here; `warehouse.load` turns lists of them into Arrow tables
(one schema per record, in that module) and the Warehouse methods take and
return them. Articles themselves are `transforms.records.Article`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from isal import isal_zlib

from transforms.records import Article

if TYPE_CHECKING:
    from .dedup import Prepared


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A fetched payload with its fetch metadata (a `raw_documents` row; gzip'd on load unless
    a pool worker already did it: compressing in the writer serialised it behind extraction)."""

    doc_id: str
    url: str
    source: str
    kind: str  # feed | page
    fetched_at: datetime
    http_status: int | None
    content_type: str | None
    etag: str | None
    last_modified: str | None
    payload: bytes  # uncompressed
    gzipped: bytes | None = None  # RawDocument.gzip(payload), made off the writer's path; None: at load

    @staticmethod
    def gzip(payload: bytes) -> bytes:
        """How a payload is stored (`compression = 'gzip'`): one gzip member, no mtime, made by ISA-L
        at its level 2 (any gzip reader decompresses it). Measured on the 91 extraction-dev pages
        (182 KiB each): 0.29 ms a page for 22.6 % of the size, where zlib took 3.2 ms at level 6
        (19.5 %) and 1.1 ms at level 1 (23.2 %): at level 6 it was a tenth of a pool worker's CPU
        per page (README, "Pipeline throughput")."""
        return isal_zlib.compress(payload, 2, 31)


@dataclass(frozen=True, slots=True)
class FetchLogRow:
    """One request attempt, or one item that could not be used (a `fetch_log` row)."""

    source: str
    url: str
    kind: str  # feed | page | robots | item
    outcome: str  # ok | not_modified | retry | failed | rejected | skipped | adjusted
    fetched_at: datetime
    status: int | None = None
    bytes: int = 0
    elapsed_ms: float = 0.0
    attempt: int = 1
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Validators:
    """A URL's conditional-GET validators (an `http_cache` row)."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A configured source as the `sources` table keeps it."""

    name: str
    kind: str
    url: str
    syndicator: str | None = None
    agency: str | None = None
    fetch_pages: bool = False
    allow_private: bool = False


@dataclass(frozen=True, slots=True)
class FeedStateRow:
    """A feed's polling state and health (a `feed_state` row; the rules: transforms/polling.py)."""

    source: str
    configured_url: str
    current_url: str
    moved_at: datetime | None = None
    next_due_at: datetime | None = None
    interval_s: float | None = None
    change_interval_s: float | None = None
    consecutive_failures: int = 0
    health: str = "healthy"
    last_polled_at: datetime | None = None
    last_success_at: datetime | None = None
    last_failure_at: datetime | None = None
    last_failure_reason: str | None = None
    last_item_at: datetime | None = None
    last_response_ms: float | None = None
    due_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """Where a backfill input was read up to (a `backfill_checkpoints` row): `position` is the
    encoded reader Position to continue from, written with the chunk it covers."""

    source: str
    input: str
    position: str
    records: int = 0
    done: bool = False


@dataclass(frozen=True, slots=True)
class RunRecord:
    """A flow run (a `runs` row). Counts default to 0 for flows that do not fetch."""

    run_id: str
    flow: str  # ingest | reprocess | maintain
    started_at: datetime
    finished_at: datetime | None
    status: str  # running | completed | completed_with_failures
    feeds_fetched: int = 0
    feeds_not_modified: int = 0
    items_seen: int = 0
    articles_new: int = 0
    articles_duplicate: int = 0
    failed: int = 0
    per_source: dict[str, Any] | None = None  # stored as JSON
    top_failures: list[dict[str, Any]] = field(default_factory=list)  # stored as JSON
    scope: str | None = None  # the shard of the sources the run covered (k/n), None: all

    def row(self) -> dict[str, Any]:
        """The `runs` row, JSON columns encoded."""
        return {
            "run_id": self.run_id,
            "flow": self.flow,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "status": self.status,
            "feeds_fetched": self.feeds_fetched,
            "feeds_not_modified": self.feeds_not_modified,
            "items_seen": self.items_seen,
            "articles_new": self.articles_new,
            "articles_duplicate": self.articles_duplicate,
            "failed": self.failed,
            "per_source": None
            if self.per_source is None
            else json.dumps(self.per_source, ensure_ascii=False, sort_keys=True),
            "top_failures": json.dumps(self.top_failures, ensure_ascii=False, sort_keys=True),
            "scope": self.scope,
        }


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One data-quality check of a maintain run (a `quality_checks` row)."""

    check_name: str
    description: str
    failing: int
    sample: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class StoredPayload:
    """A raw payload as fetched (decompressed), with what decoding and date checks need."""

    payload: bytes
    content_type: str | None
    fetched_at: datetime


@dataclass(frozen=True, slots=True)
class ReprocessCandidate:
    """A stored article to rebuild from its raw payload, with its current derived fields."""

    article_id: str
    source: str
    guid: str | None
    url: str | None
    title: str | None
    published_at: datetime | None
    body_origin: str | None
    raw_doc_id: str | None
    derived: list[str | None]  # the order of flows.reprocess.derived


@dataclass(frozen=True, slots=True)
class EventsDone:
    """What an event step did (`Warehouse.assign_events`, `rebuild_events`): stories given an
    event, of which joined an event (stored, or founded earlier in the batch) or founded one."""

    stories: int = 0
    joined: int = 0
    founded: int = 0
    batches: int = 0  # transactions committed
    rebuilt: bool = False  # every event was forgotten and assigned again first

    def __add__(self, other: EventsDone) -> EventsDone:
        return EventsDone(
            self.stories + other.stories,
            self.joined + other.joined,
            self.founded + other.founded,
            self.batches + other.batches,
            self.rebuilt or other.rebuilt,
        )


@dataclass
class Chunk:
    """What one transaction writes: it lands whole or not at all.

    An ingest run is one chunk today; a streaming load writes several, each
    committed on its own, with the run row updated by each (`runs` is upserted).
    `stories` carries the articles' dedup sketches and `events` their event term bags
    when the flow computed them (the visible dedup and event steps); otherwise they are
    computed on load.
    """

    run: RunRecord
    articles: list[Article] = field(default_factory=list)
    raw_documents: list[RawDocument] = field(default_factory=list)
    fetch_log: list[FetchLogRow] = field(default_factory=list)
    http_cache: list[Validators] = field(default_factory=list)
    stories: Prepared | None = None
    checkpoints: list[Checkpoint] = field(default_factory=list)  # backfill: positions this chunk covers
    events: Mapping[str, dict[str, float]] | None = (
        None  # the copies' event term bags (warehouse.events.prepare: weighed when read)
    )


__all__ = [
    "Article",
    "CheckResult",
    "Checkpoint",
    "Chunk",
    "EventsDone",
    "FeedStateRow",
    "FetchLogRow",
    "RawDocument",
    "ReprocessCandidate",
    "RunRecord",
    "SourceRow",
    "StoredPayload",
    "Validators",
]
