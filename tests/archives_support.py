"""Real archive files for the archive tests and bench: WARC files written with warcio, a Range-aware route."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.faults import article_text


def page_html(key: str, words: int = 110) -> bytes:
    body = article_text(key, words)
    return (
        f"<html><head><title>Title {key}</title></head><body><article><h1>Title {key}</h1>"
        f"<p>{body}</p></article></body></html>"
    ).encode()


def write_warc(path: Path, records: Iterable[dict], *, gzip: bool = True) -> Path:
    """Write records: dict(type='response'|'request'|'metadata'|'warcinfo', url, status, ctype, body,
    headers (extra WARC headers), http_headers (replacing Content-Type/Content-Length))."""
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gzip)
        for r in records:
            kind = r.get("type", "response")
            if kind == "warcinfo":
                w.write_record(w.create_warcinfo_record(path.name, {"software": "wirehouse tests"}))
                continue
            url = r["url"]
            if kind == "request":
                payload = f"GET {url} HTTP/1.1\r\nHost: example\r\n\r\n".encode()
                w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(payload)))
                continue
            if kind == "metadata":
                w.write_record(
                    w.create_warc_record(
                        url,
                        "metadata",
                        payload=io.BytesIO(b"fetchTimeMs: 12\r\n"),
                        warc_content_type="application/warc-fields",
                    )
                )
                continue
            body = r.get("body", b"")
            status = r.get("status", 200)
            http = StatusAndHeaders(
                f"{status} {'OK' if status == 200 else 'Not Found'}",
                r.get("http_headers")
                or [
                    ("Content-Type", r.get("ctype", "text/html; charset=utf-8")),
                    ("Content-Length", str(len(body))),
                ],
                protocol="HTTP/1.1",
            )
            warc_headers = dict(r.get("headers") or {})
            rec = w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
            for k, v in warc_headers.items():
                rec.rec_headers.add_header(k, v)
            w.write_record(rec)
    return path


def news_warc(path: Path, n: int, *, gzip: bool = True, words: int = 110) -> Path:
    """A CC-NEWS-like file: warcinfo, then per page a request, a response and a metadata record."""

    def records() -> Iterator[dict]:  # generated as written: the writer never holds the whole file
        yield {"type": "warcinfo"}
        for i in range(n):
            url = f"https://news.example.com/story/{i}.html"
            yield {"type": "request", "url": url}
            yield {"url": url, "body": page_html(f"p{i}", words)}
            yield {"type": "metadata", "url": url}

    return write_warc(path, records(), gzip=gzip)


def range_route(data_of, *, honour_range: bool = True, ctype: str = "application/warc"):
    """A route serving bytes with `Range: bytes=N-` support (206), or ignoring Range (200)."""

    def handler(h) -> None:
        data = data_of()
        h.server.ranges = getattr(h.server, "ranges", []) + [h.headers.get("Range")]
        m = re.fullmatch(r"bytes=(\d+)-", h.headers.get("Range") or "")
        if honour_range and m:
            start = int(m.group(1))
            if start >= len(data):
                h.send_response(416)
                h.send_header("Content-Range", f"bytes */{len(data)}")
                h.send_header("Content-Length", "0")
                h.end_headers()
                return
            part = data[start:]
            h.send_response(206)
            h.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            part = data
            h.send_response(200)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(part)))
        h.end_headers()
        h.wfile.write(part)

    return handler
