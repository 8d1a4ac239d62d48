"""`wirehouse ingest` when no feed is due (issue 15): the command asks the warehouse first and
ends with one line and exit 0, before importing Prefect: no flow run, no `runs` row, no request.

Real parts: a farm of 2,000 feeds on three loopback hosts, a real warehouse (each backend)
whose `feed_state` rows say every feed is due later, and the real `wirehouse` command in a
child process (which reports whether Prefect was imported).
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.feeds_support import FeedFarm, Spec

pytestmark = pytest.mark.slow  # a child process

ROOT = Path(__file__).resolve().parent.parent
N = 2000
# the CLI as the console script runs it, reporting at exit whether Prefect was imported
CLI = (
    "import atexit, sys; atexit.register(lambda: print('prefect imported:', 'prefect' in sys.modules)); "
    "from flows.cli import app; app(prog_name='wirehouse')"
)


def _wirehouse(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    env["PREFECT_API_URL"] = "http://127.0.0.1:9/api"  # nothing listens: a flow run could not start
    return subprocess.run(
        [sys.executable, "-c", CLI, *args], env=env, capture_output=True, text=True, timeout=300
    )


def _runs(db: str) -> int:
    from warehouse.session import Warehouse

    with Warehouse.open(db, job="test") as wh:
        (n,) = wh.execute("SELECT count(*) FROM runs").fetchone()
    return n


def test_nothing_due_is_one_line_without_a_flow_run(warehouse_db, tmp_path):
    from warehouse.records import FeedStateRow
    from warehouse.session import Warehouse

    now = datetime.now(UTC).replace(microsecond=0)
    first = now + timedelta(hours=1)
    with FeedFarm([Spec("quiet", items=1)] * N, hosts=3) as farm:
        sources = farm.sources_toml(tmp_path / "sources.toml")
        with Warehouse.open(warehouse_db, job="test") as wh:
            wh.record_feed_states(
                [
                    FeedStateRow(
                        f"feed-{i}", farm.url(i), farm.url(i), next_due_at=first + timedelta(seconds=i)
                    )
                    for i in range(N)
                ]
            )
        before = _runs(warehouse_db)

        done = _wirehouse("ingest", "--sources", str(sources), "--db", warehouse_db)

        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines() == [
            f"nothing due: {N} feeds, the next due at {first:%Y-%m-%d %H:%M:%S} UTC; no flow run started "
            "(use --all to poll every feed)",
            "prefect imported: False",
        ]
        assert farm.requests == []  # no feed polled, not even robots.txt
    assert _runs(warehouse_db) == before  # nothing written


def test_a_changed_url_or_a_due_feed_makes_the_run_start(warehouse_db, tmp_path):
    """The sources file wins over the stored state: a feed whose URL changed is due at once; so
    is a feed whose due time has come. The command then goes on to the flow run."""
    from flows.cli import _nothing_due
    from flows.sources import load_sources
    from warehouse.records import FeedStateRow
    from warehouse.session import Warehouse

    now = datetime.now(UTC)
    with FeedFarm([Spec("quiet", items=1)] * 3, hosts=1) as farm:
        sources = load_sources(farm.sources_toml(tmp_path / "sources.toml"))
        rows = [
            FeedStateRow(f"feed-{i}", farm.url(i), farm.url(i), next_due_at=now + timedelta(hours=1))
            for i in range(3)
        ]
        with Warehouse.open(warehouse_db, job="test") as wh:
            wh.record_feed_states(rows)
        assert _nothing_due(sources, warehouse_db, 5.0)  # the control: none due
        for changed in (
            FeedStateRow(
                "feed-2", "http://elsewhere.invalid/f.xml", farm.url(2), next_due_at=now + timedelta(hours=1)
            ),
            FeedStateRow("feed-2", farm.url(2), farm.url(2), next_due_at=now - timedelta(seconds=1)),
        ):
            with Warehouse.open(warehouse_db, job="test") as wh:
                wh.record_feed_states([changed])
            assert not _nothing_due(sources, warehouse_db, 5.0)
        assert farm.requests == []
