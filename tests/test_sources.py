import pytest

from flows.sources import SourcesError, load_sources, parse_sources

GOOD = """
[[sources]]
name = "a"
kind = "rss"
url = "{{BASE}}/feeds/a.xml"
syndicator = "MENAFN"
fetch_pages = true
allow_private = true
"""


def test_parse_substitutes_base_and_reads_hints():
    [s] = parse_sources(GOOD, base_url="http://127.0.0.1:1")
    assert s.url == "http://127.0.0.1:1/feeds/a.xml"
    assert (s.syndicator, s.fetch_pages, s.allow_private) == ("MENAFN", True, True)
    assert s.hints.syndicator == "MENAFN"


@pytest.mark.parametrize(
    "text, message",
    [
        ("not toml [", "not valid TOML"),
        ("x = 1", "no [[sources]] entries"),
        ('[[sources]]\nname="a"\nkind="rss"', "`url` is required"),
        ('[[sources]]\nname="a"\nkind="nntp"\nurl="http://x"', "kind 'nntp'"),
        ('[[sources]]\nname="a"\nkind="rss"\nurl="ftp://x"', "url must be http(s)"),
        ('[[sources]]\nname="a"\nkind="rss"\nurl="http://x"\ncolour="red"', "unknown key(s) colour"),
        (
            '[[sources]]\nname="a"\nkind="rss"\nurl="http://x"\n[[sources]]\nname="a"\nkind="rss"\nurl="http://y"',
            "duplicate name",
        ),
        ('[[sources]]\nname="a"\nkind="rss"\nurl="http://x"\nfetch_pages="yes"', "must be true or false"),
        # a source's keys written above the first header, or a misspelt [polling] table
        (
            'name="b"\nkind="rss"\n[[sources]]\nname="a"\nkind="rss"\nurl="http://x"',
            "unknown top-level key(s) kind, name",
        ),
        (
            '[poling]\nmin_interval=5\n[[sources]]\nname="a"\nkind="rss"\nurl="http://x"',
            "unknown top-level key(s) poling",
        ),
    ],
)
def test_bad_sources_have_one_line_reasons(text, message):
    with pytest.raises(SourcesError) as info:
        parse_sources(text, origin="s.toml")
    assert message in str(info.value)
    assert str(info.value).startswith("s.toml")
    assert "\n" not in str(info.value)


def test_disabled_sources_are_skipped():
    text = GOOD + '\n[[sources]]\nname="b"\nkind="rss"\nurl="http://x"\nenabled=false\n'
    assert [s.name for s in parse_sources(text, base_url="http://127.0.0.1:1")] == ["a"]


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(SourcesError, match="cannot read sources file"):
        load_sources(tmp_path / "nope.toml")


def test_checked_in_sources_file_is_valid():
    from flows.sources import DEFAULT_SOURCES

    sources = load_sources(DEFAULT_SOURCES)
    assert len(sources) >= 3
    assert all(s.url.startswith("https://") for s in sources)
    assert not any(s.allow_private for s in sources)
