"""The pure polling rules (transforms/polling.py), the bounds in the sources file, feed hints,
and the feed_state table on both warehouse backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from flows.sources import SourcesError, parse_sources
from transforms.feeds import parse_feed
from transforms.polling import (
    DuePlan,
    FeedHints,
    FeedState,
    HttpHints,
    Poll,
    PollBounds,
    deferred_state,
    due_feeds,
    estimate_rate,
    host_due,
    http_floor,
    is_due,
    next_state,
    parse_max_age,
    parse_retry_after,
    skip_forward,
    spread,
)

NOW = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
B = PollBounds()


def _times(gap_s: float, n: int, newest: datetime = NOW) -> tuple[datetime, ...]:
    return tuple(newest - timedelta(seconds=gap_s * k) for k in range(n))


def test_busy_feed_is_polled_about_as_often_as_it_changes():
    s = next_state("a", None, Poll(ok=True, item_times=_times(600, 10)), B, NOW)
    assert s.change_interval_s == 600 and s.due_reason == "change rate"
    assert s.interval_s == pytest.approx(600 * spread("a"))
    assert s.next_due_at == NOW + timedelta(seconds=s.interval_s)


def test_rate_is_smoothed_over_polls_and_bounded():
    first = next_state("a", None, Poll(ok=True, item_times=_times(600, 10)), B, NOW)
    second = next_state("a", first, Poll(ok=True, item_times=_times(1800, 10)), B, NOW)
    assert second.change_interval_s == pytest.approx(1200)
    fast = next_state("a", None, Poll(ok=True, item_times=_times(10, 10)), B, NOW)
    assert fast.interval_s == B.min_interval and fast.due_reason == "change rate (bounded)"


def test_silent_feed_is_stretched_to_half_its_silence_up_to_the_maximum():
    old = NOW - timedelta(hours=4)
    s = next_state("a", None, Poll(ok=True, item_times=_times(600, 5, newest=old)), B, NOW)
    assert s.due_reason == "silent feed" and s.interval_s == pytest.approx(2 * 3600 * spread("a"))
    older = NOW - timedelta(days=5)
    s = next_state("a", None, Poll(ok=True, item_times=_times(600, 5, newest=older)), B, NOW)
    assert s.interval_s == B.max_interval


def test_feed_without_dates_learns_from_new_item_counts_else_uses_hints_or_default():
    s = next_state("a", None, Poll(ok=True), B, NOW)
    assert s.due_reason == "default interval" and s.change_interval_s is None
    later = NOW + timedelta(hours=1)
    s2 = next_state("a", s, Poll(ok=True, new_items=4), B, later)
    assert s2.change_interval_s == 900
    sy = next_state(
        "a", None, Poll(ok=True, feed=FeedHints(update_period="hourly", update_frequency=4)), B, NOW
    )
    assert sy.due_reason == "sy:updatePeriod" and sy.interval_s == pytest.approx(900 * spread("a"))


def test_ttl_and_http_headers_are_floors_within_the_maximum():
    busy = _times(60, 10)
    ttl = next_state("a", None, Poll(ok=True, item_times=busy, feed=FeedHints(ttl_minutes=60)), B, NOW)
    assert ttl.due_reason == "ttl"
    http = HttpHints(cache_control="public, max-age=7200")
    cc = next_state("a", None, Poll(ok=True, item_times=busy, http=http), B, NOW)
    assert cc.due_reason == "cache-control max-age"
    huge = next_state("a", None, Poll(ok=True, item_times=busy, http=HttpHints(retry_after="999999")), B, NOW)
    assert huge.interval_s == B.max_interval and huge.due_reason == "retry-after (bounded)"


def test_header_parsing():
    assert parse_max_age("no-cache") == 0 and parse_max_age("max-age=60, s-maxage=120") == 120
    assert parse_max_age("max-age=oops") is None and parse_max_age(None) is None
    assert parse_retry_after("120", NOW) == 120
    assert parse_retry_after("Wed, 01 Jul 2026 13:00:00 GMT", NOW) == 3600
    assert parse_retry_after("soon", NOW) is None
    expires = HttpHints(expires="Wed, 01 Jul 2026 12:30:00 GMT", date="Wed, 01 Jul 2026 12:00:00 GMT")
    assert http_floor(expires, NOW) == (1800, "expires")
    assert http_floor(HttpHints(), NOW) is None


def test_failures_back_off_exponentially_then_unhealthy_then_recover():
    bounds = PollBounds(unhealthy_after=3)
    ok = next_state("a", None, Poll(ok=True, item_times=_times(600, 10)), bounds, NOW)
    fail = Poll(ok=False, error="HTTP 503")
    s1 = next_state("a", ok, fail, bounds, NOW)
    s2 = next_state("a", s1, fail, bounds, NOW)
    assert (s1.health, s1.consecutive_failures, s2.consecutive_failures) == ("failing", 1, 2)
    assert s2.interval_s == pytest.approx(2 * s1.interval_s)
    assert s1.last_failure_reason == "HTTP 503" and s1.last_success_at == NOW
    s3 = next_state("a", s2, fail, bounds, NOW)
    assert s3.health == "unhealthy" and s3.due_reason == "unhealthy"
    assert s3.interval_s == pytest.approx(bounds.unhealthy_interval * min(1.0, spread("a")))
    back = next_state("a", s3, Poll(ok=True), bounds, NOW + timedelta(days=1))
    assert (back.health, back.consecutive_failures) == ("healthy", 0)
    assert back.change_interval_s == s3.change_interval_s == 600  # what was learned is kept
    assert back.last_failure_reason == "HTTP 503"


def test_pending_items_bring_the_feed_back_soon():
    s = next_state("a", None, Poll(ok=True, item_times=_times(3600, 5), pending=True), B, NOW)
    assert s.interval_s == pytest.approx(max(B.min_interval, B.min_interval * spread("a")))
    assert s.due_reason.startswith("items left")


def test_skip_hours_and_days_move_the_due_time():
    hints = FeedHints(skip_hours=frozenset({12, 13}), skip_days=frozenset())
    assert skip_forward(NOW, hints) == NOW.replace(hour=14)
    sunday = FeedHints(skip_days=frozenset({2}))  # NOW is a Wednesday
    assert skip_forward(NOW, sunday) == datetime(2026, 7, 2, 0, 0, tzinfo=UTC)
    everything = FeedHints(skip_hours=frozenset(range(24)))
    assert skip_forward(NOW, everything) == NOW


def test_due_and_spread():
    assert is_due(None, NOW)
    s = next_state("a", None, Poll(ok=True), B, NOW)
    assert not is_due(s, NOW) and is_due(s, s.next_due_at)
    factors = {spread(f"feed-{i}") for i in range(200)}
    assert min(factors) >= 0.9 and max(factors) <= 1.1 and len(factors) > 150
    assert estimate_rate((NOW + timedelta(days=1), NOW), NOW) is None  # future dates do not count


def test_due_feeds_is_the_one_due_rule():
    soon, later = NOW + timedelta(minutes=5), NOW + timedelta(hours=2)
    feeds = [("a", "http://h/a"), ("b", "http://h/b"), ("c", "http://h/c")]
    stored = {"a": ("http://h/a", later), "b": ("http://h/b", soon), "c": ("http://h/c", later)}
    plan = due_feeds(feeds, stored, NOW)
    assert plan == DuePlan(due=(), not_due=3, next_due_at=soon, stale=frozenset())
    plan = due_feeds(feeds, stored, soon)  # due at its due time
    assert (plan.due, plan.not_due, plan.next_due_at) == (("b",), 2, later)
    plan = due_feeds([("d", "http://h/d"), *feeds], stored, NOW)  # never polled: due, order kept
    assert (plan.due, plan.next_due_at) == (("d",), soon)
    moved = [("a", "http://h/a2"), *feeds[1:]]  # the sources file changed a's URL: the file wins
    plan = due_feeds(moved, stored, NOW)
    assert (plan.due, plan.next_due_at, plan.stale) == (("a",), soon, frozenset({"a"}))
    plan = due_feeds(feeds, {**stored, "c": ("http://h/c", None)}, NOW)  # stored without a time
    assert (plan.due, plan.next_due_at) == (("c",), soon)
    assert due_feeds([], stored, NOW) == DuePlan((), 0, None, frozenset())
    everything = due_feeds(moved, stored, NOW, all_feeds=True)  # --all: every feed, stale still said
    assert everything == DuePlan(("a", "b", "c"), 0, None, frozenset({"a"}))


def test_due_feeds_matches_is_due_on_a_stored_state():
    s = next_state("a", None, Poll(ok=True), B, NOW)
    for now in (NOW, s.next_due_at - timedelta(seconds=1), s.next_due_at):
        plan = due_feeds([("a", "u")], {"a": ("u", s.next_due_at)}, now)
        assert (plan.due == ("a",)) == is_due(s, now)


def test_feed_hints_come_from_the_document():
    doc = b"""<?xml version="1.0"?><rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
    <channel><title>t</title><ttl>45</ttl><sy:updatePeriod>daily</sy:updatePeriod>
    <sy:updateFrequency>6</sy:updateFrequency><skipHours><hour>1</hour><hour>2</hour></skipHours>
    <skipDays><day>Saturday</day><day>Sunday</day></skipDays>
    <item><title>a</title><link>http://x.example/a</link><skipHours><hour>9</hour></skipHours></item>
    </channel></rss>"""
    hints = parse_feed("s", doc).hints
    assert hints == FeedHints(45.0, frozenset({1, 2}), frozenset({5, 6}), "daily", 6)
    assert hints.sy_interval == 4 * 3600


def test_bounds_in_the_sources_file():
    text = """
