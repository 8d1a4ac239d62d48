"""The client of a run: one shared httpx.AsyncClient, polite, retried, size-capped and SSRF-guarded.

See docs/fetching.md for the policy in prose. In short:

* one client per run (`FetchSession` runs it on its own event loop thread so
  every task of a run shares it, its connection pool, its robots.txt cache and
  its per-host clocks);
* per host: at most `per_host_concurrency` requests at once and at least
  `per_host_delay` seconds (or the robots.txt Crawl-delay, capped) between two
  request starts; robots.txt is honoured (fetch failures mean "allowed");
* retries with exponential backoff and jitter for connection errors, timeouts,
  429 and 5xx, honouring Retry-After (capped); other 4xx fail at once; a group
  (a source) whose requests keep failing is given up for the rest of the run;
* a host that keeps failing backs off as a whole: a 429's Retry-After holds the
  host's clock (every request to it waits, capped), and after
  `host_fail_limit` transient failures in a row on one host, whatever the
  sources, its remaining requests this run are not sent (`host_backoff`);
* bodies are streamed, decoded (gzip/deflate) by us with a bounded
  decompressor and cut at `max_bytes` of *decoded* data (gzip bombs), a
  truncated compressed body is an error; only feed, XML and HTML types are
  accepted;
* addresses: only http(s); URLs that come from untrusted content (article
  links, every redirect target) may not reach loopback, private, link-local,
  metadata, multicast or unspecified addresses, except the source's own feed
  host when the source says `allow_private`. The operator-configured feed URL
  itself is trusted (it may be private) except for link-local/metadata,
  unspecified and multicast addresses, which nothing may reach. The check runs
  on the URL (IP literals in every spelling) and again at connection time on
  the resolved addresses (DNS names, rebinding), before any packet is sent.
"""

from __future__ import annotations

import asyncio
import random
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from .addresses import CURRENT_SCOPE, Scope, address_problem, check_url, guarded_transport, literal_ip
from .bodies import SNIFF_TYPES, BoundedDecoder, media_type, retry_after_seconds, sniff_refusal, type_refusal
from .errors import FetchError

USER_AGENT = "wirehouse/0.1 (+https://github.com/wirehouse/wirehouse; news ingestion bot)"
ROBOTS_TOKEN = "wirehouse"
RETRY_STATUSES = {429, 500, 502, 503, 504}
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})  # followed; 304 is an answer (not modified)


@dataclass(frozen=True)
class FetchSettings:
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 30.0  # one attempt, all redirect hops included
    max_bytes: int = 5 * 1024 * 1024  # decoded body size cap
    max_redirects: int = 5
    retries: int = 2  # extra attempts after the first
    backoff_base: float = 0.5  # seconds; doubled per attempt, with jitter (x0.5 .. x1.5)
    backoff_max: float = 10.0
    retry_after_max: float = 60.0  # a longer Retry-After is cut to this
    per_host_concurrency: int = 4
    per_host_delay: float = 0.5  # minimum seconds between two request starts on one host
    total_concurrency: int = 16
    respect_robots: bool = True
    crawl_delay_max: float = 10.0  # a longer robots.txt Crawl-delay is cut to this
    robots_max_bytes: int = 512 * 1024
    group_fail_limit: int = 5  # consecutive failed requests after which a group (source) is given up
    host_fail_limit: int = 10  # transient failures in a row on one host (any source): the host backs off


@dataclass(frozen=True, slots=True)
class FetchRequest:
    """One URL to fetch and how (the keyword arguments of `Fetcher.get`)."""

    url: str
    kind: str = "feed"  # feed | page: decides the accepted content types
    group: str | None = None  # the source: after repeated failures its other requests give up
    trusted: bool = False  # operator-configured URL (it may be private; its redirects may not)
    allow_private: bool = False
    private_hosts: frozenset[str] = frozenset()
    etag: str | None = None
    last_modified: str | None = None
    accept: str | None = None

    def kwargs(self) -> dict:
        return {k: getattr(self, k) for k in self.__slots__}


def _kwargs(request: FetchRequest | dict) -> dict:
    return request.kwargs() if isinstance(request, FetchRequest) else request


