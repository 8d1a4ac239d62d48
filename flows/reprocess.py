"""The `reprocess` flow: re-run extraction and cleaning on stored raw payloads.

When rules improve, history improves: every article is rebuilt from the
payload it came from (the feed document or the article page kept in
raw_documents) and updated in place when its cleaned form changed. Running it
twice changes nothing the second time.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import State
from prefect.runtime import flow_run
from prefect.states import Failed

from transforms.assemble import SourceHints, assemble
from transforms.extract import extract
from transforms.feeds import parse_feed
from transforms.records import Article, FeedItem
from warehouse.records import Chunk, ReprocessCandidate, RunRecord, StoredPayload
from warehouse.session import Warehouse

from . import events as event_steps
from .maintain import search_index

CHUNK = 2000  # articles per transaction: bounded memory, each chunk lands whole


def _now() -> datetime:
    return datetime.now(UTC)


def derived(a: Article) -> list[str | None]:
    """The fields cleaning derives, in the order of reprocess_candidates.sql's `derived`."""
    return [
        a.body,
        a.title,
        a.byline,
        a.agency,
        a.provider,
        a.syndicator,
        a.dateline_place,
        a.dateline_date.isoformat() if a.dateline_date else None,
        a.canonical_url,
        a.language,
        a.section,
        _list_text(a.tags),
        a.image_url,
        a.modified_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S") if a.modified_at else None,
    ]


def _list_text(values: tuple[str, ...]) -> str:
    """A tag list as reprocess_candidates.sql renders it: array_to_string(tags, chr(31))."""
    return "\x1f".join(values)


@task(name="rebuild-articles", cache_policy=NO_CACHE)
def rebuild(
    rows: list[ReprocessCandidate], payloads: dict[str, StoredPayload], hints: dict[str, SourceHints]
) -> tuple[list[Article], list[tuple[str, str]]]:
    """Rebuild a chunk of articles; each feed document and page is parsed once."""
    feeds: dict[str, dict[str, FeedItem]] = {}
    out, failures = [], []
    for row in rows:
        article_id, source, guid, url = row.article_id, row.source, row.guid, row.url
        title, published_at, origin, raw_doc_id = row.title, row.published_at, row.body_origin, row.raw_doc_id
        source_hints = hints.get(source, SourceHints(source))
        stored = payloads.get(raw_doc_id) if raw_doc_id is not None else None
        try:
            if stored is None or raw_doc_id is None:
                raise ValueError("raw payload is missing")
            if origin in ("feed", "summary"):  # the body came from the feed document
                if raw_doc_id not in feeds:
                    parsed = parse_feed(
                        source, stored.payload, content_type=stored.content_type, now=stored.fetched_at
                    )
                    feeds[raw_doc_id] = {key: i for i in parsed.items if (key := i.guid or i.url)}
                item_key = guid or url
                item = feeds[raw_doc_id].get(item_key) if item_key is not None else None
                if item is None:
                    raise ValueError("item no longer found in its feed document")
                out.append(assemble(item, source_hints, feed_doc_id=raw_doc_id))
            else:
                item = FeedItem(
                    source=source,
                    guid=guid,
                    url=url,
                    title=title,
                    summary=None,
                    content=None,
                    published_at=published_at,
                )
                page = extract(
                    stored.payload,
                    url=url,
                    content_type=stored.content_type,
                    reference_time=stored.fetched_at,
                )
                out.append(assemble(item, source_hints, page=page, page_doc_id=raw_doc_id))
        except Exception as exc:  # one bad article never fails its chunk
            failures.append(
                (article_id, f"{type(exc).__name__}: {exc}" if not isinstance(exc, ValueError) else str(exc))
            )
    return out, failures


@flow(name="reprocess", log_prints=True)
def reprocess(
    db: str | None = None,
    since: date | None = None,
    lock_wait: float | None = None,
    warehouse: Warehouse | None = None,
    rebuild_events: bool = False,
) -> dict | State:
    """Re-clean stored articles (all, or those published since a day) and update changed rows.

    A warehouse writer like ingest: one Warehouse session for the whole run, each
    chunk committed in its own transaction, the search index updated with the
    changed rows, the read snapshot published when the run succeeds. Events are assigned
    again from the re-cleaned stories when `rebuild_events` or when the event method
    changed (otherwise a story keeps its event).
    """
    with Warehouse.use(warehouse, db, job="reprocess", wait=lock_wait) as wh:
        totals = _reprocess(wh, since)
        search_index(wh, force=False)  # every chunk kept it current: a check
        events = event_steps.rebuild_events(wh, force=rebuild_events)
        totals["events_assigned"] = events.stories
        totals["events_rebuilt"] = int(events.rebuilt)
    if totals["seen"] and totals["failed"] == totals["seen"]:  # recorded in `runs`; the run ends Failed
        return Failed(message="no article could be rebuilt", data=totals)
    return totals


def _reprocess(wh: Warehouse, since: date | None) -> dict:
    log = get_run_logger()
    run_id = flow_run.get_id() or str(uuid.uuid4())
    started = _now()
    rows = wh.reprocess_candidates(since)
    hints = wh.source_hints()
    totals = {"seen": len(rows), "updated": 0, "unchanged": 0, "failed": 0}
    failures: list[tuple[str, str]] = []
    log.info("reprocessing %d articles", len(rows))
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        before = {r.article_id: r.derived for r in chunk}
        payloads = wh.raw_payloads(sorted({r.raw_doc_id for r in chunk if r.raw_doc_id}))
        articles, bad = rebuild(chunk, payloads, hints)
        failures.extend(bad)
        changed = [a for a in articles if before.get(a.article_id) != derived(a)]
        totals["failed"] += len(bad)
        totals["updated"] += len(changed)
        progress = RunRecord(
            run_id=run_id,
            flow="reprocess",
            started_at=started,
            finished_at=_now(),
            status="running",
            items_seen=start + len(chunk),
            failed=totals["failed"],
            per_source={},
        )
        wh.load_chunk(Chunk(run=progress, articles=changed))
        log.info("reprocessed %d/%d", min(start + CHUNK, len(rows)), len(rows))
    totals["unchanged"] = totals["seen"] - totals["updated"] - totals["failed"]
    status = "completed_with_failures" if failures else "completed"
    wh.record_run(
        RunRecord(
            run_id=run_id,
            flow="reprocess",
            started_at=started,
            finished_at=_now(),
            status=status,
            items_seen=totals["seen"],
            articles_duplicate=totals["unchanged"],
            failed=totals["failed"],
            per_source=totals,
            top_failures=[{"reason": r, "count": 1} for _, r in failures[:5]],
        )
    )
    log.info("reprocess: %s", totals)
    return totals
