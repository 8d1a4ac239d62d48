"""The writer's CPU per page in a chunk's load path (issue 12): sketch, story assignment, write,
search index, events, commit, without fetching, extraction, Prefect or process start.

    python3 -m uv run --locked python bench/writer_load.py --pages 1000

Builds N of bench/pipeline.py's pages into articles once (on every core; kept in --cache to
rerun), then loads them into a new file warehouse in chunks of --chunk-size as an ingest run
does (`flows.ingest.prepared`, then `Warehouse.load_chunk`, DuckDB on one thread as beside the
pool) and prints process CPU ms a page of both, after the first chunk (which builds the search
index whole), and of their steps (each step's function wrapped with a CPU timer here). Pages
repeat (91 distinct), so most copies join the stories of earlier chunks, as in the pipeline
bench. CPU time, not wall time: comparable on a loaded machine; compare two trees back to back.
"""

from __future__ import annotations

import argparse
import functools
import pickle
import sys
import tempfile
import time
import uuid
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import pipeline as bench_pipeline  # noqa: E402

import flows.ingest as flow_ingest  # noqa: E402
import warehouse.dedup as wh_dedup  # noqa: E402
import warehouse.events as wh_events  # noqa: E402
import warehouse.load as wh_load  # noqa: E402
import warehouse.session as wh_session  # noqa: E402
from flows.pipeline import Work, build_gzip_slice  # noqa: E402
from transforms.assemble import SourceHints  # noqa: E402
from transforms.fingerprint import doc_id  # noqa: E402
from transforms.records import FeedItem  # noqa: E402
from warehouse.db import sql  # noqa: E402
from warehouse.records import Chunk, RawDocument, RunRecord  # noqa: E402

STEPS = Counter()  # step -> CPU seconds


def _timed(module, name: str, label: str) -> None:
    """Wrap module.name so its CPU time adds to STEPS[label]."""
    fn = getattr(module, name)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        t = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            STEPS[label] += time.process_time() - t

    setattr(module, name, wrapper)


def built(n: int, cache: Path | None) -> list[tuple[Work, tuple]]:
    """N works and what the pool's build gives for each (article or reason, gzip'd page)."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    pages = bench_pipeline.real_pages()
    at = datetime(2025, 7, 1, tzinfo=UTC)
    works = []
    for i in range(n):
        html, url, source = pages[i % len(pages)], f"http://bench.invalid/{i}.html", f"s{i % 4}"
        item = FeedItem(source, url, url, f"Bench item {i}", "Bench item, a teaser.", None, at)
        works.append(
            Work(
                item, SourceHints(source, fetch_pages=True), html, url, "text/html", at, page_doc=doc_id(html)
            )
        )
    with ProcessPoolExecutor() as pool:
        parts = pool.map(build_gzip_slice, [works[i : i + 50] for i in range(0, n, 50)])
        out = list(zip(works, [r for part in parts for r in part]))
    if cache is not None:
        cache.write_bytes(pickle.dumps(out))
    return out


def chunk_of(run_id: str, part: list[tuple[Work, tuple]]) -> Chunk:
    articles = [a for _w, (a, _gz) in part if not isinstance(a, str)]
    raw = {
        w.page_doc: RawDocument(
            w.page_doc, w.url, w.item.source, "page", w.fetched_at, 200, "text/html", None, None, w.html, gz
        )
        for w, (_a, gz) in part
        if w.page_doc is not None and w.html is not None and w.url and w.fetched_at
    }
    run = RunRecord(run_id, "ingest", datetime.now(UTC), None, "running")
    return Chunk(run=run, articles=articles, raw_documents=list(raw.values()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--chunk-size", type=int, default=200)
    ap.add_argument("--cache", type=Path, help="file keeping the built articles between runs")
    a = ap.parse_args()
    work = built(a.pages, a.cache)
    for module, name, label in (
        (wh_dedup, "prepare", "sketch"),
        (wh_events, "prepare", "event terms (prepare)"),
        (wh_dedup, "assign_stories", "story assignment"),
        (wh_load, "write_chunk", "write_chunk"),
        (wh_session, "update_search_index", "search index update"),
        (wh_events, "assign_pending", "events (incl. terms weighed)"),
    ):
        _timed(module, name, label)
    total = {"prepared": 0.0, "load_chunk": 0.0}
    pages = 0
    with tempfile.TemporaryDirectory() as d:
        with wh_session.Warehouse.open(str(Path(d) / "w.duckdb"), job="ingest") as wh:
            wh.execute(sql("threads_set"), {"threads": 1})
            run_id = str(uuid.uuid4())
            for k, i in enumerate(range(0, len(work), a.chunk_size)):
                part = work[i : i + a.chunk_size]
                t0 = time.process_time()
                ready = flow_ingest.prepared(chunk_of(run_id, part))
                t1 = time.process_time()
                wh.load_chunk(ready)
                t2 = time.process_time()
                if k == 0:  # the first chunk builds the index whole
                    STEPS.clear()
                    continue
                total["prepared"] += t1 - t0
                total["load_chunk"] += t2 - t1
                pages += len(part)
    if not pages:
        raise SystemExit("give more pages than one chunk")
    ms = {k: 1000 * v / pages for k, v in total.items()}
    print(
        f"writer load path, {pages} pages after the first chunk of {a.chunk_size}: prepared "
        f"{ms['prepared']:.2f} ms/page, load_chunk {ms['load_chunk']:.2f}, sum {sum(ms.values()):.2f}"
    )
    for label, secs in STEPS.most_common():
        print(f"  {label}: {1000 * secs / pages:.2f} ms/page")


if __name__ == "__main__":
    main()
