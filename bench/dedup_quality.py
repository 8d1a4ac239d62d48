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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pairs import PairScore, pair_counts  # noqa: E402
from transforms.dedup import Copy, DedupConfig, cluster  # noqa: E402

LABELLED = ROOT / "tests" / "data" / "dedup" / "labelled.jsonl"
HARD = ROOT / "tests" / "data" / "dedup" / "hard.jsonl"


@dataclass
class Report(PairScore):
    n_copies: int
    n_stories: int
    n_clusters: int


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
    return Report(
        n_copies=len(rows),
        n_stories=len(set(truth)),
        n_clusters=len(set(result.labels)),
        **pair_counts([r["id"] for r in rows], truth, result.labels),
    )


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
        for a, b in rep.wrong_joins:
            print(f"  false join: {a} ~ {b}")
        for a, b in rep.missed:
            print(f"  missed:     {a} ~ {b}")


if __name__ == "__main__":
    main()
