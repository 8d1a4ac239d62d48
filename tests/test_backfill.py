"""`wirehouse backfill`: a WARC served from 127.0.0.1 (slowly, with Range) in a real process
killed with SIGKILL twice mid-file and run again ends with the clean run's warehouse; JSON lines
with bad lines and a news sitemap index load through the same path (the command in this process:
what it checks is its output and the warehouse, not the process)."""

from __future__ import annotations

import json
import os
import re
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.demo.server import CorpusServer
from tests.archives_support import write_warc
from tests.ops_support import WIREHOUSE, harness_api_url, start, subprocess_env, wait_for
from tests.streaming_support import write_corpus
from warehouse.session import Warehouse

if TYPE_CHECKING:
    from flows.backfill import BackfillSummary  # imports Prefect: only when the test runs

pytestmark = pytest.mark.usefixtures("prefect_harness")

ARTICLES = "SELECT article_id, source, url, title, body, content_hash, story_id FROM articles ORDER BY 1"
STORIES = "SELECT * EXCLUDE (first_seen_at, last_seen_at) FROM stories ORDER BY story_id"


def _warc(tmp: Path) -> Path:
    corpus = tmp / "corpus"
    write_corpus(corpus, feeds=2, items=40)
    records: list[dict] = [{"type": "warcinfo"}]
    for i, page in enumerate(sorted((corpus / "articles").glob("*.html"))):
        url = f"https://news.example.com/{page.stem}.html"
        records.append({"type": "request", "url": url})
        records.append({"url": url, "body": page.read_bytes()})
        if i == 10:
            records.append(
                {"url": "https://news.example.com/logo.png", "ctype": "image/png", "body": b"\x89PNG"}
            )
        if i == 20:
            records.append(
                {"url": "https://news.example.com/gone.html", "status": 404, "body": b"<html></html>"}
            )
    return write_warc(tmp / "crawl.warc.gz", records)


def _throttled(data: bytes, sent: list[int], starts: list[int], pause: list[float], piece: int = 2048):
    """Serve `data` with Range support, `piece` bytes at a time, `pause[0]` seconds apart (set it
    while a run is on): a backfill reads it for a while, or at once with a pause of 0."""

    def handler(h) -> None:
        m = re.fullmatch(r"bytes=(\d+)-", h.headers.get("Range") or "")
        start_at = int(m.group(1)) if m else 0
        starts.append(start_at)
        body = data[start_at:]
        h.send_response(206 if m else 200)
        h.send_header("Content-Type", "application/warc")
        h.send_header("Content-Length", str(len(body)))
        if m:
            h.send_header("Content-Range", f"bytes {start_at}-{len(data) - 1}/{len(data)}")
        h.end_headers()
        try:
            for i in range(0, len(body), piece):
                h.wfile.write(body[i : i + piece])
                h.wfile.flush()
                sent.append(start_at + i + len(body[i : i + piece]))  # absolute end offset sent
                if pause[0]:
                    time.sleep(pause[0])
        except OSError:
            pass  # the reader was killed

    return handler


def _state(db: str | Path):
    with Warehouse.open(db, job="inspect", wait=30) as wh:
        return (
            wh.execute(ARTICLES).fetchall(),
            wh.execute(STORIES).fetchall(),
            wh.execute("SELECT status FROM runs WHERE flow = 'backfill' ORDER BY started_at").fetchall(),
            wh.execute("SELECT records, done FROM backfill_checkpoints").fetchall(),
            wh.execute(
                "SELECT count(*) FROM fetch_log WHERE kind = 'item' AND outcome = 'skipped'"
            ).fetchone()[0],
        )


@dataclass
class Warc:
    data: bytes
    sources: Path  # one `warc` source "cc": the file on `server`
    sent: list[int]  # absolute end offsets the server sent (tests clear it)
    starts: list[int]  # where each request started (Range), tests clear it
    pause: list[float]  # seconds between pieces: set while a run is to be killed, else 0
    summary: BackfillSummary  # the clean backfill's
    clean: tuple  # _state of the clean backfill's warehouse


