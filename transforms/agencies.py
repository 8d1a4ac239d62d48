"""The agencies table: every news agency and press-release wire the cleaner knows.

One entry per agency. The cleaner builds its dateline and trailer patterns from
``tags`` and resolves wrapper/provider names through ``name`` and ``aliases``;
the warehouse seeds its ``agencies`` reference table from :func:`agency_rows`.
Adding an agency is adding an entry here (plus a test case), nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Agency:
    code: str  # canonical code stored in Cleaned.agency / articles.agency
    name: str  # official English name
    country: str  # ISO 3166-1 alpha-2 of the head office
    kind: str  # "wire" | "press-release"
    aliases: tuple[str, ...] = ()  # other names seen in wrappers, bylines, providers
    tags: tuple[str, ...] = ()  # how the agency signs a dateline: "(IANS)", "/TASS/", "--(BUSINESS WIRE)--"


AGENCIES: list[Agency] = [
    Agency("IANS", "Indo-Asian News Service", "IN", "wire", ("IANS",), ("IANS",)),
    Agency("PTI", "Press Trust of India", "IN", "wire", ("PTI",), ("PTI",)),
    Agency("ANI", "Asian News International", "IN", "wire", ("ANI",), ("ANI",)),
    Agency("UNI", "United News of India", "IN", "wire", ("UNI",), ("UNI",)),
    Agency(
        "REUTERS",
        "Reuters",
        "GB",
        "wire",
        ("Thomson Reuters", "Reuters Breakingviews"),
        ("Reuters Breakingviews", "Reuters"),
    ),
    Agency("AP", "Associated Press", "US", "wire", ("The Associated Press", "AP"), ("AP",)),
    Agency("AFP", "Agence France-Presse", "FR", "wire", ("AFP", "Agence France Presse"), ("AFP",)),
    Agency("XINHUA", "Xinhua News Agency", "CN", "wire", ("Xinhua",), ("Xinhua",)),
    Agency("DPA", "Deutsche Presse-Agentur", "DE", "wire", ("dpa", "dpa international"), ("dpa",)),
    Agency("KYODO", "Kyodo News", "JP", "wire", ("Kyodo",), ("Kyodo",)),
    Agency("YONHAP", "Yonhap News Agency", "KR", "wire", ("Yonhap",), ("Yonhap",)),
    Agency("BERNAMA", "Malaysian National News Agency", "MY", "wire", ("Bernama",), ("Bernama",)),
    Agency("WAM", "Emirates News Agency", "AE", "wire", ("WAM", "Emirates News Agency (WAM)"), ("WAM",)),
    Agency("SPA", "Saudi Press Agency", "SA", "wire", ("SPA",), ("SPA",)),
    Agency("KUNA", "Kuwait News Agency", "KW", "wire", ("KUNA", "Kuwait News Agency (KUNA)"), ("KUNA",)),
    Agency("QNA", "Qatar News Agency", "QA", "wire", ("QNA",), ("QNA",)),
    Agency("PETRA", "Jordan News Agency", "JO", "wire", ("Petra", "Jordan News Agency (Petra)"), ("Petra",)),
    Agency("AA", "Anadolu Agency", "TR", "wire", ("Anadolu", "AA", "Anadolu Ajansi"), ("AA",)),
    Agency("TASS", "TASS Russian News Agency", "RU", "wire", ("TASS", "ITAR-TASS"), ("TASS",)),
    Agency("TREND", "Trend News Agency", "AZ", "wire", ("Trend", "Trend News Agency"), ("Trend",)),
    Agency(
        "GNW",
        "GlobeNewswire",
        "US",
        "press-release",
        ("GlobeNewswire", "Globe Newswire"),
        ("GLOBE NEWSWIRE",),
    ),
    Agency(
        "PRN",
        "PR Newswire",
        "US",
        "press-release",
        ("PRNewswire", "PR Newswire", "Cision PR Newswire"),
        ("PRNewswire",),
    ),
    Agency(
        "BW", "Business Wire", "US", "press-release", ("BusinessWire", "Business Wire"), ("BUSINESS WIRE",)
    ),
    Agency(
        "EIN",
        "EIN Presswire",
        "US",
        "press-release",
        ("EIN Presswire", "EINPresswire"),
        ("EINPresswire.com", "EIN Presswire"),
    ),
]

BY_CODE: dict[str, Agency] = {a.code: a for a in AGENCIES}


def agency_rows() -> list[dict]:
    """Rows for the warehouse ``agencies`` reference table (one per agency)."""
    return [
        {"code": a.code, "name": a.name, "country": a.country, "kind": a.kind, "aliases": list(a.aliases)}
        for a in AGENCIES
    ]


def _key(name: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


_NAMES: dict[str, str] = {}
for _a in AGENCIES:
    for _n in (_a.code, _a.name, *_a.aliases, *_a.tags):
        _NAMES.setdefault(_key(_n), _a.code)


def lookup(name: str | None) -> str | None:
    """Canonical code for an agency name, alias, tag or provider string, else None.

    Tries the whole name, then its parts: the parenthesised acronym of
    ``Kuwait News Agency (KUNA)`` and the halves of ``GlobeNewsWire - Nasdaq``.
    """
    if not name:
        return None
    code = _NAMES.get(_key(name))
    if code:
        return code
    for part in re.split(r"\s+[-–—|]\s+|[()/]", name):
        code = _NAMES.get(_key(part)) if part.strip() else None
        if code:
            return code
    return None


def all_tags() -> list[str]:
    """Every dateline tag, longest first (so regex alternation prefers the longest)."""
    return sorted({t for a in AGENCIES for t in a.tags}, key=len, reverse=True)
