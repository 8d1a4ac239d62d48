"""Cross-run clustering against a real warehouse (both backends): signatures and band keys
stored, later copies join earlier stories, a linking copy merges two stories, no article row
is lost. Each run is its own writer session; each check reads in one session after it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from transforms.assemble import word_count
from transforms.fingerprint import article_id, content_hash, story_id_for
from transforms.records import Article
from warehouse.records import Chunk, RunRecord
from warehouse.session import Warehouse

T0 = datetime(2025, 7, 4, 6, tzinfo=UTC)

P1 = (
    "India's Ambassador to Japan on Friday called on the Japanese Defence Minister, discussing initiatives to "
    "deepen defence cooperation between the two countries in the Indo-Pacific region."
)
P2 = (
    '"The two sides exchanged views on advancing joint exercises and defence industrial partnerships," the '
    "Japanese Ministry of Defence said in a post on social media after the meeting."
)
P3 = (
    "Officials said the talks covered the co-development of unmanned surface vessels and a proposal to station "
    "liaison officers at each other's naval headquarters from next year."
)
P4 = (
    "The meeting came two months after the defence ministers of both countries held talks in New Delhi and "
    "agreed to hold a maritime dialogue every six months."
)
P5 = (
    "India and Japan elevated their ties to a Special Strategic and Global Partnership in 2014 and have since "
    "signed agreements on logistics support and the transfer of defence equipment."
)
P6 = (
    "Analysts in Tokyo said the visit was the latest sign of a steady build-up in security links, with the two "
    "navies planning a joint exercise in the Bay of Bengal in November and a visit by a Japanese destroyer."
)
P7 = (
    "The Indian embassy said a delegation of Japanese defence companies would visit Bengaluru next month to "
    "meet manufacturers of drones and electronic warfare systems, following talks held in March."
)
OTHER = (
    "Schools and colleges in Chennai and three neighbouring districts were closed on Monday after overnight "
    "rain flooded low-lying areas and disrupted suburban train services across the city.\n\n"
    "The regional meteorological centre said Nungambakkam recorded 14 cm of rain in the 24 hours ending "
    "8.30 a.m. and forecast more heavy showers over the next two days."
)


def art(source: str, guid: str, body: str, hours: float = 0, syndicator: str | None = None) -> Article:
    h = content_hash(body)
    return Article(
        article_id=article_id(source, guid),
        source=source,
        guid=guid,
        url=f"http://x/{source}/{guid}",
        canonical_url=None,
        title=f"title {guid}",
        body=body,
        published_at=T0 + timedelta(hours=hours),
        byline=None,
        agency="IANS",
        provider=None,
        syndicator=syndicator,
        dateline_place=None,
        dateline_date=None,
        word_count=word_count(body),
        content_hash=h,
        story_id=story_id_for(h),
        body_origin="feed",
        extraction_method=None,
        raw_doc_id=None,
        cleaning_removed="[]",
    )


def load(db, run: str, articles: list[Article]):
    with Warehouse.open(db, job="test", wait=0) as wh:
        return wh.load_chunk(
            Chunk(
                run=RunRecord(
                    run_id=run,
                    flow="test",
                    started_at=T0,
                    finished_at=T0,
                    status="completed",
                    items_seen=len(articles),
                    articles_new=len(articles),
                ),
                articles=articles,
            )
        )


@contextmanager
def inspect(db) -> Iterator[Callable[[str], list]]:
    """One session for a run's checks: `query(sql) -> rows`."""
    with Warehouse.open(db, job="test", wait=0) as wh:
        yield lambda q: wh.execute(q).fetchall()


def story_of(query, aid: str) -> str:
    return query(f"SELECT story_id FROM articles WHERE article_id = '{aid}'")[0][0]