@pytest.fixture(scope="module")
def warc(prefect_harness, tmp_path_factory):
    """A WARC served from 127.0.0.1 and its clean backfill into a file (the reference of every
    backend: the articles' URLs are the WARC's, not the server's), built once per module. The
    clean run is the same flow in this process (a `wirehouse` process costs seconds of start-up);
    the command's summary table is checked in the test."""
    from flows.backfill import backfill

    tmp = tmp_path_factory.mktemp("warc")
    data = _warc(tmp).read_bytes()
    sent: list[int] = []
    starts: list[int] = []
    pause = [0.0]
    with CorpusServer(tmp, {"/crawl.warc.gz": _throttled(data, sent, starts, pause)}) as server:
        sources = tmp / "sources.toml"
        sources.write_text(
            f'[[sources]]\nname = "cc"\nkind = "warc"\nurl = "{server.base_url}/crawl.warc.gz"\nallow_private = true\n'
        )
        summary = backfill(sources_file=str(sources), db=str(tmp / "clean.duckdb"), chunk_size=8, workers=0)
        yield Warc(data, sources, sent, starts, pause, summary, _state(tmp / "clean.duckdb"))


@pytest.mark.xdist_group("backfill-warc")  # one worker builds `warc` for both backends
def test_backfill_warc_killed_and_rerun_matches_a_clean_backfill(warc, warehouse_db):
    """Killed and resumed on each backend; the clean reference is always a file backfill."""
    data, sent, starts, pause = warc.data, warc.sent, warc.starts, warc.pause
    # the runs that are killed read the file slowly (about 12 s for the whole of it: time for
    # chunks to commit before each kill); the clean run and the resumed ones at full speed
    env = subprocess_env(PREFECT_API_URL=harness_api_url())
    logged = dict(env, PREFECT_LOGGING_LEVEL="INFO")  # the killed runs' "chunk committed" lines
    cmd = [*WIREHOUSE, "backfill", "--sources", str(warc.sources), "--chunk-size", "8"]
    from flows.backfill import backfill

    assert warc.summary.per_source["cc"].skipped.get("other-record")  # request and warcinfo records, by kind
    clean_articles, clean_stories, runs, checkpoints, _ = warc.clean
    assert len(clean_articles) == 80 and len(clean_stories) < 80
    assert runs == [("completed",)] and checkpoints[0][1] is True

    db = warehouse_db
    resumed = False
    for fraction in (0.4, 0.75):
        sent.clear()
        pause[0] = 12 / (len(data) / 2048)
        proc = start([*cmd, "--db", str(db)], logged)
        lines: list[str] = []
        reader = threading.Thread(target=lambda p=proc, out=lines: out.extend(p.stderr), daemon=True)
        reader.start()
        wait_for(
            lambda f=fraction, p=proc: max(sent, default=0) >= f * len(data) or p.poll() is not None,
            240,
            "bytes",
            0.002,
        )
        # the second kill comes after a commit: the reading is held (a loaded machine, a DuckLake
        # commit, can take longer than the rest of the file) until one is logged
        if fraction > 0.5:
            pause[0] = 0.5
            wait_for(
                lambda p=proc, out=lines: any("chunk committed" in x for x in out) or p.poll() is not None,
                240,
                "a commit",
            )
        assert proc.poll() is None
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        reader.join(timeout=30)
        for pipe in (proc.stdout, proc.stderr):  # what communicate() closed
            pipe.close()
        pause[0] = 0.0
        articles, _, runs, checkpoints, _ = _state(db)
        assert runs[-1] == ("running",)
        if checkpoints and 0 < checkpoints[0][0]:
            assert checkpoints[0][1] is False and len(articles) < 80
            resumed = True
    assert resumed, "no chunk was committed before a kill"
    # the command that resumes, and the run after it, in this process (a process start costs seconds)
    starts.clear()
    resume = CliRunner().invoke(app, [*cmd[1:], "--db", str(db)])
    assert resume.exit_code == 0, resume.output
    text = resume.output
    assert "records" in text and "resumed from" in text  # the summary table, and where the run resumed
    assert starts and starts[0] > 0  # the rerun started at its checkpoint (a Range request), not at byte 0
    articles, stories, runs, checkpoints, _ = _state(db)
    assert articles == clean_articles and stories == clean_stories
    assert runs == [("crashed",), ("crashed",), ("completed",)]
    assert checkpoints[0][1] is True
    # and once done, a rerun reads nothing
    starts.clear()
    backfill(sources_file=str(warc.sources), db=str(db), chunk_size=8, workers=0)
    assert starts == [] and _state(db)[0] == clean_articles


