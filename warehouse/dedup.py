"""Story assignment against the warehouse: stored band keys, cross-run candidates, merges.

Called by `Warehouse.load_chunk` (warehouse/session.py) inside the chunk's transaction,
before its articles are inserted, so their story ids are final and `refresh_stories.sql`
sees every affected story (including stories emptied by a merge). The slow pure part (sketching the batch) runs
before the transaction, in `prepare`.

Cost of a run: sketch the batch, one equality join of its band keys against `lsh_bands`
(at most `big_bucket` stored copies per key, so a chunk's read is bounded by its own size,
not by how many stored copies share a template), then read the candidate copies (at most
`top_candidates` per new copy) without their bodies, and the bodies only of those a pair still
needs, `BODY_BATCH` at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial

import duckdb
import numpy as np
import pyarrow as pa

from transforms.dedup import (
    DedupConfig,
    Features,
    Sketch,
    UnionFind,
    candidate_pairs,
    decide,
    new_story_id,
    sketch,
    verification_features,
)
from transforms.records import Article

from .db import registered, sql
from .keys import stable_keys
from .records import EventsDone

DEFAULT_CONFIG = DedupConfig()
MERGE_SCHEMA = pa.schema(
    [
        ("from_story", pa.string()),
        ("into_story", pa.string()),
        ("article_id", pa.string()),
        ("reason", pa.string()),
    ]
)
BACKFILL_CHUNK = 5000
# candidate bodies per read: at most DuckDB's dynamic_or_filter_threshold (50), so the read is an
# IN filter on the scan of articles and touches only the blocks of these rows (memory and time
# bounded by the chunk, not by the stored copies: dedup_candidate_bodies.sql)
BODY_BATCH = 50


@dataclass
class Prepared:
    """A batch's sketches, computed outside the load transaction."""

    articles: list[Article]
    sketch: Sketch
    config: DedupConfig = DEFAULT_CONFIG


@dataclass
class Assignment:
    story_ids: dict[str, str]  # article_id -> story_id
    affected: set[str]  # stories to refresh: joined, new, merged from/into
    merges: list[dict] = field(default_factory=list)
    new_stories: int = 0
    joined: int = 0  # batch copies that joined a story from an earlier run
    events: EventsDone = field(default_factory=EventsDone)  # what the same commit did to events


def article_keys(ids: list[str]) -> np.ndarray:
    """The `article_key` of copies: a 63-bit hash of the article id. Derived, not counted, so two
    writers committing at the same time (DuckLake) never hand one key to two copies (a
    `max(article_key) + 1` read in two concurrent transactions would). Copies sketched before
    keep the dense key they were given (`dedup_existing_keys`)."""
    return stable_keys(ids)


def prepare(articles: list[Article], config: DedupConfig = DEFAULT_CONFIG) -> Prepared:
    return Prepared(list(articles), sketch([a.body for a in articles], config), config)


def _store(
    con,
    run_id: str | None,
    ids: list[str],
    keys: np.ndarray,
    sk: Sketch,
    config: DedupConfig,
    replacing: bool = True,
) -> None:
    """Store sketches and band keys of copies `ids` (article keys `keys`) in bulk. `replacing`:
    some of them have stored band keys to drop first (dedup_delete_bands.sql reads the whole
    lsh_bands table, about 40 rows a stored copy, so a chunk of only new copies skips it)."""
    if not ids:
        return
    sigs = pa.table(
        {
            "article_id": pa.array(ids, pa.string()),
            "article_key": pa.array(keys, pa.int64()),
            "sketch_version": pa.array([config.version] * len(ids), pa.string()),
            "n_shingles": pa.array(sk.n_shingles.astype(np.int32), pa.int32()),
            "signature": pa.array([row.astype("<u4").tobytes() for row in sk.signatures], pa.binary()),
        }
    )
    live = sk.keys != 0
    bands = pa.table(
        {
            "band_key": pa.array(sk.keys[live], pa.uint64()),
            "article_key": pa.array(np.broadcast_to(keys[:, None], sk.keys.shape)[live], pa.int64()),
        }
    )
    with registered(con, batch_signatures=sigs, batch_bands=bands):
        if replacing:
            con.execute(sql("dedup_delete_bands"))
        con.execute(sql("dedup_store_signatures"), {"run_id": run_id})
        con.execute(sql("dedup_store_bands"))


