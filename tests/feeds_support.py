"""A farm of small generated feeds on several loopback hosts (127.0.0.x), for the polling
tests and bench/feeds.py: thousands of feeds with different update rates and faults.

Feed `i` lives at `/f/i.xml` on host `i % hosts`; its behaviour is its `Spec`:

* busy: a new item every `rate` seconds (dates from the real clock), so its learned
  interval is about `rate`;
* quiet: items a day apart, the newest days old (a silent feed);
* fail: HTTP 503 (with `Retry-After` when `retry_after` is set);
* flaky: 503 for its first `fail_first` requests, then a feed;
* moved: 301 or 308 to `/g/i.xml`, which serves the feed (`moved` = the status);
* ttl: a quiet feed with `<ttl>` minutes.

Items carry their text (no page fetch); `shared_items` makes every quiet feed list the
same few items (one article each, so a run over thousands of feeds stays cheap), else
each feed has its own. Their text is one template but for the item's key (`text="template"`:
every copy of every feed near-duplicates the others, so dedup makes few stories of many
copies and events one event of them all), or (`text="distinct"`, bench/feeds.py) as real
feeds have it: each item its own generated text, except that every 10th feed carries a wire
story that 9 other feeds carry too (copies of one text under their own links: stories of 10
copies, a tenth of the items). Feeds answer 304 to a matching If-None-Match.

A whole host can be taken down (`farm.down[h] = (503, {"Retry-After": "60"})`: every
request to host h, robots.txt included, gets that answer) and brought back (`del`). The
farm counts each host's requests in flight and keeps the most it saw (`max_in_flight`).
"""

from __future__ import annotations

import hashlib
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

BODY = (
    "NEW DELHI, July 4 (IANS) The farm's item {key} reports that the monsoon reached the capital "
    "two days early this year, the weather office said on Friday, bringing relief after weeks of heat. "
    "Officials said the rain would continue through the weekend across the region."
)


_SYLLABLES = [a + b for a in "bcdfghklmnprstvz" for b in ("a", "e", "i", "o", "u", "ai", "ou")]
_VOCAB = [
    "".join(random.Random(w).choices(_SYLLABLES, k=2 + w % 3)) for w in range(4000)
]  # pseudo-words: distinct texts share few shingles or terms, as unrelated news does


def story_text(story: str, words: int = 90) -> tuple[str, str]:
    """(title, body) of a generated news story: the same for the same `story`, unrelated otherwise."""
    rnd = random.Random(story)
    picked = rnd.choices(_VOCAB, k=words + 8)
    sentences = [" ".join(picked[8 + i : 8 + i + 15]).capitalize() + "." for i in range(0, words, 15)]
    return " ".join(picked[:8]).capitalize(), "NEW DELHI, July 4 (IANS) " + " ".join(sentences)


@dataclass(frozen=True)
class Spec:
    kind: str = "quiet"  # busy | quiet | fail | flaky | moved | ttl
    rate: float = 60.0  # busy: seconds between items
    items: int = 3
    fail_first: int = 0  # flaky
    moved: int = 301  # moved: 301 or 308
    ttl: int = 0  # ttl: minutes
    retry_after: int = 0  # fail: Retry-After seconds


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _FarmServer

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        farm = self.server.farm
        host = self.server.host
        farm.enter(host)
        self._served = False
        try:
            self._get(farm, host)
        finally:
            self._done()

    def _done(self) -> None:
        """The request stops counting as in flight before its answer is sent: the client holds
        its slot until the answer has arrived, so what the farm counts never exceeds it."""
        if not self._served:
            self._served = True
            self.server.farm.leave(self.server.host)

    def _get(self, farm: FeedFarm, host: str) -> None:
        path = urlsplit(self.path).path
        farm.record(host, path)
        if (down := farm.down.get(farm.host_index(host))) is not None:
            return self._send(down[0], b"down", "text/plain", down[1])
        if path == "/robots.txt":
            return self._send(404, b"", "text/plain")
        parts = path.strip("/").split("/")
        if len(parts) != 2 or parts[0] not in ("f", "g") or not parts[1].endswith(".xml"):
            return self._send(404, b"no", "text/plain")
        try:
            i = int(parts[1][:-4])
            spec = farm.specs[i]
        except (ValueError, IndexError):
            return self._send(404, b"no", "text/plain")
        polls = farm.count(i)
        if spec.kind == "moved" and parts[0] == "f":
            self._done()
            self.send_response(spec.moved)
            self.send_header("Location", f"/g/{i}.xml")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if spec.kind == "fail" or (spec.kind == "flaky" and polls <= spec.fail_first):
            headers = {"Retry-After": str(spec.retry_after)} if spec.retry_after else {}
            return self._send(503, b"down", "text/plain", headers)
        data = farm.feed(i, spec)
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            return self._send(304, b"", None, {"ETag": etag})
        return self._send(200, data, "application/rss+xml; charset=utf-8", {"ETag": etag})

    def _send(self, status: int, body: bytes, ctype: str | None, headers: dict | None = None) -> None:
        self._done()
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)


class _FarmServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256
    farm: FeedFarm
    host: str

    def handle_error(self, request, client_address) -> None:
        pass  # a client closing its kept-alive connection at exit is not news


