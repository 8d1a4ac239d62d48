"""The `maintain` flow: CHECKPOINT, rebuild the search index, data-quality checks.

Scheduled daily (prefect.yaml); also `wirehouse maintain` by hand. Like every
writer it holds the warehouse lock for the whole run and publishes the read
snapshot at the end (warehouse.access.single_writer).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.states import Failed

from warehouse import db as wdb
from warehouse.access import single_writer
from warehouse.load import RUN_SCHEMA, run_row
from warehouse.search import index_status, rebuild_index


@dataclass
class CheckResult:
    check_name: str
    description: str
    failing: int
    sample: list[str] = field(default_factory=list)


@dataclass
class MaintainSummary:
    run_id: str
    status: str
    indexed: int
    checks: list[CheckResult]

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
def checkpoint(db: str | None) -> None:
    """Fold the write-ahead log into the database file."""
    with wdb.connect(db) as con:
        con.execute("CHECKPOINT")


@task(name="search-index", cache_policy=NO_CACHE)
def search_index(db: str | None, force: bool = True) -> int:
    """Rebuild the BM25 index over articles (title, body); returns documents indexed.

    With force=False the index is rebuilt only when it is missing or does not
    cover every article (e.g. a warehouse written before search existed)."""
    with wdb.connect(db) as con:
        if not force:
            status = index_status(con)
            if status.current:
                return status.indexed
        return rebuild_index(con)


@task(name="quality-checks", cache_policy=NO_CACHE)
def quality_checks(db: str | None) -> list[CheckResult]:
    with wdb.connect(db) as con:
        return [
            CheckResult(name, desc, failing, list(sample))
            for name, desc, failing, sample in con.execute(wdb.sql("quality_checks")).fetchall()
        ]


@task(name="record-maintain", cache_policy=NO_CACHE)
def record(db: str | None, run: dict, checks: list[CheckResult]) -> None:
    """The runs row and the check results, in one transaction."""
    zeros = {f.name: 0 for f in RUN_SCHEMA if pa.types.is_integer(f.type)}
    run_table = pa.Table.from_pylist([{**zeros, **run}], schema=RUN_SCHEMA)
    check_table = pa.Table.from_pylist(
        [
            dict(check_name=c.check_name, description=c.description, failing=c.failing, sample=c.sample)
            for c in checks
        ],
        schema=pa.schema(
            [
                ("check_name", pa.string()),
                ("description", pa.string()),
                ("failing", pa.int64()),
                ("sample", pa.list_(pa.string())),
            ]
        ),
    )
    with (
        wdb.connect(db) as con,
        wdb.transaction(con),
        wdb.registered(con, batch_run=run_table, batch_checks=check_table),
    ):
        con.execute(wdb.sql("load_run"))
        con.execute(wdb.sql("load_quality_checks"), {"run_id": run["run_id"]})


@flow(name="maintain", log_prints=True)
def maintain(db: str | None = None, lock_wait: float | None = None) -> MaintainSummary:
    """Checkpoint, rebuild the search index and run the data-quality checks."""
    log = get_run_logger()
    run_id = flow_run.get_id() or str(uuid.uuid4())
    started = _now()
    with single_writer(db, "maintain", wait=lock_wait):
        checkpoint(db)
        indexed = search_index(db)
        checks = quality_checks(db)
        failing = [c for c in checks if c.failing]
        status = "completed_with_failures" if failing else "completed"
        run = run_row(
            run_id=run_id,
            flow="maintain",
            started_at=started,
            finished_at=_now(),
            status=status,
            failed=len(failing),
            per_source=None,
            top_failures=[{"reason": c.check_name, "count": c.failing} for c in failing],
        )
        record(db, run, checks)
    summary = MaintainSummary(run_id, status, indexed, checks)
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
        "",
        "| check | failing | sample |",
        "|---|---:|---|",
    ]
    for c in summary.checks:
        lines.append(f"| {c.check_name} | {c.failing} | {', '.join(c.sample)} |")
    return "\n".join(lines)
