"""A fault-injection HTTP server on 127.0.0.1: every failure the web has, one path each.

Built on flows.demo.server.CorpusServer (real sockets, real HTTP/1.1): plain
files come from tests/data/fetch/ (robots.txt), everything else is a route
below. `FAULTS` lists each fault source with what a run must make of it; the
sources file for one ingest run over all of them is `sources_toml(base_url)`.

Nothing here ever points a client at an address other than 127.0.0.1 that it
could reach: the private targets (10.0.0.1, 169.254.169.254 ...) are only ever
*named* in Location headers and links, and the fetcher must refuse them before
connecting (tests/test_faults.py also installs an audit hook that fails any
connect() to another address).
"""

from __future__ import annotations

import gzip
import hashlib
import socket
import struct
import threading
import time
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from flows.demo.server import CorpusServer

DATA = Path(__file__).resolve().parent / "data" / "fetch"
RSS_TYPE = "application/rss+xml; charset=utf-8"
_WORDS = (
    "markets policy harbour council ministry exporters growth talks delegation summit farmers rainfall "
    "energy grid railway budget treaty coastal investors inflation bridge festival court satellite"
).split()


def article_text(key: str, words: int = 110) -> str:
    """A deterministic, unique ~110-word body (full text: no page fetch needed)."""
    seed = int(hashlib.sha256(key.encode()).hexdigest(), 16)
    out = [f"Story {key} begins here."]
    for i in range(words):
        out.append(_WORDS[(seed >> (i % 200)) % len(_WORDS)] if i % 7 else f"{key}w{i}")
    return " ".join(out) + "."


def item_xml(
    guid: str | None,
    *,
    link: str | None = None,
    title: str | None = None,
    body: str | None = None,
    summary: str | None = None,
    date: str | None = "Fri, 04 Jul 2025 10:00:00 GMT",
    permalink: bool = False,
) -> str:
    parts = ["<item>", f"<title>{title or 'Title ' + (guid or 'none')}</title>"]
    if guid is not None:
        parts.append(f'<guid isPermaLink="{"true" if permalink else "false"}">{guid}</guid>')
    if link is not None:
        parts.append(f"<link>{link}</link>")
    if date is not None:
        parts.append(f"<pubDate>{date}</pubDate>")
    if body is not None:
        parts.append(f"<content:encoded><![CDATA[<p>{body}</p>]]></content:encoded>")
    parts.append(f"<description>{summary or 'teaser'}</description></item>")
    return "".join(parts)


def rss(items: list[str], *, title: str = "Fault feed", encoding: str = "utf-8", prolog: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n{prolog}'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{title}</title><link>http://example.invalid/</link>"
        f"<description>faults</description>{''.join(items)}</channel></rss>"
    )


def good_items(prefix: str, n: int) -> list[str]:
    return [
        item_xml(
            f"{prefix}-{i}", link=f"https://news.example/{prefix}/{i}", body=article_text(f"{prefix}-{i}")
        )
        for i in range(n)
    ]


# --------------------------------------------------------------------------- responses


def send(h, status: int, body: bytes, ctype: str = RSS_TYPE, headers: dict | None = None) -> None:
    h.send_response(status)
    h.send_header("Content-Type", ctype)
    h.send_header("Content-Length", str(len(body)))
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.end_headers()
    h.wfile.write(body)


def send_feed_with_etag(h, body: bytes) -> None:
    etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
    if h.headers.get("If-None-Match") == etag:
        h.send_response(304)
        h.send_header("ETag", etag)
        h.send_header("Content-Length", "0")
        h.end_headers()
        return
    send(h, 200, body, headers={"ETag": etag})


def redirect(h, location: str, status: int = 302) -> None:
    h.send_response(status)
    h.send_header("Location", location)
    h.send_header("Content-Length", "0")
    h.end_headers()


