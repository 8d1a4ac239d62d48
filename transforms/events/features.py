"""Story -> weighted terms -> one small dense vector (signed feature hashing).

Reports of one event by different agencies share few word sequences but many
*names* (people, places, organisations), a few content words and a few figures.
So a story becomes a bag of weighted terms:

* content words (lower-cased, accents folded, stop words and wire boilerplate out),
* named things found by a capitalised-phrase heuristic (no NER model), boosted,
* numbers normalised to their integer part (6.4 -> "6", 84,129.4 -> "84129"),
* headline terms boosted (a headline is the agency's summary of the event),

and the bag is hashed into ``dim`` signed buckets and L2-normalised. The hashing trick
needs no vocabulary, so a stored vector is never recomputed (until a rebuild): the
warehouse can keep it as a ``FLOAT[dim]`` column and compare with a plain dot product.
"""

from __future__ import annotations

import math
import re
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

# Function words plus wire boilerplate that every report carries whatever the event.
STOPWORDS = frozenset(
    """
a about above after again against all almost also although am among an and another any are around as at
be because been before being below between both but by can could did do does doing down during each
either even ever every few for from further had has have having he her here hers him his how however i
if in into is it its itself just least less like made make many may me might more most much must my
near no nor not now of off on once one only or other our out over own per same she should since so
some still such than that the their them then there these they this those though through to too two
under until up upon very via was we were what when where whether which while who whom whose why will
with within without would yet you your three four five six seven eight nine ten first second third
last new next since told said says say saying according added adding statement reported reports
report news agency officials official people percent per cent pc year years day days week weeks month
months time times local latest including include includes monday tuesday wednesday thursday friday
saturday sunday today yesterday tonight morning afternoon evening night early late mr mrs ms dr et al
gmt ist utc am pm ap afp reuters pti ians xinhua wam dpa anadolu kyodo ani
""".split()
)
# Never part of a name even when capitalised mid-sentence ("Mumbai, Nov 3 (PTI)").
CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
STOPWORDS = STOPWORDS | CALENDAR
# Capitalised tokens that are never part of a name in wire copy (agencies, datelines' furniture).
NOT_NAMES = frozenset(
    "ap afp reuters pti ians xinhua aa wam dpa anadolu kyodo ani the a an in on at for of and but as it "
    "he she they we this that his her their its after while with from by".split()
)
NAME_GLUE = frozenset({"of", "de", "del", "da", "al", "bin", "el", "la", "van", "von", "der", "du", "-"})

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]|\d[\d,]*(?:\.\d+)?")
_SENTENCE_END = re.compile(r"[.!?:;\"“”]\s*$")


@dataclass(frozen=True)
class FeatureConfig:
    """Weights of the term bag and the size of the hashed vector (tuned on the dev half)."""

    dim: int = 512
    name_weight: float = 2.0  # a named thing (whole phrase) vs a content word
    title_weight: float = 2.0  # a headline term vs a body term
    number_weight: float = 1.0
    lead_chars: int = 1200  # only the lead: later paragraphs drift to background
    idf_prior_docs: int = 300  # IDF as if this many more stories, none with the term, were counted:
    # a young warehouse (the demo's few dozen stories) would otherwise weigh an event's shared
    # names barely above its boilerplate; at a few hundred stories and more it changes little