def test_backfill_jsonl_with_bad_lines_and_a_news_sitemap(tmp_path, server_factory, warehouse_db):
    corpus = tmp_path / "site"
    write_corpus(corpus, feeds=1, items=12)
    pages = sorted((corpus / "articles").glob("*.html"))
    lines = [
        json.dumps(
            {
                "url": "https://old.example/a1",
                "title": "Dump one",
                "text": "MUMBAI, July 9 (IANS) " + "word " * 80,
            }
        ),
        "{not json",
        json.dumps({"title": "no url"}),
        json.dumps({"url": "https://old.example/a2", "html": pages[0].read_text()}),
    ]
    (tmp_path / "dump.jsonl").write_text("\n".join(lines) + "\n")
    entries = "".join(
        f"<url><loc>{{{{BASE}}}}/articles/{p.name}</loc><news:news><news:publication>"
        "<news:name>X</news:name><news:language>en</news:language></news:publication>"
        f"<news:publication_date>2025-07-0{1 + i % 5}</news:publication_date><news:title>T{i}</news:title>"
        "</news:news></url>"
        for i, p in enumerate(pages[1:])
    )
    (corpus / "news.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + entries + "</urlset>"
    )
    (corpus / "index.xml").write_text(
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<sitemap><loc>{{BASE}}/news.xml</loc></sitemap><sitemap><loc>{{BASE}}/missing.xml</loc></sitemap>"
        "</sitemapindex>"
    )
    server = server_factory(corpus)
    (tmp_path / "sources.toml").write_text(
        f'[[sources]]\nname = "dump"\nkind = "jsonl"\npath = "dump.jsonl"\n\n'
        f'[[sources]]\nname = "site"\nkind = "sitemap"\nurl = "{server.base_url}/index.xml"\nallow_private = true\n'
        'since = "2025-07-02"\n'
    )
    db = warehouse_db  # on each backend
    command = ["backfill", "--sources", str(tmp_path / "sources.toml"), "--db", str(db)]
    done = CliRunner().invoke(app, command)
    assert done.exit_code == 0, done.output
    assert "bad-line 2" in done.output
    articles, _, runs, checkpoints, skipped = _state(db)
    by_source: dict[str, int] = {}
    for a in articles:
        by_source[a[1]] = by_source.get(a[1], 0) + 1
    in_range = sum(1 for i in range(len(pages) - 1) if 1 + i % 5 >= 2)
    assert by_source == {"dump": 2, "site": in_range}
    assert runs == [("completed",)] and all(done for _, done in checkpoints)
    assert skipped == 3  # two bad lines, one missing sitemap: one fetch_log line each
    before = len(server.requests)
    again = CliRunner().invoke(app, [*command, "--source", "site"])
    assert again.exit_code == 0, again.output
    assert server.requests[before:] == []  # done: nothing read again


def test_backfill_fetches_the_next_chunks_pages_while_this_chunk_is_processed(
    tmp_path, server_factory, warehouse_db
):
    """In-process flow run: the progress callback (called after each commit, on the flow's thread)
    waits for the next chunk's page requests; without the overlap nothing could fetch them."""
    from flows.backfill import backfill
    from flows.http import FetchSettings

    corpus = tmp_path / "site"
    write_corpus(corpus, feeds=1, items=12)
    pages = sorted((corpus / "articles").glob("*.html"))
    entries = "".join(f"<url><loc>{{{{BASE}}}}/articles/{p.name}</loc></url>" for p in pages)
    (corpus / "news.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + entries
        + "</urlset>"
    )
    server = server_factory(corpus)
    (tmp_path / "sources.toml").write_text(
        f'[[sources]]\nname = "site"\nkind = "sitemap"\nurl = "{server.base_url}/news.xml"\nallow_private = true\n'
    )

    def fetched() -> list[str]:
        return [r for r in server.requests if r.startswith("/articles/")]

    calls: list[int] = []

    def progress(source: str, records: int, fraction: float | None) -> None:
        calls.append(records)
        want = min(records + 4, len(pages))  # this chunk's pages and the next chunk's
        wait_for(lambda: len(fetched()) >= want, 20, "the next chunk's pages, fetched during this chunk")

    summary = backfill(
        sources_file=str(tmp_path / "sources.toml"),
        db=warehouse_db,
        chunk_size=4,
        workers=0,
        settings=FetchSettings(per_host_delay=0, respect_robots=False),
        progress=progress,
    )
    assert calls == [4, 8, 12]
    assert summary.total("new") == len(pages) and summary.status == "completed"
    assert sorted(fetched()) == sorted(f"/articles/{p.name}" for p in pages)  # each page once
