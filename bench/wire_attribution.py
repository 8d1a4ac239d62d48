"""Wire attribution at breadth: four numbers over labelled wire copy (issue 11).

    .venv/bin/python bench/wire_attribution.py --cases tests/data/cleaning_wire_breadth.jsonl [MORE.jsonl ...]

Cases are in the format of tests/data/cleaning_cases.jsonl (``text``, ``hints``,
``published_at``, ``expect``). For each set, and for all sets together:

* **agency right**: share of the cases that name an agency (``expect.agency`` set) for
  which the cleaner returns that agency (goal >= 90%);
* **tag left in the head**: bodies whose first 100 characters still hold an agency tag
  (``(AP)``, ``/TASS/``, ``--(BUSINESS WIRE)--``, ``Reuters - ``, a MENAFN wrapper) that
  the expected body does not have (goal: none);
* **sign-offs removed**: of the cases whose input carries something after the story's
  last words (an explicit ``expect.signoff``, or text after the expected body's end), the
  share whose cleaned body ends where the story ends and no longer holds the sign-off
  (goal >= 90%);
* **story words kept**: bodies that lose more than 5% of the expected body's words
  (multiset of lower-cased words; goal: none), with the worst loss.

Exit status 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.clean_accuracy import load_cases, run_case
from transforms.agencies import lookup
from transforms.cleaning.html import html_to_text
from transforms.cleaning.rules import AGENCY_NAMES, TAGS

HEAD = 100
MAX_WORD_LOSS = 0.05
TAG_IN_HEAD = re.compile(
    rf"\(\s*(?:{TAGS})(?:\s*[/,-]\s*(?:{TAGS}))*\s*\)|/\s?(?:{TAGS})\s?/|--\s*\(\s*(?:{TAGS})\s*\)"
    rf"|^(?:The\s+)?(?:{AGENCY_NAMES})\s*(?:-{{1,3}}|—|–|\|)\s|\bMENAFN\b"
)
_WORD = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(html.unescape(text).split())


def _words(text: str) -> Counter:
    return Counter(w.casefold() for w in _WORD.findall(text))


def word_loss(expected: str, got: str) -> float:
    """Share of the expected body's words (counted with repeats) missing from the cleaned body."""
    exp, have = _words(expected), _words(got)
    total = sum(exp.values())
    return sum(max(0, n - have[w]) for w, n in exp.items()) / total if total else 0.0


def signoff_of(case: dict) -> str | None:
    """What follows the story in the input: ``expect.signoff``, else the text after the expected
    body's last words; None when the input ends with the story."""
    exp = case["expect"]
    if exp.get("signoff"):
        return exp["signoff"]
    if not exp.get("body"):
        return None
    text = _norm(html_to_text(case["text"]) if case.get("html") else case["text"])
    text = re.sub(r"[\x00-\x1f\x7f]", " ", text)
    end = _norm(exp["body"])[-60:]
    at = text.rfind(end)
    if at < 0:
        return None
    tail = text[at + len(end) :].strip()
    return tail if _WORD.search(tail) else None


def signoff_removed(case: dict, body: str, signoff: str) -> bool:
    got = _norm(body)
    exp = case["expect"]
    if exp.get("body"):  # the body ends where the story ends
        return got.endswith(_norm(exp["body"])[-60:])
    return _norm(signoff) not in got[-(len(signoff) + 200) :]


@dataclass
class Score:
    name: str
    cases: int = 0
    named: int = 0
    agency_right: int = 0
    head_tags: list[tuple[str, str]] = field(default_factory=list)
    signoffs: int = 0
    signoffs_removed: int = 0
    worded: int = 0
    word_losers: list[tuple[str, float]] = field(default_factory=list)
    worst_loss: float = 0.0
    failures: list[str] = field(default_factory=list)

    def add(self, case: dict) -> None:
        got = run_case(case)
        exp = case["expect"]
        cid = case["id"]
        self.cases += 1
        if exp.get("agency"):
            self.named += 1
            if got.agency == (lookup(exp["agency"]) or exp["agency"]):  # "Reuters", "Anadolu" -> our codes
                self.agency_right += 1
            else:
                self.failures.append(f"{cid}: agency {got.agency!r}, expected {exp['agency']!r}")
        m = TAG_IN_HEAD.search(got.body[:HEAD])
        if m and not TAG_IN_HEAD.search((exp.get("body") or exp.get("body_starts") or "")[:HEAD]):
            self.head_tags.append((cid, m.group(0)))
            self.failures.append(f"{cid}: tag {m.group(0)!r} in the head: {got.body[:HEAD]!r}")
        signoff = signoff_of(case)
        if signoff:
            self.signoffs += 1
            if signoff_removed(case, got.body, signoff):
                self.signoffs_removed += 1
            else:
                self.failures.append(f"{cid}: sign-off {signoff[:80]!r} left: ...{got.body[-120:]!r}")
        if exp.get("body"):
            self.worded += 1
            loss = word_loss(exp["body"], got.body)
            self.worst_loss = max(self.worst_loss, loss)
            if loss > MAX_WORD_LOSS:
                self.word_losers.append((cid, loss))
                self.failures.append(f"{cid}: lost {loss:.1%} of the story's words")

    def merge(self, other: Score) -> None:
        for f in ("cases", "named", "agency_right", "signoffs", "signoffs_removed", "worded"):
            setattr(self, f, getattr(self, f) + getattr(other, f))
        self.head_tags += other.head_tags
        self.word_losers += other.word_losers
        self.worst_loss = max(self.worst_loss, other.worst_loss)

    @property
    def agency_share(self) -> float:
        return self.agency_right / self.named if self.named else 1.0

    @property
    def signoff_share(self) -> float:
        return self.signoffs_removed / self.signoffs if self.signoffs else 1.0

    def ok(self) -> bool:
        return (
            self.agency_share >= 0.90
            and not self.head_tags
            and self.signoff_share >= 0.90
            and not self.word_losers
        )

    def report(self) -> str:
        return "\n".join(
            [
                f"{self.name}: {self.cases} cases",
                f"  agency right            {self.agency_right:4d}/{self.named:<4d} {self.agency_share:7.2%}  (goal >= 90%)",
                f"  tag in first {HEAD} chars   {len(self.head_tags):4d}/{self.cases:<4d}"
                f" {len(self.head_tags) / max(1, self.cases):7.2%}  (goal 0)",
                f"  sign-offs removed       {self.signoffs_removed:4d}/{self.signoffs:<4d} {self.signoff_share:7.2%}  (goal >= 90%)",
                f"  bodies losing > 5% words {len(self.word_losers):3d}/{self.worded:<4d}"
                f" worst loss {self.worst_loss:.1%}  (goal 0)",
            ]
        )


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=Path, nargs="+", required=True, help="JSON-lines case files")
    ap.add_argument("--failures", type=int, default=30, help="print at most this many failures per set")
    args = ap.parse_args(argv)
    total = Score("all sets")
    for path in args.cases:
        if not path.is_file():
            ap.error(f"no such cases file: {path}")
        score = Score(str(path))
        for case in load_cases(path):
            score.add(case)
        print(score.report())
        for line in score.failures[: args.failures]:
            print(f"    - {line}")
        total.merge(score)
    if len(args.cases) > 1:
        print(total.report())
    return 0 if total.ok() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
