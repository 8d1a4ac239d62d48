"""Dedup speed and memory, side by side with datasketch (not a test; run by hand).

    .venv/bin/python bench/dedup_bench.py                  # 20,000 docs, 100,000 stored, batch of 5,000
    .venv/bin/python bench/dedup_bench.py --docs 5000 --stored 20000 --batch 2000

Reports, in one run:
  1. text -> signature, documents per second on one core: ours (vectorised numpy) and
     datasketch MinHash.bulk with the same number of permutations over the same word shingles
  2. end to end: a warehouse already holding --stored articles (generated synthetically and
     written in bulk), then one load_chunk of --batch new articles (copies, look-alikes and new
     stories): sketch + band-key join + verification + insert + story refresh
  3. peak memory: Python/numpy allocations (tracemalloc) per phase, and the process peak RSS
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pyarrow as pa  # noqa: E402

from transforms.dedup import DedupConfig, MinHasher, shingle_batch, sketch  # noqa: E402
from transforms.dedup.text import tokens  # noqa: E402

T0 = datetime(2025, 1, 1, tzinfo=UTC)
CFG = DedupConfig()
REPEAT = 3


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Corpus:
    """Synthetic wire copy: Zipf-distributed vocabulary, figures, 4-6 paragraphs."""

    def __init__(self, seed: int = 7):
        self.rng = random.Random(seed)
        syll = [
            "ka",
            "ra",
            "mon",
            "tel",
            "shi",
            "val",
            "dor",
            "pen",
            "lu",
            "zam",
            "ber",
            "qui",
            "sto",
            "na",
            "vi",
        ]
        self.vocab = list({"".join(self.rng.choices(syll, k=self.rng.randint(1, 4))) for _ in range(60000)})
        w = np.array([1.0 / (i + 1) for i in range(len(self.vocab))])
        self.cum = np.cumsum(w / w.sum())
        self.nprng = np.random.default_rng(seed)

    def words(self, n: int) -> list[str]:
        idx = np.searchsorted(self.cum, self.nprng.random(n))
        return [self.vocab[min(i, len(self.vocab) - 1)] for i in idx]

    def para(self) -> str:
        ws = self.words(self.rng.randint(30, 55))
        for _ in range(self.rng.randint(1, 3)):
            ws[self.rng.randrange(len(ws))] = str(self.rng.randint(2, 99999))
        return " ".join(ws).capitalize() + "."

    def story(self) -> list[str]:
        return [self.para() for _ in range(self.rng.randint(4, 6))]

    def copy_of(self, paras: list[str]) -> str:
        k = self.rng.random()
        if k < 0.25:
            return "(MENAFN- IANS) " + "\n\n".join(paras) + "\n\n--IANS\n\nab/vd"
        if k < 0.5:
            return "\n\n".join(paras[:-1])
        if k < 0.75:
            return "\n\n".join(paras + [self.para()])
        return "\n\n".join(paras).replace(" per cent", " percent")

    def lookalike(self, paras: list[str]) -> str:
        """The same template with other figures: every number changed."""
        out = []
        for p in paras:
            out.append(" ".join(str(self.rng.randint(2, 99999)) if w.isdigit() else w for w in p.split()))
        return "\n\n".join(out)


def make_docs(c: Corpus, n: int) -> list[str]:
    docs: list[str] = []
    while len(docs) < n:
        s = c.story()
        docs.append("\n\n".join(s))
        for _ in range(c.rng.randint(0, 3)):
            docs.append(c.copy_of(s))
    return docs[:n]


def rate(n: int, secs: float) -> str:
    return f"{n / secs:>10,.0f} docs/s  ({secs:.2f} s)"


def bench_signatures(docs: list[str]) -> tuple[float, float]:
    mh = MinHasher(num_perm=CFG.num_perm, shingle_size=CFG.shingle_size)
    mh.signatures(docs[:200])  # warm up

    def run_ours():
        t = time.perf_counter()
        for i in range(0, len(docs), 256):
            mh.signatures_of(shingle_batch(docs[i : i + 256], CFG.shingle_size))
        return time.perf_counter() - t

    tracemalloc.start()  # memory measured on a separate pass: tracing slows allocation down
    for i in range(0, len(docs), 256):
        mh.signatures_of(shingle_batch(docs[i : i + 256], CFG.shingle_size))
    peak_ours = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    full = float("inf")
    for _ in range(REPEAT):
        t = time.perf_counter()
        sketch(docs, CFG, keep_shingles=False)
        full = min(full, time.perf_counter() - t)
    from datasketch import MinHash

    k = CFG.shingle_size

    def ds(batch):
        sets = []
        for d in batch:
            tk = tokens(d)
            sets.append([" ".join(tk[j : j + k]).encode() for j in range(max(1, len(tk) - k + 1))])
        MinHash.bulk(sets, num_perm=CFG.num_perm)

    def run_theirs():
        t = time.perf_counter()
        for i in range(0, len(docs), 256):
            ds(docs[i : i + 256])
        return time.perf_counter() - t

    # best of REPEAT, alternating, so a busy machine penalises both sides alike
    ours, theirs = float("inf"), float("inf")
    for _ in range(REPEAT):
        ours = min(ours, run_ours())
        theirs = min(theirs, run_theirs())
    tracemalloc.start()
    ds(docs[:2048])
    peak_theirs = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    n = len(docs)
    print(
        f"1. text -> signature ({n:,} docs, best of {REPEAT}, {CFG.num_perm} permutations, word {k}-shingles, one core)"
    )
    print(f"   ours (numpy)          {rate(n, ours)}   peak {peak_ours / 2**20:,.0f} MiB")
    print(f"   datasketch bulk       {rate(n, theirs)}   peak {peak_theirs / 2**20:,.0f} MiB")
    print(f"   speed-up              {theirs / ours:>10.1f}x")
    print(
        f"   ours, full sketch (signature + lead signature + {CFG.n_keys} band keys + shingle sets off): "
        f"{rate(n, full).strip()}"
    )
    return n / ours, theirs / ours


def build_store(path: Path, c: Corpus, n: int) -> list[list[str]]:
    """Write n stored articles (with sketches, band keys and stories) in bulk; return their stories."""
    from warehouse.dedup import _store
    from warehouse.session import Warehouse

    stories, bodies = [], []
    while len(bodies) < n:
        s = c.story()
        stories.append(s)
        bodies.append("\n\n".join(s))
    ids = [f"a{i:07d}" for i in range(n)]
    t = time.perf_counter()
    wh = Warehouse.open(path, job="bench")
    con = wh.con
    arts = pa.table(
        {
            "article_id": ids,
            "source": ["bench"] * n,
            "body": bodies,
            "published_at": pa.array(
                [T0 + timedelta(minutes=i) for i in range(n)], pa.timestamp("us", tz="UTC")
            ),
            "word_count": pa.array([len(b.split()) for b in bodies], pa.int32()),
            "content_hash": ids,
            "story_id": [f"stored_{i:07d}" for i in range(n)],
        }
    )
    con.register("bench_articles", arts)
    con.begin()
    con.execute(
        "INSERT INTO articles (article_id, source, body, published_at, word_count, content_hash, story_id,"
        " body_origin, first_seen_at, updated_at) SELECT article_id, source, body, published_at, word_count,"
        " content_hash, story_id, 'feed', published_at, published_at FROM bench_articles"
    )
    con.execute(
        "INSERT INTO stories SELECT story_id, article_id, NULL, NULL, published_at, published_at,"
        " published_at, 1, 1 FROM bench_articles"
    )
    for i in range(0, n, 20000):
        sk = sketch(bodies[i : i + 20000], CFG, keep_shingles=False)
        _store(
            con,
            "bench",
            ids[i : i + 20000],
            np.arange(i + 1, i + 1 + len(sk.n_shingles), dtype=np.int64),
            sk,
            CFG,
        )
    con.commit()
    wh.close()
    print(
        f"   stored {n:,} articles with sketches and {n * CFG.n_keys:,} band keys in {time.perf_counter() - t:.1f} s"
    )
    return stories


def bench_end_to_end(c: Corpus, n_stored: int, n_batch: int) -> float:
    from transforms.records import Article
    from warehouse.records import Chunk, RunRecord
    from warehouse.session import Warehouse

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        print(f"2. end to end: {n_stored:,} articles already stored, then one batch of {n_batch:,}")
        stories = build_store(path, c, n_stored)
        texts, when = [], []
        for i in range(n_batch):
            k = i % 4
            j = c.rng.randrange(len(stories))
            s = stories[j]
            texts.append(c.copy_of(s) if k < 2 else c.lookalike(s) if k == 2 else "\n\n".join(c.story()))
            # copies arrive hours after the stored copy; look-alikes a day or more later
            when.append(
                T0 + timedelta(minutes=j, hours=c.rng.randint(1, 20) if k < 2 else 24 * c.rng.randint(1, 5))
            )
        arts = [
            Article(
                article_id=f"new{i:07d}",
                source="bench2",
                guid=None,
                url=None,
                canonical_url=None,
                title=None,
                body=b,
                published_at=when[i],
                byline=None,
                agency=None,
                provider=None,
                syndicator=None,
                dateline_place=None,
                dateline_date=None,
                word_count=len(b.split()),
                content_hash=f"h{i}",
                story_id="provisional",
                body_origin="feed",
                extraction_method=None,
                raw_doc_id=None,
                cleaning_removed="[]",
            )
            for i, b in enumerate(texts)
        ]
        run = RunRecord(
            run_id="bench-run",
            flow="bench",
            started_at=T0,
            finished_at=T0,
            status="completed",
            items_seen=n_batch,
            articles_new=n_batch,
        )
        wh = Warehouse.open(path, job="bench")
        con = wh.con
        if os.environ.get("BENCH_PROFILE"):
            import cProfile
            import pstats

            prof = cProfile.Profile()
            prof.enable()
        t = time.perf_counter()
        res = wh.load_chunk(Chunk(run=run, articles=arts))
        secs = time.perf_counter() - t
        if os.environ.get("BENCH_PROFILE"):
            prof.disable()
            pstats.Stats(prof).sort_stats("cumtime").print_stats(25)
        joined = con.execute(
            "SELECT count(*) FROM articles WHERE article_id LIKE 'new%' AND story_id LIKE 'stored_%'"
            " AND (article_id[4:]::INTEGER) % 4 < 2"
        ).fetchone()[0]
        false = con.execute(
            "SELECT count(*) FROM articles WHERE article_id LIKE 'new%' AND story_id LIKE 'stored_%'"
            " AND (article_id[4:]::INTEGER) % 4 >= 2"
        ).fetchone()[0]
        wh.close()
        print(f"   load_chunk (sketch + candidate join + verify + insert + refresh) {rate(n_batch, secs)}")
        print(
            f"   {joined:,} of {n_batch // 2:,} copies joined their stored story; {false:,} look-alikes or new "
            f"stories wrongly joined one; {res.new_stories:,} new stories"
        )
        return n_batch / secs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--stored", type=int, default=100000)
    ap.add_argument("--batch", type=int, default=5000)
    args = ap.parse_args()
    c = Corpus()
    docs = make_docs(c, args.docs)
    words = sum(len(d.split()) for d in docs) / len(docs)
    print(f"synthetic corpus: {len(docs):,} docs, {words:.0f} words on average")
    dps, speedup = bench_signatures(docs)
    rss1 = rss_mib()
    e2e = bench_end_to_end(c, args.stored, args.batch)
    print(
        f"3. process peak RSS: {rss1:,.0f} MiB after phase 1, {rss_mib():,.0f} MiB after phase 2 "
        f"(includes DuckDB building the {args.stored:,}-article store)"
    )
    print(
        f"targets: >= 5,000 docs/s text->signature [{dps:,.0f}], >= 2,000 docs/s end to end [{e2e:,.0f}], "
        f">= 2x datasketch [{speedup:.1f}x]"
    )


if __name__ == "__main__":
    main()
