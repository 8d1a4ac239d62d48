"""Never lose an item: short full-content items, summary-only items and flashes are loaded.

Unit tests of the pure decisions in transforms/assemble.py, then one real ingest
(a real HTTP server on 127.0.0.1, a real warehouse on either backend, a real Prefect flow run).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from transforms.assemble import (
    ORIGIN_FEED,
    ORIGIN_PAGE,
    ORIGIN_SUMMARY,
    SourceHints,
    assemble,
    feed_text,
    needs_page,
    page_failed,
)
from transforms.records import Extracted, FeedItem

SHORT_STORY = (
    "<p>KABUL, March 2 (Reuters) - A magnitude 5.9 earthquake struck northern Afghanistan on Sunday, "
    "the U.S. Geological Survey said, damaging houses in two districts.</p>"
    "<p>There were no immediate reports of casualties, a provincial spokesman said.</p>"
)  # two paragraphs, ~40 words: a whole story
FLASH = "<p>BREAKING: Bank of Japan keeps rates unchanged, yen weakens.</p>"
SUMMARY = "Shares in Asia fell on Monday as investors weighed fresh tariff threats against strong earnings."
PUB = datetime(2025, 3, 2, 9, 0, tzinfo=UTC)


def item(
    guid: str, *, content: str | None = None, summary: str | None = None, url: str | None = "x"
) -> FeedItem:
    return FeedItem(
        source="s",
        guid=guid,
        url=f"https://news.example/{guid}" if url else None,
        title=f"Title {guid}",
        summary=summary,
        content=content,
        published_at=PUB,
    )


def test_short_full_content_is_full_text_whatever_its_length():
    it = item("short", content=SHORT_STORY, summary="A quake struck northern Afghanistan.")
    assert feed_text(it) == SHORT_STORY
    assert not needs_page(it, SourceHints("s", fetch_pages=True))
    a = assemble(it, SourceHints("s"))
    assert a.body_origin == ORIGIN_FEED and not a.is_short
    assert a.agency == "REUTERS" and a.body.startswith("A magnitude 5.9 earthquake")


def test_content_that_only_repeats_a_short_summary_is_a_teaser():
    it = item("teaser", content=f"<p>{SUMMARY}</p>", summary=f"<p>{SUMMARY}</p>")
    assert feed_text(it) is None
    assert needs_page(it, SourceHints("s", fetch_pages=True))


def test_summary_is_loaded_when_the_source_does_not_fetch_pages():
    a = assemble(item("sum", summary=SUMMARY), SourceHints("s", fetch_pages=False))
    assert (a.body_origin, a.body) == (ORIGIN_SUMMARY, SUMMARY)
    assert a.is_short  # 16 words: a bare summary is flagged like a flash


@pytest.mark.parametrize(
    "page",
    [
        page_failed("page fetch failed: HTTP 404"),
        page_failed("page fetch failed: refused private address 10.0.0.1"),
        Extracted(reason="no article found"),
    ],
)
def test_summary_is_loaded_when_the_page_cannot_be_had(page):
    a = assemble(item("sum", summary=SUMMARY), SourceHints("s", fetch_pages=True), page=page, feed_doc_id="f")
    assert (a.body_origin, a.raw_doc_id, a.extraction_method) == (ORIGIN_SUMMARY, "f", None)


def test_summary_is_loaded_when_the_item_has_no_link():
    a = assemble(item("nolink", summary=SUMMARY, url=None), SourceHints("s", fetch_pages=True))
    assert a.body_origin == ORIGIN_SUMMARY and a.url is None


def test_page_body_wins_over_the_summary():
    page = Extracted(body="The full story from the page, with many more words than the summary.", method="m")
    a = assemble(item("p", summary=SUMMARY), SourceHints("s", fetch_pages=True), page=page, page_doc_id="pg")
    assert (a.body_origin, a.raw_doc_id, a.extraction_method) == (ORIGIN_PAGE, "pg", "m")


def test_flash_is_kept_and_flagged():
    a = assemble(item("flash", content=FLASH), SourceHints("s"))
    assert a.body_origin == ORIGIN_FEED and a.is_short and a.word_count < 20


def test_an_item_without_any_text_still_fails_with_a_reason():
    with pytest.raises(ValueError, match="no text"):
        assemble(item("empty"), SourceHints("s"))
    with pytest.raises(ValueError, match="HTTP 404.*no summary"):
        assemble(
            item("empty"), SourceHints("s", fetch_pages=True), page=page_failed("page fetch failed: HTTP 404")
        )


def test_credit_outside_the_text_names_the_agency():
    it = FeedItem(
        "s", "g", "https://x.example/g", "T", None, "<p>" + "word " * 30 + "</p>", PUB, author="(AFP)"
    )
    assert assemble(it, SourceHints("s", agency="AP")).agency == "AFP"
    footed = FeedItem(
        "s", "g", "https://x.example/g", "T", None, "<p>" + "word " * 30 + "</p>", PUB, rights="© Reuters"
    )
    assert assemble(footed, SourceHints("s", agency="AP")).agency == "REUTERS"


# ------------------------------------------------------------------ through a real ingest


def _rss(base: str) -> str:
    def entry(guid, *, content=None, summary=None, link=True):
        parts = [f"<item><title>Title {guid}</title><guid isPermaLink='false'>{guid}</guid>"]
        if link:
            parts.append(f"<link>{base}/pages/{guid}.html</link>")
        parts.append("<pubDate>Sun, 02 Mar 2025 09:00:00 GMT</pubDate>")
        if content:
            parts.append(f"<content:encoded><![CDATA[{content}]]></content:encoded>")
        if summary:
            parts.append(f"<description>{summary}</description>")
        return "".join(parts) + "</item>"

    items = [
        entry("short-story", content=SHORT_STORY, summary="A quake struck northern Afghanistan."),
        entry("flash", content=FLASH),
        entry("summary-404", summary=SUMMARY),
        entry("summary-nolink", summary=SUMMARY + " Nothing to fetch.", link=False),
        entry("summary-503", summary=SUMMARY + " The page is down."),
    ]
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>'
        f"<link>{base}/</link><description>d</description>{''.join(items)}</channel></rss>"
    )


def test_real_ingest_keeps_short_summary_only_and_flash_items(
    prefect_harness, server_factory, tmp_path, warehouse_db
):
    from flows.ingest import ingest
    from tests.backends import raw_connect
    from tests.faults import send

    db_path = warehouse_db
    root = tmp_path / "site"
    root.mkdir()
    srv = server_factory(root)
    srv.route("/feed.xml", lambda h: send(h, 200, _rss(srv.base_url).encode()))
    srv.route("/pages/summary-503.html", lambda h: send(h, 503, b"down", "text/plain"))
    for name, fetch in (("nofetch", "false"), ("fetch", "true")):
        (tmp_path / f"{name}.toml").write_text(
            f'[[sources]]\nname = "{name}"\nkind = "rss"\nurl = "{srv.base_url}/feed.xml"\n'
            f"fetch_pages = {fetch}\nallow_private = true\n"
        )
    (tmp_path / "both.toml").write_text(
        (tmp_path / "nofetch.toml").read_text() + "\n" + (tmp_path / "fetch.toml").read_text()
    )
    first = ingest(sources_file=str(tmp_path / "both.toml"), db=str(db_path))

    con = raw_connect(db_path)
    rows = {
        (s, g): (o, short)
        for s, g, o, short in con.execute(
            "SELECT source, guid, body_origin, is_short FROM articles"
        ).fetchall()
    }
    # the source that does not fetch pages: every item, the summaries marked as such
    assert rows[("nofetch", "short-story")] == ("feed", False)
    assert rows[("nofetch", "flash")] == ("feed", True)
    for g in ("summary-404", "summary-nolink", "summary-503"):
        assert rows[("nofetch", g)] == ("summary", True), g
    # the source that does: a 404 and a missing link fall back to the summary; a 503 may heal, so it waits
    assert rows[("fetch", "short-story")] == ("feed", False)
    assert rows[("fetch", "flash")] == ("feed", True)
    assert rows[("fetch", "summary-404")] == ("summary", True)
    assert rows[("fetch", "summary-nolink")] == ("summary", True)
    assert ("fetch", "summary-503") not in rows
    assert first.per_source["nofetch"].new == 5 and first.per_source["nofetch"].failed == 0
    assert first.per_source["fetch"].new == 4 and first.per_source["fetch"].failed == 1
    assert first.per_source["fetch"].adjusted == 1  # the 404, noted
    assert con.execute(
        "SELECT count(*) FROM fetch_log WHERE source = 'fetch' AND outcome = 'adjusted' AND error LIKE '%HTTP 404%'"
    ).fetchone() == (1,)
    body = con.execute(
        "SELECT body FROM articles WHERE source = 'fetch' AND guid = 'short-story'"
    ).fetchone()[0]
    assert body.startswith("A magnitude 5.9 earthquake") and body.endswith("a provincial spokesman said.")
    con.close()

    # a second run adds nothing and fetches no page already settled
    seen = len(srv.requests)
    second = ingest(sources_file=str(tmp_path / "both.toml"), db=str(db_path), all_feeds=True)
    assert second.total("new") == 0 and second.total("updated") == 0
    assert "/pages/summary-404.html" not in srv.requests[seen:]