@dataclass
class Attempt:
    """One request as it goes to fetch_log."""

    url: str
    status: int | None
    bytes: int
    elapsed_ms: float
    attempt: int
    outcome: str  # ok | not_modified | retry | failed | skipped | rejected
    error: str | None
    fetched_at: datetime
    kind: str | None = None  # overrides the caller's kind (robots)


@dataclass
class FetchResult:
    url: str  # as requested
    final_url: str | None = None  # after redirects
    status: int | None = None
    content: bytes | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: datetime | None = None
    error: str | None = None
    retryable: bool = False  # the final error was transient (a later run may succeed)
    attempts: list[Attempt] = field(default_factory=list)
    moved_to: str | None = None  # where permanent redirects (301/308) from `url` itself lead
    cache_control: str | None = None  # the answer's cache headers, raw (transforms/polling.py reads them)
    expires: str | None = None
    retry_after: str | None = None
    date: str | None = None
    host_backoff: bool = False  # not sent: its host failed `host_fail_limit` times in a row this run

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200 and self.content is not None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _now() -> datetime:
    return datetime.now(UTC)


def crawl_delay(lines: list[str], token: str = ROBOTS_TOKEN) -> float | None:
    """Crawl-delay for our token (else for *), decimals allowed (urllib.robotparser takes integers only)."""
    found: dict[str, float] = {}
    agents: list[str] = []
    in_rules = False
    for line in lines:
        key, _, value = line.split("#", 1)[0].partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "user-agent":
            if in_rules:
                agents, in_rules = [], False
            agents.append(value.lower())
        elif key == "crawl-delay":
            in_rules = True
            try:
                delay = float(value)
            except ValueError:
                continue
            for a in agents:
                found.setdefault(a, delay)
        elif key:
            in_rules = True
    for a, delay in found.items():
        if a != "*" and a in token.lower():
            return delay
    return found.get("*")


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    try:
        ip = literal_ip(host)
    except FetchError:
        return False
    if ip is None:
        return host.rstrip(".") == "localhost"
    return address_problem(ip) == "loopback"


class RobotsRules(RobotFileParser):
    """A host's robots.txt rules, with the Crawl-delay for our token as `crawl_delay` reads it."""

    def __init__(self, url: str = "") -> None:
        super().__init__(url)
        self.wirehouse_crawl_delay: float | None = None


class _Host:
    """Per-host state for one run: a concurrency slot, the politeness clock, robots.txt."""

    def __init__(self, concurrency: int, local: bool = False):
        self.local = local  # a loopback host (demo, tests): no politeness delay of our own
        self.slot = asyncio.Semaphore(concurrency)
        self.clock = asyncio.Lock()
        self.last = 0.0
        self.robots_lock = asyncio.Lock()
        self.robots: RobotsRules | None = None
        self.robots_done = False
        self.delay = 0.0
        self.failures = 0  # transient failures in a row, whatever the source
        self.backoff: str | None = None  # why the rest of the run sends it nothing


