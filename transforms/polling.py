"""When to poll a feed next: adaptive intervals, feed and HTTP hints, back-off, health.

Pure: the previous state, what this poll saw, the operator's bounds and `now` are
passed in; the result is the feed's next state (docs/operations.md, "Polling and
feed health", says the same rules in prose). The rules, in order:

1. Learned change rate: the mean gap between the newest item timestamps the feed
   shows (at most `RATE_ITEMS`), smoothed with the previous estimate; without
   usable dates, the time since the last poll divided by the new items seen. A
   feed silent for more than twice its rate is polled every half its silence.
2. The feed's own hints: sy:updatePeriod/updateFrequency stand in for the rate
   until one is learned; RSS `ttl`, HTTP `Cache-Control: max-age`, `Expires` and
   `Retry-After` are floors (do not ask again sooner).
3. Failure: exponential back-off from the normal interval (doubling per
   consecutive failure); after `unhealthy_after` failures the feed is unhealthy
   and retried every `unhealthy_interval`. One success makes it healthy again.
4. The operator's bounds win over everything: min_interval <= interval <=
   max_interval (unhealthy_interval for an unhealthy feed).
5. skipHours/skipDays (UTC, as RSS says) move the due time to the next allowed hour.
6. A feed not polled because its host backed off (its other feeds kept failing this run)
   counts no failure of its own: it comes due with the host (`deferred_state`).

A small spread (+-`SPREAD` of the interval, fixed per feed name) keeps thousands of
feeds with the same rate from coming due in the same second.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

RATE_ITEMS = 20  # newest item timestamps used to estimate the change rate
SMOOTHING = 0.5  # weight of the new estimate against the stored one
SPREAD = 0.1  # +- fraction of the interval, fixed per feed
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SY_PERIODS = {
    "hourly": 3600.0,
    "daily": 86400.0,
    "weekly": 7 * 86400.0,
    "monthly": 30 * 86400.0,
    "yearly": 365 * 86400.0,
}
HEALTHY, FAILING, UNHEALTHY = "healthy", "failing", "unhealthy"
_NONE: frozenset[int] = frozenset()  # shared: `frozenset(set())` makes a new 216-byte object per feed


@dataclass(frozen=True, slots=True)
class PollBounds:
    """The operator's limits (sources file: a [polling] table, overridden per source), in seconds."""

    min_interval: float = 5 * 60.0
    max_interval: float = 6 * 3600.0
    default_interval: float = 30 * 60.0  # a feed whose rate is not known yet
    unhealthy_after: int = 5  # consecutive failures
    unhealthy_interval: float = 24 * 3600.0  # how often an unhealthy feed is still tried

    def problem(self) -> str | None:
        """Why these bounds are inconsistent, or None."""
        if self.min_interval <= 0:
            return "min_interval must be > 0"
        if self.max_interval < self.min_interval:
            return "max_interval must be >= min_interval"
        if self.unhealthy_after < 1:
            return "unhealthy_after must be >= 1"
        if self.unhealthy_interval < self.min_interval:
            return "unhealthy_interval must be >= min_interval"
        return None


@dataclass(frozen=True, slots=True)
class FeedHints:
    """What a feed document says about its own schedule."""

    ttl_minutes: float | None = None  # RSS <ttl>
    skip_hours: frozenset[int] = frozenset()  # RSS <skipHours>, 0..23 UTC
    skip_days: frozenset[int] = frozenset()  # RSS <skipDays>, 0 = Monday
    update_period: str | None = None  # sy:updatePeriod
    update_frequency: int | None = None  # sy:updateFrequency (times per period)

    @property
    def sy_interval(self) -> float | None:
        """Seconds between updates that sy:updatePeriod/updateFrequency announce."""
        period = SY_PERIODS.get((self.update_period or "").strip().lower())
        if period is None:
            return None
        return period / max(1, self.update_frequency or 1)


