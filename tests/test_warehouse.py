import duckdb
import pytest

from tests.warehouse_support import NOW, STORY_A, STORY_B, article, batch
from warehouse.db import WarehouseError, migrate, migration_files
from warehouse.session import Warehouse

__all__ = ["NOW", "STORY_A", "STORY_B", "article", "batch"]  # other test modules import these from here


def connect(path) -> Warehouse:
    return Warehouse.open(path, job="test", wait=0)


def test_migrations_apply_once(fresh_warehouse_db):
    wh = connect(fresh_warehouse_db)  # the first open migrates
    assert wh.applied == [v for v, _, _ in migration_files()]
    con = wh.con
    assert migrate(con, wh.backend.ddl) == []  # second time: nothing pending
    versions = [v for (v,) in con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
    assert versions == [v for v, _, _ in migration_files()]


def test_every_table_and_column_is_commented(warehouse_db):
    con = connect(warehouse_db)
    missing_tables = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND comment IS NULL "
        "AND table_name <> 'schema_migrations'"
    ).fetchall()
    missing_cols = con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal AND schema_name = 'main' "
        "AND comment IS NULL AND table_name <> 'schema_migrations'"
        # DuckLake takes no comments on view columns: the data dictionary has them (views/*.sql)
        + (" AND table_name NOT LIKE 'v\\_%' ESCAPE '\\'" if warehouse_db.startswith("ducklake:") else "")
    ).fetchall()
    assert missing_tables == [] and missing_cols == []


def test_contract_names_exist(warehouse_db):
    con = connect(warehouse_db)
    names = {n for (n,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert {"articles", "stories", "sources", "agencies", "runs", "raw_documents", "fetch_log"} <= names
    assert con.execute("SELECT count(*) FROM agencies").fetchone()[0] >= 1


def test_batch_loads_and_builds_stories(warehouse_db):
    con = connect(warehouse_db)
    longer = STORY_A + "\n\nThe authority expects volumes to keep growing in the second half of the year."
    con.load_chunk(
        batch(
            "r1",
            [
                article(1),
                article(2, syndicator="MENAFN", body=longer, word_count=99),
                article(3, body=STORY_B),
            ],
        ),
    )
    stories = sorted(n for (n,) in con.execute("SELECT n_copies FROM stories").fetchall())
    assert stories == [1, 2]
    story_of = dict(con.execute("SELECT article_id, story_id FROM articles").fetchall())
    assert story_of["a1"] == story_of["a2"] != story_of["a3"]
    # the agency's own copy beats the syndicator's longer one
    assert con.execute(
        "SELECT canonical_article_id FROM stories WHERE story_id = $s", {"s": story_of["a1"]}
    ).fetchone() == ("a1",)
    payload, size = con.execute("SELECT payload, size_bytes FROM raw_documents").fetchone()
    assert size == 6 and payload != b"<rss/>"  # stored compressed


def test_a_failing_batch_lands_not_at_all(warehouse_db):
    con = connect(warehouse_db)
    con.load_chunk(batch("r1", [article(1)]))
    bad = batch("r2", [article(2, body=STORY_B), article(3, source=None)])  # NOT NULL violation mid-batch
    with pytest.raises(duckdb.Error):
        con.load_chunk(bad)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    assert con.execute("SELECT count(*) FROM runs").fetchone() == (1,)


def test_updated_copy_moves_story_and_empties_old_one(warehouse_db):
    con = connect(warehouse_db)
    con.load_chunk(batch("r1", [article(1), article(2, body=STORY_A + " Shares of port operators rose.")]))
    [(old_story, copies)] = con.execute("SELECT story_id, n_copies FROM stories").fetchall()
    assert copies == 2
    # a2 is rewritten into a different story: the old one keeps one copy, a new one appears
    con.load_chunk(batch("r2", [article(2, body=STORY_B, content_hash="changed")]))
    stories = dict(con.execute("SELECT story_id, n_copies FROM stories").fetchall())
    assert stories[old_story] == 1 and len(stories) == 2
    assert con.execute("SELECT run_id FROM articles WHERE article_id = 'a2'").fetchone() == ("r2",)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)


def test_read_only_open_of_missing_warehouse_is_clear(fresh_warehouse_db):
    with pytest.raises(WarehouseError, match="no warehouse at"):
        Warehouse.open_reader(fresh_warehouse_db)
