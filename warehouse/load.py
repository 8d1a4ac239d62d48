"""Bulk loading: Arrow tables in, `INSERT ... SELECT` out, one transaction per batch.

Nothing here loops over rows issuing SQL: each batch is registered as an
Arrow table and moved with the statements in warehouse/sql/.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import NamedTuple

import duckdb
import pyarrow as pa

from transforms.records import Article

from . import dedup
from .db import registered, sql, transaction

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


@dataclass(frozen=True, slots=True)
class RawDocument:
    doc_id: str
    url: str
    source: str
    kind: str  # feed | page
    fetched_at: datetime
    http_status: int | None
    content_type: str | None
    etag: str | None
    last_modified: str | None
    payload: bytes  # uncompressed; compressed on load


@dataclass
class LoadBatch:
    """Everything one run writes; it lands whole or not at all."""

    run: dict
    articles: list[Article] = field(default_factory=list)
    raw_documents: list[RawDocument] = field(default_factory=list)
    fetch_log: list[dict] = field(default_factory=list)
    http_cache: list[dict] = field(default_factory=list)
    dedup: dedup.Prepared | None = None  # the articles' sketches, when computed earlier (else in load_batch)


def _table(rows: list[dict], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=schema)


def upsert_sources(con: duckdb.DuckDBPyConnection, sources: list[dict]) -> None:
    with registered(con, batch_sources=_table(sources, SOURCE_SCHEMA)):
        con.execute(sql("upsert_sources"))


def known_articles(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str]:
    """article_id -> content_hash for the ids already in the warehouse."""
    with registered(con, batch_ids=pa.table({"article_id": pa.array(ids, pa.string())})):
        return dict(con.execute(sql("known_articles")).fetchall())


def http_validators(
    con: duckdb.DuckDBPyConnection, urls: list[str]
) -> dict[str, tuple[str | None, str | None]]:
    with registered(con, batch_urls=pa.table({"url": pa.array(urls, pa.string())})):
        return {u: (e, lm) for u, e, lm in con.execute(sql("http_validators")).fetchall()}


def _raw_rows(docs: list[RawDocument]) -> list[dict]:
    rows = []
    for d in docs:
        row = asdict(d)
        row["size_bytes"] = len(d.payload)
        row["compression"] = "gzip"
        row["payload"] = gzip.compress(d.payload, compresslevel=6, mtime=0)
        rows.append(row)
    return rows


def load_batch(con: duckdb.DuckDBPyConnection, batch: LoadBatch) -> dedup.Assignment:
    """Write one run's batch in a single transaction; stories are assigned by near-duplicate
    clustering (warehouse/dedup.py) before the articles are inserted."""
    run_id = batch.run["run_id"]
    prepared = batch.dedup or dedup.prepare(batch.articles)  # sketching: outside the transaction
    tables = {
        "batch_raw": _table(_raw_rows(batch.raw_documents), RAW_SCHEMA),
        "batch_fetch_log": _table(batch.fetch_log, FETCH_LOG_SCHEMA),
        "batch_http_cache": _table(batch.http_cache, CACHE_SCHEMA),
        "batch_run": _table([batch.run], RUN_SCHEMA),
    }
    with transaction(con):
        assignment = dedup.assign_stories(con, prepared, run_id)
        articles = [
            replace(a, story_id=assignment.story_ids.get(a.article_id, a.story_id)) for a in batch.articles
        ]
        batch_articles = _table(
            [{f: getattr(a, f) for f in ARTICLE_SCHEMA.names} for a in articles], ARTICLE_SCHEMA
        )
        with registered(
            con,
            batch_articles=batch_articles,
            **tables,
            batch_ids=pa.table({"article_id": batch_articles["article_id"]}),
        ):
            # stories that lose a copy to an update must be recomputed too
            old = [r[0] for r in con.execute(sql("stories_of_articles")).fetchall()]
            story_ids = {a.story_id for a in articles} | set(old) | assignment.affected
            with registered(
                con, batch_story_ids=pa.table({"story_id": pa.array(sorted(story_ids), pa.string())})
            ):
                con.execute(sql("load_raw_documents"))
                con.execute(sql("load_articles"), {"run_id": run_id})
                con.execute(sql("refresh_stories"))
                con.execute(sql("load_fetch_log"), {"run_id": run_id})
                con.execute(sql("load_http_cache"))
                con.execute(sql("load_run"))
    return assignment


def run_row(**fields) -> dict:
    row = dict(fields)
    for key in ("per_source", "top_failures"):
        if not isinstance(row.get(key), (str, type(None))):
            row[key] = json.dumps(row[key], ensure_ascii=False, sort_keys=True)
    return row


def decompress(payload: bytes, compression: str) -> bytes:
    if compression == "gzip":
        return gzip.decompress(payload)
    if compression in ("", "none"):
        return payload
    raise ValueError(f"unknown compression {compression!r}")


class StoredPayload(NamedTuple):
    payload: bytes  # uncompressed
    content_type: str | None
    fetched_at: datetime


def raw_payloads(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, StoredPayload]:
    """doc_id -> the payload as fetched, with what decoding and date checks need."""
    with registered(con, batch_doc_ids=pa.table({"doc_id": pa.array(doc_ids, pa.string())})):
        return {
            d: StoredPayload(decompress(p, c), ct, at)
            for d, c, p, ct, at in con.execute(sql("raw_payloads")).fetchall()
        }