class Fetcher:
    """Shared client for one run; use as `async with Fetcher() as f: await f.get(...)`.

    Must be used from one event loop (see FetchSession for using it from sync code).
    """

    def __init__(self, settings: FetchSettings | None = None):
        self.settings = settings or FetchSettings()
        s = self.settings
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            transport=guarded_transport(s.total_concurrency),
            trust_env=False,
        )
        self._hosts: dict[str, _Host] = {}
        self._group_failures: dict[str, int] = {}

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc) -> None:
        await self._client.aclose()

    def _host(self, url: str) -> _Host:
        key = host_key(url)
        if key not in self._hosts:
            self._hosts[key] = _Host(
                self.settings.per_host_concurrency, local=_is_loopback(urlsplit(url).hostname)
            )
        return self._hosts[key]

    def _host_failed(self, url: str, error: str | None, retryable: bool) -> None:
        """Count a request's outcome against its host: transient failures in a row (connection
        errors, timeouts, 429, 5xx) reach `host_fail_limit` and the host backs off for the run;
        any other answer (a feed, a 304, a 404) shows the host is up."""
        host = self._host(url)
        if not retryable:
            host.failures = 0
            return
        host.failures += 1
        if host.backoff is None and host.failures >= self.settings.host_fail_limit:
            parts = urlsplit(url)
            host.backoff = (
                f"host backing off: {host.failures} requests to {parts.scheme}://{parts.netloc} "
                f"failed in a row this run (last: {error})"
            )

    def _hold(self, host: _Host, seconds: float) -> None:
        """A 429 (too many requests: ours, to this host): no request to it starts before its Retry-After."""
        host.last = max(host.last, time.monotonic() + min(seconds, self.settings.retry_after_max))

    async def _polite(self, host: _Host) -> None:
        """Wait until this host's minimum delay since the previous request start has passed."""
        delay = max(0.0 if host.local else self.settings.per_host_delay, host.delay)
        async with host.clock:
            wait = host.last + delay - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            host.last = time.monotonic()

    async def get(
        self,
        url: str,
        *,
        allow_private: bool = False,
        trusted: bool = False,
        private_hosts: frozenset[str] | set[str] | tuple = (),
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str | None = None,
        kind: str = "feed",
        group: str | None = None,
    ) -> FetchResult:
        """GET with retries; never raises: failures are in result.error and result.attempts.

        trusted: the URL itself is operator-configured (it may be private; its redirects may not).
        private_hosts: host names whose private addresses are allowed (a local source's feed host);
        allow_private=True adds this URL's own host to them.
        kind: "feed", "page" or "sitemap", decides the accepted content types.
        group: requests of one source; after `group_fail_limit` consecutive failures the rest of
        the group fails at once ("given up").
        """
        result = FetchResult(url=url)
        host_names = {h.lower().rstrip(".") for h in private_hosts}
        own_host = urlsplit(url).hostname
        if allow_private and own_host:
            host_names.add(own_host.lower().rstrip("."))
        hosts = frozenset(host_names)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if accept:
            headers["Accept"] = accept
        s = self.settings
        if group is not None and self._group_failures.get(group, 0) >= s.group_fail_limit:
            err = f"given up: {s.group_fail_limit} requests of this source failed in a row this run"
            return _skipped(result, err)
        for attempt in range(1, s.retries + 2):
            if (backoff := self._host(url).backoff) is not None:  # before any attempt, retries too
                return _skipped(result, backoff, host_backoff=attempt == 1)  # deferred only if never sent
            started = time.perf_counter()
            retry, wait = False, None
            try:
                async with asyncio.timeout(s.total_timeout):  # no task of its own (wait_for makes one)
                    await self._get_once(url, headers, trusted, hosts, kind, result)
                outcome = "not_modified" if result.status == 304 else "ok"
                result.error = None
                result.attempts.append(
                    Attempt(
                        url,
                        result.status,
                        len(result.content or b""),
                        _ms(started),
                        attempt,
                        outcome,
                        None,
                        _now(),
                    )
                )
                result.fetched_at = _now()
                if group is not None:
                    self._group_failures[group] = 0
                self._host_failed(url, None, False)
                return result
            except _HostBackingOff as exc:  # waited for a slot while the host gave up
                return _skipped(result, str(exc), host_backoff=attempt == 1)
            except FetchError as exc:
                err, retry, status, wait = str(exc), exc.retry, exc.status, exc.retry_after
            except TimeoutError:
                err, retry, status = f"timed out after {s.total_timeout:g}s (total)", True, None
            except httpx.TimeoutException as exc:
                err, retry, status = f"timeout: {type(exc).__name__}", True, None
            except httpx.HTTPError as exc:
                msg = str(exc).splitlines()[0] if str(exc) else ""
                err, retry, status = f"{type(exc).__name__}: {msg}".rstrip(": "), True, None
            except (OSError, ValueError) as exc:  # defensive: a bad URL or socket error from below
                err, retry, status = f"{type(exc).__name__}: {exc}".splitlines()[0], False, None
            last = attempt == s.retries + 1 or not retry
            result.status, result.error, result.content, result.retryable = status, err, None, retry
            if wait is not None and status == 429:
                self._hold(self._host(url), wait)
            self._host_failed(url, err, retry)
            result.attempts.append(
                Attempt(url, status, 0, _ms(started), attempt, "failed" if last else "retry", err, _now())
            )
            if last:
                break
            if wait is not None:
                delay = min(wait, s.retry_after_max)
            else:
                delay = min(s.backoff_max, s.backoff_base * 2 ** (attempt - 1)) * (0.5 + random.random())
            await asyncio.sleep(delay)
        if group is not None and result.retryable:
            self._group_failures[group] = self._group_failures.get(group, 0) + 1
        result.fetched_at = _now()
        return result

    async def _allowed_by_robots(self, url: str, scope: Scope, result: FetchResult) -> bool:
        s = self.settings
        if not s.respect_robots:
            return True
        host = self._host(url)
        async with host.robots_lock:
            if not host.robots_done:
                host.robots_done = True
                host.robots = await self._fetch_robots(url, scope, result)
                delay = host.robots.wirehouse_crawl_delay if host.robots is not None else None
                if delay:
                    host.delay = min(delay, s.crawl_delay_max)
        return host.robots is None or host.robots.can_fetch(ROBOTS_TOKEN, url)

    async def _fetch_robots(self, url: str, scope: Scope, result: FetchResult) -> RobotsRules | None:
        """robots.txt of url's host; None (everything allowed) when it is missing or cannot be fetched."""
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        started = time.perf_counter()
        status, size, error, parser = None, 0, None, None
        token = CURRENT_SCOPE.set(scope)
        try:
            await self._polite(self._host(url))
            async with asyncio.timeout(self.settings.total_timeout):
                async with self._client.stream("GET", robots_url) as resp:
                    status = resp.status_code
                    if status == 200:
                        dec = BoundedDecoder(
                            resp.headers.get("content-encoding", ""), self.settings.robots_max_bytes
                        )
                        async for chunk in resp.aiter_raw():
                            dec.feed(chunk)
                        body = dec.finish()
                        size = len(body)
                        lines = body.decode("utf-8", errors="replace").splitlines()
                        parser = RobotsRules()
                        parser.parse(lines)
                        parser.wirehouse_crawl_delay = crawl_delay(lines)
        except (TimeoutError, FetchError, httpx.HTTPError, OSError, ValueError) as exc:
            error = (
                f"robots.txt unavailable ({type(exc).__name__}: {exc}); treated as allow-all".splitlines()[0]
            )
            parser = None
        finally:
            CURRENT_SCOPE.reset(token)
        result.attempts.append(
            Attempt(
                robots_url,
                status,
                size,
                _ms(started),
                1,
                "ok" if error is None else "failed",
                error,
                _now(),
                kind="robots",
            )
        )
        return parser

    async def _get_once(
        self,
        url: str,
        headers: dict,
        trusted: bool,
        private_hosts: frozenset[str],
        kind: str,
        result: FetchResult,
    ) -> None:
        s = self.settings
        current = url
        permanent = True  # every hop so far was a 301/308: the feed has moved for good
        result.moved_to = None
        for hop in range(s.max_redirects + 1):
            scope = Scope(trusted=trusted and hop == 0, private_hosts=private_hosts)
            check_url(current, scope)
            if not await self._allowed_by_robots(current, scope, result):
                raise FetchError(f"disallowed by robots.txt: {current}")
            host = self._host(current)
            token = CURRENT_SCOPE.set(scope)
            try:
                async with host.slot:
                    if host.backoff is not None:
                        raise _HostBackingOff(host.backoff)
                    await self._polite(host)
                    async with self._client.stream("GET", current, headers=headers) as resp:
                        if resp.status_code in REDIRECT_STATUSES:  # httpx's is_redirect is any 3xx, 304 too
                            location = resp.headers.get("location")
                            if not location:
                                raise FetchError(
                                    f"HTTP {resp.status_code} redirect without Location",
                                    status=resp.status_code,
                                )
                            current = urljoin(current, location)
                            permanent = permanent and resp.status_code in (301, 308)
                            if permanent:
                                result.moved_to = current
                            continue
                        await self._read(resp, kind, result)
                        return
            finally:
                CURRENT_SCOPE.reset(token)
        raise FetchError(f"too many redirects (> {s.max_redirects})")

    async def _read(self, resp: httpx.Response, kind: str, result: FetchResult) -> None:
        s = self.settings
        result.final_url = str(resp.url)
        result.status = resp.status_code
        result.content_type = resp.headers.get("content-type")
        result.etag = resp.headers.get("etag")
        result.last_modified = resp.headers.get("last-modified")
        result.cache_control = resp.headers.get("cache-control")
        result.expires = resp.headers.get("expires")
        result.retry_after = resp.headers.get("retry-after")
        result.date = resp.headers.get("date")
        if resp.status_code == 304:
            result.content = None
            return
        if resp.status_code != 200:
            raise FetchError(
                f"HTTP {resp.status_code}",
                status=resp.status_code,
                retry=resp.status_code in RETRY_STATUSES or resp.status_code >= 500,
                retry_after=retry_after_seconds(resp.headers.get("retry-after"), _now()),
            )
        refusal = type_refusal(result.content_type, kind)
        if refusal:
            raise FetchError(refusal, status=200)
        declared = resp.headers.get("content-length")
        if declared and declared.strip().isdigit() and int(declared) > s.max_bytes:
            raise FetchError(f"body too large: {declared.strip()} bytes declared > {s.max_bytes}", status=200)
        decoder = BoundedDecoder(resp.headers.get("content-encoding", ""), s.max_bytes)
        raw = 0
        async for chunk in resp.aiter_raw():
            raw += len(chunk)
            if raw > s.max_bytes:
                raise FetchError(f"body too large: over {s.max_bytes} bytes", status=200)
            decoder.feed(chunk)
        body = decoder.finish()
        if media_type(result.content_type) in SNIFF_TYPES and (refusal := sniff_refusal(body, kind)):
            raise FetchError(refusal, status=200)
        result.content = body