@cache
def gzip_bomb(decoded_mb: int = 200) -> bytes:
    """decoded_mb MiB of zeros, gzipped (~1000:1), built in 1 MiB steps."""
    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zero = bytes(1 << 20)
    return b"".join([*(z.compress(zero) for _ in range(decoded_mb)), z.flush()])


@dataclass(frozen=True)
class Fault:
    """One source of the fault run and what the run must make of it."""

    name: str
    path: str
    what: str  # the fault, for the docs table
    new: int  # articles loaded by the first run
    reason: str | None = None  # a substring of the failure reason expected in fetch_log / runs
    allow_private: bool = False
    fetch_pages: bool = False
    summaries: int = 0  # of `new`: items whose page is refused for good, loaded from the feed's summary


FAULTS: list[Fault] = [
    Fault("good", "/good/feed.xml", "a healthy feed (control)", 3),
    Fault("flaky", "/flaky/feed.xml", "HTTP 500 on every other request", 2),
    Fault("throttled", "/throttled/feed.xml", "HTTP 429 with Retry-After: 1, then 200", 2),
    Fault("hanging", "/hang/feed.xml", "server accepts, never answers", 0, "timeout"),
    Fault("reset", "/reset/feed.xml", "connection reset (RST) mid-body", 0, "Error"),
    Fault(
        "truncgz",
        "/truncgz/feed.xml",
        "gzip body cut in half (Content-Length matches the cut)",
        0,
        "truncated gzip body",
    ),
    Fault("loop", "/loop/a", "redirect loop a -> b -> a", 0, "too many redirects", allow_private=True),
    Fault(
        "feed-to-private",
        "/to-private/feed.xml",
        "feed redirects to http://10.0.0.1/",
        0,
        "refused private address 10.0.0.1",
    ),
    Fault(
        "local-pages",
        "/local/feed.xml",
        "allow_private source: page links redirect to 169.254.169.254, 10.0.0.1, [::ffff:127.0.0.1]; "
        "a direct link to 10.0.0.2",
        5,
        "refused",
        allow_private=True,
        fetch_pages=True,
        summaries=4,
    ),
    Fault(
        "strict-pages",
        "/strict/feed.xml",
        "source without allow_private: its page links point at 127.0.0.1 in many spellings",
        8,
        "refused loopback address",
        fetch_pages=True,
        summaries=7,
    ),
    Fault(
        "html-feed",
        "/html-feed/feed.xml",
        "an HTML page served as the feed",
        0,
        "not a feed: got an HTML page",
    ),
    Fault("malformed", "/malformed/feed.xml", "malformed XML (unescaped &, unclosed tag)", 3),
    Fault(
        "garbage", "/garbage/feed.xml", "binary garbage served as application/octet-stream", 0, "refused body"
    ),
    Fault("entity-bomb", "/bomb/feed.xml", "billion-laughs entity expansion", 0, "declares XML entities"),
    Fault("xxe", "/xxe/feed.xml", "external entity reading file:///etc/passwd", 0, "declares XML entities"),
    Fault(
        "charset-feed",
        "/charset-feed/feed.xml",
        "feed declared UTF-8 (header and XML) but in windows-1252",
        1,
    ),
    Fault(
        "charset-page",
        "/charset-page/feed.xml",
        "page declared ISO-8859-1 (header and meta) but in UTF-8",
        1,
        allow_private=True,
        fetch_pages=True,
    ),
    Fault("huge", "/huge/feed.xml", "50 MB body, chunked (no Content-Length)", 0, "body too large"),
    Fault("huge-declared", "/huge-declared/feed.xml", "Content-Length: 52428800", 0, "bytes declared"),
    Fault("gzip-bomb", "/gzbomb/feed.xml", "200 MiB of zeros gzipped to 200 KB", 0, "body too large"),
    Fault(
        "image", "/image/feed.xml", "image/png served at the feed URL", 0, "refused content type image/png"
    ),
    Fault("missing", "/missing/feed.xml", "HTTP 404 (no retry)", 0, "HTTP 404"),
    Fault("robots", "/private/feed.xml", "path disallowed by robots.txt", 0, "disallowed by robots.txt"),
    Fault("dupes", "/dupes/feed.xml", "the same guid twice in one feed", 2),
    Fault(
        "nolinks",
        "/nolinks/feed.xml",
        "an item with neither link nor guid; one with only a guid",
        2,
        "item has neither link nor guid",
    ),
    Fault("dates", "/dates/feed.xml", "a date in 2099 and an unparseable date", 3),
    Fault(
        "page-down",
        "/page-down/feed.xml",
        "an article page that always answers 503",
        1,
        "HTTP 503",
        allow_private=True,
        fetch_pages=True,
    ),
]
MAX_BYTES = 1_000_000
CP1252_TEXT = "Caf\u00e9 \u201cquoted\u201d \u2014 na\u00efve r\u00e9sum\u00e9 in Z\u00fcrich"
UTF8_PAGE_TEXT = (
    "Z\u00fcrich caf\u00e9 \u2014 \u201cSm\u00f8rrebr\u00f8d\u201d for na\u00efve d\u00e9butantes"
)


