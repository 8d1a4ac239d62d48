"""Event assignment against the warehouse: the pure method (transforms/events) fed from and
written back to the tables of migration 011 (docs/events.md).

Called by `Warehouse.load_chunk` inside the chunk's transaction, after its stories are written
(so a story gets its event in the commit that makes it a story, and a killed run never leaves
one without), and by `Warehouse.assign_events` for the rest (a rebuild, an upgraded
warehouse). Each batch of pending stories (those with no
event, oldest first, at most `EVENT_BATCH` spanning at most `MAX_SPAN_HOURS`) is vectorised
with the stored document frequencies (added to first), compared with the stored stories of
the time window around it only, streamed in blocks (memory follows the block and batch sizes,
never the window or the history) and
written back: vectors, `stories.event_id`, the touched document frequencies and the events'
rows. `after_load` keeps the events' counts right when a load changes their stories.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

import duckdb
import numpy as np
import pyarrow as pa

from transforms.events import DocFreq, EventConfig, FeatureConfig, Window, assign, hash_terms, terms

from .db import registered, sql
from .keys import stable_keys
from .records import Article, EventsDone

EVENT_BATCH = 5000  # stories assigned per transaction
WINDOW_BLOCK = 4096  # stored stories of the window read and scored at a time
MAX_SPAN_HOURS = 7 * 24  # ... published within this span, so the window read stays bounded in a backfill
VECTOR_DTYPE = np.dtype("<f2")  # stored vectors: float16, 1 KiB per story at 512 dimensions
METHOD_VERSION = 1  # bump when the features or the join rule change in a way the configs do not show


@dataclass(frozen=True)
class EventMethod:
    """The features and join rule events are assigned with; `version` names them in the warehouse."""

    features: FeatureConfig = field(default_factory=FeatureConfig)
    join: EventConfig = field(default_factory=EventConfig)

    @property
    def version(self) -> str:
        digest = hashlib.sha256(repr((self.features, self.join)).encode()).hexdigest()[:8]
        return f"terms{METHOD_VERSION}-{digest}"


DEFAULT_METHOD = EventMethod()


def agency_key(code: str | None) -> int:
    """A stable integer for an agency code (the join rule penalises two reports by one agency);
    -1 for unknown, which never counts as the same agency."""
    return zlib.crc32(code.upper().encode()) & 0x7FFFFFFF if code else -1


def stored_method(con: duckdb.DuckDBPyConnection) -> tuple[str | None, int]:
    """(method version, stories counted in the document frequencies); (None, 0) before the first."""
    row = con.execute(sql("events_state")).fetchone()
    return (None, 0) if row is None else (str(row[0]), int(row[1]))


Terms = dict[str, float]  # a story's weighted term bag (transforms.events.terms)


class LazyTerms(Mapping[str, Terms]):
    """The term bags of a chunk's copies, each weighed the first time the load asks for it.

    The load uses only the bags of the copies that become new stories' canonical copies; the
    copies that join a story (most of a chunk of syndicated reports) never need theirs. Weighing
    every copy up front was ~0.3 ms a page of the writer's CPU (docs/events.md), half or more of
    it for bags nobody read. Membership is the chunk's ids: `in` never weighs a copy."""

    __slots__ = ("_articles", "_bags", "_features")

    def __init__(self, articles: list[Article], features: FeatureConfig):
        self._articles = {a.article_id: a for a in articles}
        self._features = features
        self._bags: dict[str, Terms] = {}

    def __getitem__(self, article_id: str) -> Terms:
        bag = self._bags.get(article_id)
        if bag is None:
            a = self._articles[article_id]  # KeyError: not a copy of this chunk
            bag = self._bags[article_id] = terms(a.title or "", a.body, self._features)
        return bag

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._articles

    def __iter__(self) -> Iterator[str]:
        return iter(self._articles)

    def __len__(self) -> int:
        return len(self._articles)

    @property
    def weighed(self) -> frozenset[str]:
        """The ids whose bags were read (weighed) so far."""
        return frozenset(self._bags)


