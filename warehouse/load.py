"""Bulk loading: typed records in, Arrow tables, `INSERT ... SELECT` out.

Nothing here loops over rows issuing SQL: each list of records becomes one
Arrow table (the schemas below are the one place a loaded column is named
and typed) and is moved with the statements in warehouse/sql/. Transactions
belong to the caller (`Warehouse.load_chunk`): these functions only write.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import asdict
from itertools import islice

import duckdb
import pyarrow as pa

from . import events
from .db import registered, sql
from .records import Chunk, FeedStateRow, RawDocument, RunRecord, SourceRow, StoredPayload, Validators

# The articles columns a load writes, in one place: adding a column is a migration, a field of
# transforms.records.Article and a line here (load_articles.sql inserts/updates BY NAME).
ARTICLE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("source", pa.string()),
        ("guid", pa.string()),
        ("url", pa.string()),
        ("canonical_url", pa.string()),
        ("title", pa.string()),
        ("body", pa.string()),
        ("published_at", pa.timestamp("us", tz="UTC")),
        ("byline", pa.string()),
        ("agency", pa.string()),
        ("provider", pa.string()),
        ("syndicator", pa.string()),
        ("dateline_place", pa.string()),
        ("dateline_date", pa.date32()),
        ("word_count", pa.int32()),
        ("content_hash", pa.string()),
        ("story_id", pa.string()),
        ("body_origin", pa.string()),
        ("extraction_method", pa.string()),
        ("raw_doc_id", pa.string()),
        ("cleaning_removed", pa.string()),
        ("is_short", pa.bool_()),
        ("language", pa.string()),
        ("section", pa.string()),
        ("tags", pa.list_(pa.string())),
        ("image_url", pa.string()),
        ("modified_at", pa.timestamp("us", tz="UTC")),
    ]
)
RAW_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("url", pa.string()),
        ("source", pa.string()),
        ("kind", pa.string()),
        ("fetched_at", pa.timestamp("us", tz="UTC")),
        ("http_status", pa.int32()),
        ("content_type", pa.string()),
        ("etag", pa.string()),
        ("last_modified", pa.string()),
        ("size_bytes", pa.int64()),
        ("compression", pa.string()),
        ("payload", pa.binary()),
    ]
)
FETCH_LOG_SCHEMA = pa.schema(
    [
        ("source", pa.string()),
        ("url", pa.string()),
        ("kind", pa.string()),
        ("status", pa.int32()),
        ("bytes", pa.int64()),
        ("elapsed_ms", pa.float64()),
        ("attempt", pa.int32()),
        ("outcome", pa.string()),
        ("error", pa.string()),
        ("fetched_at", pa.timestamp("us", tz="UTC")),
    ]
)
CACHE_SCHEMA = pa.schema([("url", pa.string()), ("etag", pa.string()), ("last_modified", pa.string())])
CHECKPOINT_SCHEMA = pa.schema(
    [
        ("source", pa.string()),
        ("input", pa.string()),
        ("position", pa.string()),
        ("records", pa.int64()),
        ("done", pa.bool_()),
    ]
)
RUN_SCHEMA = pa.schema(
    [
        ("run_id", pa.string()),
        ("flow", pa.string()),
        ("started_at", pa.timestamp("us", tz="UTC")),
        ("finished_at", pa.timestamp("us", tz="UTC")),
        ("status", pa.string()),
        ("feeds_fetched", pa.int32()),
        ("feeds_not_modified", pa.int32()),
        ("items_seen", pa.int32()),
        ("articles_new", pa.int32()),
        ("articles_duplicate", pa.int32()),
        ("failed", pa.int32()),
        ("per_source", pa.string()),
        ("top_failures", pa.string()),
        ("scope", pa.string()),
    ]
)
SOURCE_SCHEMA = pa.schema(
    [
        ("name", pa.string()),
        ("kind", pa.string()),
        ("url", pa.string()),
        ("syndicator", pa.string()),
        ("agency", pa.string()),
        ("fetch_pages", pa.bool_()),
        ("allow_private", pa.bool_()),
    ]
)
_TS = pa.timestamp("us", tz="UTC")
FEED_STATE_SCHEMA = pa.schema(
    [
        ("source", pa.string()),
        ("configured_url", pa.string()),
        ("current_url", pa.string()),
        ("moved_at", _TS),
        ("next_due_at", _TS),
        ("interval_s", pa.float64()),
        ("change_interval_s", pa.float64()),
        ("consecutive_failures", pa.int32()),
        ("health", pa.string()),
        ("last_polled_at", _TS),
        ("last_success_at", _TS),
        ("last_failure_at", _TS),
        ("last_failure_reason", pa.string()),
        ("last_item_at", _TS),
        ("last_response_ms", pa.float64()),
        ("due_reason", pa.string()),
    ]
)
CHECK_SCHEMA = pa.schema(
    [
        ("check_name", pa.string()),
        ("description", pa.string()),
        ("failing", pa.int64()),
        ("sample", pa.list_(pa.string())),
    ]
)


def _records(rows: list, schema: pa.Schema) -> pa.Table:
    """Dataclass records -> an Arrow table with exactly the schema's columns."""
    names = schema.names
    return pa.Table.from_pylist([{n: getattr(r, n) for n in names} for r in rows], schema=schema)


def ids_table(column: str, values: list[str]) -> pa.Table:
    return pa.table({column: pa.array(values, pa.string())})


