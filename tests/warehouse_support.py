"""Rows for warehouse tests, shared by every test that builds a small warehouse without Prefect:
an `article`, a `batch` (one chunk: run, articles, a raw feed document) and `build` (two
articles, the search index, a published snapshot)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from transforms.records import Article
from warehouse.records import Chunk, RawDocument, RunRecord
from warehouse.session import Warehouse

NOW = datetime(2025, 7, 4, 12, tzinfo=UTC)
STORY_A = (
    "The port authority said on Friday that container volumes rose sharply in June as shipping lines "
    "added new routes to East Africa and the Gulf, and that a second terminal would open next year."
)
STORY_B = (
    "A panel of judges ruled that the city must rebuild the collapsed footbridge within eighteen months "
    "and compensate the families of the injured, rejecting the contractor's claim of force majeure."
)


def article(i: int, story: str = "st_1", **kw) -> Article:
    """Article `a{i}` of source `s` (an IANS copy of STORY_A); keywords override any field."""
    base = dict(
        article_id=f"a{i}",
        source="s",
        guid=f"g{i}",
        url=f"http://x/{i}",
        canonical_url=None,
        title=f"T{i}",
        body=STORY_A,
        published_at=NOW,
        byline=None,
        agency="IANS",
        provider=None,
        syndicator=None,
        dateline_place=None,
        dateline_date=None,
        word_count=30,
        content_hash=f"h{i}",
        story_id=story,
        body_origin="feed",
        extraction_method=None,
        raw_doc_id="d1",
        cleaning_removed="[]",
    )
    base.update(kw)
    return Article(**base)


def batch(run_id: str, articles: list[Article]) -> Chunk:
    """One completed ingest run's chunk: its articles and the feed document `d1` they came from."""
    raw = RawDocument(
        "d1", "http://x/feed", "s", "feed", NOW, 200, "application/rss+xml", None, None, b"<rss/>"
    )
    run = RunRecord(
        run_id=run_id,
        flow="ingest",
        started_at=NOW,
        finished_at=NOW,
        status="completed",
        feeds_fetched=1,
        feeds_not_modified=0,
        items_seen=len(articles),
        articles_new=len(articles),
        articles_duplicate=0,
        failed=0,
        per_source={},
        top_failures=[],
    )
    return Chunk(run=run, articles=articles, raw_documents=[raw], fetch_log=[], http_cache=[])


def monsoon(i: int) -> Article:
    """Article `a{i}` titled "Monsoon port volumes {i}" (what the search and `sql` tests look for)."""
    return article(i, story="st", title=f"Monsoon port volumes {i}", word_count=40, raw_doc_id=None)


def build(db: str | Path) -> None:
    """A small warehouse on either backend: two articles in one run, the search index built and
    (file backend) the snapshot published. No Prefect needed."""
    with Warehouse.open(db, job="test", wait=0) as wh:
        wh.load_chunk(
            Chunk(RunRecord("r1", "test", NOW, NOW, "completed"), articles=[monsoon(1), monsoon(2)])
        )
        wh.search_index()
