"""The JSON-lines dump reader: good html/text lines, bad lines as `line N: reason` skips, resume, gzip, HTTP."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime

import pytest

from flows.archives.jsonl import read_jsonl
from flows.http import FetchSettings
from tests.archives_support import range_route
from transforms.archives import Position

LINES = [
    json.dumps({"url": "https://old.example/1", "html": "<html><p>One</p></html>", "title": "One"}),
    json.dumps(
        {
            "url": "https://old.example/2",
            "text": "Tokyo, July 4 (IANS) Two.",
            "title": " Two ",
            "published_at": "2025-07-04T10:00:00+05:30",
            "source": "legacy-ians",
        }
    ),
    "{not json",
    "",
    json.dumps(["a", "list"]),
    json.dumps({"html": "<p>no url</p>"}),
    json.dumps({"url": "ftp://old.example/3", "text": "x"}),
    json.dumps({"url": "https://old.example/4", "text": "   "}),
    json.dumps({"url": "https://old.example/5", "text": "Five", "published_at": "last Tuesday-ish"}),
    json.dumps({"url": "https://old.example/6", "text": 6}),
    json.dumps({"url": "https://old.example/7", "text": "Seven " + "x" * 3000}),
    json.dumps({"url": "https://old.example/8", "text": "Eight", "date": "Fri, 04 Jul 2025 10:00:00 GMT"}),
]
DUMP = ("\n".join(LINES) + "\n").encode()


def test_good_lines_are_records_and_bad_lines_are_skips_with_line_numbers(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(DUMP)
    records = list(read_jsonl(str(path), source="legacy", settings=FetchSettings(max_bytes=2000)))
    assert [r.position.line for r in records] == [
        1,
        2,
        3,
        5,
        6,
        7,
        8,
        9,
        10,
        11,
        12,
    ]  # blank line 4 yields nothing
    one, two = records[0], records[1]
    assert one.content == b"<html><p>One</p></html>" and one.text is None and one.title == "One"
    assert two.text == "Tokyo, July 4 (IANS) Two." and two.content is None and two.title == "Two"
    assert two.published_at == datetime(2025, 7, 4, 4, 30, tzinfo=UTC)
    assert two.source == "legacy" and two.origin == "legacy-ians"
    assert records[-1].ok and records[-1].published_at == datetime(2025, 7, 4, 10, 0, tzinfo=UTC)
    skips = {r.position.line: r.skip for r in records if not r.ok}
    assert skips[3].startswith("line 3: not JSON")
    assert skips[5] == "line 5: not a JSON object"
    assert (
        skips[6]
        == skips[7].replace("line 7", "line 6")
        == "line 6: `url` is required and must be an http(s) URL"
    )
    assert skips[8] == "line 8: neither `html` nor `text` has content"
    assert skips[9].startswith("line 9: published time is not a date")
    assert skips[10] == "line 10: `text` must be a string"
    assert skips[11] == "line 11: line too long (over 2000 bytes)"
    assert all(r.skip_kind == "bad-line" and r.bad for r in records if not r.ok)


def test_resume_from_any_position_yields_exactly_the_rest(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(DUMP)
    records = list(read_jsonl(str(path), source="legacy"))
    for k in range(len(records)):
        assert list(read_jsonl(str(path), source="legacy", start=records[k].resume)) == records[k + 1 :]


def test_gzip_dump_reads_and_resumes_by_line(tmp_path):
    plain = tmp_path / "dump.jsonl"
    plain.write_bytes(DUMP)
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress(DUMP))
    want = [(r.url, r.skip, r.position.line) for r in read_jsonl(str(plain), source="legacy")]
    records = list(read_jsonl(str(path), source="legacy"))
    assert [(r.url, r.skip, r.position.line) for r in records] == want
    assert list(read_jsonl(str(path), source="legacy", start=records[4].resume)) == records[5:]
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(DUMP)[:-30])
    tail = list(read_jsonl(str(cut), source="legacy"))
    assert tail[-1].skip_kind == "unreadable" and tail[-1].skip.startswith("not readable at line")


def test_dump_over_http_with_range_resume(server_factory, tmp_path):
    srv = server_factory(
        tmp_path, routes={"/dump.jsonl": range_route(lambda: DUMP, ctype="application/jsonl")}
    )
    url = f"{srv.base_url}/dump.jsonl"
    settings = FetchSettings(connect_timeout=1.0, read_timeout=2.0, retries=0)
    records = list(read_jsonl(url, source="legacy", settings=settings))
    assert sum(r.ok for r in records) == 4 and len(records) == 11
    assert list(read_jsonl(url, source="legacy", start=records[6].resume, settings=settings)) == records[7:]
    assert srv._server.ranges[-1] == f"bytes={records[6].resume.offset}-"


def test_positions_survive_a_checkpoint_column(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(DUMP)
    records = list(read_jsonl(str(path), source="legacy"))
    stored = records[3].resume.encode()
    assert "\n" not in stored and Position.decode(stored) == records[3].resume
    assert list(read_jsonl(str(path), source="legacy", start=Position.decode(stored))) == records[4:]
    for bad in ("", "[]", '{"offset": 3}', '{"input": "x", "offset": "three"}'):
        with pytest.raises(ValueError, match="not an archive position"):
            Position.decode(bad)
