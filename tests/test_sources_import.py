"""`wirehouse sources import`: OPML and CSV feed lists merged into the sources file."""

from __future__ import annotations

import time

from typer.testing import CliRunner

from flows.cli import app
from flows.sources import load_sources
from transforms.feedlists import parse_csv, parse_opml

runner = CliRunner()

OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>wire desk</title></head><body>
  <outline text="Agencies">
    <outline type="rss" text="AP Top News" xmlUrl="https://ap.example/top.xml" htmlUrl="https://ap.example/"/>
    <outline type="rss" text="Reuters World" title="Reuters: World" xmlUrl="https://reuters.example/world.rss"/>
  </outline>
  <outline type="rss" text="IANS India" xmlUrl="https://ians.example/india.xml" agency="IANS"/>
  <outline type="rss" text="broken" xmlUrl="ftp://nope.example/feed"/>
</body></opml>
"""

EXISTING = """# our feeds: keep this comment
[polling]
min_interval = 10   # minutes

[[sources]]
name = "ians-india"   # renamed by hand: the import must keep the name
kind = "rss"
url = "https://ians.example/india.xml"
agency = "PTI"
"""


def test_opml_import_merges_keeps_comments_and_round_trips(tmp_path):
    sources, opml = tmp_path / "sources.toml", tmp_path / "feeds.opml"
    sources.write_text(EXISTING)
    opml.write_text(OPML)
    first = runner.invoke(app, ["sources", "import", str(opml), "--sources", str(sources)])
    assert first.exit_code == 3, first.output  # one outline skipped
    out = " ".join(first.stdout.split())
    assert "2 added, 1 changed, 0 unchanged, 1 skipped" in out
    assert "ftp://nope.example/feed" in out
    text = sources.read_text()
    assert "# our feeds: keep this comment" in text and "# renamed by hand" in text
    loaded = {s.name: s for s in load_sources(sources)}
    assert set(loaded) == {"ians-india", "ap-top-news", "reuters-world"}
    assert loaded["ians-india"].agency == "IANS"  # the list's value replaced ours
    assert loaded["ap-top-news"].url == "https://ap.example/top.xml"
    assert loaded["ap-top-news"].polling.min_interval == 600  # the file's [polling] applies
    # the same list again changes nothing and leaves the file as it is
    before = sources.read_text()
    again = runner.invoke(app, ["sources", "import", str(opml), "--sources", str(sources)])
    assert "0 added, 0 changed, 3 unchanged" in " ".join(again.stdout.split())
    assert sources.read_text() == before


def test_csv_import_validates_rows_and_creates_the_file(tmp_path):
    csv_file, sources = tmp_path / "feeds.csv", tmp_path / "new" / "sources.toml"
    csv_file.write_text(
        "name,url,agency,fetch_pages,max_interval\n"
        "wam,https://wam.example/en.xml,WAM,true,120\n"
        ",https://kuna.example/rss,,no,\n"
        "bad,not-a-url,,,\n"
        "worse,https://x.example/f,,perhaps,\n"
    )
    result = runner.invoke(app, ["sources", "import", str(csv_file), "--sources", str(sources)])
    assert result.exit_code == 3, result.output
    out = " ".join(result.stdout.split())
    assert "line 4: url must be an http(s) URL" in out and "line 5: `fetch_pages`: not true/false" in out
    loaded = {s.name: s for s in load_sources(sources)}
    assert set(loaded) == {"wam", "kuna-example-rss"}
    assert loaded["wam"].fetch_pages and loaded["wam"].polling.max_interval == 7200


def test_bad_lists_change_nothing(tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(EXISTING)
    for name, body in (("x.opml", "<html/>"), ("x.csv", "title\nfoo\n"), ("x.txt", "")):
        path = tmp_path / name
        path.write_text(body)
        result = runner.invoke(app, ["sources", "import", str(path), "--sources", str(sources)])
        assert result.exit_code == 2 and result.stderr.startswith("error: "), result.output
    # a value the sources file refuses (concurrency 0) refuses the whole import
    bad = tmp_path / "bad.csv"
    bad.write_text("url,concurrency\nhttps://c.example/f,0\n")
    result = runner.invoke(app, ["sources", "import", str(bad), "--sources", str(sources)])
    assert result.exit_code == 2 and "concurrency" in result.stderr
    assert sources.read_text() == EXISTING


def test_parsers_and_a_ten_thousand_feed_file_load_fast(tmp_path):
    entries, problems = parse_opml(OPML.encode())
    assert [e.values["name"] for e in entries] == ["ap-top-news", "reuters-world", "ians-india"]
    assert problems == ["outline 'broken': xmlUrl must be an http(s) URL, got 'ftp://nope.example/feed'"]
    assert parse_opml(b'<!DOCTYPE x [<!ENTITY a "b">]><opml/>')[1][0].startswith("refused")
    assert parse_csv("name\nx\n")[1] == [
        "CSV: the header row must name a `url` column (and optionally name, kind, agency ...)"
    ]
    big = tmp_path / "big.toml"
    big.write_text(
        "".join(
            f'[[sources]]\nname = "feed-{i}"\nkind = "rss"\nurl = "https://h{i % 50}.example/f/{i}.xml"\n'
            'agency = "IANS"\nmin_interval = 10\n\n'
            for i in range(10_000)
        )
    )
    started = time.process_time()  # CPU time: a loaded machine stretches wall time many times over
    assert len(load_sources(big)) == 10_000
    assert time.process_time() - started < 1.5  # well under a second on an idle machine (0.12 s)
