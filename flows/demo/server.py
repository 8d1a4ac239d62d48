"""A real HTTP server on 127.0.0.1 for the demo and the tests.

It serves a folder of files, replacing `{{BASE}}` with its own base URL, and
speaks enough HTTP to exercise the pipeline honestly: ETag/Last-Modified with
304 answers, gzip when asked, 404s. Extra routes (for fault injection) are
plain functions `handler(request) -> None` that write the response themselves.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import threading
from collections.abc import Callable
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

CORPUS = Path(__file__).resolve().parent / "corpus"
SOURCES = Path(__file__).resolve().parent / "sources.toml"
LAST_MODIFIED = formatdate(1751600000, usegmt=True)  # fixed: the corpus is static
TYPES = {
    ".xml": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
}

Route = Callable[[BaseHTTPRequestHandler], None]


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # keep test and demo output quiet
        pass

    def do_GET(self):
        path = urlsplit(self.path).path
        self.server.requests.append(path)
        route = self.server.routes.get(path)
        if route is not None:
            route(self)
            return
        self._serve_file(path)

    def _serve_file(self, path: str) -> None:
        root = self.server.root
        target = (root / path.lstrip("/")).resolve()
        if root not in target.parents or not target.is_file():
            self.send_error(404, "not found")
            return
        data = target.read_bytes().replace(b"{{BASE}}", self.server.base_url.encode())
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag or (
            self.headers.get("If-None-Match") is None
            and self.headers.get("If-Modified-Since") == LAST_MODIFIED
        ):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        ctype = TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        gzipped = "gzip" in (self.headers.get("Accept-Encoding") or "")
        if gzipped:
            data = gzip.compress(data, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", LAST_MODIFIED)
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(data)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    root: Path
    routes: dict[str, Route]
    base_url: str
    requests: list[str]


class CorpusServer:
    """`with CorpusServer() as srv: srv.base_url` — serves `root` on a free loopback port."""

    def __init__(self, root: Path = CORPUS, routes: dict[str, Route] | None = None, port: int = 0):
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.root = Path(root).resolve()
        self._server.routes = dict(routes or {})
        host, port = self._server.server_address[:2]
        assert isinstance(host, str)  # an AF_INET address is (host, port), never bytes
        self._server.base_url = f"http://{host}:{port}"
        self._server.requests = []
        self._thread = threading.Thread(target=self._server.serve_forever, name="corpus-server", daemon=True)

    @property
    def base_url(self) -> str:
        return self._server.base_url

    @property
    def requests(self) -> list[str]:
        """Paths requested so far, in order (tests use it to see what was fetched)."""
        return self._server.requests

    def route(self, path: str, handler: Route) -> None:
        self._server.routes[path] = handler

    def start(self) -> CorpusServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> CorpusServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
