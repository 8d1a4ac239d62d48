"""The WARC reader on real WARC files written with warcio: record/skip semantics, truncation, resume, HTTP."""

from __future__ import annotations

import gzip
import tracemalloc
from collections import Counter

import httpcore
import pytest

from flows.archives.warc import read_warc
from flows.http import FetchSettings
from tests.archives_support import news_warc, page_html, range_route, write_warc
from transforms.archives import Position

FAST = FetchSettings(connect_timeout=1.0, read_timeout=2.0, retries=0, backoff_base=0.01)


def mixed_records() -> list[dict]:
    recs: list[dict] = [{"type": "warcinfo"}]
    for i in range(4):
        url = f"https://wire.example/a/{i}.html"
        recs += [{"type": "request", "url": url}, {"url": url, "body": page_html(f"a{i}")}]
    recs += [
        {"url": "https://wire.example/missing.html", "status": 404, "body": b"<html>gone</html>"},
        {"url": "https://wire.example/report.pdf", "ctype": "application/pdf", "body": b"%PDF-1.4 ..."},
        {"url": "https://wire.example/nohdr.html", "ctype": "", "body": b"<!doctype html><p>sniffed</p>"},
        {"type": "metadata", "url": "https://wire.example/a/3.html"},
        {
            "url": "https://wire.example/cut.html",
            "body": page_html("cut"),
            "headers": {"WARC-Truncated": "length"},
        },
        {"url": "https://wire.example/last.html", "body": page_html("last")},
    ]
    return recs


@pytest.fixture
def warc(tmp_path):
    return write_warc(tmp_path / "mixed.warc.gz", mixed_records())


def test_pages_and_skips_are_all_yielded_and_counted(warc):
    records = list(read_warc(str(warc), source="cc"))
    kinds = Counter(r.skip_kind for r in records)
    assert kinds == {None: 6, "other-record": 6, "status": 1, "not-html": 1, "truncated": 1}
    pages = [r for r in records if r.ok]
    assert [r.url for r in pages] == [f"https://wire.example/a/{i}.html" for i in range(4)] + [
        "https://wire.example/nohdr.html",
        "https://wire.example/last.html",
    ]
    assert pages[0].content == page_html("a0")
    assert pages[0].fetched_at is not None and pages[0].fetched_at.tzinfo is not None
    assert pages[0].source == "cc" and pages[0].kind == "warc" and "text/html" in pages[0].content_type
    by_url = {r.url: r for r in records if r.skip_kind in ("status", "not-html", "truncated")}
    assert by_url["https://wire.example/missing.html"].skip == "HTTP status 404"
    assert by_url["https://wire.example/report.pdf"].skip == "not HTML (content type application/pdf)"
    assert "WARC-Truncated: length" in by_url["https://wire.example/cut.html"].skip
    assert all(r.bad for r in by_url.values()) and not any(
        r.bad for r in records if r.skip_kind == "other-record"
    )
    # positions chain: each record resumes exactly where the next one starts
    assert records[0].position == Position(str(warc), 0)
    for a, b in zip(records, records[1:]):
        assert a.resume == b.position
    assert records[-1].resume.offset == warc.stat().st_size


def test_reading_from_any_recorded_position_yields_exactly_the_rest(warc):
    records = list(read_warc(str(warc), source="cc"))
    for k in range(len(records)):
        rest = list(read_warc(str(warc), source="cc", start=records[k].resume))
        assert rest == records[k + 1 :]
    # and from a record's own position: that record again, then the rest
    assert list(read_warc(str(warc), source="cc", start=records[5].position)) == records[5:]


def test_truncated_file_gives_one_truncated_skip_and_stops(warc, tmp_path):
    data = warc.read_bytes()
    full = list(read_warc(str(warc), source="cc"))
    cut = tmp_path / "cut.warc.gz"
    middle = (full[-1].position.offset + full[-1].resume.offset) // 2
    cut.write_bytes(data[:middle])  # inside the last record
    records = list(read_warc(str(cut), source="cc"))

    def key(r):
        return (r.url, r.skip, r.content, r.position.offset, r.resume.offset)

    assert [key(r) for r in records[:-1]] == [key(r) for r in full[:-1]]
    last = records[-1]
    assert last.skip_kind == "truncated" and last.url == "https://wire.example/last.html"
    assert "file ends" in last.skip and last.content is None
    assert last.resume == last.position  # a rerun reads the same cut record again, never past it


