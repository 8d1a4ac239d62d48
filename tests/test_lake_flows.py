"""The maintain, reprocess and backfill flows end to end, as real Prefect flow runs, on each
warehouse backend (`warehouse_db`: the DuckDB file and a DuckLake on PostgreSQL). Small
inputs: the ops corpus (8 items) and a two-line JSON-lines dump."""

from __future__ import annotations

import json

from flows.backfill import backfill
from flows.ingest import ingest
from flows.maintain import maintain
from flows.reprocess import reprocess
from tests.backends import raw_connect
from tests.ops_support import N_ARTICLES, N_STORIES, write_sources

ROWS = "SELECT article_id, body, agency, story_id FROM articles ORDER BY 1"


def test_ingest_reprocess_maintain_and_backfill_flows(
    prefect_harness, server_factory, warehouse_db, tmp_path
):
    from tests.ops_support import CORPUS

    server = server_factory(CORPUS)
    sources = write_sources(tmp_path, server.base_url)
    summary = ingest(sources_file=str(sources), db=warehouse_db, workers=0)
    assert summary.total("new") == N_ARTICLES

    # reprocess: what an older rule set might have stored comes back as the payloads say
    con = raw_connect(warehouse_db, read_only=False)
    try:
        before = con.execute(ROWS).fetchall()
        assert len({r[3] for r in before}) == N_STORIES
        con.execute(
            "UPDATE articles SET body = 'stale text', agency = NULL WHERE article_id = $a",
            {"a": before[0][0]},
        )
    finally:
        con.close()
    first = reprocess(db=warehouse_db)
    assert first["updated"] == 1 and first["failed"] == 0
    assert reprocess(db=warehouse_db)["updated"] == 0  # idempotent

    # maintain: every check passes on what ingest and reprocess left
    checked = maintain(db=warehouse_db)
    assert checked.status == "completed" and not checked.failing_checks
    assert checked.indexed == N_ARTICLES

    # backfill: a JSON-lines dump through the same chunk path, one bad line reported, not fatal
    (tmp_path / "dump.jsonl").write_text(
        json.dumps(
            {
                "url": "https://old.example/a1",
                "title": "Dump one",
                "text": "MUMBAI, July 9 (IANS) " + "word " * 80,
            }
        )
        + "\n{not json\n"
    )
    archive = tmp_path / "archive.toml"
    archive.write_text('[[sources]]\nname = "dump"\nkind = "jsonl"\npath = "dump.jsonl"\n')
    filled = backfill(sources_file=str(archive), db=warehouse_db, workers=0)
    assert filled.total("new") == 1 and filled.skipped() == 1

    con = raw_connect(warehouse_db)
    try:
        assert con.execute(ROWS).fetchall()[: len(before)] == before  # reprocess restored the copy exactly
        runs = dict(con.execute("SELECT flow, count(*) FROM runs GROUP BY flow").fetchall())
        assert runs == {"ingest": 1, "reprocess": 2, "maintain": 1, "backfill": 1}
        assert con.execute("SELECT count(*) FROM articles WHERE source = 'dump'").fetchone() == (1,)
        assert con.execute("SELECT count(*) FROM quality_checks WHERE failing > 0").fetchone() == (0,)
    finally:
        con.close()
