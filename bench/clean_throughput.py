"""Cleaner throughput on one core: articles per second on generated ~500-word wire copies.

    .venv/bin/python bench/clean_throughput.py [N_ARTICLES] [--seed S]

Articles mix wrappers (MENAFN, lost parenthesis), dateline styles, trailers,
disclaimers and ID codes; every one has curly quotes and dashes, as
real copy does, and one in ten carries mojibake so the ftfy path is timed too.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from transforms.clean import clean

WORDS = (
    "the government said on Friday that officials would review plans for new roads schools and hospitals "
    "across several districts while opposition leaders demanded more funds for farmers and workers amid "
    "rising prices and weak demand in export markets analysts expect growth to slow next quarter"
).split()
HEADS = [
    "(MENAFN- IANS) Tokyo, July 4 (IANS) ",
    "MENAFN - IANS) New Delhi, July 3 (IANS) ",
    "New Delhi, Jul 4 (PTI) ",
    "NEW DELHI, Feb. 7 (Reuters) - ",
    "WASHINGTON (AP) — ",
    "Guwahati (Assam) [India], November 18 (ANI): ",
    "ABU DHABI, 5th May, 2025 (WAM) -- ",
    "Riyadh, July 04, 2025, SPA -- ",
    "BAKU, Azerbaijan, June 10. ",
    "PARIS/BERLIN (Reuters) - ",
    "NEW DELHI: ",
    "MOSCOW, July 4. /TASS/. ",
    "SEOUL, July 4 (Yonhap) -- ",
    "(MENAFN- Kuwait News Agency (KUNA)) KUWAIT, July 4 (KUNA) -- ",
    "",
]
TAILS = [
    "\n\n--IANS\nsd/ksk",
    "\n\nPTI ABC XY",
    "\n\n(Reporting by Asha Rao; Editing by Tom Lane)",
    "\n\n___\n\nAssociated Press writer Maria Lopez contributed to this report.",
    " Enditem",
    "\n\nkim@yna.co.kr\n(END)",
    "\n\n-- BERNAMA",
    "\n\nMENAFN04072025000231011071ID1109758421\n\nLegal Disclaimer: MENAFN provides the information “as is” "
    "without warranty of any kind.",
    "\n\n(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)",
    "",
]


def article(rng: random.Random) -> str:
    paras = []
    for _ in range(10):
        words = [rng.choice(WORDS) for _ in range(50)]
        paras.append(" ".join(words).capitalize() + ".")
    paras[2] = (
        "“" + paras[2][:-1] + ",” the minister’s spokesperson said — again."
    )  # typographic, like real copy
    if rng.random() < 0.1:
        paras[1] = paras[1].replace("the", "theâ€™s", 2)  # mojibake: the ftfy path
    return rng.choice(HEADS) + "\n\n".join(paras) + rng.choice(TAILS)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    docs = [article(rng) for _ in range(args.n)]
    pub = datetime(2025, 7, 4, 10, 15, tzinfo=UTC)
    words = sum(len(d.split()) for d in docs) / len(docs)
    for d in docs[:50]:  # warm up
        clean(d, published_at=pub)
    t0 = time.perf_counter()
    for d in docs:
        clean(d, published_at=pub)
    dt = time.perf_counter() - t0
    print(
        f"{args.n} articles, {words:.0f} words each on average: {dt:.2f}s, {args.n / dt:,.0f} articles/s (one core)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
