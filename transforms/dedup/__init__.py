"""Near-duplicate detection: the same wire story in many copies becomes one story.

Pure (no I/O): `minhash` (vectorised shingling, MinHash, LSH band keys), `text`
(normalisation and figures), `decide` (the pairwise same-story decision), `cluster`
(batch sketching, candidate pairs, in-memory clustering, canonical rule).
The warehouse side (stored band keys, cross-run candidates, merges) is warehouse/dedup.py.
"""

from .cluster import (
    Clustering,
    Copy,
    DedupConfig,
    Sketch,
    UnionFind,
    candidate_pairs,
    canonical_key,
    cluster,
    features,
    new_story_id,
    sketch,
    verification_features,
)
from .decide import Features, Thresholds, Verdict, decide, overlap
from .minhash import MinHasher, band_keys, shingle_batch

__all__ = [
    "Clustering",
    "Copy",
    "DedupConfig",
    "Features",
    "MinHasher",
    "Sketch",
    "Thresholds",
    "UnionFind",
    "Verdict",
    "band_keys",
    "candidate_pairs",
    "canonical_key",
    "cluster",
    "decide",
    "features",
    "new_story_id",
    "overlap",
    "shingle_batch",
    "sketch",
    "verification_features",
]
