"""The event steps of the flows (docs/events.md): `event-terms` before each load (ingest,
backfill; the load assigns the events), `rebuild-events` in maintain and reprocess when the
method changed or when asked (else it assigns stories left without an event)."""

from __future__ import annotations

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from transforms.records import Article
from warehouse import events
from warehouse.records import EventsDone
from warehouse.session import Warehouse


@task(name="event-terms", cache_policy=NO_CACHE)
def event_terms(articles: list[Article]) -> dict[str, dict[str, float]]:
    """Events, first half: the copies' weighted term bags (pure; outside any transaction). The
    load then gives each new story its event: it joins the event of its nearest report within
    the time window, or founds one (warehouse/events.py)."""
    return events.prepare(articles)


@task(name="rebuild-events", cache_policy=NO_CACHE)
def rebuild_events(wh: Warehouse, force: bool = False) -> EventsDone:
    """Assign every story's event again when the stored method differs from this code's (or `force`);
    otherwise only the pending ones."""
    log = get_run_logger()
    if not (force or wh.events_stale()):
        return wh.assign_events()
    log.info("rebuilding events (%s)", "asked for" if force else "the event method changed")

    def progress(done: EventsDone) -> None:
        log.info("events: %d stories assigned (%d batches)", done.stories, done.batches)

    done = wh.rebuild_events(progress=progress)
    log.info("events rebuilt: %d stories, %d events", done.stories, done.founded)
    return done
