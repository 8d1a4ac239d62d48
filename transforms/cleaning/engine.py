"""The engine that applies the rule tables to a list of paragraphs.

Order: ANY rules on every paragraph, a repeated title, then HEAD rules at the
start of the first paragraph and TAIL rules at the end of the last one, repeated
until nothing matches (so cleaning its own output changes nothing). Every cut is
recorded as a :class:`Removal`; attribution is read from the rules' named groups.
When two places disagree on the agency, the dateline wins over the wrapper, the
wrapper over the trailer, the trailer over the byline, and all over the hint.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TypedDict, Unpack

from transforms import agencies, syndicators
from transforms.cleaning.dates import parse_dateline_date
from transforms.cleaning.places import render_place, title_case
from transforms.cleaning.rules import (
    AGENCY_NAMES,
    ANY_RULES,
    BYLINE_TITLE,
    HEAD_RULES,
    SECTION_RULES,
    TAIL_RULES,
    Rule,
)
from transforms.records import Cleaned, Removal

_MAX_ROUNDS = 12
_TAIL_WINDOW = 800  # trailers are short: only look at the end of a long paragraph
_SECTION_WINDOW = 10  # a boilerplate section opens within the last paragraphs, never in the first half
_AGENCY_RANK = {"dateline": 0, "wrapper": 1, "trailer": 2, "byline": 3}


class _Found:
    """Attribution collected while cutting; first find wins within a rank."""

    __slots__ = (
        "agency",
        "agency_rank",
        "byline",
        "date_text",
        "dated",
        "outlet",
        "place",
        "provider",
        "removed",
        "syndicated",
        "syndicator",
    )

    def __init__(self) -> None:
        self.removed: list[Removal] = []
        self.agency: str | None = None
        self.agency_rank = 99
        self.provider: str | None = None
        self.syndicator: str | None = None
        self.outlet: str | None = None
        self.syndicated = False
        self.place: str | None = None
        self.date_text: str | None = None
        self.byline: str | None = None
        self.dated = False  # a dateline was cut: a copy has one, so no second one is looked for

    def offer_agency(self, code: str | None, kind: str) -> None:
        rank = _AGENCY_RANK.get(kind, 9)
        if code and rank < self.agency_rank:
            self.agency, self.agency_rank = code, rank

    def absorb(self, rule: Rule, groups: dict[str, str | None], text: str) -> None:
        self.removed.append(Removal(rule.kind, rule.name, text.strip()))
        self.syndicated |= rule.syndicated
        if rule.syndicator and not self.syndicator:
            self.syndicator = rule.syndicator
        if rule.agency:
            self.offer_agency(rule.agency, rule.kind)
        if (outlet := groups.get("outlet")) and not self.outlet:
            self.outlet = outlet.strip()
        if (provider := groups.get("provider")) and not self.provider:
            self.provider = " ".join(provider.split())
            self.offer_agency(agencies.lookup(self.provider), rule.kind)
        if tag := groups.get("tag"):
            self.offer_agency(agencies.lookup(tag), rule.kind)
        if agency := groups.get("agency"):
            self.offer_agency(agencies.lookup(agency), rule.kind)
        if name := groups.get("name"):
            self.offer_agency(agencies.lookup(name), rule.kind)
        if rule.kind == "dateline":
            self.dated = True
        if rule.kind == "dateline" and self.place is None and groups.get("place"):
            self.place = groups["place"]
            self.date_text = groups.get("date")
        elif rule.kind == "dateline" and self.date_text is None and groups.get("date"):
            self.date_text = groups["date"]  # a date without a place: "July 4 (Reuters) - "
        if (byline := groups.get("byline")) and not self.byline:
            raw = re.sub(r"\s*\|\s*", ", ", byline.strip().rstrip("."))  # "Anna Koper | Reuters"
            self.offer_agency(agency_of_credit(raw), "byline")
            self.byline, agency = names_of_byline(raw)
            self.offer_agency(agency, "byline")


def _is_agency_words(words: list[str]) -> bool:
    """A trailing agency name in a byline: several words ("Associated Press") or a code in capitals ("AP")."""
    text = " ".join(words)
    if len(words) == 1 and not (text.isupper() and len(text) <= 8):
        return False
    return agencies.lookup(text) is not None


_BYLINE_SEPARATOR = re.compile(r"(\s+(?:and|&)\s+|\s*[,/]\s*)")  # captured: split() keeps it


def names_of_byline(raw: str) -> tuple[str, str | None]:
    """The people a byline names, and the agency it credits.

    "KEVIN PARK, AP Business Writer" -> ("Kevin Park", None); "MARIA LOPEZ Associated Press"
    -> ("Maria Lopez", "AP"). A byline of agencies only ("IANS/WAM") or of a desk
    ("Staff Reporter") is kept as written; shouted names are title-cased.
    """
    names, agency = raw, None
    head, sep, tail = names.rpartition(",")
    if sep and head.strip() and (BYLINE_TITLE.fullmatch(tail.strip()) or agencies.lookup(tail)):
        agency = agencies.lookup(tail)
        names = head.strip()
    words = names.split()
    for n in (4, 3, 2, 1):
        if len(words) > n and _is_agency_words(words[-n:]):
            agency = agency or agencies.lookup(" ".join(words[-n:]))
            names = " ".join(words[:-n])
            break
    if names.casefold() in ("the", "by"):  # "The Associated Press": an agency-only byline, kept as written
        return raw, agency
    parts = [q for q in (p.strip() for p in _BYLINE_SEPARATOR.split(names)[::2]) if q]
    if not parts or any(not q.isupper() for q in parts) or all(agencies.lookup(q) for q in parts):
        return names, agency
    # title-case each name, keep the separators ("and", ",", "/") as written
    pieces = _BYLINE_SEPARATOR.split(names)
    return "".join(title_case(x) if i % 2 == 0 else x for i, x in enumerate(pieces)), agency


_CREDIT_PARTS = re.compile(r"\s*(?:[,;|/&+]|\band\b|\s[-–—]\s)\s*")


def agency_of_credit(credit: str | None) -> str | None:
    """The agency a credit given outside the text names: the feed item's author/creator
    (``(AFP)``, ``AP``, ``Reuters Staff``), a page byline (``By Jane Doe, Associated Press``).

    The whole credit, then each part of a list of names, then the agency after a person's
    name: a part must be an agency name as a whole, so "Petra Novak" is no Petra.
    """
    if not credit or not credit.strip():
        return None
    raw = re.sub(r"^\s*(?i:by)\s+", "", " ".join(credit.split())).strip(" .()[]")
    if not raw or len(raw) > 200:
        return None
    code = agencies.lookup(raw)
    if code:
        return code
    for part in _CREDIT_PARTS.split(raw):
        part = re.sub(r"\s+(?i:staff|desk|news desk|bureau|wire|news)$", "", part.strip(" .()[]"))
        if part and (code := agencies.lookup(part)):
            return code
    return names_of_byline(raw)[1]


_FOOTER_AGENCY = re.compile(rf"(?<![\w-])(?:{AGENCY_NAMES})(?![\w-])")


def agency_of_footer(footer: str | None) -> str | None:
    """The agency a syndicated-feed footer names: "© Agence France-Presse",
    "(c) Copyright Thomson Reuters 2025. Click For Restrictions ..." (the first agency named)."""
    if not footer or not footer.strip():
        return None
    m = _FOOTER_AGENCY.search(" ".join(footer.split())[:300])
    return agencies.lookup(m.group(0)) if m else None


def _has(p: str, needle: str | tuple[str, ...]) -> bool:
    """The rule's cheap prefilter: its literal, or one of its literals, occurs in the paragraph."""
    if isinstance(needle, str):
        return needle in p
    return any(n in p for n in needle)