def test_copy_in_a_later_run_joins_the_story(warehouse_db):
    db = warehouse_db
    a = art("ians", "a", "\n\n".join([P1, P2, P3, P4, P5]))
    load(db, "run1", [a])
    with inspect(db) as query:
        assert query("SELECT count(*) FROM lsh_bands")[0][0] == 40
        assert query("SELECT count(*), min(n_shingles) > 0 FROM article_signatures")[0] == (1, True)
    # run 2: a syndicator's copy with the last paragraph dropped and house style
    b = art(
        "menafn",
        "b",
        "\n\n".join([P1, P2, P3, P4]).replace("defence", "defense"),
        hours=3,
        syndicator="MENAFN",
    )
    c = art("daily", "c", OTHER, hours=4)
    res = load(db, "run2", [b, c])
    assert res.joined == 1 and res.new_stories == 1
    with inspect(db) as query:
        assert story_of(query, b.article_id) == story_of(query, a.article_id)
        assert story_of(query, c.article_id) != story_of(query, a.article_id)
        sid = story_of(query, a.article_id)
        row = query(f"SELECT canonical_article_id, n_copies, n_sources FROM stories WHERE story_id = '{sid}'")
        assert row == [(a.article_id, 2, 2)]  # the agency's own copy is canonical
        assert query("SELECT count(*) FROM stories")[0][0] == 2


def test_linking_copy_merges_two_stories(warehouse_db):
    db = warehouse_db
    # two halves of one long story arrive as separate truncated copies: different stories at first
    x = art("site1", "x", "\n\n".join([P1, P2, P3]))
    y = art("site2", "y", "\n\n".join([P4, P5, P6, P7]), hours=1)
    load(db, "run1", [x])
    load(db, "run2", [y])
    with inspect(db) as query:
        sx, sy = story_of(query, x.article_id), story_of(query, y.article_id)
    assert sx != sy
    # the full copy contains both: it links them, the later story merges into the earlier one
    z = art("ians", "z", "\n\n".join([P1, P2, P3, P4, P5, P6, P7]), hours=2)
    res = load(db, "run3", [z])
    assert [(m["from_story"], m["into_story"]) for m in res.merges] == [(sy, sx)]
    with inspect(db) as query:
        assert {story_of(query, a.article_id) for a in (x, y, z)} == {sx}
        merges = query("SELECT from_story, into_story, run_id, article_id, n_articles FROM story_merges")
        assert merges == [(sy, sx, "run3", z.article_id, 1)]
        assert query("SELECT count(*) FROM articles")[0][0] == 3
        assert query("SELECT story_id, n_copies FROM stories") == [(sx, 3)]


def test_rerun_and_update_keep_one_sketch_per_copy(warehouse_db):
    db = warehouse_db
    a = art("ians", "a", "\n\n".join([P1, P2, P3, P4, P5]))
    load(db, "run1", [a])
    # the same copy comes back with an added paragraph (content changed, same article id)
    a2 = art("ians", "a", "\n\n".join([P1, P2, P3, P4, P5, P6]))
    load(db, "run2", [a2])
    with inspect(db) as query:
        assert query("SELECT count(*) FROM article_signatures")[0][0] == 1
        assert query("SELECT count(*), count(DISTINCT article_key) FROM lsh_bands")[0] == (40, 1)
        assert query("SELECT count(*) FROM stories")[0][0] == 1


def test_articles_loaded_before_dedup_are_backfilled(warehouse_db):
    db = warehouse_db
    a = art("ians", "a", "\n\n".join([P1, P2, P3, P4, P5]))
    load(db, "run1", [a])
    with Warehouse.open(db, job="test", wait=0) as wh:
        wh.execute("DELETE FROM lsh_bands")
        wh.execute("DELETE FROM article_signatures")
    b = art("outlet", "b", "\n\n".join([P1, P2, P3, P4, P5]), hours=5)
    load(db, "run2", [b])
    with inspect(db) as query:
        assert story_of(query, b.article_id) == story_of(query, a.article_id)
        assert query("SELECT count(*) FROM article_signatures")[0][0] == 2


TEMPLATE = (
    "NEW DELHI, July 4 (IANS) Report {k} of the weather office says the monsoon reached the capital two days "
    "early this year, bringing relief after weeks of heat, and that {k} districts recorded heavy rain on "
    "Friday. Officials said the rain would continue through the weekend across the region, the office said."
)


