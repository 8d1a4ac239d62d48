"""Batch sketching, LSH candidate pairs, verification and clustering (all pure, in memory).

The warehouse step (warehouse/dedup.py) uses the same pieces, with the stored band keys of
earlier runs as a second source of candidates.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache, partial

import numpy as np
import numpy.typing as npt

from .decide import HEAD_TOKENS, Features, Lead, Thresholds, Verdict, decide
from .minhash import MinHasher, band_keys, shingles_of, tokenise_batch
from .text import Figures, batch_figures

BLOCK = 256  # texts per vectorised block: keeps the byte and shingle arrays in cache


@dataclass(frozen=True)
class DedupConfig:
    """Sketch and LSH parameters (documented in docs/dedup.md). Changing any of them
    changes the stored band keys: `version` names the combination and is stored with them."""

    num_perm: int = 128
    shingle_size: int = 4
    bands: int = 32  # whole-text LSH: 32 bands x 4 rows (threshold ~ (1/32)^(1/4) = 0.42)
    rows: int = 4
    lead_tokens: int = 60  # the lead (first tokens) is sketched too, so a truncated copy
    lead_perm: int = 32  # (same lead, much shorter text) is still a candidate
    lead_bands: int = 8
    lead_rows: int = 4
    verify_lead_tokens: int = 30  # the opening checked by the decision (Thresholds.min_lead_containment)
    top_candidates: int = 24  # per copy, the candidates sharing most band keys are verified
    big_bucket: int = 64  # a band key shared by more copies pairs only neighbours
    thresholds: Thresholds = field(default_factory=Thresholds)

    @property
    def version(self) -> str:
        return (
            f"mh{self.num_perm}-k{self.shingle_size}-b{self.bands}x{self.rows}"
            f"-lead{self.lead_tokens}:{self.lead_bands}x{self.lead_rows}"
        )

    @property
    def n_keys(self) -> int:
        return self.bands + self.lead_bands


class LazyFigures:
    """Figures per text, computed block by block the first time a pair needs them
    (most texts have no candidate that passes the text-overlap test)."""

    def __init__(self) -> None:
        self.blocks: list = []  # Tokenised per block of BLOCK texts
        self.done: dict[int, list[Figures]] = {}

    def add(self, tok) -> None:
        self.blocks.append(tok)

    def __getitem__(self, i: int) -> Figures:
        b = i // BLOCK
        if b not in self.done:
            self.done[b] = batch_figures(self.blocks[b])
        return self.done[b][i - b * BLOCK]


@dataclass
class Sketch:
    """Sketches of a batch of texts, row i for text i."""

    signatures: np.ndarray  # (n, num_perm) uint32
    keys: np.ndarray  # (n, bands + lead_bands) uint64; 0 = no key (empty text)
    shingles: list[np.ndarray]  # sorted unique uint64 per text
    n_shingles: np.ndarray  # int64
    figures: LazyFigures  # figures by context per text (only with keep_shingles)
    leads: list[Lead] = field(default_factory=list)  # each text's lead (with keep_shingles)


_HASHERS: dict[tuple[int, int], MinHasher] = {}


def hasher(config: DedupConfig) -> MinHasher:
    key = (config.num_perm, config.shingle_size)
    if key not in _HASHERS:
        _HASHERS[key] = MinHasher(num_perm=config.num_perm, shingle_size=config.shingle_size)
    return _HASHERS[key]


def sketch(texts: list[str], config: DedupConfig = DedupConfig(), *, keep_shingles: bool = True) -> Sketch:
    """MinHash signatures, LSH band keys (whole text, then lead) and shingle sets of texts."""
    mh = hasher(config)
    sigs: list[npt.NDArray[np.uint32]] = []
    keys: list[npt.NDArray[np.uint64]] = []
    shingles: list[np.ndarray] = []
    leads: list[Lead] = []
    sizes: list[np.ndarray] = []
    figs = LazyFigures()
    for i in range(0, len(texts), BLOCK):
        block = texts[i : i + BLOCK]
        tok = tokenise_batch(block)
        full = shingles_of(tok, config.shingle_size)
        lead = shingles_of(tok, config.shingle_size, max_tokens=config.lead_tokens)
        sig = mh.signatures_of(full)
        lsig = mh.signatures_of(lead, num_perm=config.lead_perm)
        keys.append(
            np.hstack(
                [
                    band_keys(sig, config.bands, config.rows),
                    band_keys(lsig, config.lead_bands, config.lead_rows, band_offset=config.bands),
                ]
            )
        )
        sigs.append(sig)
        if keep_shingles:
            shingles.extend(np.unique(full.of(j)) for j in range(len(block)))
            vlead = shingles_of(tok, config.shingle_size, max_tokens=config.verify_lead_tokens)
            leads.extend(_leads(tok, vlead))
            figs.add(tok)
        sizes.append(full.sizes())
    if not texts:
        return Sketch(
            np.empty((0, config.num_perm), np.uint32),
            np.empty((0, config.n_keys), np.uint64),
            [],
            np.empty(0, np.int64),
            LazyFigures(),
        )
    return Sketch(np.vstack(sigs), np.vstack(keys), shingles, np.concatenate(sizes), figs, leads)


def _leads(tok, lead_shingles) -> list[Lead]:
    """Lead of every text of a block: its lead shingles and a view of its opening tokens."""
    h, off = tok.hashes, tok.offsets
    return [
        Lead(np.unique(lead_shingles.of(j)), h[off[j] : min(off[j + 1], off[j] + HEAD_TOKENS)])
        for j in range(len(off) - 1)
    ]


def verification_features(
    texts: list[str], config: DedupConfig = DedupConfig()
) -> tuple[list[np.ndarray], LazyFigures, list[Lead]]:
    """Exact shingle sets, (lazy) figures and lead shingles of texts, no signatures: for candidates read back."""
    shingles: list[np.ndarray] = []
    figs = LazyFigures()
    leads: list[Lead] = []
    for i in range(0, len(texts), BLOCK):
        tok = tokenise_batch(texts[i : i + BLOCK])
        full = shingles_of(tok, config.shingle_size)
        lead = shingles_of(tok, config.shingle_size, max_tokens=config.verify_lead_tokens)
        shingles.extend(np.unique(full.of(j)) for j in range(len(full.offsets) - 1))
        leads.extend(_leads(tok, lead))
        figs.add(tok)
    return shingles, figs, leads


def features(
    text: str,
    published_at: datetime | None = None,
    dateline_date: date | None = None,
    config: DedupConfig = DedupConfig(),
) -> Features:
    """Features of one text (convenience; batches use `sketch` / `verification_features`)."""
    (sh,), figs, (lead,) = verification_features([text], config)
    return Features(sh, figs[0], published_at, dateline_date, lead=lead)


def candidate_pairs(keys: np.ndarray, config: DedupConfig = DedupConfig()) -> np.ndarray:
    """(m, 3) int64 rows (i, j, shared band keys), i < j, best first; at most
    `top_candidates` per text; a bucket bigger than `big_bucket` only pairs neighbours.

    Vectorised by bucket size (a batch of copies of few stories has thousands of buckets of a
    handful of sizes: a numpy call per bucket was most of the writer's story assignment)."""
    n, nb = keys.shape
    if n < 2:
        return np.empty((0, 3), np.int64)
    flat = keys.ravel()
    doc = np.repeat(np.arange(n, dtype=np.int64), nb)
    live = flat != 0
    flat, doc = flat[live], doc[live]
    order = np.lexsort((doc, flat))
    flat, doc = flat[order], doc[order]
    # one entry per (band key, text): a bucket's members, ascending
    first = np.concatenate([[True], (flat[1:] != flat[:-1]) | (doc[1:] != doc[:-1])])
    flat, doc = flat[first], doc[first]
    starts = np.flatnonzero(np.concatenate([[True], flat[1:] != flat[:-1]]))
    sizes = np.diff(np.concatenate([starts, [len(flat)]]))
    pairs = []
    for m in np.unique(sizes[sizes > 1]).tolist():
        members = doc[starts[sizes == m][:, None] + np.arange(m)]  # (buckets of size m, m)
        ii, jj = _bucket_pairs(m, config.big_bucket)
        pairs.append((members[:, ii] * n + members[:, jj]).ravel())
    if not pairs:
        return np.empty((0, 3), np.int64)
    codes, counts = np.unique(np.concatenate(pairs), return_counts=True)
    out = np.stack([codes // n, codes % n, counts], axis=1)
    out = out[np.lexsort((out[:, 1], out[:, 0], -out[:, 2]))]
    # keep each text's best candidates
    keep = np.zeros(len(out), bool)
    seen = [0] * n
    top = config.top_candidates
    for r, (i, j) in enumerate(zip(out[:, 0].tolist(), out[:, 1].tolist())):
        if seen[i] < top or seen[j] < top:
            keep[r] = True
            seen[i] += 1
            seen[j] += 1
    return out[keep]


@lru_cache(maxsize=512)
def _bucket_pairs(m: int, big_bucket: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions (i, j) of the pairs a bucket of `m` members gives: every pair, or for a bucket
    bigger than `big_bucket` each member with its next four."""
    if m <= big_bucket:
        return np.triu_indices(m, 1)
    w = 4
    ii = np.repeat(np.arange(m), w)
    jj = ii + np.tile(np.arange(1, w + 1), m)
    ok = jj < m
    return ii[ok], jj[ok]


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        parent = self.parent
        root = parent.setdefault(x, x)
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a, b) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if str(rb) < str(ra):
            ra, rb = rb, ra
        self.parent[rb] = ra
        return True


@dataclass(frozen=True)
class Copy:
    """One copy for in-memory clustering (the CLI) and for the canonical rule."""

    id: str
    text: str
    published_at: datetime | None = None
    dateline_date: date | None = None
    syndicator: str | None = None
    word_count: int = 0


def _founder_key(c: Copy) -> tuple[bool, float, str]:
    """The copy that founds a new story (names its id): the earliest published, then the smallest id."""
    at = c.published_at
    return (at is None, at.timestamp() if at else 0, c.id)


def canonical_key(c: Copy) -> tuple[bool, int, float, str]:
    """The canonical-copy rule (same as warehouse/sql/refresh_stories.sql): the agency's own
    copy (no syndicator) first, then the most complete (most words), then the earliest
    published, then the smallest id."""
    ts = c.published_at.timestamp() if c.published_at else float("inf")
    return (c.syndicator is not None, -c.word_count, ts, c.id)


def new_story_id(member_id: str, salt: str = "") -> str:
    """Id of a story founded by the copy `member_id` (the earliest copy of a new cluster)."""
    return "st_" + hashlib.sha256(f"story\x1f{member_id}\x1f{salt}".encode()).hexdigest()[:20]


@dataclass
class Clustering:
    labels: list[str]  # story id per copy
    canonical: list[bool]  # True for one copy per story
    verdicts: list[tuple[int, int, Verdict]]  # the verified candidate pairs (for auditing)


def cluster(copies: list[Copy], config: DedupConfig = DedupConfig()) -> Clustering:
    """Cluster copies into stories, in memory."""
    sk = sketch([c.text for c in copies], config)
    feats: dict[int, Features] = {}

    def feat(i: int) -> Features:
        if i not in feats:
            c = copies[i]
            feats[i] = Features(
                sk.shingles[i],
                partial(sk.figures.__getitem__, i),
                c.published_at,
                c.dateline_date,
                lead=sk.leads[i],
            )
        return feats[i]

    uf = UnionFind()
    verdicts = []
    for i, j, _ in candidate_pairs(sk.keys, config):
        i, j = int(i), int(j)
        if uf.find(i) == uf.find(j):
            continue
        v = decide(feat(i), feat(j), config.thresholds)
        verdicts.append((i, j, v))
        if v.same:
            uf.union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(copies)):
        groups.setdefault(uf.find(i), []).append(i)
    labels = [""] * len(copies)
    canonical = [False] * len(copies)
    for members in groups.values():
        first = min(members, key=lambda i: _founder_key(copies[i]))
        sid = new_story_id(copies[first].id)
        for i in members:
            labels[i] = sid
        canonical[min(members, key=lambda i: canonical_key(copies[i]))] = True
    return Clustering(labels, canonical, verdicts)