class FeedFarm:
    """`with FeedFarm(specs, hosts=3) as farm:` serves feed i at farm.url(i)."""

    def __init__(self, specs: list[Spec], hosts: int = 3, shared_items: bool = True, text: str = "template"):
        if text not in ("template", "distinct"):
            raise ValueError(f"text: template or distinct, not {text!r}")
        self.specs = specs
        self.shared_items = shared_items
        self.text = text
        self._lock = threading.Lock()
        self._polls = [0] * len(specs)
        self.requests: list[tuple[str, str]] = []  # (host, path)
        self.probe: Callable[[], None] | None = None  # called at every `probe_every`-th request
        self.probe_every = 100
        self.down: dict[int, tuple[int, dict[str, str]]] = {}  # host index -> (status, headers)
        self._in_flight: dict[str, int] = {}
        self.max_in_flight: dict[str, int] = {}  # host -> the most requests it served at once
        self._servers: list[_FarmServer] = []
        for h in range(hosts):
            server = _FarmServer((f"127.0.0.{h + 1}", 0), _Handler)
            server.farm, server.host = self, f"127.0.0.{h + 1}"
            self._servers.append(server)
        self.hosts = [f"http://{s.server_address[0]}:{s.server_address[1]}" for s in self._servers]
        self.started = datetime.now(UTC)

    def url(self, i: int) -> str:
        return f"{self.hosts[i % len(self.hosts)]}/f/{i}.xml"

    def host_index(self, host: str) -> int:
        return int(host.rsplit(".", 1)[1]) - 1

    def enter(self, host: str) -> None:
        with self._lock:
            n = self._in_flight[host] = self._in_flight.get(host, 0) + 1
            self.max_in_flight[host] = max(n, self.max_in_flight.get(host, 0))

    def leave(self, host: str) -> None:
        with self._lock:
            self._in_flight[host] -= 1

    def record(self, host: str, path: str) -> None:
        with self._lock:
            self.requests.append((host, path))
            due = self.probe is not None and len(self.requests) % self.probe_every == 0
        if due and self.probe is not None:
            self.probe()  # e.g. what the client process holds while it polls (tests/test_polling_e2e.py)

    def count(self, i: int) -> int:
        """Count a request for feed i; returns how many it has had, this one included."""
        with self._lock:
            self._polls[i] += 1
            return self._polls[i]

    def feed(self, i: int, spec: Spec) -> bytes:
        now = datetime.now(UTC)
        if spec.kind == "busy":  # a new item every `rate` seconds, on the real clock
            tick = int(now.timestamp() // spec.rate)
            keys = [
                (f"b{i}-{tick - k}", datetime.fromtimestamp((tick - k) * spec.rate, UTC))
                for k in range(spec.items)
            ]
        else:
            base = self.started.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=3)
            owner = "shared" if self.shared_items else f"q{i}"
            keys = [(f"{owner}-{k}", base - timedelta(days=k)) for k in range(spec.items)]
        ttl = f"<ttl>{spec.ttl}</ttl>" if spec.ttl else ""
        items = "".join(
            f"<item><title>{title}</title><link>http://farm.invalid/a/{key}.html</link>"
            f"<guid>farm-{key}</guid><pubDate>{format_datetime(when, usegmt=True)}</pubDate>"
            f"<description>{body}</description></item>"
            for k, (key, when) in enumerate(keys)
            for title, body in [self._text(i, k, key)]
        )
        return (
            f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>feed {i}</title>'
            f"<link>http://farm.invalid/</link><description>farm</description>{ttl}{items}</channel></rss>"
        ).encode()

    def _text(self, i: int, k: int, key: str) -> tuple[str, str]:
        """(title, body) of feed i's item k (key: its link's)."""
        if self.text == "template":
            return f"Farm item {key}", BODY.format(key=key)
        if i % 10 == 0:  # a wire story: 10 feeds carry each (see the module docstring)
            return story_text(f"wire{(i // 10) % max(1, len(self.specs) // 100)}-{k}")
        return story_text(key)

    def sources_toml(self, path: Path, polling: str = "", overrides: dict[int, str] | None = None) -> Path:
        """A sources file of every feed (`polling`: the [polling] table's lines; `overrides`:
        extra lines per feed)."""
        parts = [f"[polling]\n{polling}\n"] if polling else []
        for i in range(len(self.specs)):
            extra = (overrides or {}).get(i, "")
            parts.append(
                f'[[sources]]\nname = "feed-{i}"\nkind = "rss"\nurl = "{self.url(i)}"\n'
                f'agency = "IANS"\nallow_private = true\n{extra}\n'
            )
        path.write_text("\n".join(parts))
        return path

    def paths_since(self, mark: int) -> list[str]:
        with self._lock:
            return [p for _h, p in self.requests[mark:] if p != "/robots.txt"]

    def __enter__(self) -> FeedFarm:
        for s in self._servers:
            threading.Thread(target=s.serve_forever, name="feed-farm", daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        for s in self._servers:
            s.shutdown()
            s.server_close()


def wait_until(when: datetime) -> None:
    delay = (when - datetime.now(UTC)).total_seconds()
    if delay > 0:
        time.sleep(delay)
