"""The search index kept current chunk by chunk (warehouse/sql/fts_update.sql) holds what a full
rebuild (PRAGMA create_fts_index) would: the same documents and lengths, terms, document
frequencies and statistics, so the same BM25 scores. Real DuckDB files, real load_chunk."""

from __future__ import annotations

import random

import pytest

from tests.warehouse_support import NOW, article
from warehouse.records import Chunk, RunRecord
from warehouse.session import Warehouse

WORDS = (
    "monsoon rain port volumes judges footbridge contractor Café naïve 2025 Mumbai flood relief "
    "ships container terminal the and of ruled shipping lines routes Gulf Africa compensation "
    "families injured collapse rebuild months price-rise inflation rates bank's outlook"
).split()
QUERIES = ["monsoon rain", "port", "cafe naive", "judges ruled the contractor", "bank outlook", "zzz"]


def text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def chunk(run_id: str, articles) -> Chunk:
    return Chunk(RunRecord(run_id, "test", NOW, NOW, "completed"), articles=list(articles))


def index_content(wh: Warehouse) -> dict:
    """The index as data, without its internal ids."""
    q = {
        "docs": "SELECT name, len FROM fts_main_articles.docs ORDER BY name",
        "dict": "SELECT term, df FROM fts_main_articles.dict ORDER BY term",
        "terms": """SELECT d.name, t.fieldid, k.term, count(*) FROM fts_main_articles.terms t
                    JOIN fts_main_articles.docs d USING (docid) JOIN fts_main_articles.dict k USING (termid)
                    GROUP BY ALL ORDER BY ALL""",
        "stats": "SELECT num_docs, avgdl FROM fts_main_articles.stats",
    }
    out = {k: wh.execute(v).fetchall() for k, v in q.items()}
    out["scores"] = {
        query: wh.execute(
            "SELECT article_id, fts_main_articles.match_bm25(article_id, $q) AS s FROM articles "
            "WHERE s IS NOT NULL ORDER BY article_id",
            {"q": query},
        ).fetchall()
        for query in QUERIES
    }
    return out


def test_chunk_updates_equal_a_full_rebuild(db_path):
    rng = random.Random(12)
    with Warehouse.open(db_path, job="test", wait=0) as wh:
        for c in range(4):  # new copies, then copies changed in place (title, body, both, emptied)
            arts = [
                article(i, story=f"st_{i % 5}", title=text(rng, 4), body=text(rng, 10 + i % 30))
                for i in range(c * 15, c * 15 + 25)
            ]
            arts.append(article(900 + c, title=None, body="the and of"))  # stopwords only: length 0
            wh.load_chunk(chunk(f"r{c}", arts))
        incremental = index_content(wh)
        assert wh.search_index(force=False) == 70 + 4  # current: no rebuild needed
        again = index_content(wh)  # unchanged; BM25 sums may differ in the last bit (parallel order)
        assert {k: v for k, v in again.items() if k != "scores"} == {
            k: v for k, v in incremental.items() if k != "scores"
        }
        for query, hits in again["scores"].items():
            assert [a for a, _ in hits] == [a for a, _ in incremental["scores"][query]]
            assert [s for _, s in hits] == pytest.approx(
                [s for _, s in incremental["scores"][query]], rel=1e-12
            )
        assert wh.search_index(force=True) == 74
        rebuilt = index_content(wh)
    assert incremental["docs"] == rebuilt["docs"]
    assert incremental["dict"] == rebuilt["dict"]
    assert incremental["terms"] == rebuilt["terms"]
    assert incremental["stats"] == rebuilt["stats"]
    for query, hits in rebuilt["scores"].items():  # the same up to the order of summing subscores
        assert [a for a, _ in incremental["scores"][query]] == [a for a, _ in hits]
        assert [s for _, s in incremental["scores"][query]] == pytest.approx([s for _, s in hits], rel=1e-12)
    assert len(rebuilt["scores"]["monsoon rain"]) > 10 and rebuilt["scores"]["zzz"] == []


def test_first_chunk_builds_the_index_and_a_stale_one_is_rebuilt(db_path):
    with Warehouse.open(db_path, job="test", wait=0) as wh:
        wh.load_chunk(chunk("r1", [article(1, title="Monsoon rain"), article(2)]))
        assert wh.execute("SELECT num_docs FROM fts_main_articles.stats").fetchall() == [(2,)]
        # an index that does not cover every article (older code, a killed older run): rebuilt whole
        wh.execute("DELETE FROM fts_main_articles.docs WHERE name = 'a1'")
        wh.load_chunk(chunk("r2", [article(3, title="Monsoon port")]))
        hits = wh.execute(
            "SELECT article_id FROM articles WHERE fts_main_articles.match_bm25(article_id, 'monsoon') "
            "IS NOT NULL ORDER BY 1"
        ).fetchall()
    assert hits == [("a1",), ("a3",)]


def test_search_says_when_the_index_misses_articles(db_path):
    from typer.testing import CliRunner

    from flows.cli import app

    with Warehouse.open(db_path, job="test", wait=0) as wh:
        wh.load_chunk(chunk("r1", [article(1, title="Monsoon rain"), article(2, title="Monsoon port")]))
    runner = CliRunner()
    ok = runner.invoke(app, ["search", "monsoon", "--db", str(db_path), "-f", "csv"])
    assert ok.exit_code == 0 and "warning" not in ok.output and ok.output.count("\n") == 3
    with Warehouse.open(db_path, job="test", wait=0) as wh:  # as an older wirehouse could leave it
        wh.execute("DELETE FROM fts_main_articles.docs WHERE name = 'a1'")
    stale = runner.invoke(app, ["search", "monsoon", "--db", str(db_path), "-f", "csv"])
    assert stale.exit_code == 0
    assert "the search index covers 1 of 2 articles" in stale.output and "wirehouse maintain" in stale.output
