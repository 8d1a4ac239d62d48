from datetime import UTC, datetime

from transforms.feeds import parse_feed

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>
<item><title>One</title><link>http://example.com/1</link><guid>g1</guid>
<pubDate>Fri, 04 Jul 2025 10:15:00 +0530</pubDate><description>teaser</description>
<content:encoded><![CDATA[<p>Full text</p>]]></content:encoded></item>
<item><title>No link</title><guid isPermaLink="false">g2</guid><description>x</description></item>
<item><title>Nothing</title><description>x</description></item>
<item><title>Bad date</title><link>http://example.com/4</link><pubDate>yesterday-ish</pubDate></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>a</title><id>urn:f</id><updated>2025-07-04T00:00:00Z</updated>
<entry><title>E</title><id>https://example.com/e1</id><updated>2025-07-04T08:00:00Z</updated>
<content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>"""


def test_rss_items_map_to_records():
    feed = parse_feed("s", RSS)
    assert feed.error is None
    one, no_link, nothing, bad_date = feed.items
    assert one.guid == "g1" and one.url == "http://example.com/1" and one.title == "One"
    assert one.published_at == datetime(2025, 7, 4, 4, 45, tzinfo=UTC)
    assert one.content == "<p>Full text</p>" and one.summary == "teaser"
    assert no_link.url is None and no_link.guid == "g2" and no_link.error is None
    assert nothing.error == "item has neither link nor guid"
    assert bad_date.published_at is None and bad_date.error is None


def test_atom_id_url_serves_as_link():
    [entry] = parse_feed("s", ATOM).items
    assert entry.url == "https://example.com/e1"
    assert entry.published_at == datetime(2025, 7, 4, 8, tzinfo=UTC)
    assert entry.content == "<p>Body</p>"


def test_not_a_feed_is_a_reason_not_an_exception():
    for data in (b"<html><body><p>hello</p></body></html>", b"", b"\x00\xff garbage"):
        feed = parse_feed("s", data)
        assert feed.items == () and feed.error and feed.error.startswith("not a feed")


def test_truncated_feed_keeps_what_parsed():
    feed = parse_feed("s", RSS[: RSS.index(b"<item><title>No link")])
    assert feed.error is None
    assert [i.guid for i in feed.items] == ["g1"]


def test_content_without_description_is_not_also_a_summary():
    # feedparser copies content:encoded into `summary` when an item has no description
    doc = (
        b'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        b"<channel><title>t</title><item><title>a</title><guid>g</guid>"
        b"<content:encoded><![CDATA[<p>Flash: rates unchanged.</p>]]></content:encoded></item></channel></rss>"
    )
    (it,) = parse_feed("s", doc).items
    assert it.content == "<p>Flash: rates unchanged.</p>" and it.summary is None


def test_rights_and_source_lines_are_kept_for_the_cleaner():
    doc = (
        b'<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        b"<channel><title>t</title>"
        b"<item><title>a</title><guid>a</guid><description>x</description><dc:rights>\xc2\xa9 AFP</dc:rights></item>"
        b'<item><title>b</title><guid>b</guid><description>x</description><source url="https://r.example/">Reuters</source></item>'
        b"<item><title>c</title><guid>c</guid><description>x</description></item>"
        b"</channel></rss>"
    )
    assert [i.rights for i in parse_feed("s", doc).items] == ["\u00a9 AFP", "Reuters", None]
