"""The real ingest flow clusters near-duplicates across runs: an agency feed in run 1, a
syndicator's edited copy of the same story in run 2 -> one story, two articles."""

from __future__ import annotations

from html import escape

from flows.http import FetchSettings
from flows.ingest import ingest
from tests.backends import raw_connect

PARAS = [
    "The board of the port authority on Tuesday approved a Rs 1,450 crore plan to add two container berths, "
    "raising the port's annual capacity by 2.4 million units.",
    "Chairman Sunil Kadam said construction would begin in October and the first berth would be commissioned "
    "within 30 months, subject to environmental clearances.",
    "The expansion will be built on reclaimed land to the north of the existing terminal, and the port will "
    "invite bids from private operators on a 30-year concession.",
    "Container volumes at the port grew 9 per cent in the last financial year, and officials have warned that "
    "the terminals will run out of room by 2028 without new berths.",
]
OTHER = [
    "Schools and colleges in Chennai and three neighbouring districts were closed on Monday after overnight rain "
    "flooded low-lying areas and disrupted suburban train services across the city and its suburbs.",
    "The regional meteorological centre said Nungambakkam recorded 14 cm of rain in the 24 hours ending 8.30 a.m. "
    "and forecast more heavy showers over the next two days for the northern coastal districts.",
    "Corporation workers deployed pumps in several subways, and traffic was diverted from two flooded underpasses "
    "in the southern part of the city, officials said on Monday afternoon.",
]


def rss(items: list[tuple[str, str, list[str]]]) -> str:
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{{{{BASE}}}}/{g}.html</link><guid>{g}</guid>"
        f"<pubDate>Tue, 11 Mar 2025 0{i + 6}:00:00 GMT</pubDate>"
        f"<content:encoded>{escape(''.join(f'<p>{p}</p>' for p in paras))}</content:encoded></item>"
        for i, (g, t, paras) in enumerate(items)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>t</title><link>{{{{BASE}}}}/</link><description>d</description>{body}</channel></rss>"
    )


def test_ingest_runs_cluster_copies_across_runs(tmp_path, server_factory, prefect_harness, warehouse_db):
    db_path = warehouse_db  # on each backend
    root = tmp_path / "site"
    root.mkdir()
    (root / "agency.xml").write_text(
        rss([("pti-1", "Port clears berth expansion", PARAS), ("pti-2", "Rain shuts schools", OTHER)])
    )
    server = server_factory(root)
    sources = tmp_path / "sources.toml"
    sources.write_text(
        '[[sources]]\nname = "pti"\nkind = "rss"\nurl = "{{BASE}}/agency.xml"\nagency = "PTI"\n'
        "allow_private = true\n"
    )
    settings = FetchSettings(retries=0, backoff_base=0.01)
    ingest(sources_file=str(sources), db=str(db_path), base_url=server.base_url, settings=settings)

    # run 2: a syndicator republishes the port story with a new headline, house style, last paragraph cut
    copy = [p.replace("per cent", "percent").replace("Rs ", "Rs.") for p in PARAS[:-1]]
    (root / "menafn.xml").write_text(
        rss([("m-9", "JNPA to add two berths", ["(MENAFN- PTI) " + copy[0], *copy[1:]])])
    )
    sources.write_text(
        sources.read_text() + '\n[[sources]]\nname = "menafn"\nkind = "rss"\n'
        'url = "{{BASE}}/menafn.xml"\nsyndicator = "MENAFN"\nallow_private = true\n'
    )
    ingest(
        sources_file=str(sources),
        db=str(db_path),
        base_url=server.base_url,
        settings=settings,
        all_feeds=True,
    )

    con = raw_connect(db_path)
    rows = con.execute("SELECT source, guid, story_id FROM articles ORDER BY source, guid").fetchall()
    stories = con.execute(
        "SELECT story_id, n_copies, n_sources, canonical_article_id FROM stories ORDER BY n_copies DESC"
    ).fetchall()
    canon_source = con.execute(
        "SELECT a.source FROM stories s JOIN articles a ON a.article_id = "
        "s.canonical_article_id WHERE s.n_copies = 2"
    ).fetchone()[0]
    n_sigs = con.execute("SELECT count(*) FROM article_signatures").fetchone()[0]
    con.close()
    by_guid = {g.rsplit("/", 1)[-1]: sid for _, g, sid in rows}  # feedparser may resolve guids
    assert len(rows) == 3 and n_sigs == 3
    assert by_guid["m-9"] == by_guid["pti-1"] != by_guid["pti-2"]
    assert [(n, s) for _, n, s, _ in stories] == [(2, 2), (1, 1)]
    assert canon_source == "pti"  # the agency's own copy over the syndicator's
