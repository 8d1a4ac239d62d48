"""How long publishing the analysts' read snapshot takes, per warehouse size.

    .venv/bin/python bench/publish_snapshot.py [--mb 50 200 1000]

Builds a throw-away warehouse padded to about N MB (raw_documents payloads,
incompressible), then times publish_snapshot (CHECKPOINT + copy + fsync +
rename) and a full-text index rebuild over ARTICLES synthetic articles.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import pyarrow as pa

from warehouse.session import Warehouse

ARTICLES = 20_000


def build(db: Path, mb: int) -> None:
    wh = Warehouse.open(db, job="bench")
    con = wh.con
    chunk = 1024 * 1024
    n = mb
    con.register(
        "pad",
        pa.table({"doc_id": [f"pad{i}" for i in range(n)], "payload": [os.urandom(chunk) for _ in range(n)]}),
    )
    con.execute("""INSERT INTO raw_documents SELECT doc_id, 'http://pad', 'bench', 'page', now(), 200, NULL,
                   NULL, NULL, octet_length(payload), 'none', payload FROM pad""")
    words = [
        "monsoon",
        "tariff",
        "cricket",
        "election",
        "satellite",
        "budget",
        "rain",
        "market",
        "India",
        "trade",
    ]
    con.execute(f"""INSERT INTO articles BY NAME
        SELECT 'a' || i AS article_id, 'bench' AS source, 'bench ' || i AS title,
               (SELECT string_agg(w, ' ') FROM (SELECT list_element({words}, ((i * 7 + j) % 10) + 1) AS w
                                                FROM range(150) t(j))) AS body,
               150 AS word_count, md5(i::VARCHAR) AS content_hash, 's' || (i % 5000) AS story_id,
               'feed' AS body_origin, now() AS first_seen_at, now() AS updated_at
        FROM range({ARTICLES}) r(i)""")
    wh.close()  # not published: timed below


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, nargs="+", default=[50, 200])
    args = ap.parse_args()
    for mb in args.mb:
        with tempfile.TemporaryDirectory() as d:
            db = Path(d) / "news.duckdb"
            build(db, mb)
            wh = Warehouse.open(db, job="bench")
            t = time.perf_counter()
            wh.search_index()
            fts = time.perf_counter() - t
            t = time.perf_counter()
            snap = wh.publish()
            pub = time.perf_counter() - t
            wh.close()  # already published
            size = snap.stat().st_size / 1e6
            print(
                f"warehouse {size:8.1f} MB: publish_snapshot {pub:6.2f} s ({size / pub:7.1f} MB/s); "
                f"fts rebuild over {ARTICLES} articles {fts:5.2f} s"
            )


if __name__ == "__main__":
    main()