class FaultServer:
    """`with FaultServer() as srv:` — all the faults above on one 127.0.0.1 port."""

    def __init__(self):
        self.stop_event = threading.Event()
        self.hits: dict[str, list[float]] = {}
        self._lock = threading.Lock()
        self.server = CorpusServer(DATA, routes={})
        self.server._server.handle_error = lambda request, address: None  # resets are the point here
        self.base_url = self.server.base_url
        for path, handler in self._routes().items():
            self.server.route(path, self._counted(path, handler))

    def _counted(self, path, handler):
        def run(h):
            with self._lock:
                self.hits.setdefault(path, []).append(time.monotonic())
                n = len(self.hits[path])
            handler(h, n)

        return run

    def __enter__(self) -> FaultServer:
        self.server.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop_event.set()
        self.server.stop()

    def sources_toml(self) -> str:
        out = []
        for f in FAULTS:
            out.append(
                f'[[sources]]\nname = "{f.name}"\nkind = "rss"\nurl = "{self.base_url}{f.path}"\n'
                f"allow_private = {str(f.allow_private).lower()}\nfetch_pages = {str(f.fetch_pages).lower()}\n"
            )
        return "\n".join(out)

    # ----------------------------------------------------------------------- routes
    def _routes(self) -> dict:
        base, port = self.base_url, self.base_url.rsplit(":", 1)[1]
        r: dict = {}

        def static(body: bytes, ctype: str = RSS_TYPE):
            return lambda h, n: (
                send_feed_with_etag(h, body) if ctype == RSS_TYPE else send(h, 200, body, ctype)
            )

        r["/good/feed.xml"] = static(rss(good_items("good", 3)).encode())

        flaky = rss(good_items("flaky", 2)).encode()
        r["/flaky/feed.xml"] = lambda h, n: (
            send(h, 500, b"oops", "text/plain") if n % 2 else send_feed_with_etag(h, flaky)
        )

        throttled = rss(good_items("throttled", 2)).encode()
        r["/throttled/feed.xml"] = lambda h, n: (
            send(h, 429, b"slow down", "text/plain", {"Retry-After": "1"})
            if n % 2
            else send_feed_with_etag(h, throttled)
        )

        def hang(h, n):
            self.stop_event.wait(10)
            h.close_connection = True

        r["/hang/feed.xml"] = hang

        reset_body = rss(good_items("reset", 3)).encode()

        def reset(h, n):
            h.send_response(200)
            h.send_header("Content-Type", RSS_TYPE)
            h.send_header("Content-Length", str(len(reset_body)))
            h.end_headers()
            h.wfile.write(reset_body[: len(reset_body) // 3])
            h.wfile.flush()
            h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            h.connection.close()
            h.close_connection = True

        r["/reset/feed.xml"] = reset

        gz = gzip.compress(rss(good_items("truncgz", 3)).encode(), mtime=0)
        r["/truncgz/feed.xml"] = lambda h, n: send(
            h, 200, gz[: len(gz) // 2], RSS_TYPE, {"Content-Encoding": "gzip"}
        )

        r["/loop/a"] = lambda h, n: redirect(h, "/loop/b")
        r["/loop/b"] = lambda h, n: redirect(h, f"{base}/loop/a")
        r["/to-private/feed.xml"] = lambda h, n: redirect(h, "http://10.0.0.1/feed.xml")

        page = (
            f"<html><head><title>Local page</title></head><body><article><p>{article_text('local-page')}</p>"
            "</article></body></html>"
        ).encode()
        r["/local/page.html"] = lambda h, n: send(h, 200, page, "text/html; charset=utf-8")
        r["/go/meta"] = lambda h, n: redirect(h, "http://169.254.169.254/latest/meta-data/")
        r["/go/ten"] = lambda h, n: redirect(h, "http://10.0.0.1/x")
        r["/go/mapped"] = lambda h, n: redirect(h, f"http://[::ffff:127.0.0.1]:{port}/local/page.html")
        r["/local/feed.xml"] = static(
            rss(
                [
                    item_xml("local-ok", link=f"{base}/local/page.html"),
                    item_xml("local-meta", link=f"{base}/go/meta"),
                    item_xml("local-ten", link=f"{base}/go/ten"),
                    item_xml("local-mapped", link=f"{base}/go/mapped"),
                    item_xml("local-direct", link="http://10.0.0.2/page"),
                ]
            ).encode()
        )

        spellings = [
            f"{base}/local/page.html",
            f"http://2130706433:{port}/local/page.html",
            f"http://0x7f.1:{port}/local/page.html",
            f"http://0177.0.0.1:{port}/local/page.html",
            f"http://localhost:{port}/local/page.html",
            f"http://[::1]:{port}/local/page.html",
            f"http://0.0.0.0:{port}/local/page.html",
        ]
        r["/strict/feed.xml"] = static(
            rss(
                [
                    item_xml(
                        "strict-full", link="https://news.example/strict", body=article_text("strict-full")
                    )
                ]
                + [item_xml(f"strict-{i}", link=u) for i, u in enumerate(spellings)]
            ).encode()
        )

        r["/html-feed/feed.xml"] = static(
            b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>",
            "text/html; charset=utf-8",
        )
        malformed = rss(
            [
                item_xml("mal-0", link="https://news.example/m0", body=article_text("mal-0")),
                item_xml(
                    "mal-1",
                    link="https://news.example/m1",
                    body=article_text("mal-1"),
                    title="AT&T <b>unclosed",
                ),
                item_xml("mal-2", link="https://news.example/m2", body=article_text("mal-2")),
            ]
        )
        malformed = malformed.replace("</channel></rss>", "<channel>")  # never closed
        r["/malformed/feed.xml"] = static(malformed.encode())
        r["/garbage/feed.xml"] = lambda h, n: send(
            h, 200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "application/octet-stream"
        )

        lol = (
            '<!DOCTYPE rss [\n<!ENTITY lol "lol">\n'
            + "".join(
                f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
                for i in range(1, 10)
            )
            + "]>\n"
        )
        r["/bomb/feed.xml"] = static(
            rss(
                [
                    item_xml(
                        "bomb",
                        link="https://news.example/bomb",
                        title="&lol9;",
                        body=article_text("bomb") + " &lol9;",
                    )
                ],
                prolog=lol,
            ).encode()
        )
        xxe = '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        r["/xxe/feed.xml"] = static(
            rss(
                [
                    item_xml(
                        "xxe",
                        link="https://news.example/xxe",
                        title="leak &xxe;",
                        body=article_text("xxe") + " &xxe;",
                    )
                ],
                prolog=xxe,
            ).encode()
        )

        cp = rss(
            [
                item_xml(
                    "cp1252",
                    link="https://news.example/cp",
                    title=CP1252_TEXT,
                    body=CP1252_TEXT + " " + article_text("cp1252"),
                )
            ]
        ).encode("cp1252")
        r["/charset-feed/feed.xml"] = lambda h, n: send(h, 200, cp, "application/rss+xml; charset=utf-8")
        latin_page = (
            '<html><head><meta charset="iso-8859-1"><title>Page</title></head><body><article>'
            f"<p>{UTF8_PAGE_TEXT}</p><p>{article_text('charset-page')}</p></article></body></html>"
        ).encode()
        r["/charset-page/page.html"] = lambda h, n: send(h, 200, latin_page, "text/html; charset=ISO-8859-1")
        r["/charset-page/feed.xml"] = static(
            rss([item_xml("charset-page", link=f"{base}/charset-page/page.html")]).encode()
        )

        def huge(h, n):
            chunk = b"<rss>" + b"x" * 65531
            h.send_response(200)
            h.send_header("Content-Type", RSS_TYPE)
            h.send_header("Transfer-Encoding", "chunked")
            h.end_headers()
            try:
                for _ in range((50 << 20) // len(chunk)):
                    h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                h.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass
            h.close_connection = True

        r["/huge/feed.xml"] = huge

        def huge_declared(h, n):
            h.send_response(200)
            h.send_header("Content-Type", RSS_TYPE)
            h.send_header("Content-Length", str(50 << 20))
            h.end_headers()
            try:
                for _ in range(800):
                    h.wfile.write(b"<" + b"x" * 65535)
            except OSError:
                pass
            h.close_connection = True

        r["/huge-declared/feed.xml"] = huge_declared

        bomb = gzip_bomb()  # built before serving (0.5 s), once per process
        r["/gzbomb/feed.xml"] = lambda h, n: send(h, 200, bomb, RSS_TYPE, {"Content-Encoding": "gzip"})
        r["/image/feed.xml"] = lambda h, n: send(h, 200, b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        r["/missing/feed.xml"] = lambda h, n: send(h, 404, b"no such feed", "text/plain")
        r["/private/feed.xml"] = static(rss(good_items("private", 1)).encode())

        r["/dupes/feed.xml"] = static(
            rss(
                [
                    item_xml("dup-a", link="https://news.example/dup-a", body=article_text("dup-a")),
                    item_xml("dup-a", link="https://news.example/dup-a", body=article_text("dup-a")),
                    item_xml("dup-b", link="https://news.example/dup-b", body=article_text("dup-b")),
                ]
            ).encode()
        )
        r["/nolinks/feed.xml"] = static(
            rss(
                [
                    item_xml(None, title="No link no guid", body=article_text("nolink-none")),
                    item_xml("nolink-guid-only", body=article_text("nolink-guid-only")),
                    item_xml(
                        "nolink-ok", link="https://news.example/nolink-ok", body=article_text("nolink-ok")
                    ),
                ]
            ).encode()
        )
        r["/dates/feed.xml"] = static(
            rss(
                [
                    item_xml(
                        "date-future",
                        link="https://news.example/future",
                        body=article_text("date-future"),
                        date="Thu, 01 Jan 2099 00:00:00 GMT",
                    ),
                    item_xml(
                        "date-garbage",
                        link="https://news.example/garbage",
                        body=article_text("date-garbage"),
                        date="the day after tomorrow",
                    ),
                    item_xml("date-ok", link="https://news.example/ok", body=article_text("date-ok")),
                ]
            ).encode()
        )
        r["/page-down/page.html"] = lambda h, n: send(h, 503, b"down", "text/plain")
        r["/page-down/feed.xml"] = static(
            rss(
                [
                    item_xml(
                        "down-full", link="https://news.example/down-full", body=article_text("down-full")
                    ),
                    item_xml("down-page", link=f"{base}/page-down/page.html"),
                ]
            ).encode()
        )
        return r