def _cut_any(p: str, found: _Found) -> str:
    for rule in ANY_RULES:
        if rule.needle and not _has(p, rule.needle):
            continue
        for _ in range(_MAX_ROUNDS):
            m = rule.pattern.fullmatch(p) if rule.whole else rule.pattern.search(p)
            if not m:
                break
            found.absorb(rule, m.groupdict(), m.group(0))
            left, right = p[: m.start()].rstrip(), p[m.end() :].lstrip()
            p = f"{left} {right}" if left and right else left or right
            if not p:
                return p
    return p


def _cut_head(paras: list[str], found: _Found) -> bool:
    p = paras[0]
    for rule in HEAD_RULES:
        if found.dated and rule.kind == "dateline":
            continue
        if rule.needle and not _has(p, rule.needle):
            continue
        m = rule.pattern.match(p)
        if m and m.end():
            found.absorb(rule, m.groupdict(), m.group(0))
            rest = p[m.end() :].strip()
            if rest:
                paras[0] = rest
            else:
                paras.pop(0)
            return True
    return False


def _cut_tail(paras: list[str], found: _Found) -> bool:
    p = paras[-1]
    start = max(0, len(p) - _TAIL_WINDOW)
    for rule in TAIL_RULES:
        if rule.needle and not _has(p, rule.needle):
            continue
        m = rule.pattern.search(p, start)
        if m:
            found.absorb(rule, m.groupdict(), m.group(0))
            rest = p[: m.start()].rstrip()
            if rest:
                paras[-1] = rest
            else:
                paras.pop()
            return True
    return False


