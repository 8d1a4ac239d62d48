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
    exact: tuple[
        str, ...
    ] = ()  # tags matched only as written: short codes that are also words ("MAP", "TAP")


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
        ("Thomson Reuters", "Reuters Breakingviews", "Reuter"),
        ("Reuters Breakingviews", "Reuters", "Reuter"),
    ),
    Agency("AP", "Associated Press", "US", "wire", ("The Associated Press", "AP"), ("AP",)),
    Agency("AFP", "Agence France-Presse", "FR", "wire", ("AFP", "Agence France Presse"), ("AFP",)),
    Agency("XINHUA", "Xinhua News Agency", "CN", "wire", ("Xinhua",), ("Xinhua",)),
    Agency(
        "DPA",
        "Deutsche Presse-Agentur",
        "DE",
        "wire",
        ("dpa", "dpa international", "dpa-AFX"),
        ("dpa-AFX", "dpa"),
    ),
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

# Agencies and press-release wires a typical wire desk carries, beyond the ones above. One row each;
# short codes that are also ordinary words are exact-case tags, so "(MAP)" is Maghreb Arabe Presse
# but "(map)" is nothing.
AGENCIES += [
    Agency(
        "CP",
        "The Canadian Press",
        "CA",
        "wire",
        ("Canadian Press", "The Canadian Press", "La Presse Canadienne"),
        ("Canadian Press",),
        ("CP",),
    ),
    Agency("UPI", "United Press International", "US", "wire", ("UPI",), ("UPI",)),
    Agency("BLOOMBERG", "Bloomberg News", "US", "wire", ("Bloomberg", "Bloomberg News"), ("Bloomberg",)),
    Agency(
        "DJ",
        "Dow Jones Newswires",
        "US",
        "wire",
        ("Dow Jones", "Dow Jones Newswires"),
        ("Dow Jones Newswires", "Dow Jones"),
    ),
    Agency("PA", "PA Media", "GB", "wire", ("PA Media", "Press Association", "PA"), (), ("PA",)),
    Agency("AAP", "Australian Associated Press", "AU", "wire", ("AAP",), ("AAP",)),
    Agency("APA", "Austria Presse Agentur", "AT", "wire", ("APA", "Austria Presse Agentur"), ("APA",)),
    Agency("EFE", "Agencia EFE", "ES", "wire", ("EFE", "Agencia EFE"), ("EFE",)),
    Agency("EP", "Europa Press", "ES", "wire", ("Europa Press",), ("Europa Press",)),
    Agency("ANSA", "Agenzia Nazionale Stampa Associata", "IT", "wire", ("ANSA",), ("ANSA",)),
    Agency("AGI", "Agenzia Giornalistica Italia", "IT", "wire", ("AGI",), ("AGI",)),
    Agency("LUSA", "Lusa News Agency", "PT", "wire", ("Lusa", "Agência Lusa"), ("Lusa",)),
    Agency("BELGA", "Belga News Agency", "BE", "wire", ("Belga",), ("Belga",)),
    Agency("ANP", "Algemeen Nederlands Persbureau", "NL", "wire", ("ANP",), ("ANP",)),
    Agency("NTB", "Norsk Telegrambyrå", "NO", "wire", ("NTB",), ("NTB",)),
    Agency("TT", "TT News Agency", "SE", "wire", ("TT Nyhetsbyrån", "TT News Agency"), (), ("TT",)),
    Agency("STT", "Finnish News Agency STT", "FI", "wire", ("STT", "STT-FNB"), ("STT",)),
    Agency("RITZAU", "Ritzau", "DK", "wire", ("Ritzau", "Ritzaus Bureau"), ("Ritzau",)),
    Agency("CTK", "Czech News Agency", "CZ", "wire", ("CTK", "ČTK", "Czech News Agency"), ("CTK", "ČTK")),
    Agency("TASR", "News Agency of the Slovak Republic", "SK", "wire", ("TASR",), ("TASR",)),
    Agency("PAP", "Polish Press Agency", "PL", "wire", ("PAP", "Polska Agencja Prasowa"), ("PAP",)),
    Agency("MTI", "Hungarian News Agency", "HU", "wire", ("MTI",), ("MTI",)),
    Agency("AGERPRES", "Agerpres", "RO", "wire", ("Agerpres",), ("AGERPRES",)),
    Agency("BTA", "Bulgarian News Agency", "BG", "wire", ("BTA",), ("BTA",)),
    Agency("TANJUG", "Tanjug", "RS", "wire", ("Tanjug",), ("Tanjug",)),
    Agency("HINA", "Croatian News Agency", "HR", "wire", ("HINA", "Hina"), ("HINA",)),
    Agency("STA", "Slovenian Press Agency", "SI", "wire", ("STA",), (), ("STA",)),
    Agency(
        "ANA-MPA",
        "Athens-Macedonian News Agency",
        "GR",
        "wire",
        ("ANA-MPA", "AMNA", "ANA"),
        ("ANA-MPA", "AMNA"),
    ),
    Agency("CNA-CY", "Cyprus News Agency", "CY", "wire", ("Cyprus News Agency", "KYPE"), ("KYPE",)),
    Agency("UKRINFORM", "Ukrinform", "UA", "wire", ("Ukrinform",), ("Ukrinform",)),
    Agency("INTERFAX", "Interfax", "RU", "wire", ("Interfax",), ("Interfax",)),
    Agency("RIA", "RIA Novosti", "RU", "wire", ("RIA Novosti", "RIA"), ("RIA Novosti",)),
    Agency("SPUTNIK", "Sputnik", "RU", "wire", ("Sputnik",), ("Sputnik",)),
    Agency("AZERTAC", "Azerbaijan State News Agency", "AZ", "wire", ("AZERTAC", "Azertac"), ("AZERTAC",)),
    Agency("KAZINFORM", "Kazinform", "KZ", "wire", ("Kazinform",), ("Kazinform",)),
    Agency("MENA", "Middle East News Agency", "EG", "wire", ("MENA", "Middle East News Agency"), ("MENA",)),
    Agency("BNA", "Bahrain News Agency", "BH", "wire", ("BNA", "Bahrain News Agency"), ("BNA",)),
    Agency("ONA", "Oman News Agency", "OM", "wire", ("Oman News Agency",), (), ("ONA",)),
    Agency("IRNA", "Islamic Republic News Agency", "IR", "wire", ("IRNA",), ("IRNA",)),
    Agency("SANA", "Syrian Arab News Agency", "SY", "wire", ("SANA",), ("SANA",)),
    Agency("NNA", "National News Agency", "LB", "wire", ("NNA",), ("NNA",)),
    Agency("WAFA", "Palestinian News and Information Agency", "PS", "wire", ("WAFA",), ("WAFA",)),
    Agency(
        "APS",
        "Algérie Presse Service",
        "DZ",
        "wire",
        ("Algerie Presse Service", "Algérie Presse Service"),
        (),
        ("APS",),
    ),
    Agency("MAP", "Maghreb Arabe Presse", "MA", "wire", ("Maghreb Arabe Presse",), (), ("MAP",)),
    Agency("TAP", "Tunis Afrique Presse", "TN", "wire", ("Tunis Afrique Presse",), (), ("TAP",)),
    Agency("NAN", "News Agency of Nigeria", "NG", "wire", ("News Agency of Nigeria",), (), ("NAN",)),
    Agency("KNA", "Kenya News Agency", "KE", "wire", ("Kenya News Agency",), (), ("KNA",)),
    Agency("ENA", "Ethiopian News Agency", "ET", "wire", ("Ethiopian News Agency",), (), ("ENA",)),
    Agency(
        "APO", "APO Group", "CH", "press-release", ("APO Group", "African Press Organization"), ("APO Group",)
    ),
    Agency("ANTARA", "Antara News Agency", "ID", "wire", ("Antara", "ANTARA News"), ("ANTARA",)),
    Agency("PNA", "Philippine News Agency", "PH", "wire", ("Philippine News Agency",), (), ("PNA",)),
    Agency("VNA", "Vietnam News Agency", "VN", "wire", ("Vietnam News Agency", "VNA/VNS"), ("VNA",)),
    Agency("TNA", "Thai News Agency", "TH", "wire", ("Thai News Agency",), (), ("TNA",)),
    Agency("CNA", "Central News Agency", "TW", "wire", ("Central News Agency", "Focus Taiwan"), (), ("CNA",)),
    Agency("JIJI", "Jiji Press", "JP", "wire", ("Jiji", "Jiji Press"), ("Jiji Press", "Jiji")),
    Agency("KCNA", "Korean Central News Agency", "KP", "wire", ("KCNA",), ("KCNA",)),
    Agency(
        "APP", "Associated Press of Pakistan", "PK", "wire", ("Associated Press of Pakistan",), (), ("APP",)
    ),
    Agency("UNB", "United News of Bangladesh", "BD", "wire", ("United News of Bangladesh",), ("UNB",)),
    Agency("BSS", "Bangladesh Sangbad Sangstha", "BD", "wire", ("Bangladesh Sangbad Sangstha",), ("BSS",)),
    Agency("RSS-NP", "Rastriya Samachar Samiti", "NP", "wire", ("Rastriya Samachar Samiti",), (), ("RSS",)),
    Agency("PL", "Prensa Latina", "CU", "wire", ("Prensa Latina",), ("Prensa Latina",), ("PL",)),
    Agency("NOTIMEX", "Notimex", "MX", "wire", ("Notimex", "NTX"), ("Notimex",)),
    Agency("TELAM", "Télam", "AR", "wire", ("Telam", "Télam"), ("Télam", "Telam")),
    Agency("ABR", "Agência Brasil", "BR", "wire", ("Agência Brasil", "Agencia Brasil"), ("Agência Brasil",)),
    Agency(
        "ACCESSWIRE",
        "ACCESSWIRE",
        "US",
        "press-release",
        ("Accesswire", "ACCESS Newswire"),
        ("ACCESSWIRE", "ACCESS Newswire"),
    ),
    Agency(
        "NEWSFILE",
        "Newsfile Corp.",
        "CA",
        "press-release",
        ("Newsfile", "Newsfile Corp"),
        ("Newsfile Corp.",),
    ),
    Agency("CNW", "Canada Newswire", "CA", "press-release", ("Canada Newswire", "CNW Group"), ("CNW",)),
    Agency("PRWEB", "PRWeb", "US", "press-release", ("PRWeb",), ("PRWEB",)),
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
    for _n in (_a.code, _a.name, *_a.aliases, *_a.tags, *_a.exact):
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
    """Every dateline tag matched in any case, longest first (so regex alternation prefers the longest)."""
    return sorted({t for a in AGENCIES for t in a.tags}, key=len, reverse=True)


def exact_tags() -> list[str]:
    """Dateline tags matched only as written (short codes that are also words), longest first."""
    return sorted({t for a in AGENCIES for t in a.exact}, key=len, reverse=True)


def prefix_names() -> list[str]:
    """Names an aggregator puts before the copy (``AP - ``, ``Canadian Press - ``), longest first:
    every tag, plus multi-word names and aliases (a bare one-word alias such as "Trend" is no prefix)."""
    names = {t for a in AGENCIES for t in (*a.tags, *a.exact)}
    names |= {n for a in AGENCIES for n in (a.name, *a.aliases) if " " in n or n.isupper()}
    return sorted(names, key=len, reverse=True)
