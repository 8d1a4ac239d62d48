"""Archive inputs as byte streams: a local file or an http(s) URL, opened at a byte offset.

An archive (a WARC file of a few GB, a JSON-lines dump) is never held in
memory: a local file is read in place; a URL is streamed through httpx in
chunks, with a `Range: bytes=OFFSET-` request to resume (a server that ignores
Range answers 200 and the first OFFSET bytes are read and dropped). The
stream's `tell()` is the absolute offset in the archive, so the positions
readers record are the same whether they started at 0 or resumed.

The same rules as page fetching (docs/fetching.md), adapted to one long body:
the operator-configured URL is trusted (it may be private) but never
link-local/metadata, every redirect hop is untrusted (SSRF guard, also at
connect time), connect/read timeouts but no total timeout (a large file takes
as long as it takes), retries with backoff for connection errors, 429 and 5xx,
and a connection lost mid-file is resumed with a Range request from the byte
reached (`retries` times in a row at most). No size cap on the archive itself: the readers cap each
record instead.
"""

from __future__ import annotations

import io
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urljoin, urlsplit

import httpx

from flows.http import FetchError, FetchSettings, Scope, check_url
from flows.http.addresses import CURRENT_SCOPE, guarded_sync_transport
from flows.http.bodies import retry_after_seconds
from flows.http.client import RETRY_STATUSES, USER_AGENT


class ArchiveError(Exception):
    """The archive cannot be opened or read; the message is one line."""

    def __init__(self, reason: str, *, retry: bool = False, retry_after: float | None = None):
        super().__init__(reason)
        self.retry, self.retry_after = retry, retry_after


def is_url(location: str) -> bool:
    return location.lower().startswith(("http://", "https://"))


class HttpBodyStream(io.RawIOBase):
    """A streamed response body as a readable binary file whose tell() is the archive offset.

    When the connection breaks mid-file, it reconnects (up to `reconnects` times in a
    row) with a Range request from the exact byte it had reached, so one network hiccup
    does not end a multi-GB read. `reopen(offset)` returns the new response.
    """

    def __init__(
        self,
        response: httpx.Response,
        start: int,
        reopen: Callable[[int], httpx.Response] | None = None,
        reconnects: int = 0,
    ):
        self._buf = b""
        self._pos = start  # archive offset of the next byte handed out
        self._reopen, self._reconnects, self._left = reopen, reconnects, reconnects
        self._attach(response)

    def _attach(self, response: httpx.Response) -> None:
        self._resp = response
        self._chunks = response.iter_raw()
        # archive offset of the next byte this response delivers: a 200 starts at 0 (Range ignored)
        self._net = self._pos if response.status_code == 206 else 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seekable(self) -> bool:
        return False

    def close(self) -> None:
        self._resp.close()
        super().close()

    def _next_chunk(self) -> bytes:
        """The next bytes at self._pos (bytes before it are dropped), b"" at the end."""
        while True:
            try:
                chunk = next(self._chunks)
            except StopIteration:
                return b""
            except httpx.HTTPError as exc:
                reason = f"read failed at offset {self._pos}: {type(exc).__name__}: {exc}".splitlines()[0]
                if self._reopen is None or self._left <= 0:
                    raise ArchiveError(reason) from None
                self._left -= 1
                self._resp.close()
                self._attach(self._reopen(self._pos))  # ArchiveError when that fails too
                continue
            start, self._net = self._net, self._net + len(chunk)
            if self._net <= self._pos:
                continue  # before the position: the server ignored our Range
            self._left = self._reconnects  # progress: the next failure gets the full allowance again
            return chunk[max(0, self._pos - start) :]

    def readinto(self, b) -> int:
        if not self._buf:
            self._buf = self._next_chunk()
            if not self._buf:
                return 0
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        self._pos += n
        return n

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            return self.readall()
        buf = bytearray(size)
        n = self.readinto(buf)
        return bytes(buf[:n])


@contextmanager
def open_archive(
    location: str,
    offset: int = 0,
    *,
    settings: FetchSettings | None = None,
    allow_private: bool = False,
) -> Iterator[BinaryIO]:
    """A readable binary stream positioned at `offset`; ArchiveError (one line) when it cannot be opened."""
    if not is_url(location):
        try:
            fh = Path(location).open("rb")
        except OSError as exc:
            raise ArchiveError(f"cannot open {location}: {exc.strerror or exc}") from None
        with fh:
            fh.seek(offset)
            yield fh
        return
    s = settings or FetchSettings()
    client = httpx.Client(
        timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
        transport=guarded_sync_transport(2),
        trust_env=False,
    )
    private_hosts = frozenset({(urlsplit(location).hostname or "").lower()}) if allow_private else frozenset()
    with client:

        def reopen(at: int) -> httpx.Response:
            return _open_response(client, location, at, s, private_hosts)

        body = HttpBodyStream(reopen(offset), offset, reopen, reconnects=s.retries)
        try:
            yield body  # type: ignore[misc]
        finally:
            body.close()


def _open_response(
    client: httpx.Client, url: str, offset: int, s: FetchSettings, private_hosts: frozenset[str]
) -> httpx.Response:
    headers = {"Range": f"bytes={offset}-"} if offset else {}
    for attempt in range(1, s.retries + 2):
        try:
            return _follow(client, url, headers, s, private_hosts, offset)
        except ArchiveError as exc:
            if not exc.retry or attempt == s.retries + 1:
                raise
            wait = exc.retry_after
        delay = (
            min(wait, s.retry_after_max)
            if wait is not None
            else (min(s.backoff_max, s.backoff_base * 2 ** (attempt - 1)) * (0.5 + random.random()))
        )
        time.sleep(delay)
    raise AssertionError("unreachable")


def _follow(client, url, headers, s: FetchSettings, private_hosts, offset) -> httpx.Response:
    current = url
    for hop in range(s.max_redirects + 1):
        scope = Scope(trusted=hop == 0, private_hosts=private_hosts)
        token = CURRENT_SCOPE.set(scope)
        try:
            try:
                check_url(current, scope)
                resp = client.send(client.build_request("GET", current, headers=headers), stream=True)
            except FetchError as exc:
                raise ArchiveError(str(exc)) from None
            except httpx.HTTPError as exc:
                raise ArchiveError(f"{type(exc).__name__}: {exc}".splitlines()[0], retry=True) from None
        finally:
            CURRENT_SCOPE.reset(token)
        if resp.is_redirect:
            resp.close()
            location = resp.headers.get("location")
            if not location:
                raise ArchiveError(f"HTTP {resp.status_code} redirect without Location")
            current = urljoin(current, location)
            continue
        if resp.status_code == 206:
            got = resp.headers.get("content-range", "")
            if not got.startswith(f"bytes {offset}-"):
                resp.close()
                raise ArchiveError(f"HTTP 206 for the wrong range: {got!r}, asked for bytes {offset}-")
            return resp
        if resp.status_code == 200:
            return resp
        resp.close()
        if resp.status_code == 416:
            raise ArchiveError(f"offset {offset} is past the end of the archive (HTTP 416)")
        raise ArchiveError(
            f"HTTP {resp.status_code}",
            retry=resp.status_code in RETRY_STATUSES,
            retry_after=retry_after_seconds(resp.headers.get("retry-after"), datetime.now(UTC)),
        )
    raise ArchiveError(f"too many redirects (> {s.max_redirects})")