def test_cut_inside_a_record_header_and_garbage_and_a_wrong_offset_are_one_unreadable_skip(warc, tmp_path):
    garbage = tmp_path / "notes.warc.gz"
    garbage.write_bytes(b"these are not the records you are looking for\n" * 50)
    [only] = read_warc(str(garbage), source="cc")
    assert only.skip_kind == "unreadable" and only.skip.startswith("not readable as WARC at offset 0")
    wrong = list(read_warc(str(warc), source="cc", start=Position(str(warc), 100)))
    assert [r.skip_kind for r in wrong] == ["unreadable"] and "offset 100" in wrong[0].skip
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(
        gzip.compress(write_warc(tmp_path / "plain.warc", mixed_records(), gzip=False).read_bytes())
    )
    *_, last = read_warc(str(whole), source="cc")
    assert last.skip_kind == "unreadable" and "not gzip per record: gunzip it first" in last.skip
    missing = list(read_warc(str(tmp_path / "nope.warc.gz"), source="cc"))
    assert [r.skip_kind for r in missing] == ["unreadable"] and "cannot open" in missing[0].skip
    assert all("\n" not in r.skip for r in wrong + missing + [only, last])


def test_payload_over_the_cap_is_skipped_without_stopping(tmp_path):
    path = write_warc(
        tmp_path / "big.warc.gz",
        [
            {"url": "https://x.example/big.html", "body": b"<html>" + b"x" * 50_000 + b"</html>"},
            {"url": "https://x.example/small.html", "body": page_html("s")},
        ],
    )
    records = list(read_warc(str(path), source="s", settings=FetchSettings(max_bytes=20_000)))
    assert [r.skip_kind for r in records] == ["too-large", None]


def test_uncompressed_warc_reads_and_resumes(tmp_path):
    path = news_warc(tmp_path / "plain.warc", 5, gzip=False)
    records = list(read_warc(str(path), source="s"))
    assert sum(r.ok for r in records) == 5 and len(records) == 16
    assert list(read_warc(str(path), source="s", start=records[7].resume)) == records[8:]


def test_memory_stays_flat_while_streaming(tmp_path):
    """120 pages of ~100 KB (a 12 MB payload stream): the reader holds one record at a time."""
    path = news_warc(tmp_path / "large.warc.gz", 120, words=15_000)
    tracemalloc.start()
    try:
        n = 0
        for r in read_warc(str(path), source="s"):
            n += r.ok
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n == 120
    assert peak < 3 * 1024 * 1024, f"peak traced memory {peak} bytes"


def test_warc_over_http_streams_and_resumes_with_range(server_factory, warc, tmp_path):
    data = warc.read_bytes()
    srv = server_factory(tmp_path, routes={"/cc.warc.gz": range_route(lambda: data)})
    url = f"{srv.base_url}/cc.warc.gz"
    local = list(read_warc(str(warc), source="cc"))
    remote = list(read_warc(url, source="cc", settings=FAST, allow_private=True))
    assert [(r.url, r.skip, r.content, r.position.offset) for r in remote] == [
        (r.url, r.skip, r.content, r.position.offset) for r in local
    ]
    assert remote[0].position.input == url
    rest = list(read_warc(url, source="cc", start=remote[6].resume, settings=FAST))
    assert rest == remote[7:]
    assert srv._server.ranges[-1] == f"bytes={remote[6].resume.offset}-"
    # past the end: nothing left to read, one clear line
    [end] = read_warc(url, source="cc", start=Position(url, len(data) + 10), settings=FAST)
    assert end.skip_kind == "unreadable" and "past the end" in end.skip


def test_warc_over_http_when_the_server_ignores_range(server_factory, warc, tmp_path):
    data = warc.read_bytes()
    srv = server_factory(tmp_path, routes={"/cc.warc.gz": range_route(lambda: data, honour_range=False)})
    url = f"{srv.base_url}/cc.warc.gz"
    remote = list(read_warc(url, source="cc", settings=FAST))
    assert list(read_warc(url, source="cc", start=remote[9].resume, settings=FAST)) == remote[10:]


