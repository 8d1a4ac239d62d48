"""Thousands of feeds through the real ingest flow: adaptive polling, back-off, health, moves.

One farm of 300 generated feeds on four loopback hosts (tests/feeds_support.py), polled in
feed batches of 100 (`BATCH`), and three real flow runs, shared by the tests of this module: a scheduled run on a fresh
warehouse (everything due), a scheduled run right after it (only the busy feeds are
due), then an `--all` run (failing feeds back off or turn unhealthy, flaky ones recover).
"""

from __future__ import annotations

import gc
import io
from collections import Counter
from contextlib import ExitStack, redirect_stdout

import pytest

from flows.http import FetchResult, FetchSettings
from tests.backends import backends, migrated_lake, raw_connect
from tests.feeds_support import FeedFarm, Spec, wait_until

# under pytest-xdist one worker builds the module's `runs` (each worker running a test of the
# module would build its own: the farm and three runs again)
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("polling-e2e")]

# Three feed batches: what the module proves about thousands of feeds (a run polls every due
# feed, holds one batch of answers at a time, keeps each feed's state across batches) needs
# more than two batches, not thousands of feeds. The runs here poll BATCH feeds at a time
# (flows.ingest.FEED_BATCH, 500 in production, set for this module's runs), so three batches
# take 300 feeds instead of 1,200: the run's cost grows with N. Scale is bench/feeds.py's.
BATCH = 100
N = 300  # more than 2 * BATCH: most are empty feeds (cheap), 304 when polled again
HOSTS = 4  # 127.0.0.1 .. 127.0.0.4, one server each; feed i on host i % HOSTS
BUSY = range(0, 20)  # a new item every second; min_interval 0.3 s: due again at once
FAIL = range(20, 40)  # 503 always
RETRY_AFTER = range(40, 45)  # 503 with Retry-After: 2 hours; unhealthy after 2 failures
FLAKY = range(45, 55)  # 503 once, then fine
MOVED_301 = range(55, 60)
MOVED_308 = range(60, 65)
TTL = range(65, 70)  # a new item a minute, but <ttl>120</ttl>
QUIET = range(70, 170)  # two items a day apart, the newest days old; the rest: empty feeds
SETTINGS = FetchSettings(retries=0, per_host_delay=0.0, per_host_concurrency=8, total_concurrency=32)


def _specs() -> list[Spec]:
    specs = [Spec("quiet", items=0) for _ in range(N)]
    for i in QUIET:
        specs[i] = Spec("quiet", items=2)
    for i in BUSY:
        specs[i] = Spec("busy", rate=1.0, items=4)
    for i in FAIL:
        specs[i] = Spec("fail")
    for i in RETRY_AFTER:
        specs[i] = Spec("fail", retry_after=7200)
    for i in FLAKY:
        specs[i] = Spec("flaky", fail_first=1)
    for i in MOVED_301:
        specs[i] = Spec("moved", moved=301)
    for i in MOVED_308:
        specs[i] = Spec("moved", moved=308)
    for i in TTL:
        specs[i] = Spec("busy", rate=60.0, items=3, ttl=120)
    return specs


def _state(db) -> dict[str, tuple]:
    con = raw_connect(db)
    try:
        rows = con.execute(
            "SELECT source, health, consecutive_failures, interval_s, due_reason, current_url, "
            "next_due_at, last_polled_at FROM feed_state"
        ).fetchall()
    finally:
        con.close()
    return {r[0]: r[1:] for r in rows}


@pytest.fixture(scope="module", params=backends())
def runs(request, prefect_harness, tmp_path_factory, warehouse_templates):
    """Three ingest runs over the feed farm, once per backend (a file, a copy of the session's lake)."""
    tmp = tmp_path_factory.mktemp("farm")
    with ExitStack() as stack:
        stack.enter_context(pytest.MonkeyPatch.context()).setattr("flows.ingest.FEED_BATCH", BATCH)
        if request.param == "file":
            db = str(tmp / "news.duckdb")
        else:
            db, _ = stack.enter_context(migrated_lake(warehouse_templates, tmp))
        yield from _runs(tmp, db)


def _runs(tmp, db: str):
    from flows.ingest import ingest

    with FeedFarm(_specs(), hosts=HOSTS) as farm:
        sources = farm.sources_toml(
            tmp / "sources.toml",
            polling="unhealthy_after = 3",
            overrides={i: "min_interval = 0.005" for i in BUSY}
            | {i: "unhealthy_after = 2" for i in RETRY_AFTER},
        )

        def run(**kw):
            mark = len(farm.requests)
            summary = ingest(sources_file=str(sources), db=str(db), settings=SETTINGS, workers=0, **kw)
            return summary, farm.paths_since(mark), _state(db)

        live: list[int] = []  # FetchResults still reachable at every 100th request of the first run

        def count_results() -> None:
            gc.collect()  # garbage awaiting the cycle collector is not held
            live.append(sum(1 for o in gc.get_objects() if type(o) is FetchResult))

        farm.probe, farm.probe_every = count_results, 60
        first = run()
        farm.probe = None
        busy_due = max(first[2][f"feed-{i}"][5] for i in BUSY)
        wait_until(busy_due)
        second = run()
        third = run(all_feeds=True)
        yield {"farm": farm, "db": db, "runs": [first, second, third], "live_results": live}


