"""Scale-out on DuckLake with real processes: the same story committed by two writers at once
ends as one story; a Prefect server on PostgreSQL with two process workers runs two ingest
shards into one lake while an analyst reads. Needs PostgreSQL on 127.0.0.1 (one line names
what is missing otherwise; never skipped)."""

from __future__ import annotations

import multiprocessing as mp
from dataclasses import replace

import pytest

from tests.backends import lake, raw_connect
from tests.test_warehouse import STORY_A, STORY_B, article, batch
from warehouse import dedup, load
from warehouse.session import Warehouse

pytestmark = pytest.mark.slow


def _one_copy(i: int, body: str):
    """Chunk i: one copy of `body` from its own source, with its own raw payload."""
    chunk = batch(f"r{i}", [article(i, body=body, source=f"s{i}", raw_doc_id=f"d{i}")])
    raw = replace(chunk.raw_documents[0], doc_id=f"d{i}", source=f"s{i}")
    return replace(chunk, raw_documents=[raw])


def _writer(db: str, data: str, i: int, body: str, barrier, reconcile: bool, out) -> None:
    """A writer process: assign and write its copy, wait until the other writer has done the same
    (both transactions open, neither sees the other's copy), commit; then reconcile."""
    import os

    os.environ["WIREHOUSE_DATA_PATH"] = data
    chunk = _one_copy(i, body)
    prepared = dedup.prepare(chunk.articles)
    with Warehouse.open(db, job="test") as wh:
        with wh.transaction():
            assignment = wh.assign_stories(prepared, chunk.run.run_id)
            arts = [replace(a, story_id=assignment.story_ids[a.article_id]) for a in chunk.articles]
            load.write_chunk(wh._con, replace(chunk, articles=arts), assignment.affected)
            barrier.wait(60)
        merges = wh._committed(lambda: wh._reconcile(prepared, chunk.run.run_id)) if reconcile else []
    out.put((i, len(merges)))


def _race(db: str, data: str, ids: tuple[int, int], body: str, reconcile: bool) -> list[tuple[int, int]]:
    ctx = mp.get_context("fork")
    barrier, out = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(db, data, i, body, barrier, reconcile, out)) for i in ids]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    return sorted(out.get(timeout=5) for _ in procs)


def test_one_story_committed_by_two_writers_at_once(tmp_path, monkeypatch):
    """Two processes each found a story for a copy of one text in transactions open at the same
    time. Committed alone (round 1, STORY_A) the story splits: what reconciliation is for. With
    the post-commit reconciliation that `Warehouse.load_chunk` runs on DuckLake (round 2,
    STORY_B) it ends as one story, and the merge is in story_merges."""
    with lake(tmp_path) as (db, data):
        monkeypatch.setenv("WIREHOUSE_DATA_PATH", str(data))
        Warehouse.open(db, job="migrate", migrate=True).close()
        split = _race(db, str(data), (1, 2), STORY_A, reconcile=False)
        merged = _race(db, str(data), (3, 4), STORY_B, reconcile=True)
        con = raw_connect(db)
        try:
            per_pair = con.execute(
                "SELECT count(DISTINCT story_id) FROM articles GROUP BY article_id IN ('a1', 'a2') ORDER BY 1"
            ).fetchall()
            keys = con.execute("SELECT count(DISTINCT article_key) FROM article_signatures").fetchone()[0]
            copies = con.execute(
                "SELECT n_copies FROM stories JOIN articles USING (story_id) WHERE article_id = 'a3'"
            ).fetchall()
            merges = con.execute("SELECT from_story, into_story, article_id FROM story_merges").fetchall()
            into = con.execute("SELECT story_id FROM articles WHERE article_id = 'a4'").fetchone()[0]
        finally:
            con.close()
    assert split == [(1, 0), (2, 0)]
    assert keys == 4  # no two copies share an article_key, even committed at once
    assert per_pair == [(1,), (2,)]  # STORY_B: one story; STORY_A (not reconciled): split in two
    assert copies == [(2,)]
    assert sum(n for _, n in merged) == 1 and len(merges) == 1 and merges[0][1] == into