@dataclass(frozen=True, slots=True)
class HttpHints:
    """Cache headers of the response (raw header values)."""

    cache_control: str | None = None
    expires: str | None = None
    retry_after: str | None = None
    date: str | None = None  # the server's Date, to read Expires against its clock


@dataclass(frozen=True, slots=True)
class Poll:
    """What one poll of a feed saw."""

    ok: bool  # a usable answer (200 with a feed, or 304)
    not_modified: bool = False
    item_times: tuple[datetime, ...] = ()  # the feed's item dates (published or updated)
    new_items: int = 0  # items the warehouse did not know
    feed: FeedHints = field(default_factory=FeedHints)
    http: HttpHints = field(default_factory=HttpHints)
    error: str | None = None  # why the poll failed
    pending: bool = False  # items of this feed are left for the next run (--limit, pages to retry)
    deferred: bool = False  # not sent: the feed's host backed off this run (flows/http: host_fail_limit)


@dataclass(frozen=True, slots=True)
class FeedState:
    """A feed's polling state (a `feed_state` row without its identity columns)."""

    next_due_at: datetime | None = None
    interval_s: float | None = None
    change_interval_s: float | None = None  # learned mean seconds between new items
    consecutive_failures: int = 0
    health: str = HEALTHY
    last_polled_at: datetime | None = None
    last_success_at: datetime | None = None
    last_failure_at: datetime | None = None
    last_failure_reason: str | None = None
    last_item_at: datetime | None = None  # newest item date seen
    due_reason: str | None = None  # the rule that set next_due_at


def parse_max_age(cache_control: str | None) -> float | None:
    """`max-age` (or `s-maxage`) seconds of a Cache-Control value; `no-cache`/`no-store` -> 0."""
    if not cache_control:
        return None
    found = None
    for part in cache_control.lower().split(","):
        key, _, value = part.strip().partition("=")
        if key in ("max-age", "s-maxage"):
            try:
                found = max(found or 0.0, float(value.strip().strip('"')))
            except ValueError:
                continue
        elif key in ("no-cache", "no-store") and found is None:
            found = 0.0
    return found


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        d = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return d if d.tzinfo else d.replace(tzinfo=UTC)


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Retry-After as seconds from now: delta-seconds or an HTTP date."""
    if not value:
        return None
    text = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    when = _http_date(text)
    return None if when is None else max(0.0, (when - now).total_seconds())


def http_floor(http: HttpHints, now: datetime) -> tuple[float, str] | None:
    """The longest wait the response's headers ask for, with the header that asked."""
    floors: list[tuple[float, str]] = []
    age = parse_max_age(http.cache_control)
    if age is not None:
        floors.append((age, "cache-control max-age"))
    expires = _http_date(http.expires)
    if expires is not None:
        served = _http_date(http.date) or now
        floors.append((max(0.0, (expires - served).total_seconds()), "expires"))
    retry = parse_retry_after(http.retry_after, now)
    if retry is not None:
        floors.append((retry, "retry-after"))
    return max(floors) if floors else None


def estimate_rate(item_times: tuple[datetime, ...], now: datetime) -> float | None:
    """Mean seconds between the newest item dates (future dates ignored), or None with < 2 dates."""
    times = sorted({t for t in item_times if t <= now}, reverse=True)[:RATE_ITEMS]
    if len(times) < 2:
        return None
    span = (times[0] - times[-1]).total_seconds()
    return span / (len(times) - 1) if span > 0 else None


def spread(key: str) -> float:
    """A fixed factor in [1 - SPREAD, 1 + SPREAD] for this feed."""
    h = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=4).digest(), "big") / 2**32
    return 1.0 + SPREAD * (2 * h - 1)