def backfill(
    con: duckdb.DuckDBPyConnection, config: DedupConfig = DEFAULT_CONFIG, run_id: str | None = None
) -> int:
    """Sketch stored copies that have none (e.g. loaded before 002_dedup); returns how many."""
    row = con.execute(sql("dedup_counts")).fetchone()
    assert row is not None  # an aggregate query always returns one row
    missing, _ = row
    if missing <= 0:
        return 0
    rows = con.execute(sql("dedup_missing_signatures")).fetchall()
    done = 0
    for i in range(0, len(rows), BACKFILL_CHUNK):
        chunk = rows[i : i + BACKFILL_CHUNK]
        sk = sketch([b for _, b in chunk], config, keep_shingles=False)
        ids = [a for a, _ in chunk]
        _store(con, run_id, ids, article_keys(ids), sk, config)
        done += len(chunk)
    return done


def assign_stories(con: duckdb.DuckDBPyConnection, prepared: Prepared, run_id: str | None) -> Assignment:
    """Give every batch copy its story: join an earlier run's story, found a new one, or merge
    the stories it links; store the batch's sketches. Call inside the load transaction."""
    n = len(prepared.articles)
    if n == 0:
        return Assignment({}, set())
    backfill(con, prepared.config, run_id)
    ids = [a.article_id for a in prepared.articles]
    batch = pa.table({"article_id": pa.array(ids, pa.string()), "pos": pa.array(np.arange(n), pa.int64())})
    with registered(con, batch_dedup=batch):
        return _assign(con, prepared, run_id, ids)


def _assign(
    con: duckdb.DuckDBPyConnection, prepared: Prepared, run_id: str | None, ids: list[str]
) -> Assignment:
    """assign_stories' body, with the batch registered as `batch_dedup`."""
    arts, sk, config = prepared.articles, prepared.sketch, prepared.config
    n = len(arts)
    with registered(con, batch_band_keys=_band_keys(sk)):
        existing = dict(con.execute(sql("dedup_existing_keys")).fetchall())
        old_pairs = con.execute(sql("dedup_candidates"), _candidate_params(config)).fetchall()
    cand_ids = sorted({aid for _, aid, _ in old_pairs})
    old = _candidate_copies(con, cand_ids)

    # verification features: batch copies from the batch sketch, candidates re-shingled from their bodies
    feats: dict = {}
    bodies: dict[str, str] = {}

    def new_feat(i: int):
        if i not in feats:
            a = arts[i]
            feats[i] = Features(
                sk.shingles[i],
                partial(sk.figures.__getitem__, i),
                a.published_at,
                a.dateline_date,
                lead=sk.leads[i],
            )
        return feats[i]

    def old_feat(aid: str, at: int) -> Features:
        """A stored candidate's features, re-shingled from its body when a pair (the `at`-th)
        first needs them: a copy that joined a story skips that story's other candidates (up to
        `top_candidates` copies of one story), so reading and shingling every candidate up front
        was mostly wasted. A missing body is read with those the next pairs will likely need."""
        if ("o", aid) not in feats:
            if aid not in bodies:
                bodies.update(_candidate_bodies(con, wanted(aid, at)))
            feats[("o", aid)] = _stored_features(old, bodies, [aid], config)[aid]
        return feats[("o", aid)]

    def wanted(aid: str, at: int) -> list[str]:
        """`aid` and the unread candidates of the pairs after the `at`-th that are not decided
        yet, one per story (a copy that verifies against one of a story's candidates skips the
        others), at most BODY_BATCH."""
        out, stories = [aid], {old[aid]["story_id"]}
        for _, i, _, other in pairs[at + 1 :]:
            if len(out) >= BODY_BATCH:
                break
            if other is None or other in bodies or old[other]["story_id"] in stories:
                continue
            if uf.find(("n", i)) != uf.find(("s", old[other]["story_id"])):
                out.append(other)
                stories.add(old[other]["story_id"])
        return out

    uf = UnionFind()
    links: dict[int, set[str]] = {}  # batch copy -> earlier stories it matched
    # (score, batch copy, other batch copy or None, earlier candidate copy or None)
    pairs: list[tuple[int, int, int | None, str | None]] = [
        (int(s), int(i), int(j), None) for i, j, s in candidate_pairs(sk.keys, config)
    ]
    pairs += [(int(s), int(p), None, aid) for p, aid, s in old_pairs if aid in old]
    pairs.sort(key=lambda t: -t[0])
    for at, (_, i, j, aid) in enumerate(pairs):
        if aid is None:
            assert j is not None  # batch-batch pairs carry both positions
            if uf.find(("n", i)) == uf.find(("n", j)):
                continue
            if decide(new_feat(i), new_feat(j), config.thresholds).same:
                uf.union(("n", i), ("n", j))
        else:
            story = old[aid]["story_id"]
            if uf.find(("n", i)) == uf.find(("s", story)):
                continue
            if decide(new_feat(i), old_feat(aid, at), config.thresholds).same:
                uf.union(("n", i), ("s", story))
                links.setdefault(i, set()).add(story)

    story_info = {o["story_id"]: (o["story_first_seen"], o["story_copies"]) for o in old.values()}
    comps: dict = {}
    for i in range(n):
        comps.setdefault(uf.find(("n", i)), []).append(i)
    stories_of_comp: dict[object, set[str]] = {}
    for node in list(uf.parent):
        if node[0] == "s":
            stories_of_comp.setdefault(uf.find(node), set()).add(node[1])

    story_ids: dict[str, str] = {}
    affected: set[str] = set()
    merges: list[dict] = []
    fresh: dict = {}
    joined = 0
    for root, members in comps.items():
        olds = stories_of_comp.get(root, set())
        if not olds:
            first = min(
                members,
                key=lambda i: (arts[i].published_at is None, arts[i].published_at or datetime.min, ids[i]),
            )
            fresh[root] = new_story_id(ids[first])
            continue
        ranked = _canonical_first(olds, story_info)
        into = ranked[0]
        for i in members:
            story_ids[ids[i]] = into
        joined += len(members)
        affected.add(into)
        for s in ranked[1:]:
            linker = next((ids[i] for i in members if s in links.get(i, ())), ids[members[0]])
            merges.append(
                dict(
                    from_story=s,
                    into_story=into,
                    article_id=linker,
                    reason=f"copy {linker} matched copies of both stories",
                )
            )
            affected.add(s)
    if fresh:
        proposed = pa.table({"story_id": pa.array(sorted(set(fresh.values())), pa.string())})
        with registered(con, batch_new_story_ids=proposed):
            taken = {r[0] for r in con.execute(sql("dedup_taken_story_ids")).fetchall()}
        for root, sid in fresh.items():
            if sid in taken:
                sid = new_story_id(ids[comps[root][0]], salt=run_id or "")
            for i in comps[root]:
                story_ids[ids[i]] = sid
            affected.add(sid)

    _record_merges(con, merges, run_id)
    keys = article_keys(ids)
    for i, aid in enumerate(ids):
        if aid in existing:
            keys[i] = existing[aid]
    _store(con, run_id, ids, keys, sk, config, replacing=bool(existing))
    return Assignment(story_ids, affected, merges, new_stories=len(fresh), joined=joined)


