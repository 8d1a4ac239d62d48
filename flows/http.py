"""HTTP fetching for a run: one shared httpx.AsyncClient, retries, limits, SSRF guard.

Feeds and pages are untrusted: every URL (and every redirect hop) is checked
against private/loopback/link-local addresses unless the source is marked
`allow_private`; bodies are streamed and cut at a maximum size.
"""
from __future__ import annotations

import asyncio
import ipaddress
import random
import socket
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import httpx

USER_AGENT = "wirehouse/0.1 (+https://github.com/wirehouse/wirehouse; news ingestion)"
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchSettings:
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    total_timeout: float = 30.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2                 # extra attempts after the first
    backoff_base: float = 0.5        # seconds; doubled per attempt, with jitter
    backoff_max: float = 10.0
    per_host_concurrency: int = 4
    total_concurrency: int = 16


@dataclass
class Attempt:
    """One request as it goes to fetch_log."""

    url: str
    status: int | None
    bytes: int
    elapsed_ms: float
    attempt: int
    outcome: str          # ok | not_modified | retry | failed
    error: str | None
    fetched_at: datetime


@dataclass
class FetchResult:
    url: str                          # as requested
    final_url: str | None = None      # after redirects
    status: int | None = None
    content: bytes | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: datetime | None = None
    error: str | None = None
    retryable: bool = False           # the failure may go away on a later run (timeouts, 5xx ...)
    attempts: list[Attempt] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200 and self.content is not None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A failure with a one-line reason; `retry` says whether another attempt may help."""

    def __init__(self, reason: str, *, retry: bool = False, status: int | None = None,
                 retry_after: float | None = None):
        super().__init__(reason)
        self.retry, self.status, self.retry_after = retry, status, retry_after


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _blocked_address(ip: ipaddress._BaseAddress) -> bool:
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
            or ip.is_reserved or ip.is_unspecified)


async def check_url(url: str, *, allow_private: bool) -> None:
    """Refuse non-http(s) URLs and hosts that resolve to private addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"refused scheme {parts.scheme or '(none)'!r}: only http and https")
    host = parts.hostname
    if not host:
        raise FetchError("URL has no host")
    if allow_private:
        return
    try:
        ips = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, parts.port or 80, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise FetchError(f"cannot resolve {host}: {exc.strerror or exc}", retry=True) from None
        ips = [ipaddress.ip_address(info[4][0]) for info in infos]
    for ip in ips:
        if _blocked_address(ip):
            raise FetchError(f"refused private address {ip} for host {host}")


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        from email.utils import parsedate_to_datetime
        try:
            return max(0.0, (parsedate_to_datetime(value) - _now()).total_seconds())
        except (TypeError, ValueError):
            return None


class Fetcher:
    """Shared client for one run; use as `async with Fetcher() as f: await f.get(...)`."""

    def __init__(self, settings: FetchSettings | None = None):
        self.settings = settings or FetchSettings()
        s = self.settings
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            limits=httpx.Limits(max_connections=s.total_concurrency),
        )
        self._hosts: dict[str, asyncio.Semaphore] = {}

    async def __aenter__(self) -> "Fetcher":
        return self

    async def __aexit__(self, *exc) -> None:
        await self._client.aclose()

    def _host_slot(self, url: str) -> asyncio.Semaphore:
        host = urlsplit(url).netloc.lower()
        if host not in self._hosts:
            self._hosts[host] = asyncio.Semaphore(self.settings.per_host_concurrency)
        return self._hosts[host]

    async def get(self, url: str, *, allow_private: bool = False, etag: str | None = None,
                  last_modified: str | None = None, accept: str | None = None) -> FetchResult:
        """GET with retries; never raises: failures are in result.error and result.attempts."""
        result = FetchResult(url=url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if accept:
            headers["Accept"] = accept
        s = self.settings
        for attempt in range(1, s.retries + 2):
            started = time.perf_counter()
            try:
                async with self._host_slot(url):
                    await asyncio.wait_for(
                        self._get_once(url, headers, allow_private, result), timeout=s.total_timeout
                    )
                outcome = "not_modified" if result.status == 304 else "ok"
                result.error = None
                result.attempts.append(Attempt(url, result.status, len(result.content or b""),
                                               _ms(started), attempt, outcome, None, _now()))
                result.fetched_at = _now()
                return result
            except FetchError as exc:
                err, retry, status, wait = str(exc), exc.retry, exc.status, exc.retry_after
            except asyncio.TimeoutError:
                err, retry, status, wait = f"timed out after {s.total_timeout:g}s", True, None, None
            except httpx.TimeoutException as exc:
                err, retry, status, wait = f"timeout: {type(exc).__name__}", True, None, None
            except httpx.HTTPError as exc:
                err, retry, status, wait = f"{type(exc).__name__}: {exc}".splitlines()[0], True, None, None
            last = attempt == s.retries + 1 or not retry
            result.status, result.error, result.content, result.retryable = status, err, None, retry
            result.attempts.append(Attempt(url, status, 0, _ms(started), attempt,
                                           "failed" if last else "retry", err, _now()))
            if last:
                break
            backoff = min(s.backoff_max, s.backoff_base * 2 ** (attempt - 1))
            delay = wait if wait is not None else backoff * (0.5 + random.random())
            await asyncio.sleep(min(delay, s.backoff_max))
        result.fetched_at = _now()
        return result

    async def _get_once(self, url: str, headers: dict, allow_private: bool, result: FetchResult) -> None:
        s = self.settings
        current = url
        for _hop in range(s.max_redirects + 1):
            await check_url(current, allow_private=allow_private)
            async with self._client.stream("GET", current, headers=headers) as resp:
                if resp.is_redirect:
                    location = resp.headers.get("location")
                    if not location:
                        raise FetchError(f"HTTP {resp.status_code} redirect without Location", status=resp.status_code)
                    current = urljoin(current, location)
                    continue
                result.final_url = str(resp.url)
                result.status = resp.status_code
                result.content_type = resp.headers.get("content-type")
                result.etag = resp.headers.get("etag")
                result.last_modified = resp.headers.get("last-modified")
                if resp.status_code == 304:
                    result.content = None
                    return
                if resp.status_code != 200:
                    raise FetchError(
                        f"HTTP {resp.status_code}", status=resp.status_code,
                        retry=resp.status_code in RETRY_STATUSES,
                        retry_after=_retry_after(resp.headers.get("retry-after")),
                    )
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > s.max_bytes:
                    raise FetchError(f"body too large: {declared} bytes > {s.max_bytes}", status=200)
                chunks, size = [], 0
                async for chunk in resp.aiter_bytes():
                    size += len(chunk)
                    if size > s.max_bytes:
                        raise FetchError(f"body too large: over {s.max_bytes} bytes", status=200)
                    chunks.append(chunk)
                result.content = b"".join(chunks)
                return
        raise FetchError(f"too many redirects (> {s.max_redirects})")


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


async def fetch_many(requests: list[dict], settings: FetchSettings | None = None) -> list[FetchResult]:
    """Fetch several URLs concurrently with one shared client; order is kept."""
    async with Fetcher(settings) as fetcher:
        return list(await asyncio.gather(*(fetcher.get(**r) for r in requests)))