def upsert_sources(con: duckdb.DuckDBPyConnection, sources: list[SourceRow]) -> None:
    with registered(con, batch_sources=_records(sources, SOURCE_SCHEMA)):
        con.execute(sql("upsert_sources"))


def feed_states(con: duckdb.DuckDBPyConnection, names: list[str]) -> dict[str, FeedStateRow]:
    """source -> its stored polling state, for the named sources that have one."""
    with registered(con, batch_sources=ids_table("name", names)):
        cur = con.execute(sql("feed_states"))
        return {row[0]: FeedStateRow(*row) for row in cur.fetchall()}


FEED_STATE_BATCH = 1000  # feed_state rows per statement (a run over thousands of feeds)


def write_feed_states(con: duckdb.DuckDBPyConnection, rows: Iterable[FeedStateRow]) -> None:
    """Merge these rows into feed_state, FEED_STATE_BATCH at a time (the caller's transaction):
    what a statement holds is bounded, however many feeds a run polled."""
    it = iter(rows)
    while batch := list(islice(it, FEED_STATE_BATCH)):
        with registered(con, batch_feed_state=_records(batch, FEED_STATE_SCHEMA)):
            con.execute(sql("load_feed_state"))


def known_articles(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str]:
    """article_id -> content_hash for the ids already in the warehouse."""
    with registered(con, batch_ids=ids_table("article_id", ids)):
        return dict(con.execute(sql("known_articles")).fetchall())


def http_validators(con: duckdb.DuckDBPyConnection, urls: list[str]) -> dict[str, Validators]:
    with registered(con, batch_urls=ids_table("url", urls)):
        return {u: Validators(u, e, lm) for u, e, lm in con.execute(sql("http_validators")).fetchall()}


def _raw_rows(docs: list[RawDocument]) -> list[dict]:
    rows = []
    for d in docs:
        row = asdict(d)
        gzipped = row.pop("gzipped")
        row["size_bytes"] = len(d.payload)
        row["compression"] = "gzip"
        row["payload"] = gzipped if gzipped is not None else RawDocument.gzip(d.payload)
        rows.append(row)
    return rows


def write_run(con: duckdb.DuckDBPyConnection, run: RunRecord) -> None:
    with registered(con, batch_run=pa.Table.from_pylist([run.row()], schema=RUN_SCHEMA)):
        con.execute(sql("load_run"))


def write_chunk(con: duckdb.DuckDBPyConnection, chunk: Chunk, affected_stories: set[str]) -> None:
    """Write a chunk whose articles carry their final story ids (inside the caller's transaction).

    `affected_stories`: stories the story assignment touched (merged from/into, joined);
    with the stories the chunk's copies belonged to before, they are recomputed."""
    run_id = chunk.run.run_id
    batch_articles = _records(chunk.articles, ARTICLE_SCHEMA)
    with registered(
        con,
        batch_articles=batch_articles,
        batch_raw=pa.Table.from_pylist(_raw_rows(chunk.raw_documents), schema=RAW_SCHEMA),
        batch_fetch_log=_records(chunk.fetch_log, FETCH_LOG_SCHEMA),
        batch_http_cache=_records(chunk.http_cache, CACHE_SCHEMA),
        batch_ids=pa.table({"article_id": batch_articles["article_id"]}),
    ):
        # stories that lose a copy to an update must be recomputed too
        old = [r[0] for r in con.execute(sql("stories_of_articles")).fetchall()]
        story_ids = {a.story_id for a in chunk.articles} | set(old) | affected_stories
        with registered(con, batch_story_ids=ids_table("story_id", sorted(story_ids))):
            their_events = events.touched(con)  # before a merge deletes a story
            con.execute(sql("load_raw_documents"))
            con.execute(sql("load_articles"), {"run_id": run_id})
            con.execute(sql("refresh_stories"))
            events.after_load(con, their_events)  # their counts and sources follow the stories
            con.execute(sql("load_fetch_log"), {"run_id": run_id})
            con.execute(sql("load_http_cache"))
    if chunk.checkpoints:
        with registered(con, batch_checkpoints=_records(chunk.checkpoints, CHECKPOINT_SCHEMA)):
            con.execute(sql("load_backfill_checkpoints"), {"run_id": run_id})
    write_run(con, chunk.run)


def refresh_stories(con: duckdb.DuckDBPyConnection, story_ids: set[str]) -> None:
    """Recompute these stories from their copies (a story left without copies is removed), and
    the events they are in (a story merged away by reconciliation leaves its event)."""
    with registered(con, batch_story_ids=ids_table("story_id", sorted(story_ids))):
        their_events = events.touched(con)
        con.execute(sql("refresh_stories"))
        events.after_load(con, their_events)


def write_checks(con: duckdb.DuckDBPyConnection, run_id: str, checks: list) -> None:
    with registered(con, batch_checks=_records(checks, CHECK_SCHEMA)):
        con.execute(sql("load_quality_checks"), {"run_id": run_id})


def decompress(payload: bytes, compression: str) -> bytes:
    if compression == "gzip":
        return gzip.decompress(payload)
    if compression in ("", "none"):
        return payload
    raise ValueError(f"unknown compression {compression!r}")


def raw_payloads(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, StoredPayload]:
    """doc_id -> the payload as fetched, with what decoding and date checks need."""
    with registered(con, batch_doc_ids=ids_table("doc_id", doc_ids)):
        return {
            d: StoredPayload(decompress(p, c), ct, at)
            for d, c, p, ct, at in con.execute(sql("raw_payloads")).fetchall()
        }
