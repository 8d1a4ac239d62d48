"""Which feeds an ingest run polls, and what it learned from them (the I/O around
transforms/polling.py).

`FeedPoller.start` reads the stored `feed_state` of every configured feed and picks
the due ones (all with `all_feeds`), each with the URL to poll (where a permanent
redirect moved it, unless the sources file changed the URL since). The ingest flow
tells it what each poll gave (`observe`) and which items were new (`count_new`);
`rows` computes every polled feed's next state as `save_polls` writes them, in one
transaction at the end of the run (a killed run writes none: its feeds stay due).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from datetime import datetime

from prefect import task
from prefect.cache_policies import NO_CACHE

from transforms.assemble import item_article_id
from transforms.feeds import ParsedFeed
from transforms.polling import (
    HEALTHY,
    UNHEALTHY,
    FeedState,
    HttpHints,
    Poll,
    deferred_state,
    due_feeds,
    host_due,
    next_state,
)
from transforms.records import FeedItem
from warehouse.records import FeedStateRow
from warehouse.session import Warehouse

from .http import FetchResult, FetchSettings
from .http.client import host_key
from .sources import Source

_STATE_FIELDS = [f.name for f in fields(FeedState)]


@dataclass
class PollReport:
    """What the polling part of a run did, for the summary."""

    polled: int = 0
    not_due: int = 0
    next_due_at: datetime | None = None  # the earliest due time of the feeds not polled
    moved: list[tuple[str, str, str]] = field(default_factory=list)  # (source, from, to): 301/308
    became_unhealthy: list[str] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)  # failing or unhealthy before, healthy now
    unhealthy: int = 0  # polled feeds unhealthy after this run
    # hosts that backed off this run: host -> (feeds not polled, when they are due again)
    backing_off: dict[str, tuple[int, datetime]] = field(default_factory=dict)


def _state(row: FeedStateRow | None) -> FeedState | None:
    return None if row is None else FeedState(**{k: getattr(row, k) for k in _STATE_FIELDS})


class FeedPoller:
    """The polling bookkeeping of one ingest run (see the module docstring)."""

    def __init__(
        self, sources: list[Source], states: dict[str, FeedStateRow], all_feeds: bool, now: datetime
    ):
        self.configured = sources
        self.states = states
        self.report = PollReport()
        self.due: list[Source] = []
        self._polls: dict[str, Poll] = {}
        self._seen: dict[str, tuple[float | None, str | None, datetime | None]] = {}  # ms, moved_to, when
        plan = due_feeds(
            [(s.name, s.url) for s in sources],
            {name: (row.configured_url, row.next_due_at) for name, row in states.items()},
            now,
            all_feeds,
        )
        for name in plan.stale:  # the sources file changed the URL: it wins, the feed is due now
            del states[name]
        due = set(plan.due)
        for s in sources:
            if s.name not in due:
                continue
            row = states.get(s.name)
            moved = row is not None and row.current_url != s.url
            self.due.append(replace(s, url=row.current_url, moved_from=s.url) if moved and row else s)
        self.report.not_due, self.report.next_due_at = plan.not_due, plan.next_due_at
        self._configured_url = {s.name: s.url for s in sources}

    @classmethod
    def start(cls, wh: Warehouse, sources: list[Source], *, all_feeds: bool, now: datetime) -> FeedPoller:
        return cls(sources, wh.feed_states([s.name for s in sources]), all_feeds, now)

    def observe(self, source: Source, result: FetchResult, parsed: ParsedFeed | None) -> None:
        """One feed's poll: a usable answer (200 feed or 304), or why not."""
        if result.host_backoff:
            poll = Poll(ok=False, deferred=True, error=result.error)
        elif result.not_modified:
            poll = Poll(ok=True, not_modified=True)
        elif result.ok and parsed is not None and not parsed.error:
            poll = Poll(
                ok=True,
                item_times=tuple(i.published_at for i in parsed.items if i.published_at is not None),
                feed=parsed.hints,
            )
        else:
            reason = (parsed.error if parsed else None) if result.ok else result.error
            poll = Poll(ok=False, error=reason or "not a usable feed")
        http = HttpHints(result.cache_control, result.expires, result.retry_after, result.date)
        self._polls[source.name] = replace(poll, http=http)
        answered = [
            a.elapsed_ms for a in result.attempts if a.kind is None and a.outcome in ("ok", "not_modified")
        ]
        self._seen[source.name] = (answered[-1] if answered else None, result.moved_to, result.fetched_at)

    def count_new(self, items: list[tuple[FeedItem, Source]], known: dict[str, str]) -> None:
        """How many of each feed's items the warehouse did not know (the rate of feeds without dates)."""
        new = Counter(s.name for item, s in items if (aid := item_article_id(item)) and aid not in known)
        for name, n in new.items():
            if name in self._polls:
                self._polls[name] = replace(self._polls[name], new_items=n)

    def _next(self, s: Source, poll: Poll, pending: set[str], now: datetime) -> FeedState:
        """A polled (not deferred) feed's next state."""
        if s.name in pending and poll.ok:
            poll = replace(poll, pending=True)
        polled_at = self._seen.get(s.name, (None, None, None))[2]
        return next_state(
            s.name, _state(self.states.get(s.name)), poll, s.polling, polled_at or now
        )  # due counts from the poll

    def rows(self, pending: set[str], now: datetime) -> Iterator[FeedStateRow]:
        """The polled feeds' next state, one at a time (thousands of feeds: never all the rows at
        once); `pending`: feeds with items left for the next run. Fills `report` from scratch
        each time it is iterated (a redone commit iterates it again)."""
        report = self.report
        report.moved, report.became_unhealthy, report.recovered = [], [], []
        report.unhealthy = report.polled = 0
        report.backing_off = {}
        failed_on: dict[str, list[FeedState]] = {}  # host -> the states of its feeds that failed
        for s in self.due:  # the feeds polled first: a backed-off host's feeds follow them
            poll = self._polls.get(s.name)
            if poll is not None and not poll.deferred and not poll.ok:
                failed_on.setdefault(host_key(s.url), []).append(self._next(s, poll, pending, now))
        for s in self.due:
            poll = self._polls.get(s.name)
            if poll is None:
                continue
            prev_row = self.states.get(s.name)
            prev = _state(prev_row)
            elapsed, moved_to, polled_at = self._seen.get(s.name, (None, None, None))
            if poll.deferred:
                host = host_key(s.url)
                state = deferred_state(prev, host_due(failed_on.get(host, [])), host, s.polling, now)
                n, _when = report.backing_off.get(host, (0, now))
                report.backing_off[host] = (n + 1, state.next_due_at or now)
            else:
                state = self._next(s, poll, pending, now)
            current, moved_at = s.url, prev_row.moved_at if prev_row else None
            if moved_to and moved_to != s.url and poll.ok:  # moved for good, and the new place works
                report.moved.append((s.name, s.url, moved_to))
                current, moved_at = moved_to, polled_at or now
            was = prev.health if prev else HEALTHY
            if state.health == UNHEALTHY and was != UNHEALTHY:
                report.became_unhealthy.append(s.name)
            if state.health == HEALTHY and was != HEALTHY:
                report.recovered.append(s.name)
            report.unhealthy += state.health == UNHEALTHY
            report.polled += 1
            yield FeedStateRow(
                source=s.name,
                configured_url=self._configured_url[s.name],
                current_url=current,
                moved_at=moved_at,
                last_response_ms=elapsed,
                **{k: getattr(state, k) for k in _STATE_FIELDS},
            )


