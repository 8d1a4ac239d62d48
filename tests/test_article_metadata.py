"""Page metadata (language, section, tags, lead image, modified time) reaches `articles`
through a real ingest (127.0.0.1 server, Prefect flow run, either backend), and reprocess
refreshes it from the stored page."""

from __future__ import annotations

from datetime import UTC, datetime

from flows.http.client import FetchSettings
from flows.ingest import ingest
from flows.reprocess import reprocess
from tests.backends import raw_connect

PARAGRAPHS = [
    "NEW DELHI, July 30 (PTI) The port authority on Wednesday cleared a plan to add two deep-water "
    "berths, a project that officials said would lift the terminal's yearly capacity by a third.",
    "The expansion will be built in two phases over four years and financed partly by a loan from "
    "a consortium of public-sector banks, the authority said in a statement issued after its board met.",
    "Shipping lines have long complained about waiting times at the terminal during the peak season, "
    "when vessels sometimes queue for several days before a berth becomes free for them.",
]
PAGE = """<!doctype html>
<html lang="en-IN"><head><meta charset="utf-8">
<title>Port clears berth expansion | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="og:title" content="Port clears berth expansion">
<meta property="og:image" content="/img/berths.jpg">
<meta property="article:section" content="Business">
<meta property="article:tag" content="Ports"><meta property="article:tag" content="Infrastructure">
<meta property="article:published_time" content="2025-07-30T09:00:00+05:30">
<meta property="article:modified_time" content="2025-07-30T11:30:00+05:30">
</head><body><article><h1>Port clears berth expansion</h1>
{paras}
</article></body></html>"""
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>{{BASE}}/</link>
<description>d</description><item><guid>port-1</guid><title>Port clears berth expansion</title>
<link>{{BASE}}/port.html</link><description>The port authority cleared a plan.</description>
</item></channel></rss>"""


def test_page_metadata_is_loaded_and_reprocessed(tmp_path, server_factory, prefect_harness, warehouse_db):
    db_path = warehouse_db
    root = tmp_path / "site"
    root.mkdir()
    (root / "feed.xml").write_text(FEED)
    (root / "port.html").write_text(PAGE.format(paras="\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)))
    server = server_factory(root)
    sources = tmp_path / "sources.toml"
    sources.write_text(
        '[[sources]]\nname = "harbour"\nkind = "rss"\nurl = "{{BASE}}/feed.xml"\n'
        "fetch_pages = true\nallow_private = true\n"
    )
    settings = FetchSettings(retries=0, backoff_base=0.01)
    ingest(sources_file=str(sources), db=str(db_path), base_url=server.base_url, settings=settings)

    query = "SELECT body_origin, language, section, tags, image_url, modified_at FROM articles"
    con = raw_connect(db_path)
    try:
        rows = con.execute(query).fetchall()
    finally:
        con.close()
    assert len(rows) == 1
    origin, language, section, tags, image_url, modified_at = rows[0]
    assert origin == "page"
    assert language == "en-IN"
    assert section == "Business"
    assert tags == ["Ports", "Infrastructure"]
    assert image_url == f"{server.base_url}/img/berths.jpg"
    assert modified_at == datetime(2025, 7, 30, 6, 0, tzinfo=UTC)

    # a stale row (as loaded before this migration) is refreshed by reprocess from the stored page
    con = raw_connect(db_path, read_only=False)
    try:
        con.execute(
            "UPDATE articles SET language = NULL, section = NULL, tags = [], image_url = NULL, modified_at = NULL"
        )
    finally:
        con.close()
    totals = reprocess(db=str(db_path))
    assert totals["updated"] == 1
    con = raw_connect(db_path)
    try:
        assert con.execute(query).fetchall() == rows
    finally:
        con.close()