def reconcile(con: duckdb.DuckDBPyConnection, prepared: Prepared, run_id: str | None) -> list[dict]:
    """Merge the stories that copies committed at the same time by other writers split.

    With concurrent writers (DuckLake) two transactions can each found a story for copies of
    one text: neither sees the other's uncommitted copies, and inserts do not conflict. Run
    after the chunk committed, in its own transaction: the chunk's copies are matched again
    against every stored copy; a verified pair whose copies hold different stories merges
    them (recorded in `story_merges`, as any merge). The later of two such commits always
    sees the earlier one, so one of them merges; two reconciliations merging at once update
    the same rows, conflict, and the redone one finds nothing left to do. Returns the merges."""
    arts, sk, config = prepared.articles, prepared.sketch, prepared.config
    n = len(arts)
    if n == 0:
        return []
    ids = [a.article_id for a in arts]
    batch = pa.table({"article_id": pa.array(ids, pa.string()), "pos": pa.array(np.arange(n), pa.int64())})
    with registered(con, batch_dedup=batch, batch_band_keys=_band_keys(sk)):
        mine = {r[0]: r[1:] for r in con.execute(sql("dedup_batch_stories")).fetchall()}
        pairs = con.execute(sql("dedup_candidates"), _candidate_params(config)).fetchall()
    cand_ids = sorted({aid for _, aid, _ in pairs})
    if not cand_ids:
        return []
    old = _candidate_copies(con, cand_ids)
    # only pairs whose copies hold different stories can be a split
    pairs = [(p, aid, s) for p, aid, s in pairs if aid in old and ids[p] in mine]
    pairs = [(p, aid, s) for p, aid, s in pairs if old[aid]["story_id"] != mine[ids[p]][0]]
    if not pairs:
        return []
    info = {o["story_id"]: (o["story_first_seen"], o["story_copies"]) for o in old.values()}
    info.update({story: (first, copies) for story, first, copies in mine.values()})
    old_ids = sorted({aid for _, aid, _ in pairs})
    ofeat = _stored_features(old, _candidate_bodies(con, old_ids), old_ids, config)
    uf = UnionFind()
    links: list[tuple[str, str, str, str]] = []  # (story, story, batch copy, stored copy) verified
    for p, aid, _ in sorted(pairs, key=lambda t: -t[2]):
        a = arts[p]
        mine_story, theirs = mine[ids[p]][0], old[aid]["story_id"]
        if uf.find(mine_story) == uf.find(theirs):
            continue
        feat = Features(
            sk.shingles[p],
            partial(sk.figures.__getitem__, p),
            a.published_at,
            a.dateline_date,
            lead=sk.leads[p],
        )
        if decide(feat, ofeat[aid], config.thresholds).same:
            uf.union(mine_story, theirs)
            links.append((mine_story, theirs, ids[p], aid))
    groups: dict = {}
    for story in list(uf.parent):
        groups.setdefault(uf.find(story), set()).add(story)
    merges = []
    for members in groups.values():
        if len(members) < 2:
            continue
        ranked = _canonical_first(members, info)
        into = ranked[0]
        for s in ranked[1:]:
            copy, other = next(link[2:] for link in links if s in link[:2])
            merges.append(
                dict(
                    from_story=s,
                    into_story=into,
                    article_id=copy,
                    reason=f"copy {copy} matched {other}, committed at the same time by another writer",
                )
            )
    _record_merges(con, merges, run_id)
    return merges


