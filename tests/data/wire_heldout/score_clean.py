"""Score transforms.clean.clean on wire_copy.jsonl while clean() takes no author/footer hints.

    python3 -m uv run --locked python tests/data/wire_heldout/score_clean.py [-v]

bench/clean_accuracy.py passes `hints` as keyword arguments, and clean() (as of main 85f4801)
has no `author`/`footer` parameters, so it raises TypeError on this set. This runs every case
WITHOUT its hints (the hint cases then miss their agency) and reports per-field accuracy
with bench.clean_accuracy.check_case, plus agency accuracy with codes compared case-folded
and the aliases AA=Anadolu, PRN=PRNewswire, BW=BusinessWire, GNW=GlobeNewswire (the set uses
the brief's codes; the cleaner on main writes REUTERS, KYODO, AA, PRN ...). A measuring aid,
not part of the set: delete it once the bench reads author/footer hints.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from bench.clean_accuracy import FIELDS, check_case  # noqa: E402
from transforms.clean import clean  # noqa: E402

ALIAS = {"aa": "anadolu", "prn": "prnewswire", "bw": "businesswire", "gnw": "globenewswire"}


def norm(v: object) -> str | None:
    if v is None:
        return None
    k = str(v).lower().replace(" ", "")
    return ALIAS.get(k, k)


def main(verbose: bool) -> None:
    rows = [json.loads(line) for line in (Path(__file__).parent / "wire_copy.jsonl").open(encoding="utf-8")]
    per = {f: [0, 0] for f in FIELDS}
    fails = []
    agency_norm = 0
    for c in rows:
        got = clean(c["text"], published_at=datetime.fromisoformat(c["published_at"].replace("Z", "+00:00")))
        agency_norm += norm(got.agency) == norm(c["expect"]["agency"])
        for f, (ok, exp, g) in check_case(c, got).items():
            per[f][1] += 1
            per[f][0] += ok
            if not ok:
                fails.append((c["id"], f, exp, g))
    print(f"{len(rows)} cases (hints not passed)")
    for f, (ok, n) in per.items():
        print(f"  {f:15s} {ok:3d}/{n} {ok / n:7.2%}")
    ok, n = sum(v[0] for v in per.values()), sum(v[1] for v in per.values())
    print(f"  {'overall':15s} {ok:3d}/{n} {ok / n:7.2%}")
    print(f"  cases right in all fields: {len(rows) - len({f[0] for f in fails})}/{len(rows)}")
    print(f"  agency, case-folded + aliases: {agency_norm}/{len(rows)} {agency_norm / len(rows):.2%}")
    if verbose:
        for cid, f, exp, g in fails:
            print(f"- {cid} [{f}]\n    expected: {exp!r}\n    got:      {g!r}")


if __name__ == "__main__":
    main("-v" in sys.argv)