def prepare(articles: list[Article], method: EventMethod = DEFAULT_METHOD) -> LazyTerms:
    """The term bags of a chunk's copies, for the load: weighed when the load first reads one
    (`LazyTerms`), so only the copies that become new stories' canonical copies are weighed."""
    return LazyTerms(articles, method.features)


def assign_batch(
    con: duckdb.DuckDBPyConnection,
    method: EventMethod = DEFAULT_METHOD,
    limit: int = EVENT_BATCH,
    prepared: Mapping[str, Terms] | None = None,
) -> EventsDone | None:
    """Assign events to the next batch of pending stories (call inside a transaction); None when
    no story is pending. `prepared`: term bags by article id (`prepare`; only the batch's are
    read); copies without one are read from the warehouse and their terms computed here."""
    rows = con.execute(sql("events_pending"), {"limit": limit}).fetchall()
    if not rows:
        return None
    end = rows[0][2] + MAX_SPAN_HOURS * 3600
    rows = [r for r in rows if r[2] <= end]  # sorted by time: a prefix
    story_ids = [r[0] for r in rows]
    times = np.array([r[2] for r in rows], np.int64)
    agency_codes = [r[3] for r in rows]
    agencies = np.array([agency_key(a) for a in agency_codes], np.int64)
    fc = method.features
    bags: dict[str, Terms] = {}
    missing = []
    for r in rows:
        if prepared is not None and r[4] in prepared:
            bags[r[4]] = prepared[r[4]]  # a LazyTerms weighs it now: only the batch's are read
        else:
            missing.append(r)
    if missing:
        bodies = dict(
            con.execute(
                sql("events_bodies"), {"ids": [r[4] for r in missing], "since": min(r[5] for r in missing)}
            ).fetchall()
        )
        bags.update({r[4]: terms(r[1], bodies.get(r[4], ""), fc) for r in missing})

    version, n_docs = stored_method(con)
    df = DocFreq.empty()
    df.n_docs = n_docs
    stored = con.execute(sql("events_doc_freq")).fetchnumpy()
    df.counts[np.asarray(stored["bucket"], np.int64)] = np.asarray(stored["df"], np.int64)
    before = df.counts.copy()
    batch_bags = [bags[r[4]] for r in rows]
    df.add(batch_bags)  # the batch counts in its own IDF, as it will for every later batch
    idf = df.idf(fc.idf_prior_docs)
    vectors = np.vstack([hash_terms(bag, fc.dim, idf) for bag in batch_bags]).astype(VECTOR_DTYPE)

    reach = int(method.join.window_hours * 3600)
    window = read_window(
        con,
        datetime.fromtimestamp(int(times.min()) - reach, UTC),
        datetime.fromtimestamp(int(times.max()) + reach, UTC),
        fc.dim,
    )
    # new events get negative ids here, then the key of the story that founded them
    result = assign(vectors, times, agencies, window, -(len(rows) + 1), method.join)
    event_ids = founded_event_ids(story_ids, result.event_ids, result.founded)

    changed = np.flatnonzero(df.counts != before)
    with registered(
        con,
        batch_doc_freq=pa.table(
            {"bucket": pa.array(changed, pa.int32()), "df": pa.array(df.counts[changed], pa.int64())}
        ),
        batch_event_vectors=pa.table(
            {
                "story_id": pa.array(story_ids, pa.string()),
                "published_at": pa.array(times * 1_000_000, pa.timestamp("us", tz="UTC")),
                "agency": pa.array(agency_codes, pa.string()),
                "event_id": pa.array(event_ids, pa.int64()),
                "vector": pa.array([v.tobytes() for v in vectors], pa.binary()),
            }
        ),
        batch_story_events=pa.table(
            {"story_id": pa.array(story_ids, pa.string()), "event_id": pa.array(event_ids, pa.int64())}
        ),
    ):
        con.execute(sql("events_store_doc_freq"))
        # a warehouse whose events were made by another method version keeps saying so until rebuilt
        con.execute(sql("events_store_state"), {"method": version or method.version, "n_docs": df.n_docs})
        con.execute(sql("events_store_vectors"))
        con.execute(sql("events_store_assignment"))
    refresh(con, {int(e) for e in event_ids})
    founded = int(result.founded.sum())
    return EventsDone(stories=len(rows), joined=len(rows) - founded, founded=founded, batches=1)


