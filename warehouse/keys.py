"""Keys derived from ids, not counted.

Two writers committing at the same time (DuckLake) each read the same `max(key) + 1`
and would hand one key to two rows; a 63-bit hash of a row's own id never collides
that way (nor, in practice, at all: 2^63 values).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

_MASK = (1 << 63) - 1


def stable_keys(ids: Sequence[str]) -> np.ndarray:
    """A non-negative 63-bit blake2b hash of each id, as int64."""
    return np.array(
        [int.from_bytes(hashlib.blake2b(i.encode(), digest_size=8).digest(), "big") & _MASK for i in ids],
        dtype=np.int64,
    )