def test_http_failures_and_refused_addresses_are_one_unreadable_skip(server_factory, tmp_path):
    def to_private(h):
        h.send_response(302)
        h.send_header("Location", "http://10.0.0.1/cc.warc.gz")
        h.send_header("Content-Length", "0")
        h.end_headers()

    srv = server_factory(tmp_path, routes={"/moved.warc.gz": to_private})
    cases = {
        f"{srv.base_url}/absent.warc.gz": "HTTP 404",
        f"{srv.base_url}/moved.warc.gz": "refused private address 10.0.0.1",
        "http://169.254.169.254/latest/cc.warc.gz": "refused link-local/metadata address",
    }
    for url, reason in cases.items():
        [rec] = read_warc(url, source="cc", settings=FAST)
        assert rec.skip_kind == "unreadable" and reason in rec.skip, rec.skip


def test_payloads_stored_as_sent_are_decoded(tmp_path):
    """Crawlers other than Common Crawl store the body as sent: gzip content-encoding, chunked transfer."""
    html = page_html("enc")
    packed = gzip.compress(html)
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in (packed[:100], packed[100:])) + b"0\r\n\r\n"
    path = write_warc(
        tmp_path / "raw.warc.gz",
        [
            {
                "url": "https://x.example/enc.html",
                "body": chunked,
                "http_headers": [
                    ("Content-Type", "text/html"),
                    ("Content-Encoding", "gzip"),
                    ("Transfer-Encoding", "chunked"),
                ],
            },
            {"url": "https://x.example/next.html", "body": page_html("next")},
        ],
    )
    first, second = read_warc(str(path), source="s")
    assert first.ok and first.content == html
    assert second.ok and second.position == first.resume


def test_connection_lost_mid_file_is_one_unreadable_skip_at_the_last_good_position(
    server_factory, warc, tmp_path
):
    data = warc.read_bytes()
    full = list(read_warc(str(warc), source="cc"))
    cut_at = full[8].position.offset + 40

    def reset(h):
        h.send_response(200)
        h.send_header("Content-Type", "application/warc")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data[:cut_at])
        h.wfile.flush()
        h.close_connection = True
        h.connection.shutdown(2)

    srv = server_factory(tmp_path, routes={"/cc.warc.gz": reset})
    url = f"{srv.base_url}/cc.warc.gz"
    records = list(read_warc(url, source="cc", settings=FAST))
    assert [r.url for r in records[:-1]] == [r.url for r in full[:8]]
    last = records[-1]
    assert last.skip_kind == "unreadable" and last.position.offset == full[8].position.offset
    assert "read failed" in last.skip and "\n" not in last.skip


def test_connection_lost_mid_file_is_resumed_with_a_range_request(server_factory, warc, tmp_path):
    data = warc.read_bytes()
    cut_at = len(data) // 2 + 7  # inside some record
    served = range_route(lambda: data)
    calls = []

    def flaky(h):
        calls.append(h.headers.get("Range"))
        if len(calls) > 1:
            return served(h)
        h.send_response(200)
        h.send_header("Content-Type", "application/warc")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data[:cut_at])
        h.wfile.flush()
        h.close_connection = True
        h.connection.shutdown(2)

    srv = server_factory(tmp_path, routes={"/cc.warc.gz": flaky})
    settings = FetchSettings(connect_timeout=1.0, read_timeout=2.0, retries=1, backoff_base=0.01)
    records = list(read_warc(f"{srv.base_url}/cc.warc.gz", source="cc", settings=settings))
    local = list(read_warc(str(warc), source="cc"))
    assert [(r.url, r.skip, r.content, r.resume.offset) for r in records] == [
        (r.url, r.skip, r.content, r.resume.offset) for r in local
    ]
    assert calls == [None, f"bytes={cut_at}-"]


def test_blocking_transport_judges_resolved_addresses_at_connect_time(server_factory, tmp_path):
    """The sync twin of the SSRF guard: a host *name* resolving to loopback is refused unless allowed."""
    from flows.http import FetchError, Scope
    from flows.http.addresses import CURRENT_SCOPE, _GuardedSyncBackend

    srv = server_factory(tmp_path)
    port = int(srv.base_url.rsplit(":", 1)[1])
    backend = _GuardedSyncBackend()
    with pytest.raises(FetchError, match="refused loopback address"):
        backend.connect_tcp("localhost", port, timeout=1.0)
    token = CURRENT_SCOPE.set(Scope(private_hosts=frozenset({"localhost"})))
    try:
        stream = backend.connect_tcp("localhost", port, timeout=1.0)  # allowed: no FetchError
        stream.close()
    except httpcore.ConnectError:
        pass  # allowed, but `localhost` resolved to ::1 first and the server listens on 127.0.0.1 only
    finally:
        CURRENT_SCOPE.reset(token)