def _band_keys(sk) -> pa.Table:
    """The batch's LSH band keys by batch position (registered as `batch_band_keys`)."""
    n, bands = sk.keys.shape
    return pa.table(
        {
            "pos": pa.array(np.repeat(np.arange(n), bands), pa.int64()),
            "band_key": pa.array(sk.keys.ravel(), pa.uint64()),
        }
    )


def _candidate_params(config: DedupConfig) -> dict[str, int]:
    """dedup_candidates.sql's bounds: candidates per batch copy, stored copies per band key."""
    return {"top": config.top_candidates, "bucket": config.big_bucket}


def _candidate_copies(con: duckdb.DuckDBPyConnection, cand_ids: list[str]) -> dict[str, dict]:
    """article_id -> the stored candidate copy (dates, its story's first seen and size; no body)."""
    if not cand_ids:
        return {}
    with registered(con, batch_candidate_ids=pa.table({"article_id": pa.array(cand_ids, pa.string())})):
        cur = con.execute(sql("dedup_candidate_copies"))
        cols = [d[0] for d in cur.description]
        return {r[0]: dict(zip(cols, r)) for r in cur.fetchall()}


def _candidate_bodies(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str]:
    """article_id -> body of these stored copies, read BODY_BATCH at a time (dedup_candidate_bodies.sql)."""
    bodies: dict[str, str] = {}
    for k in range(0, len(ids), BODY_BATCH):
        batch = pa.table({"article_id": pa.array(ids[k : k + BODY_BATCH], pa.string())})
        with registered(con, batch_body_ids=batch):
            bodies.update(con.execute(sql("dedup_candidate_bodies")).fetchall())
    return bodies


def _stored_features(
    old: dict[str, dict], bodies: dict[str, str], old_ids: list[str], config: DedupConfig
) -> dict[str, Features]:
    """Verification features of stored copies, re-shingled from their bodies."""
    if not old_ids:
        return {}
    osh, ofig, olead = verification_features([bodies[a] for a in old_ids], config)
    return {
        aid: Features(
            osh[k],
            partial(ofig.__getitem__, k),
            _ts(old[aid]["published_at"]),
            _day(old[aid]["dateline_date"]),
            lead=olead[k],
        )
        for k, aid in enumerate(old_ids)
    }


def _canonical_first(stories, info: dict) -> list[str]:
    """Stories ranked for a merge: the earliest first seen, then the most copies, then the id."""
    return sorted(
        stories,
        key=lambda s: (_sortable(info.get(s, (None, 0))[0]), -(info.get(s, (None, 0))[1] or 0), s),
    )


def _record_merges(con: duckdb.DuckDBPyConnection, merges: list[dict], run_id: str | None) -> None:
    """Record merges in story_merges and move the merged stories' copies to the surviving story."""
    if merges:
        with registered(con, batch_merges=pa.Table.from_pylist(merges, schema=MERGE_SCHEMA)):
            con.execute(sql("dedup_record_merges"), {"run_id": run_id})
            con.execute(sql("dedup_repoint_articles"))


def _ts(v) -> datetime | None:
    return v if isinstance(v, datetime) else None


def _day(v) -> date | None:
    return v if isinstance(v, date) else None


def _sortable(v) -> float:
    return v.timestamp() if isinstance(v, datetime) else float("inf")
