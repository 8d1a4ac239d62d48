"""Pairwise precision and recall of story clustering on the labelled set.

    .venv/bin/python bench/dedup_quality.py                 # raw copies (wrappers/trailers left in)
    .venv/bin/python bench/dedup_quality.py --clean         # cleaned first with transforms.clean.clean
    .venv/bin/python bench/dedup_quality.py --errors        # list the wrongly joined / split pairs
    .venv/bin/python bench/dedup_quality.py --set tests/data/dedup/hard.jsonl   # the hard set

Precision: of the copy pairs put in one story, the share that are labelled one story.
Recall: of the pairs labelled one story, the share put in one story.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from transforms.dedup import Copy, DedupConfig, cluster  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "dedup" / "labelled.jsonl"
HARD = ROOT / "tests" / "data" / "dedup" / "hard.jsonl"


@dataclass
class Report:
    n_copies: int
    n_stories: int
    n_clusters: int
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    false_joins: list[tuple[str, str]]
    missed: list[tuple[str, str]]

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0


def load(path: Path = LABELLED) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def to_copies(rows: list[dict], clean: bool) -> list[Copy]:
    out = []
    for r in rows:
        when = datetime.fromisoformat(r["published_at"]) if r.get("published_at") else None
        text, synd, dd = r["text"], None, None
        if clean:
            from transforms.clean import clean as clean_text

            c = clean_text(
                text,
                published_at=when,
                title=r.get("title"),
                url=None,
                syndicator_hint=None,
                agency_hint=None,
            )
            text, synd, dd = c.body, c.syndicator, c.dateline_date
        out.append(Copy(r["id"], text, when, dd, synd, len(text.split())))
    return out


def evaluate(
    rows: list[dict] | None = None, *, clean: bool = False, config: DedupConfig = DedupConfig()
) -> Report:
    rows = rows if rows is not None else load()
    result = cluster(to_copies(rows, clean), config)
    truth = [r["story"] for r in rows]
    ids = [r["id"] for r in rows]
    tp = pp = ok = 0
    false_joins, missed = [], []
    for i, j in combinations(range(len(rows)), 2):
        same_t = truth[i] == truth[j]
        same_p = result.labels[i] == result.labels[j]
        tp += same_t
        pp += same_p
        ok += same_t and same_p
        if same_p and not same_t:
            false_joins.append((ids[i], ids[j]))
        elif same_t and not same_p:
            missed.append((ids[i], ids[j]))
    return Report(len(rows), len(set(truth)), len(set(result.labels)), tp, pp, ok, false_joins, missed)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clean", action="store_true", help="clean texts with transforms.clean.clean first")
    ap.add_argument("--errors", action="store_true", help="list wrong pairs")
    ap.add_argument(
        "--set",
        "--file",
        dest="set",
        type=Path,
        default=LABELLED,
        help="labelled JSON lines file (default: tests/data/dedup/labelled.jsonl; hard set: %s)"
        % HARD.relative_to(ROOT),
    )
    args = ap.parse_args()
    if not args.set.is_file():
        sys.exit(f"dedup_quality: no such labelled set: {args.set}")
    rep = evaluate(load(args.set), clean=args.clean)
    print(f"{args.set.name}: {rep.n_copies} copies, {rep.n_stories} stories -> {rep.n_clusters} clusters")
    print(
        f"pairs: {rep.true_pairs} labelled same-story, {rep.predicted_pairs} predicted, {rep.correct_pairs} correct"
    )
    print(f"pairwise precision {rep.precision:.4f}  recall {rep.recall:.4f}  (targets: >= 0.99, >= 0.97)")
    if args.errors:
        for a, b in rep.false_joins:
            print(f"  false join: {a} ~ {b}")
        for a, b in rep.missed:
            print(f"  missed:     {a} ~ {b}")


if __name__ == "__main__":
    main()
