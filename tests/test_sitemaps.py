"""News sitemaps and sitemap indexes: the pure parser, and the polite walk over a real 127.0.0.1 server."""

from __future__ import annotations

import gzip
from datetime import UTC, date, datetime

import pytest

from flows.archives.sitemap import WalkStats, walk_sitemap
from flows.http import FetchSession, FetchSettings
from tests.faults import send
from transforms.archives import Position
from transforms.sitemaps import date_bounds, in_range, parse_sitemap

NS = (
    'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" '
    'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"'
)


def news_url(loc: str, day: str | None, title: str = "A story", lastmod: str | None = None) -> str:
    news = (
        "<news:news><news:publication><news:name>Wire</news:name><news:language>en</news:language>"
        f"</news:publication><news:publication_date>{day}</news:publication_date>"
        f"<news:title>{title}</news:title></news:news>"
        if day
        else ""
    )
    mod = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
    return (
        f"<url><loc>{loc}</loc>{mod}{news}<image:image><image:loc>{loc}.jpg</image:loc></image:image></url>"
    )


def urlset(*urls: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {NS}>{"".join(urls)}</urlset>'.encode()


def index(*children: tuple[str, str | None]) -> bytes:
    items = "".join(
        f"<sitemap><loc>{u}</loc>{f'<lastmod>{m}</lastmod>' if m else ''}</sitemap>" for u, m in children
    )
    return f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>'.encode()


def test_news_sitemap_entries_with_news_namespace_and_images_ignored():
    doc = urlset(
        news_url("https://wire.example/a", "2025-07-04T10:00:00+05:30", "Envoy &amp; minister meet"),
        news_url("https://wire.example/b", None, lastmod="2025-07-05"),
        news_url("javascript:alert(1)", "2025-07-04"),
    )
    sm = parse_sitemap(doc)
    assert sm.kind == "urlset" and sm.error is None
    a, b = sm.entries
    assert (a.url, a.title, a.index) == ("https://wire.example/a", "Envoy & minister meet", 0)
    assert a.published_at == datetime(2025, 7, 4, 4, 30, tzinfo=UTC)
    assert b.published_at is None and b.lastmod == datetime(2025, 7, 5, tzinfo=UTC) and b.when == b.lastmod
    assert b.index == 1 and not any(e.url.endswith(".jpg") for e in sm.entries)
    assert len(sm.notes) == 1 and "not an absolute http(s) URL" in sm.notes[0]
    assert parse_sitemap(gzip.compress(doc)).entries == sm.entries
    bad_first = parse_sitemap(urlset(news_url("not a url", None), news_url("https://wire.example/c", None)))
    assert [(e.url, e.index) for e in bad_first.entries] == [
        ("https://wire.example/c", 1)
    ]  # place in the document


def test_index_and_refusals():
    idx = parse_sitemap(
        index(("https://wire.example/s1.xml", "2025-07-01"), ("https://wire.example/s2.xml", None))
    )
    assert idx.kind == "index" and [e.url for e in idx.entries] == [
        "https://wire.example/s1.xml",
        "https://wire.example/s2.xml",
    ]
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><urlset>&b;</urlset>'
    )
    assert "declares XML entities" in parse_sitemap(bomb).error
    assert parse_sitemap(b"<html><body>hi</body></html>").error == "not a sitemap: root element <html>"
    assert parse_sitemap(b"not xml at all").error.startswith("not XML")
    assert parse_sitemap(gzip.compress(urlset())[:-10]).error == "truncated gzip sitemap"
    big = gzip.compress(b"<urlset>" + b" " * (51 * 1024 * 1024) + b"</urlset>")
    assert parse_sitemap(big).error.startswith("sitemap too large")


def test_date_range_is_whole_days():
    lo, hi = date_bounds(date(2025, 7, 4), date(2025, 7, 4))
    assert in_range(datetime(2025, 7, 4, 23, 59, tzinfo=UTC), lo, hi)
    assert not in_range(datetime(2025, 7, 5, tzinfo=UTC), lo, hi)
    assert not in_range(datetime(2025, 7, 3, 23, 59, tzinfo=UTC), lo, hi)
    assert not in_range(None, lo, hi) and in_range(None, None, None)


