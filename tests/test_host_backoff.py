"""Politeness across thousands of feeds on a few hosts (issue 15): per-host concurrency and
robots.txt hold across the run's feed batches, and a host that keeps failing backs off as a
whole instead of being asked once per feed.

Real parts: a farm of 400 feeds on four loopback hosts (tests/feeds_support.py), polled in
four feed batches (`BATCH`: flows.ingest.FEED_BATCH, set for this module's runs), real ingest
flow runs into a real file warehouse. Host 127.0.0.2 is down (every request 503) for the first
two runs and back for the third.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pytest

from flows.http import FetchSettings
from tests.backends import raw_connect
from tests.feeds_support import FeedFarm, Spec

# under pytest-xdist one worker builds the module's `runs` (without the group each worker that
# took one of its tests built the farm and its three runs again: two ~45 s setups in a suite run)
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("host-backoff")]

# What holds "across batches" needs more than three of them, not thousands of feeds: the runs
# poll BATCH feeds at a time (500 in production), so four batches take 400 feeds, not 1,600
# (the runs' cost grows with N; scale is bench/feeds.py's)
BATCH = 100
N = 400  # 100 feeds a host, 4 batches
HOSTS = 4
DOWN = 1  # host index: 127.0.0.2
LIMIT = 6  # host_fail_limit
CONCURRENCY = 3
SETTINGS = FetchSettings(
    retries=0,
    per_host_delay=0.0,
    per_host_concurrency=CONCURRENCY,
    total_concurrency=16,
    host_fail_limit=LIMIT,
)


def _state(db: str) -> dict[str, tuple]:
    con = raw_connect(db)
    try:
        rows = con.execute(
            "SELECT source, health, consecutive_failures, due_reason, next_due_at, last_polled_at "
            "FROM feed_state"
        ).fetchall()
    finally:
        con.close()
    return {r[0]: r[1:] for r in rows}


@pytest.fixture(scope="module")
def runs(prefect_harness, tmp_path_factory):
    from flows.ingest import ingest

    tmp = tmp_path_factory.mktemp("hosts")
    db = str(tmp / "news.duckdb")
    specs = [Spec("quiet", items=0) for _ in range(N)]
    for i in range(0, 40):
        specs[i] = Spec("quiet", items=1)  # some items, so chunks run between the batches
    with FeedFarm(specs, hosts=HOSTS, shared_items=False) as farm:
        sources = farm.sources_toml(tmp / "sources.toml")
        down_host = farm.hosts[DOWN]

        def run(**kw):
            mark = len(farm.requests)
            summary = ingest(sources_file=str(sources), db=db, settings=SETTINGS, workers=0, **kw)
            return summary, farm.requests[mark:], _state(db)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("flows.ingest.FEED_BATCH", BATCH)
            farm.down[DOWN] = (503, {})
            first = run()
            second = run(all_feeds=True)
            del farm.down[DOWN]
            third = run(all_feeds=True)
        yield {"farm": farm, "host": down_host, "runs": [first, second, third]}


def _on(farm: FeedFarm, h: int) -> list[str]:
    return [f"feed-{i}" for i in range(N) if i % HOSTS == h]


def test_politeness_holds_across_feed_batches(runs):
    """One fetch session per host for the whole run: robots.txt once per host and run, and never
    more requests in flight on a host than its concurrency, however many batches."""
    farm = runs["farm"]
    assert N > 3 * BATCH
    for _summary, requests, _state in runs["runs"]:
        robots = Counter(h for h, p in requests if p == "/robots.txt")
        assert robots == {f"127.0.0.{h + 1}": 1 for h in range(HOSTS)}
    assert set(farm.max_in_flight) == {f"127.0.0.{h + 1}" for h in range(HOSTS)}
    assert max(farm.max_in_flight.values()) <= CONCURRENCY, farm.max_in_flight


def test_a_failing_host_is_asked_a_few_times_not_once_per_feed(runs):
    summary, requests, state = runs["runs"][0]
    asked = [p for h, p in requests if h == f"127.0.0.{DOWN + 1}" and p.startswith("/f/")]
    # the requests in flight when the limit was reached still end; none after them is sent
    assert LIMIT <= len(asked) <= LIMIT + CONCURRENCY, len(asked)
    others = [p for h, p in requests if h != f"127.0.0.{DOWN + 1}" and p.startswith("/f/")]
    assert len(others) == N - N // HOSTS  # the other hosts' feeds are all polled
    failed = {f"feed-{p[3:-4]}" for p in asked}
    deferred = set(_on(runs["farm"], DOWN)) - failed
    assert summary.polling.backing_off.keys() == {runs["host"]}
    n, due = summary.polling.backing_off[runs["host"]]
    assert n == len(deferred) == N // HOSTS - len(asked)
    # the feeds that failed back off on their own; the rest counts no failure and follows the host
    assert all(state[f][:2] == ("failing", 1) for f in failed)
    assert all(state[f][:2] == ("healthy", 0) for f in deferred)
    assert {state[f][2] for f in deferred} == {f"host backing off ({runs['host']})"}
    assert {state[f][3] for f in deferred} == {due} == {min(state[f][3] for f in failed)}
    assert all(state[f][4] is None for f in deferred)  # never polled
    reasons = dict(summary.top_failures())
    assert sum(n for r, n in reasons.items() if r.startswith("feed fetch failed: host backing off")) == len(
        deferred
    )


def test_the_host_backs_off_again_while_it_stays_down(runs):
    first, second = runs["runs"][0][2], runs["runs"][1]
    summary, requests, state = second
    asked = [p for h, p in requests if h == f"127.0.0.{DOWN + 1}" and p.startswith("/f/")]
    assert LIMIT <= len(asked) <= LIMIT + CONCURRENCY
    failed = {f"feed-{p[3:-4]}" for p in asked}
    twice = {f for f in failed if first[f][1] == 1}  # failed in both runs: the back-off doubled
    assert all(state[f][1] == 2 for f in twice)
    assert all(state[f][1] == 1 for f in failed - twice)
    assert summary.polling.backing_off[runs["host"]][0] == N // HOSTS - len(asked)


def test_a_host_back_up_is_polled_whole_and_recovers(runs):
    summary, requests, state = runs["runs"][2]
    asked = [p for h, p in requests if h == f"127.0.0.{DOWN + 1}" and p.startswith("/f/")]
    assert len(asked) == N // HOSTS
    assert not summary.polling.backing_off
    assert all(state[f][:2] == ("healthy", 0) for f in _on(runs["farm"], DOWN))
    failed_before = {f for f, s in runs["runs"][1][2].items() if s[1] > 0}
    assert set(summary.polling.recovered) == failed_before
    assert all(isinstance(state[f][4], datetime) for f in _on(runs["farm"], DOWN))
