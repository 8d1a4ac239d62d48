"""The event steps of the flows (docs/events.md): `assign-events` after each load (ingest,
backfill), `rebuild-events` in maintain and reprocess when the method changed or when asked."""

from __future__ import annotations

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from warehouse.records import EventsDone
from warehouse.session import Warehouse


@task(name="assign-events", cache_policy=NO_CACHE)
def assign_events(wh: Warehouse) -> EventsDone:
    """Each new story joins the event of its nearest report within the time window or founds one
    (committed on its own, after the chunk's load; stories left pending by a killed run included)."""
    return wh.assign_events()


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
