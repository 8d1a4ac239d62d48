"""Writes labelled.jsonl from the hand-written blocks in reports_a.py, reports_b.py and
negatives.py (run from anywhere: `python tests/data/events/make_labelled.py`).

The dev/test split is by group (an event, or the event a hard negative is near), so
a hard negative always lands in the same half as the event it is confusable with."""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import heldout  # noqa: E402
import negatives  # noqa: E402
import reports_a  # noqa: E402
import reports_b  # noqa: E402


def split_of(group: str) -> str:
    return "dev" if hashlib.sha1(group.encode()).digest()[0] % 2 == 0 else "test"


def parse(blocks: str, with_near: bool, split: str | None = None) -> list[dict]:
    rows = []
    for block in blocks.strip().split("\n===\n"):
        header, _, text = block.strip().partition("\n")
        parts = [p.strip() for p in header.split(" | ")]
        if with_near:
            event, near, agency, source, published_at, title = parts
            near = None if near == "-" else near
        else:
            event, agency, source, published_at, title = parts
            near = None
        rows.append(
            {
                "event": event,
                "agency": agency,
                "source": source,
                "title": title,
                "published_at": published_at,
                "text": text.strip(),
                "kind": "hard_negative" if near else "report",
                "near": near,
                "split": split or split_of(near or event),
            }
        )
    return rows


def write(rows: list[dict], name: str) -> None:
    seen: Counter[str] = Counter()
    with (HERE / name).open("w", encoding="utf-8") as out:
        for r in rows:
            r["id"] = f"{r['event']}-{seen[r['event']]}"
            seen[r["event"]] += 1
            keys = ["id", "event", "agency", "source", "title", "published_at", "text", "kind", "near", "split"]
            out.write(json.dumps({k: r[k] for k in keys}, ensure_ascii=False) + "\n")
    report(rows, name)


def report(rows: list[dict], name: str) -> None:
    events = Counter(r["event"] for r in rows if r["kind"] == "report")
    print(
        f"{name}: {len(rows)} reports; {len(events)} events with {sum(events.values())} reports "
        f"(sizes {sorted(Counter(events.values()).items())}); "
        f"{sum(r['kind'] == 'hard_negative' for r in rows)} hard negatives; "
        f"dev {sum(r['split'] == 'dev' for r in rows)} / test {sum(r['split'] == 'test' for r in rows)} reports"
    )


def main() -> None:
    write(parse(reports_a.BLOCKS, False) + parse(reports_b.BLOCKS, False) + parse(negatives.BLOCKS, True), "labelled.jsonl")
    write(parse(heldout.BLOCKS, True, "heldout"), "heldout.jsonl")


if __name__ == "__main__":
    main()