def _names(r) -> set[str]:
    return {f"feed-{i}" for i in r}


def test_first_run_polls_every_feed_of_a_fresh_warehouse(runs):
    summary, paths, state = runs["runs"][0]
    assert summary.polling.polled == N and summary.polling.not_due == 0
    assert len(state) == N
    assert {n for n, s in state.items() if s[0] == "failing"} == _names(FAIL) | _names(RETRY_AFTER) | _names(
        FLAKY
    )
    # a poll of every feed; the moved ones also at their new place
    assert len([p for p in paths if p.startswith("/f/")]) == N
    assert {p for p in paths if p.startswith("/g/")} == {f"/g/{i}.xml" for i in (*MOVED_301, *MOVED_308)}
    hosts = Counter(h for h, p in runs["farm"].requests if p.startswith("/f/"))  # every run's
    assert sorted(hosts) == [f"127.0.0.{h + 1}" for h in range(HOSTS)]
    assert min(hosts.values()) >= N // HOSTS  # each host served its share of the feeds


def test_a_run_holds_one_batch_of_feed_answers_at_a_time(runs):
    """Feeds are polled BATCH at a time and a batch's answers are let go before the next
    is fetched: the fetch results alive in the process while it polls never grow with the
    number of feeds (all N of them were alive at once before)."""
    live = runs["live_results"]
    assert len(live) >= N // 60 - 1  # sampled all through the run
    assert N > 2 * BATCH and max(live) <= BATCH + 20, live


def test_second_run_right_after_polls_only_what_is_due(runs):
    summary, paths, _ = runs["runs"][1]
    assert set(summary.per_source) == _names(BUSY)
    assert summary.polling.not_due == N - len(BUSY)
    assert sorted(paths) == sorted(f"/f/{i}.xml" for i in BUSY)
    assert summary.total("new") > 0  # the busy feeds had new items


def test_intervals_follow_rates_hints_and_backoff(runs):
    first, third = runs["runs"][0][2], runs["runs"][2][2]
    busy = first["feed-0"]
    assert busy[2] < 2 and busy[3].startswith("change rate")
    quiet = first[f"feed-{QUIET[0]}"]
    assert quiet[2] == pytest.approx(6 * 3600) and quiet[3] == "silent feed (bounded)"
    empty = first[f"feed-{N - 1}"]
    assert empty[3] == "default interval" and empty[2] == pytest.approx(1800, rel=0.11)
    for i in TTL:
        assert first[f"feed-{i}"][3] == "ttl" and first[f"feed-{i}"][2] >= 7200 * 0.9
    for i in RETRY_AFTER:
        assert first[f"feed-{i}"][3] == "retry-after" and first[f"feed-{i}"][2] >= 7200 * 0.9
    for i in FAIL:  # exponential back-off: twice the interval after the second failure
        once, twice = first[f"feed-{i}"], third[f"feed-{i}"]
        assert once[1] == 1 and twice[1] == 2
        assert twice[2] == pytest.approx(2 * once[2], rel=1e-3)


def test_failing_feeds_turn_unhealthy_and_flaky_ones_recover(runs):
    summary, _, state = runs["runs"][2]
    assert set(summary.polling.became_unhealthy) == _names(RETRY_AFTER)
    assert set(summary.polling.recovered) == _names(FLAKY)
    for i in RETRY_AFTER:
        health, failures, interval, reason, *_ = state[f"feed-{i}"]
        assert (health, failures, reason) == ("unhealthy", 2, "unhealthy")
        assert interval == pytest.approx(24 * 3600, rel=0.11)  # still retried, once a day
    assert all(state[f"feed-{i}"][:2] == ("failing", 2) for i in FAIL)
    assert all(state[f"feed-{i}"][:2] == ("healthy", 0) for i in FLAKY)


def test_permanent_redirects_move_the_feed_url(runs):
    farm = runs["farm"]
    first, _, third = runs["runs"][0], runs["runs"][1], runs["runs"][2]
    moved = {name: new for name, _old, new in first[0].polling.moved}
    assert moved == {f"feed-{i}": f"{farm.hosts[i % HOSTS]}/g/{i}.xml" for i in (*MOVED_301, *MOVED_308)}
    assert all(first[2][f"feed-{i}"][4].endswith(f"/g/{i}.xml") for i in MOVED_301)
    # later runs go to the new place directly
    assert not {f"/f/{i}.xml" for i in (*MOVED_301, *MOVED_308)} & set(third[1])


def test_summary_of_thousands_of_sources_fits_a_terminal(runs):
    from flows.commands.summary import print_summary

    buffer = io.StringIO()
    with redirect_stdout(buffer):  # the console writes to whatever sys.stdout is
        print_summary(runs["runs"][0][0])
    text = buffer.getvalue()
    lines = text.splitlines()
    assert len(lines) <= 40, text
    assert f"totals over {N} sources" in text and "worst sources" in text and "top failure reasons" in text
    assert "moved for good" in text


def test_sources_command_lists_the_unhealthy_feeds(runs):
    from typer.testing import CliRunner

    from flows.cli import app

    result = CliRunner().invoke(app, ["sources", "--unhealthy", "--db", str(runs["db"]), "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = result.stdout.strip().splitlines()[1:]
    assert {r.split(",")[0] for r in rows} == _names(FAIL) | _names(RETRY_AFTER)