def skip_forward(due: datetime, hints: FeedHints) -> datetime:
    """The first moment at or after `due` outside the feed's skipHours/skipDays (UTC)."""
    if not hints.skip_hours and not hints.skip_days:
        return due
    t = due.astimezone(UTC)
    for _ in range(8 * 24):
        if t.hour not in hints.skip_hours and t.weekday() not in hints.skip_days:
            return t
        t = t.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    return due  # every hour skipped: the hints are nonsense, ignore them


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def next_state(key: str, prev: FeedState | None, poll: Poll, bounds: PollBounds, now: datetime) -> FeedState:
    """The feed's state after this poll (see the module docstring for the rules)."""
    prev = prev or FeedState()
    newest = max((t for t in poll.item_times if t <= now), default=None)
    last_item = max(filter(None, (prev.last_item_at, newest)), default=None)
    rate = prev.change_interval_s
    if poll.ok:
        estimate = estimate_rate(poll.item_times, now)
        if estimate is None and poll.new_items and prev.last_polled_at is not None:
            estimate = (now - prev.last_polled_at).total_seconds() / poll.new_items
        if estimate is not None:
            rate = estimate if rate is None else SMOOTHING * estimate + (1 - SMOOTHING) * rate
    if rate is not None:
        interval, reason = rate, "change rate"
    elif poll.feed.sy_interval is not None:
        interval, reason = poll.feed.sy_interval, "sy:updatePeriod"
    else:
        interval, reason = bounds.default_interval, "default interval"
    if poll.ok and last_item is not None and rate is not None:
        silence = (now - last_item).total_seconds()
        if silence > 2 * rate:
            interval, reason = silence / 2, "silent feed"
    floors: list[tuple[float, str]] = []
    if poll.feed.ttl_minutes:
        floors.append((poll.feed.ttl_minutes * 60.0, "ttl"))
    if (http := http_floor(poll.http, now)) is not None:
        floors.append(http)
    if poll.ok:
        failures, health = 0, HEALTHY
        if poll.pending:
            interval, reason, floors = bounds.min_interval, "items left for the next run", []
        high = bounds.max_interval
    else:
        failures = prev.consecutive_failures + 1
        health = UNHEALTHY if failures >= bounds.unhealthy_after else FAILING
        if health == UNHEALTHY:
            interval, reason, high = bounds.unhealthy_interval, "unhealthy", bounds.unhealthy_interval
        else:
            interval = _clamp(interval, bounds.min_interval, bounds.max_interval) * 2**failures
            reason, high = f"back-off after {failures} failure(s)", bounds.max_interval
    for floor, why in floors:
        if floor > interval:
            interval, reason = floor, why
    raw = interval * spread(key)
    clamped = _clamp(raw, bounds.min_interval, high)
    bounded = round(clamped, 3)
    if abs(clamped - raw) > SPREAD * interval:  # a bound cut the rule's value, not just the spread
        reason += " (bounded)"
    due = skip_forward(now + timedelta(seconds=bounded), poll.feed)
    if due != now + timedelta(seconds=bounded):
        reason += ", skipHours/skipDays"
    return FeedState(
        next_due_at=due,
        interval_s=bounded,
        change_interval_s=None if rate is None else round(rate, 3),
        consecutive_failures=failures,
        health=health,
        last_polled_at=now,
        last_success_at=now if poll.ok else prev.last_success_at,
        last_failure_at=prev.last_failure_at if poll.ok else now,
        last_failure_reason=prev.last_failure_reason if poll.ok else (poll.error or "failed"),
        last_item_at=last_item,
        due_reason=reason,
    )


def host_due(failed: list[FeedState]) -> datetime | None:
    """When a backed-off host is tried again: the earliest next-due time of its feeds that failed
    this run (each carries its own back-off and Retry-After floor, so it grows while the host stays
    down); None when none of its feeds failed (its pages did)."""
    return min((s.next_due_at for s in failed if s.next_due_at is not None), default=None)