def test_a_band_key_held_by_many_copies_brings_a_bounded_sample(warehouse_db):
    """Templated reports share most band keys: each stored key brings at most `big_bucket` copies
    to the candidate join (its read stays bounded by the chunk, not by the copies sharing the
    template: issue 15), and a new copy still finds its story through the keys it shares with
    few copies."""
    import pyarrow as pa

    from tests.backends import raw_connect
    from transforms.dedup import DedupConfig
    from warehouse import dedup
    from warehouse.db import registered, sql

    db = warehouse_db
    stored = [art("ians", f"t{k}", TEMPLATE.format(k=k + 11), hours=k / 10) for k in range(12)]
    load(db, "run1", stored)
    with inspect(db) as query:
        assert query("SELECT count(DISTINCT story_id) FROM articles")[0][0] == 12  # 12 reports, 12 stories
    again = art("menafn", "t5", TEMPLATE.format(k=16), hours=2, syndicator="MENAFN")  # a copy of t5

    def candidates(config: DedupConfig) -> tuple[set[str], set[str]]:
        """(the query's candidates, the expected ones: per band key of `again`, the stored copies
        holding it with the `big_bucket` largest article keys)."""
        prepared = dedup.prepare([again], config)
        con = raw_connect(db)
        try:
            held: dict[int, list[tuple[int, str]]] = {}
            for key, akey, aid in con.execute(
                "SELECT band_key, article_key, article_id FROM lsh_bands JOIN article_signatures USING (article_key)"
            ).fetchall():
                held.setdefault(key, []).append((akey, aid))
            expected = {
                aid
                for key in prepared.sketch.keys[0].tolist()
                for _akey, aid in sorted(held.get(key, []), reverse=True)[: config.big_bucket]
            }
            with registered(
                con,
                batch_dedup=pa.table({"article_id": [again.article_id], "pos": [0]}),
                batch_band_keys=dedup._band_keys(prepared.sketch),
            ):
                rows = con.execute(sql("dedup_candidates"), dedup._candidate_params(config)).fetchall()
        finally:
            con.close()
        return {aid for _pos, aid, _shared in rows}, expected

    everyone, expected = candidates(DedupConfig(top_candidates=50))  # buckets of 12 < big_bucket 64
    assert everyone == expected == {a.article_id for a in stored}
    bounded, expected = candidates(DedupConfig(top_candidates=50, big_bucket=3))
    assert bounded == expected and len(bounded) < len(everyone)
    assert stored[5].article_id in bounded  # found through keys few copies hold
    res = load(db, "run2", [again])  # the default config: joins t5's story
    assert res.joined == 1
    with inspect(db) as query:
        assert story_of(query, again.article_id) == story_of(query, stored[5].article_id)


def test_only_the_bodies_a_pair_needs_are_read(warehouse_db, monkeypatch):
    """Many stored copies of one story (the bench's corpus): a new copy has `top_candidates` of
    them as candidates and joins the story with the first that verifies, so the load reads one
    body a story (dedup_candidate_bodies.sql, at most BODY_BATCH a read), not every candidate's:
    reading every candidate's body scanned the whole body column, and the blocks a chunk read
    grew with the stored copies (README, "Peak RSS by N")."""
    from warehouse import dedup

    db = warehouse_db
    body = "\n\n".join([P1, P2, P3, P4, P5])
    load(
        db,
        "run1",
        [art("ians", f"c{k}", body, hours=k / 10) for k in range(30)]
        + [art("daily", f"o{k}", OTHER, hours=k / 10) for k in range(30)],
    )
    reads: list[list[str]] = []
    real = dedup._candidate_bodies

    def counted(con, ids: list[str]) -> dict[str, str]:  # the real read, its ids recorded
        reads.append(list(ids))
        return real(con, ids)

    monkeypatch.setattr(dedup, "_candidate_bodies", counted)
    new = [art("menafn", f"n{k}", body, hours=5, syndicator="MENAFN") for k in range(5)]
    new.append(art("x", "p", OTHER, hours=5))
    res = load(db, "run2", new)
    assert res.joined == 6 and res.new_stories == 0
    assert len(reads) == 1 and len(reads[0]) == 2  # 48 candidates, one body of each story read
    with inspect(db) as query:
        assert story_of(query, new[0].article_id) == story_of(query, art("ians", "c0", body).article_id)
        assert story_of(query, new[5].article_id) == story_of(query, art("daily", "o0", OTHER).article_id)
        assert query("SELECT count(*) FROM stories")[0][0] == 2
