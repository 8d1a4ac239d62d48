"""Incremental event assignment: each new story joins the event of its nearest earlier
report within a time window, or founds a new event.

Pure: vectors, times (epoch seconds) and the stored candidates are passed in. The
caller (the warehouse layer) reads the *window* of stored stories — those published
within ``window_hours`` of the batch — never the history; it may pass the window as
blocks (an iterable of ``Window``), each scored and let go of before the next, so memory
follows the block and batch sizes, not the window (a day of thousands of stories, issue 15).
The result does not depend on how the window is cut; the scoring runs in fixed-size chunks
so it stays flat in the batch too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class EventConfig:
    """Join rule (tuned on the dev half of tests/data/events/labelled.jsonl)."""

    window_hours: float = 36.0  # a report more than this apart is never the same event
    join_threshold: float = 0.22  # score (cosine of IDF-weighted hashed term vectors) needed to join
    decay_per_day: float = 0.30  # score lost per day between the two reports
    same_agency_penalty: float = 0.30  # agencies reuse their own templates (daily market
    # closes, "the President received ..."), so two reports by one agency need more to join
    tie_tolerance: float = 1e-5  # scores this close are equal (then the earliest wins): the same
    # vectors at two places of a matrix product may differ in the last bits (BLAS kernels per CPU)
    chunk: int = 512  # new stories scored at once ...
    max_cells: int = 8_000_000  # ... fewer when the window is wide: memory stays ~ 10 bytes x this


@dataclass(frozen=True)
class Window:
    """Stored stories that new ones may join (what the warehouse reads for a batch)."""

    vectors: np.ndarray  # (m, dim) float32 (or float16), unit rows
    times: np.ndarray  # (m,) int64 epoch seconds
    event_ids: np.ndarray  # (m,) int64
    agencies: np.ndarray  # (m,) int64 agency code (any stable integer; -1 = unknown)

    @classmethod
    def empty(cls, dim: int) -> Window:
        z = np.zeros(0, np.int64)
        return cls(np.zeros((0, dim), np.float32), z, z, z)

    def __post_init__(self) -> None:
        m = len(self.times)
        if self.vectors.shape[0] != m or len(self.event_ids) != m or len(self.agencies) != m:
            raise ValueError(
                f"window arrays disagree: {self.vectors.shape[0]} vectors, {m} times, "
                f"{len(self.event_ids)} event ids, {len(self.agencies)} agencies"
            )


@dataclass(frozen=True)
class Assignment:
    """Per new story (in input order)."""

    event_ids: np.ndarray  # (n,) int64
    founded: np.ndarray  # (n,) bool: this story founded its event
    similarity: np.ndarray  # (n,) float32: score of the match that decided (or the best refused)
    next_event_id: int  # first id not used yet


def _best(
    chunk_vecs: np.ndarray,
    chunk_hours: np.ndarray,
    chunk_agencies: np.ndarray,
    vecs: np.ndarray,
    hours: np.ndarray,
    agencies: np.ndarray,
    config: EventConfig,
    earlier_than: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Best candidate (index, score) for each row of a chunk; score -inf where none is in the window.

    ``hours`` are sorted, so only the columns within the window of the chunk are scored.
    """
    n = len(chunk_hours)
    lo = int(np.searchsorted(hours, chunk_hours.min() - config.window_hours, side="left"))
    hi = int(np.searchsorted(hours, chunk_hours.max() + config.window_hours, side="right"))
    if hi <= lo:
        return np.full(n, -1, np.int64), np.full(n, -np.inf, np.float32)
    sims = chunk_vecs @ vecs[lo:hi].T  # (n, hi - lo) float32
    gap = np.abs(chunk_hours[:, None] - hours[None, lo:hi])
    out = gap > np.float32(config.window_hours)
    gap *= np.float32(config.decay_per_day / 24.0)
    sims -= gap
    del gap
    same = chunk_agencies[:, None] == agencies[None, lo:hi]
    same &= chunk_agencies[:, None] >= 0
    np.subtract(sims, np.float32(config.same_agency_penalty), out=sims, where=same)
    del same
    if earlier_than is not None:  # within the batch only earlier stories are candidates
        out |= np.arange(lo, hi)[None, :] >= earlier_than[:, None]
    np.copyto(sims, np.float32(-np.inf), where=out)
    top = sims.max(axis=1)
    # the first (earliest) column within the tolerance of the row's best, not the last-bit winner
    idx = np.argmax(sims >= (top - np.float32(config.tie_tolerance))[:, None], axis=1)
    return idx.astype(np.int64) + lo, sims[np.arange(n), idx]