def _cut_section(paras: list[str], found: _Found) -> bool:
    """Cut a trailing boilerplate section: from its opening paragraph to the end."""
    first = max(1, len(paras) // 2, len(paras) - _SECTION_WINDOW)
    for i in range(first, len(paras)):
        p = paras[i]
        if len(p) > 400 and not p.startswith("About"):
            continue
        for rule in SECTION_RULES:
            if rule.needle and not _has(p, rule.needle):
                continue
            m = rule.pattern.match(p)
            if m:
                found.absorb(rule, m.groupdict(), "\n\n".join(paras[i:]))
                del paras[i:]
                return True
    return False


def _same_title(paragraph: str, title: str) -> bool:
    return " ".join(paragraph.split()).casefold() == " ".join(title.split()).casefold()


class CleanHints(TypedDict, total=False):
    """What a caller knows about a text besides the text (see :func:`transforms.clean.clean`)."""

    published_at: datetime | None
    title: str | None
    url: str | None
    syndicator_hint: str | None
    agency_hint: str | None
    credit: str | None
    footer: str | None


def run(paras: list[str], **hints: Unpack[CleanHints]) -> Cleaned:
    title, url = hints.get("title"), hints.get("url")
    found = _Found()
    paras = [q for p in paras if (q := _cut_any(p, found))]
    if title and title.strip() and paras and _same_title(paras[0], title):
        found.removed.append(Removal("title", "title_repeat", paras.pop(0)))
    for _ in range(_MAX_ROUNDS):
        changed = False
        for _ in range(_MAX_ROUNDS):
            if not (paras and _cut_head(paras, found)):
                break
            changed = True
        for _ in range(_MAX_ROUNDS):
            if not (paras and _cut_tail(paras, found)):
                break
            changed = True
        if len(paras) > 1 and _cut_section(paras, found):
            changed = True
        if not (changed and paras):
            break
        for i in {0, len(paras) - 1}:
            paras[i] = _cut_any(paras[i], found)
        paras = [p for p in paras if p]

    syndicator = (
        found.syndicator
        or syndicators.canonical(found.outlet)
        or syndicators.canonical(hints.get("syndicator_hint"))
        or (found.syndicated and (syndicators.from_url(url) or syndicators.GENERIC))
        or None
    )
    agency = (
        found.agency
        or agency_of_credit(hints.get("credit"))
        or agency_of_footer(hints.get("footer"))
        or agencies.lookup(hints.get("agency_hint"))
        or None
    )
    return Cleaned(
        body="\n\n".join(paras),
        syndicator=syndicator,
        provider=found.provider,
        agency=agency,
        dateline_place=render_place(found.place),
        dateline_date=parse_dateline_date(found.date_text, hints.get("published_at")),
        byline=found.byline,
        removed=tuple(found.removed),
    )