def fold(text: str) -> str:
    """Accents off (László -> Laszlo, Türkiye -> Turkiye) so spellings across agencies meet."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _number(tok: str) -> str | None:
    digits = tok.split(".")[0].replace(",", "")
    if not digits or (len(digits) == 4 and digits.startswith(("19", "20"))):
        return None  # years say little about which event
    return "#" + digits


def names(text: str) -> list[str]:
    """Capitalised phrases ("Sanae Takaichi", "Central Weather Administration", "El Fasher").

    A capitalised word opening a sentence counts only if it is not a common word.
    """
    out: list[str] = []
    current: list[str] = []
    sentence_start = True
    for m in _WORD.finditer(text):
        tok = m.group()
        low = tok.lower()
        capital = tok[0].isupper()
        if (
            capital
            and low not in NOT_NAMES
            and low not in CALENDAR
            and not (sentence_start and low in STOPWORDS)
        ):
            current.append(low)
        elif current and low in NAME_GLUE and not capital:
            current.append(low)
        else:
            while current and current[-1] in NAME_GLUE:
                current.pop()
            if current:
                out.append(" ".join(current))
            current = []
        tail = text[m.end() : m.end() + 2]
        sentence_start = bool(_SENTENCE_END.match(tail)) or tail.startswith("\n")
    while current and current[-1] in NAME_GLUE:
        current.pop()
    if current:
        out.append(" ".join(current))
    return [n for n in out if n not in STOPWORDS and len(n) > 1]


def terms(title: str, text: str, config: FeatureConfig = FeatureConfig()) -> dict[str, float]:
    """The weighted bag of one story: sublinear term frequency times the kind's weight."""
    counts: dict[str, float] = {}
    for part, boost in ((fold(title), config.title_weight), (fold(text[: config.lead_chars]), 1.0)):
        for tok in _WORD.findall(part):
            if tok[0].isdigit():
                key = _number(tok)
                if key is not None:
                    counts[key] = counts.get(key, 0.0) + boost * config.number_weight
                continue
            low = tok.lower()
            if len(low) < 3 or low in STOPWORDS:
                continue
            key = low[:-1] if low.endswith("s") and len(low) > 4 else low  # crude plural fold
            counts[key] = counts.get(key, 0.0) + boost
        for name in names(part):
            if " " in name:  # single names are already unigrams; phrases add the pairing
                counts["@" + name] = counts.get("@" + name, 0.0) + boost * config.name_weight
            else:
                counts[name] = counts.get(name, 0.0) + boost * (config.name_weight - 1.0)
    return {k: 1.0 + math.log(v) if v > 1.0 else v for k, v in counts.items()}


IDF_BUCKETS = 1 << 18  # document frequencies are counted per hashed term (2 MiB of int64)


@dataclass
class DocFreq:
    """Document frequency of hashed terms over the stories seen so far.

    Bounded (``IDF_BUCKETS`` counters whatever the vocabulary) and additive, so the
    warehouse can keep it as a table and add each batch; IDF turns template words
    that an agency repeats every day ("Abu Dhabi", "Sensex", "Nifty") down.
    """

    counts: np.ndarray  # (IDF_BUCKETS,) int64
    n_docs: int = 0

    @classmethod
    def empty(cls) -> DocFreq:
        return cls(np.zeros(IDF_BUCKETS, np.int64), 0)

    def add(self, bags: Iterable[dict[str, float]]) -> None:
        for bag in bags:
            idx = np.fromiter((zlib.crc32(t.encode()) % IDF_BUCKETS for t in bag), np.int64, len(bag))
            np.add.at(self.counts, np.unique(idx), 1)
            self.n_docs += 1

    def idf(self, prior_docs: int = 0) -> np.ndarray:
        """Smoothed inverse document frequency per bucket, float32; `prior_docs` more documents
        containing no term are counted (FeatureConfig.idf_prior_docs)."""
        return (np.log((1.0 + self.n_docs + prior_docs) / (1.0 + self.counts)) + 1.0).astype(np.float32)


def hash_terms(bag: dict[str, float], dim: int, idf: np.ndarray | None = None) -> np.ndarray:
    """Signed feature hashing into ``dim`` buckets (times IDF when given), L2-normalised."""
    vec = np.zeros(dim, dtype=np.float32)
    for term, weight in bag.items():
        h = zlib.crc32(term.encode())
        if idf is not None:
            weight *= float(idf[h % IDF_BUCKETS])
        vec[h % dim] += weight if (h >> 31) & 1 else -weight
    norm = float(np.linalg.norm(vec))
    return vec / norm if norm else vec


def vectorise(
    stories: Iterable[tuple[str, str]], config: FeatureConfig = FeatureConfig(), idf: np.ndarray | None = None
) -> np.ndarray:
    """(title, text) pairs -> float32 matrix, one unit row per story."""
    rows = [hash_terms(terms(title, text, config), config.dim, idf) for title, text in stories]
    return np.vstack(rows) if rows else np.zeros((0, config.dim), dtype=np.float32)
