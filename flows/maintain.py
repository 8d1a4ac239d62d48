"""The `maintain` flow: CHECKPOINT, rebuild the search index, data-quality checks.

Scheduled daily (prefect.yaml); also `wirehouse maintain` by hand. Like every
writer it works in one Warehouse session for the whole run, which publishes
the read snapshot when the run succeeds.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import State
from prefect.runtime import flow_run
from prefect.states import Failed

from warehouse.records import CheckResult, EventsDone, RunRecord
from warehouse.session import Warehouse

from . import events as event_steps

__all__ = ["CheckResult", "MaintainSummary", "maintain", "search_index"]


@dataclass
class MaintainSummary:
    run_id: str
    status: str
    indexed: int
    checks: list[CheckResult]
    events: EventsDone = field(default_factory=EventsDone)  # stories given an event (all when rebuilt)

    @property
    def failing_checks(self) -> list[CheckResult]:
        return [c for c in self.checks if c.failing]

    @property
    def outcome(self) -> str:
        """ "failed" when a data-quality check fails, else "ok" (README: exit codes 1 and 0)."""
        return "failed" if self.failing_checks else "ok"


def _now() -> datetime:
    return datetime.now(UTC)


@task(name="checkpoint", cache_policy=NO_CACHE)
def checkpoint(wh: Warehouse) -> None:
    """Fold the write-ahead log into the database file."""
    wh.checkpoint()


@task(name="search-index", cache_policy=NO_CACHE)
def search_index(wh: Warehouse, force: bool = True) -> int:
    """Rebuild the BM25 index over articles (title, body); returns documents indexed.

    With force=False the index is rebuilt only when it is missing or does not
    cover every article (e.g. a warehouse written before search existed)."""
    return wh.search_index(force=force)


@task(name="quality-checks", cache_policy=NO_CACHE)
def quality_checks(wh: Warehouse) -> list[CheckResult]:
    return wh.quality_checks()


@task(name="record-maintain", cache_policy=NO_CACHE)
def record(wh: Warehouse, run: RunRecord, checks: list[CheckResult]) -> None:
    """The runs row and the check results, in one transaction."""
    wh.record_run(run, checks)


@flow(name="maintain", log_prints=True)
def maintain(
    db: str | None = None,
    lock_wait: float | None = None,
    warehouse: Warehouse | None = None,
    rebuild_events: bool = False,
) -> MaintainSummary | State:
    """Checkpoint, rebuild the search index, bring events up to date and run the data-quality
    checks. Events are rebuilt when the event method changed or `rebuild_events`; otherwise only
    stories left without an event (a killed run, an upgrade) are assigned."""
    log = get_run_logger()
    run_id = flow_run.get_id() or str(uuid.uuid4())
    started = _now()
    with Warehouse.use(warehouse, db, job="maintain", wait=lock_wait) as wh:
        checkpoint(wh)
        indexed = search_index(wh)
        events = event_steps.rebuild_events(wh, force=rebuild_events)
        checks = quality_checks(wh)
        failing = [c for c in checks if c.failing]
        status = "completed_with_failures" if failing else "completed"
        run = RunRecord(
            run_id=run_id,
            flow="maintain",
            started_at=started,
            finished_at=_now(),
            status=status,
            failed=len(failing),
            per_source=None,
            top_failures=[{"reason": c.check_name, "count": c.failing} for c in failing],
        )
        record(wh, run, checks)
    summary = MaintainSummary(run_id, status, indexed, checks, events)
    create_markdown_artifact(
        key="maintain-summary",
        markdown=maintain_markdown(summary),
        description="wirehouse maintain: search index and data-quality checks",
    )
    for c in failing:
        log.warning("check %s: %d failing (e.g. %s)", c.check_name, c.failing, ", ".join(c.sample))
    log.info(
        "maintain %s: %d documents indexed, %d of %d checks failing",
        run_id,
        indexed,
        len(failing),
        len(checks),
    )
    if summary.outcome == "failed":  # recorded in `runs`, quality_checks and the artifact
        return Failed(message=f"{len(failing)} data-quality check(s) failing", data=summary)
    return summary


def maintain_markdown(summary: MaintainSummary) -> str:
    lines = [
        f"Search index: {summary.indexed} articles indexed.",
        f"Events: {summary.events.stories} stories assigned{' (rebuilt)' if summary.events.rebuilt else ''}.",
        "",
        "| check | failing | sample |",
        "|---|---:|---|",
    ]
    for c in summary.checks:
        lines.append(f"| {c.check_name} | {c.failing} | {', '.join(c.sample)} |")
    return "\n".join(lines)