def deferred_state(
    prev: FeedState | None, due: datetime | None, reason: str, bounds: PollBounds, now: datetime
) -> FeedState:
    """A feed whose request was not sent because its host backed off: no failure of its own is
    counted (health, failures, rate and last poll kept) and it comes due with its host (`due`;
    without one, after `default_interval`)."""
    prev = prev or FeedState()
    when = due if due is not None and due > now else now + timedelta(seconds=bounds.default_interval)
    return replace(
        prev,
        next_due_at=when,
        interval_s=round((when - now).total_seconds(), 3),
        due_reason=f"host backing off ({reason})",
    )


def is_due(state: FeedState | None, now: datetime) -> bool:
    """A feed never polled is due; otherwise when its next-due time has come."""
    return _due(None if state is None else state.next_due_at, now)


def _due(next_due_at: datetime | None, now: datetime) -> bool:
    return next_due_at is None or next_due_at <= now


@dataclass(frozen=True, slots=True)
class DuePlan:
    """Which configured feeds a run polls (`due_feeds`)."""

    due: tuple[str, ...]  # names due now, in the configured order
    not_due: int  # the others
    next_due_at: datetime | None  # the earliest due time of the others (None: every feed is due)
    stale: frozenset[str]  # feeds whose stored state was kept for another configured URL: forget it


def due_feeds(
    feeds: list[tuple[str, str]],
    stored: Mapping[str, tuple[str, datetime | None]],
    now: datetime,
    all_feeds: bool = False,
) -> DuePlan:
    """The due rule, in one place (the ingest run's FeedPoller and the scheduled command's
    nothing-due check both ask this). `feeds`: (name, configured URL); `stored`: name ->
    (the configured URL its state was stored under, next_due_at), for the feeds polled before.

    A feed is due when it was never polled, when its next-due time has come, or when the
    sources file changed its URL since its state was stored (the file wins: that state is
    `stale`); `all_feeds`: every feed is due (the earliest due time is then not asked for)."""
    due: list[str] = []
    stale: set[str] = set()
    earliest: datetime | None = None
    for name, url in feeds:
        row = stored.get(name)
        if row is not None and row[0] != url:
            stale.add(name)
            row = None
        when = None if row is None else row[1]
        if all_feeds or _due(when, now):
            due.append(name)
        elif when is not None and (earliest is None or when < earliest):  # not due: it has a time
            earliest = when
    return DuePlan(tuple(due), len(feeds) - len(due), earliest, frozenset(stale))


_SKIP_HOURS = re.compile(r"<skipHours\b[^>]*>(.*?)</skipHours>", re.S | re.I)
_SKIP_DAYS = re.compile(r"<skipDays\b[^>]*>(.*?)</skipDays>", re.S | re.I)
_HOUR = re.compile(r"<hour\b[^>]*>\s*(\d{1,2})\s*</hour>", re.I)
_DAY = re.compile(r"<day\b[^>]*>\s*([A-Za-z]+)\s*</day>", re.I)


def feed_hints(head: str, ttl: str | None, period: str | None, frequency: str | None) -> FeedHints:
    """FeedHints from a feed's text before its first item (`head`, where RSS puts skipHours and
    skipDays) and the ttl/sy values a parser found; bad values are ignored."""
    hours: set[int] = set()
    days: set[int] = set()
    for block in _SKIP_HOURS.findall(head):
        hours |= {int(h) % 24 for h in _HOUR.findall(block) if int(h) <= 24}
    for block in _SKIP_DAYS.findall(head):
        days |= {DAYS.index(d.lower()) for d in _DAY.findall(block) if d.lower() in DAYS}
    return FeedHints(
        ttl_minutes=_positive(ttl),
        skip_hours=frozenset(hours) if hours else _NONE,
        skip_days=frozenset(days) if days else _NONE,
        update_period=(period or "").strip().lower() or None,
        update_frequency=int(f) if (f := _positive(frequency)) else None,
    )


def _positive(value: str | None) -> float | None:
    try:
        number = float((value or "").strip())
    except ValueError:
        return None
    return number if 0 < number < 1e7 else None
