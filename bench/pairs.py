"""Pairwise precision and recall of a clustering against labels, shared by the dedup and events benches.

Every pair of items counts: a pair labelled together and put together is correct;
precision is correct / pairs put together, recall is correct / pairs labelled together
(both 1.0 when there is nothing to count).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import combinations


@dataclass
class PairScore:
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    wrong_joins: list[tuple[str, str]]
    missed: list[tuple[str, str]]

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0


def pair_counts(ids: Sequence[str], truth: Sequence[Hashable], predicted: Sequence[Hashable]) -> dict:
    """The PairScore fields for items `ids` labelled `truth` and clustered as `predicted`."""
    tp = pp = ok = 0
    wrong, missed = [], []
    for i, j in combinations(range(len(ids)), 2):
        same, joined = truth[i] == truth[j], predicted[i] == predicted[j]
        tp += same
        pp += joined
        ok += same and joined
        if joined and not same:
            wrong.append((ids[i], ids[j]))
        elif same and not joined:
            missed.append((ids[i], ids[j]))
    return dict(true_pairs=tp, predicted_pairs=pp, correct_pairs=ok, wrong_joins=wrong, missed=missed)