def founded_event_ids(story_ids: list[str], event_ids: np.ndarray, founded: np.ndarray) -> np.ndarray:
    """Replace the batch's temporary (negative) event ids by the stable key of each event's
    founding story (warehouse.keys): two writers founding events at once never share an id."""
    keys = dict(
        zip(event_ids[founded].tolist(), stable_keys([s for s, f in zip(story_ids, founded) if f]).tolist())
    )
    return np.array([keys.get(e, e) if e < 0 else e for e in event_ids.tolist()], np.int64)


def assign_pending(
    con: duckdb.DuckDBPyConnection, prepared: Mapping[str, Terms] | None = None, budget: int = EVENT_BATCH
) -> EventsDone:
    """A load's event step (inside its transaction): batches of pending stories, oldest first,
    until none is left or `budget` stories are done (a chunk spanning more than
    `MAX_SPAN_HOURS` takes several batches; a larger backlog is left to `maintain`)."""
    total = EventsDone()
    while total.stories < budget:
        done = assign_batch(con, limit=min(EVENT_BATCH, budget - total.stories), prepared=prepared)
        if done is None:
            break
        total += done
    return total


def read_window(
    con: duckdb.DuckDBPyConnection, lo: datetime, hi: datetime, dim: int, block: int = WINDOW_BLOCK
) -> Iterator[Window]:
    """The stored stories with an event whose time lies in [lo, hi], as the pure method takes
    them, `block` rows at a time: the read streams, so what is held is one block (1 KiB a story
    as stored, 2 KiB as scored), not the window. Consume it before the connection's next query."""
    reader = con.execute(sql("events_window"), {"lo": lo, "hi": hi}).fetch_record_batch(block)
    for batch in reader:
        if batch.num_rows == 0:
            continue
        blob = b"".join(batch.column("vector").to_pylist())
        yield Window(
            vectors=np.frombuffer(blob, VECTOR_DTYPE).reshape(-1, dim),
            times=batch.column("at_epoch").to_numpy().astype(np.int64),
            event_ids=batch.column("event_id").to_numpy().astype(np.int64),
            agencies=np.array([agency_key(a) for a in batch.column("agency").to_pylist()], np.int64),
        )


def refresh(con: duckdb.DuckDBPyConnection, event_ids: set[int]) -> None:
    """Recompute these events' rows from their stories (delete those left empty)."""
    if not event_ids:
        return
    with registered(con, batch_event_ids=pa.table({"event_id": pa.array(sorted(event_ids), pa.int64())})):
        con.execute(sql("events_refresh"))


def touched(con: duckdb.DuckDBPyConnection) -> set[int]:
    """Events of the stories registered as `batch_story_ids` (read before a load recomputes them)."""
    return {int(e) for (e,) in con.execute(sql("events_of_stories")).fetchall()}


def after_load(con: duckdb.DuckDBPyConnection, events: set[int]) -> None:
    """After a load recomputed the stories in `batch_story_ids`: drop the vectors of stories merged
    away and recompute the events those stories were in (copies, sources, a lost story)."""
    con.execute(sql("events_drop_vectors"))
    refresh(con, events)


def clear(con: duckdb.DuckDBPyConnection) -> None:
    """Forget every event and the assignment state (call inside a transaction)."""
    con.execute(sql("events_clear"))