[polling]
min_interval = 2
unhealthy_after = 4

[[sources]]
name = "a"
kind = "rss"
url = "http://a.example/feed"

[[sources]]
name = "b"
kind = "rss"
url = "http://b.example/feed"
max_interval = 60
"""
    a, b = parse_sources(text)
    assert (a.polling.min_interval, a.polling.unhealthy_after, a.polling.max_interval) == (120, 4, 6 * 3600)
    assert (b.polling.min_interval, b.polling.max_interval) == (120, 3600)
    for bad, message in (
        ("[polling]\nmin_interval = 0\n", "`min_interval` must be a number of minutes > 0"),
        (
            "[polling]\nmin_interval = 90\nmax_interval = 60\n",
            "max_interval (minutes) must be >= min_interval",
        ),
        ("[polling]\nsoon = 1\n", "unknown key(s) soon"),
        ("[polling]\nunhealthy_after = 1.5\n", "`unhealthy_after` must be a whole number"),
    ):
        with pytest.raises(SourcesError, match=None) as exc:
            parse_sources(bad + text.split("\n", 4)[-1])
        assert message in str(exc.value)


def test_feed_state_round_trip_and_health_view(warehouse_db):
    from warehouse.records import FeedStateRow, SourceRow
    from warehouse.session import Warehouse

    with Warehouse.open(warehouse_db, job="test") as wh:
        wh.upsert_sources([SourceRow("a", "rss", "http://a/f"), SourceRow("b", "rss", "http://b/f")])
        row = FeedStateRow(
            "a",
            "http://a/f",
            "http://a/g",
            NOW,
            NOW,
            600.0,
            550.0,
            0,
            "healthy",
            NOW,
            NOW,
            None,
            None,
            NOW,
            12.5,
            "x",
        )
        wh.record_feed_states([row])
        failed = FeedStateRow(
            "a", "http://a/f", "http://a/g", NOW, NOW, 60.0, 550.0, 5, "unhealthy", NOW, NOW, NOW, "HTTP 503"
        )
        wh.record_feed_states([failed])  # an update, not a second row (MERGE on both backends)
        states = wh.feed_states(["a", "b"])
        assert list(states) == ["a"] and states["a"].health == "unhealthy"
        assert states["a"].last_failure_reason == "HTTP 503" and states["a"].current_url == "http://a/g"
        columns, rows = wh.source_health()
        assert [r[:3] for r in rows] == [("a", "unhealthy", 5), ("b", "new", 0)]
        _, only = wh.source_health(unhealthy=True)
        assert [r[0] for r in only] == ["a"]
        _, silent = wh.source_health(silent_days=3)
        assert {r[0] for r in silent} == {"a", "b"}  # nothing loaded from either
        assert "median_ms" in columns


def test_feed_states_from_a_row_factory_are_written_in_bounded_statements(warehouse_db, monkeypatch):
    """Thousands of polled feeds: the rows are made one at a time and merged FEED_STATE_BATCH
    per statement, all in one transaction; the factory is called once per (re)done commit."""
    from warehouse import load
    from warehouse.records import FeedStateRow
    from warehouse.session import Warehouse

    monkeypatch.setattr(load, "FEED_STATE_BATCH", 7)
    made: list[int] = []  # rows made so far: never all 25 before the first statement
    written: list[int] = []
    merge = load._records

    def counted(rows, schema):
        if schema is load.FEED_STATE_SCHEMA:
            written.append(len(rows))
            assert len(made) == sum(written)  # made as the statements take them, not all first
        return merge(rows, schema)

    monkeypatch.setattr(load, "_records", counted)

    def rows():
        for i in range(25):
            made.append(i)
            yield FeedStateRow(
                f"f{i}", f"http://h/{i}", f"http://h/{i}", None, NOW, 600.0, None, 0, "healthy"
            )

    with Warehouse.open(warehouse_db, job="test") as wh:
        wh.record_feed_states(rows)
        wh.record_feed_states(rows)  # again: every row an update, not a second one
        states = wh.feed_states([f"f{i}" for i in range(30)])
    assert written == [7, 7, 7, 4] * 2
    assert sorted(states) == sorted(f"f{i}" for i in range(25))
    assert states["f24"].interval_s == 600.0 and states["f3"].health == "healthy"


def test_sources_of_one_host_share_its_strictest_politeness():
    from flows.http import FetchSettings
    from flows.polling import host_settings

    text = """
