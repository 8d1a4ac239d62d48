"""Sources-file entries for backfill: kinds warc, sitemap, jsonl, with path/url, date range and politeness."""

from __future__ import annotations

from datetime import date

import pytest

from flows.http import FetchSettings
from flows.sources import ARCHIVE_KINDS, KINDS, SourcesError, load_sources, parse_sources

ARCHIVES = """
[[sources]]
name = "feed"
kind = "rss"
url = "https://wire.example/rss.xml"

[[sources]]
name = "cc-news"
kind = "warc"
url = "https://data.example/crawl-data/CC-NEWS/2025/07/CC-NEWS-20250704.warc.gz"
delay = 0
concurrency = 8
respect_robots = false

[[sources]]
name = "local-warc"
kind = "warc"
path = "dumps/july.warc.gz"

[[sources]]
name = "wire-sitemap"
kind = "sitemap"
url = "https://wire.example/sitemap_index.xml"
since = 2025-07-01
until = "2025-07-31"
agency = "IANS"

[[sources]]
name = "legacy"
kind = "jsonl"
path = "/srv/export/articles.jsonl.gz"
"""


def test_ingest_sees_feeds_and_backfill_sees_archives(tmp_path):
    assert {"warc", "sitemap", "jsonl", "rss"} <= KINDS
    assert [s.name for s in parse_sources(ARCHIVES)] == ["feed"]  # what ingest reads
    file = tmp_path / "sources.toml"
    file.write_text(ARCHIVES)
    archives = {s.name: s for s in load_sources(file, kinds=ARCHIVE_KINDS)}
    assert list(archives) == ["cc-news", "local-warc", "wire-sitemap", "legacy"]
    assert archives["local-warc"].location == str(tmp_path / "dumps/july.warc.gz")  # relative to the file
    assert archives["legacy"].location == "/srv/export/articles.jsonl.gz"
    assert archives["cc-news"].location.startswith("https://")
    sm = archives["wire-sitemap"]
    assert (sm.since, sm.until, sm.agency) == (date(2025, 7, 1), date(2025, 7, 31), "IANS")


def test_politeness_overrides_apply_to_fetch_settings():
    cc, plain = parse_sources(ARCHIVES, kinds=ARCHIVE_KINDS)[:2]
    s = cc.fetch_settings(FetchSettings(retries=7))
    assert (s.per_host_delay, s.per_host_concurrency, s.respect_robots, s.retries) == (0.0, 8, False, 7)
    assert plain.fetch_settings() == FetchSettings()  # defaults as today


@pytest.mark.parametrize(
    "entry, message",
    [
        ('kind="warc"\npath="a.warc.gz"\nurl="https://x/a.warc.gz"', "give `url` or `path`, not both"),
        ('kind="sitemap"\npath="s.xml"', "`path` is only for kinds warc and jsonl"),
        ('kind="rss"\npath="feed.xml"', "`path` is only for kinds warc and jsonl"),
        ('kind="jsonl"\npath=""', "`path` must be a non-empty string"),
        ('kind="warc"\nurl="s3://bucket/a.warc.gz"', "url must be http(s)"),
        ('kind="warc"\npath="a.warc.gz"\nsince=2025-07-01', "`since`/`until` are only for kind sitemap"),
        ('kind="sitemap"\nurl="https://x/s.xml"\nsince="July"', "`since` must be a date such as 2025-07-01"),
        ('kind="sitemap"\nurl="https://x/s.xml"\nsince=2025-08-01\nuntil=2025-07-01', "is after `until`"),
        ('kind="sitemap"\nurl="https://x/s.xml"\ndelay=-1', "`delay` must be a number of seconds >= 0"),
        ('kind="sitemap"\nurl="https://x/s.xml"\ndelay="fast"', "`delay` must be a number"),
        ('kind="warc"\npath="a"\nconcurrency=0', "`concurrency` must be a whole number >= 1"),
        ('kind="warc"\npath="a"\nconcurrency=2.5', "`concurrency` must be a whole number >= 1"),
        ('kind="warc"\npath="a"\nrespect_robots="no"', "`respect_robots` must be true or false"),
        ('kind="warc"', "`url` is required"),
    ],
)
def test_bad_archive_entries_have_one_line_reasons(entry, message):
    with pytest.raises(SourcesError) as info:
        parse_sources(f'[[sources]]\nname="a"\n{entry}\n', origin="s.toml", kinds=ARCHIVE_KINDS)
    assert message in str(info.value)
    assert str(info.value).startswith("s.toml: source 'a'") or str(info.value).startswith("s.toml: source #1")
    assert "\n" not in str(info.value)


def test_a_bad_archive_entry_fails_ingest_validation_too():
    text = ARCHIVES + '\n[[sources]]\nname="x"\nkind="warc"\nurl="https://x/a.warc.gz"\nconcurrency=0\n'
    with pytest.raises(SourcesError, match="concurrency"):
        parse_sources(text)