@pytest.fixture
def site(server_factory, tmp_path):
    """An index listing: two news sitemaps (one gzip'd, served as application/x-gzip), an old one
    (last modified before the range: never fetched), a missing one, and a nested index."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "news-1.xml").write_bytes(
        urlset(
            news_url("{{BASE}}/a/1", "2025-07-03T09:00:00Z", "Before the range"),
            news_url("{{BASE}}/a/2", "2025-07-04T09:00:00Z", "In range 2"),
            news_url("{{BASE}}/a/3", "2025-07-05T23:00:00Z", "In range 3"),
        )
    )
    (root / "old.xml").write_bytes(urlset(news_url("{{BASE}}/old/1", "2024-01-01")))
    (root / "more.xml").write_bytes(urlset(news_url("{{BASE}}/a/5", "2025-07-05", "In range 5")))
    (root / "nested.xml").write_bytes(index(("{{BASE}}/more.xml", "2025-07-05")))
    (root / "sitemap.xml").write_bytes(
        index(
            ("{{BASE}}/news-1.xml", "2025-07-05"),
            ("{{BASE}}/old.xml", "2024-01-02"),
            ("{{BASE}}/news-2.xml.gz", None),
            ("{{BASE}}/missing.xml", None),
            ("{{BASE}}/nested.xml", None),
        )
    )
    srv = server_factory(root)
    gz = gzip.compress(urlset(news_url(f"{srv.base_url}/a/4", "2025-07-04", "In range 4")))
    srv.route("/news-2.xml.gz", lambda h: send(h, 200, gz, "application/x-gzip"))
    return srv


SETTINGS = FetchSettings(connect_timeout=1.0, read_timeout=2.0, retries=0, per_host_delay=0.0)


def test_walk_index_politely_with_date_range(site):
    stats = WalkStats()
    with FetchSession(SETTINGS) as session:
        records = list(
            walk_sitemap(
                session,
                f"{site.base_url}/sitemap.xml",
                source="wire-sitemap",
                since=date(2025, 7, 4),
                until=date(2025, 7, 5),
                allow_private=True,
                stats=stats,
            )
        )
    pages = [r for r in records if r.ok]
    assert [r.url.removeprefix(site.base_url) for r in pages] == ["/a/2", "/a/3", "/a/4", "/a/5"]
    assert [r.title for r in pages] == ["In range 2", "In range 3", "In range 4", "In range 5"]
    assert all(r.needs_fetch and r.kind == "sitemap" and r.published_at for r in pages)
    [bad] = [r for r in records if not r.ok]
    assert bad.skip_kind == "sitemap" and bad.skip.endswith("missing.xml: HTTP 404")
    assert "/old.xml" not in site.requests  # last modified before `since`: never fetched
    assert site.requests.count("/sitemap.xml") == 1
    assert (stats.sitemaps_skipped_by_date, stats.out_of_range, stats.sitemaps_failed) == (1, 1, 1)
    assert pages[1].position == Position(f"{site.base_url}/news-1.xml", 2)


def test_walk_resumes_after_a_recorded_position(site):
    url = f"{site.base_url}/sitemap.xml"
    with FetchSession(SETTINGS) as session:
        full = [r for r in walk_sitemap(session, url, source="s", allow_private=True) if r.ok]
        for k in range(len(full)):
            rest = [
                r for r in walk_sitemap(session, url, source="s", allow_private=True, start=full[k].resume)
            ]
            assert [r for r in rest if r.ok] == full[k + 1 :]
        site.requests.clear()
        gone = Position(f"{site.base_url}/deleted.xml", 3)
        again = [r for r in walk_sitemap(session, url, source="s", allow_private=True, start=gone) if r.ok]
    assert again == full  # the position's sitemap is no longer listed: everything, nothing lost
    assert "/news-1.xml" in site.requests


def test_child_sitemaps_may_not_reach_private_addresses(server_factory, tmp_path):
    root = tmp_path / "evil"
    root.mkdir()
    (root / "sitemap.xml").write_bytes(index(("http://10.0.0.1/sitemap.xml", None)))
    srv = server_factory(root)
    with FetchSession(SETTINGS) as session:
        [rec] = walk_sitemap(session, f"{srv.base_url}/sitemap.xml", source="s", allow_private=True)
    assert rec.skip_kind == "sitemap" and "refused private address 10.0.0.1" in rec.skip


def test_gzip_sitemaps_are_accepted_only_for_sitemap_requests(server_factory, tmp_path):
    gz = gzip.compress(urlset(news_url("https://wire.example/z", "2025-07-04")))
    srv = server_factory(tmp_path)
    srv.route("/octet.xml.gz", lambda h: send(h, 200, gz, "application/octet-stream"))
    srv.route("/typed.xml.gz", lambda h: send(h, 200, gz, "application/x-gzip"))
    with FetchSession(SETTINGS) as session:
        for path in ("/octet.xml.gz", "/typed.xml.gz"):
            [rec] = walk_sitemap(session, srv.base_url + path, source="s")
            assert rec.ok and rec.url == "https://wire.example/z"
        as_page, as_feed = session.fetch_many(
            [
                dict(url=srv.base_url + "/typed.xml.gz", trusted=True, kind="page"),
                dict(url=srv.base_url + "/octet.xml.gz", trusted=True, kind="feed"),
            ]
        )
    assert as_page.error == "refused content type application/x-gzip: not a feed or HTML"
    assert as_feed.error == "refused body: not markup (sniffed; not a feed or HTML)"