[[sources]]
name = "a"
kind = "rss"
url = "https://wire.example/a.xml"
delay = 2

[[sources]]
name = "b"
kind = "rss"
url = "https://wire.example/b.xml"
concurrency = 1

[[sources]]
name = "c"
kind = "rss"
url = "https://wire.example/c.xml"
respect_robots = false

[[sources]]
name = "d"
kind = "rss"
url = "https://other.example/d.xml"
delay = 0
"""
    settings = host_settings(parse_sources(text), FetchSettings())
    assert settings["a"] == settings["b"]  # one session: one clock and slot for the host
    assert (settings["a"].per_host_delay, settings["a"].per_host_concurrency) == (2.0, 1)
    assert (settings["c"].per_host_delay, settings["c"].per_host_concurrency) == (2.0, 1)
    assert settings["c"].respect_robots is False and settings["a"].respect_robots is True
    assert settings["d"].per_host_delay == 0.0  # another host keeps its own


def test_a_feed_deferred_by_its_host_counts_no_failure_and_follows_the_host():
    """Rule 7: a feed whose request was not sent because its host backed off keeps its own
    record and comes due with the host's earliest failing feed (else after default_interval)."""
    bounds = PollBounds()
    failing = [next_state(f"f{i}", None, Poll(ok=False, error="HTTP 503"), bounds, NOW) for i in range(3)]
    due = host_due(failing)
    assert due == min(s.next_due_at for s in failing) and due > NOW
    prev = FeedState(consecutive_failures=1, health="failing", change_interval_s=600.0, last_polled_at=NOW)
    state = deferred_state(prev, due, "http://h:80", bounds, NOW)
    assert (state.consecutive_failures, state.health, state.change_interval_s) == (1, "failing", 600.0)
    assert state.last_polled_at == NOW and state.next_due_at == due
    assert state.due_reason == "host backing off (http://h:80)"
    fresh = deferred_state(None, host_due([]), "http://h:80", bounds, NOW)  # only its pages failed
    assert fresh.next_due_at == NOW + timedelta(seconds=bounds.default_interval)
    assert fresh.consecutive_failures == 0 and fresh.health == "healthy"