@task(name="poll-plan", cache_policy=NO_CACHE)
def plan_polls(wh: Warehouse, sources: list[Source], all_feeds: bool, now: datetime) -> FeedPoller:
    """Read the feeds' polling state; pick the due ones (every one with all_feeds)."""
    return FeedPoller.start(wh, sources, all_feeds=all_feeds, now=now)


@task(name="poll-state", cache_policy=NO_CACHE)
def save_polls(wh: Warehouse, poller: FeedPoller, pending: set[str], now: datetime) -> PollReport:
    """Write the polled feeds' next due time, learned rate and health, in one transaction
    (in statements of a bounded number of rows, made as they are written)."""
    wh.record_feed_states(lambda: poller.rows(pending, now))
    return poller.report


def polling_markdown(report: PollReport | None) -> str:
    """The polling part of the run's artifact: every moved feed and health change, in full."""
    if report is None:
        return ""
    lines = [
        "",
        f"Feeds polled: {report.polled}; not due: {report.not_due}; unhealthy after this run: {report.unhealthy}.",
    ]
    if report.moved:
        lines += ["", "| moved for good (301/308) | from | to |", "|---|---|---|"]
        lines += [f"| {n} | {a} | {b} |" for n, a, b in report.moved]
    if report.backing_off:
        lines += ["", "| host backing off | feeds not polled | due again |", "|---|---:|---|"]
        lines += [f"| {h} | {n} | {when:%Y-%m-%d %H:%M UTC} |" for h, (n, when) in report.backing_off.items()]
    for title, names in (("became unhealthy", report.became_unhealthy), ("healthy again", report.recovered)):
        if names:
            lines += ["", f"{title}: " + ", ".join(names)]
    return "\n".join(lines)


def host_settings(sources: list[Source], base: FetchSettings) -> dict[str, FetchSettings]:
    """Each source's fetch settings, with the delay and concurrency made equal for sources whose
    feeds share a host (the strictest of them): sources on a host then share one session, and so
    one per-host clock and concurrency slot, however many feeds it serves. `respect_robots` stays
    the source's own decision: sources of one host that differ in it get a session each."""
    from urllib.parse import urlsplit

    own = {s.name: s.fetch_settings(base) for s in sources}
    by_host: dict[str, list[str]] = {}
    for s in sources:
        by_host.setdefault((urlsplit(s.url).netloc or s.name).lower(), []).append(s.name)
    out: dict[str, FetchSettings] = {}
    for names in by_host.values():
        distinct = list(dict.fromkeys(own[n] for n in names))
        delay = max(d.per_host_delay for d in distinct)
        concurrency = min(d.per_host_concurrency for d in distinct)
        for n in names:
            out[n] = (
                own[n]
                if len(distinct) == 1
                else replace(own[n], per_host_delay=delay, per_host_concurrency=concurrency)
            )
    return out