def host_key(url: str) -> str:
    """The unit of politeness and host back-off: scheme and authority (port included), lower-cased.
    flows/polling.py groups a backed-off host's feeds by the same key."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


class _HostBackingOff(FetchError):
    """The request's host backed off while it waited: it is not sent."""


def _skipped(result: FetchResult, error: str, host_backoff: bool = False) -> FetchResult:
    """A request not sent (its source given up, its host backing off): one `skipped` attempt.
    `host_backoff`: no attempt of it reached the host (its feed then counts no failure)."""
    result.error, result.retryable, result.host_backoff = error, True, host_backoff
    result.status = result.content = None
    result.attempts.append(Attempt(result.url, None, 0, 0.0, 1, "skipped", error, _now()))
    result.fetched_at = _now()
    return result


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


async def fetch_many(
    requests: Sequence[FetchRequest | dict], settings: FetchSettings | None = None
) -> list[FetchResult]:
    """Fetch several URLs concurrently with one (new) shared client; order is kept."""
    async with Fetcher(settings) as fetcher:
        return list(await asyncio.gather(*(fetcher.get(**_kwargs(r)) for r in requests)))


class FetchSession:
    """One Fetcher for a whole run, usable from synchronous code and from several Prefect tasks.

    The client lives on its own event loop in a daemon thread, so its connection
    pool, robots.txt cache, per-host clocks and per-source failure counts are
    shared by every `fetch_many` call of the run:

        with FetchSession(settings) as session:
            feeds = session.fetch_many([dict(url=..., trusted=True), ...])
            pages = session.fetch_many([...])
    """

    def __init__(self, settings: FetchSettings | None = None):
        self.settings = settings or FetchSettings()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._fetcher: Fetcher | None = None

    def __enter__(self) -> FetchSession:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="wirehouse-fetch", daemon=True)
        self._thread.start()
        self._fetcher = self._call(self._make())
        return self

    async def _make(self) -> Fetcher:
        return Fetcher(self.settings)

    def _call(self, coro):
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()

    def fetch_many(self, requests: Sequence[FetchRequest | dict]) -> list[FetchResult]:
        if not requests:
            return []
        fetcher = self._fetcher

        async def run():
            return list(await asyncio.gather(*(fetcher.get(**_kwargs(r)) for r in requests)))

        return self._call(run())

    def __exit__(self, *exc) -> None:
        try:
            if self._fetcher is not None:
                self._call(self._fetcher.__aexit__(None, None, None))
        finally:
            assert self._loop is not None and self._thread is not None  # set by __enter__
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
            self._loop.close()
