"""The event steps of the flows (docs/events.md): `rebuild-events` in maintain and reprocess when
the method changed or when asked (else it assigns stories left without an event). Ingest and
backfill weigh a chunk's terms in their `load` task, before its transaction (flows/ingest.py)."""

from __future__ import annotations

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from warehouse.records import EventsDone
from warehouse.session import Warehouse


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