def assign(
    vectors: np.ndarray,
    times: np.ndarray,
    agencies: np.ndarray,
    window: Window | Iterable[Window],
    next_event_id: int,
    config: EventConfig = EventConfig(),
) -> Assignment:
    """Assign events to a batch of new stories, in publication order.

    A story joins the event of its best-scoring candidate (a stored story in the
    window, or an earlier story of this batch) when the score — cosine, minus a decay
    per day apart, minus a penalty when both come from one agency — reaches ``join_threshold``; otherwise it founds event
    ``next_event_id`` (then +1, ...). ``window``: the stored stories, whole or in blocks
    (any cut, any order of blocks); of stored candidates with the same score (within
    ``tie_tolerance``) the earliest wins, then the one given first; a batch candidate must beat the
    stored one by more than that.
    """
    n = len(times)
    if vectors.shape[0] != n:
        raise ValueError(f"{vectors.shape[0]} vectors for {n} times")
    order = np.argsort(times, kind="stable")
    vecs = np.ascontiguousarray(vectors[order], dtype=np.float32)
    t = np.asarray(times, np.int64)[order]
    base = int(t[0]) if n else 0
    h = ((t - base) / 3600.0).astype(np.float32)  # hours from the batch's first story
    ag = np.asarray(agencies, np.int64)[order]
    if len(ag) != n:
        raise ValueError(f"{len(ag)} agencies for {n} times")
    # the best stored candidate so far: score, its time (ties: the earliest), its event
    w_sim = np.full(n, -np.inf, np.float32)
    w_time = np.full(n, np.iinfo(np.int64).max, np.int64)
    w_event = np.full(n, -1, np.int64)
    for block in [window] if isinstance(window, Window) else window:
        m = len(block.times)
        if m == 0 or n == 0:
            continue
        w_order = np.argsort(block.times, kind="stable")  # the block, by time, converted once
        w_vecs = np.ascontiguousarray(block.vectors[w_order], dtype=np.float32)
        w_t = np.asarray(block.times, np.int64)[w_order]
        w_h = ((w_t - base) / 3600.0).astype(np.float32)
        w_ag = np.asarray(block.agencies, np.int64)[w_order]
        w_ev = np.asarray(block.event_ids, np.int64)[w_order]
        rows = max(1, min(config.chunk, config.max_cells // m))
        for start in range(0, n, rows):
            stop = min(n, start + rows)
            idx, sim = _best(vecs[start:stop], h[start:stop], ag[start:stop], w_vecs, w_h, w_ag, config)
            found = np.isfinite(sim)
            at = np.where(found, w_t[np.maximum(idx, 0)], w_time[start:stop])
            cur = w_sim[start:stop]
            with np.errstate(invalid="ignore"):  # -inf - -inf: no candidate on either side, no tie
                tie = np.abs(sim - cur) <= config.tie_tolerance
            better = found & ((~tie & (sim > cur)) | (tie & (at < w_time[start:stop])))
            w_sim[start:stop] = np.where(better, sim, cur)
            w_time[start:stop] = np.where(better, at, w_time[start:stop])
            w_event[start:stop] = np.where(better, w_ev[np.maximum(idx, 0)], w_event[start:stop])
        del w_vecs
    best_idx = np.full(n, -1, np.int64)
    best_sim = w_sim.copy()
    from_batch = np.zeros(n, bool)
    rows = max(1, min(config.chunk, config.max_cells // max(1, n)))
    for start in range(0, n, rows):
        stop = min(n, start + rows)
        # earlier stories of the batch: positions < own position (sorted), only up to stop
        b_idx, b_sim = _best(
            vecs[start:stop],
            h[start:stop],
            ag[start:stop],
            vecs[:stop],
            h[:stop],
            ag[:stop],
            config,
            np.arange(start, stop),
        )
        use_batch = b_sim > w_sim[start:stop] + np.float32(config.tie_tolerance)  # ties: stored
        best_idx[start:stop] = np.where(use_batch, b_idx, -1)
        best_sim[start:stop] = np.where(use_batch, b_sim, w_sim[start:stop])
        from_batch[start:stop] = use_batch
    events = np.empty(n, np.int64)
    founded = np.zeros(n, bool)
    nxt = next_event_id
    for i in range(n):  # in time order, so a batch match already has its event
        if best_sim[i] >= config.join_threshold:
            events[i] = events[best_idx[i]] if from_batch[i] else w_event[i]
        else:
            events[i], founded[i], nxt = nxt, True, nxt + 1
    inverse = np.empty(n, np.int64)
    inverse[order] = np.arange(n)
    return Assignment(events[inverse], founded[inverse], best_sim[inverse], nxt)
