"""Republishers that wrap or re-run agency copy (the ``syndicator`` field).

MENAFN wraps copy in ``(MENAFN- Provider)``; Indian outlets that auto-publish
agency feeds say so in a disclaimer naming themselves ("... not been edited by
Devdiscourse staff ..."). Canonical names here keep the field filterable; an
outlet we do not list keeps the name the disclaimer gives, and a disclaimer
that names nobody falls back to the source's hint, the URL's domain, then
:data:`GENERIC`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

GENERIC = "syndicated-feed"


@dataclass(frozen=True, slots=True)
class Syndicator:
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


SYNDICATORS: list[Syndicator] = [
    Syndicator("MENAFN", ("MENAFN", "Middle East North Africa Financial Network"), ("menafn.com",)),
    Syndicator("Business Standard", ("Business Standard", "BS"), ("business-standard.com",)),
    Syndicator("NDTV", ("NDTV",), ("ndtv.com",)),
    Syndicator("Devdiscourse", ("Devdiscourse",), ("devdiscourse.com",)),
    Syndicator("ThePrint", ("ThePrint", "The Print"), ("theprint.in",)),
    Syndicator("Outlook", ("Outlook", "Outlook India"), ("outlookindia.com",)),
    Syndicator(
        "The Economic Times",
        ("Economic Times", "ET", "The Economic Times"),
        ("economictimes.indiatimes.com",),
    ),
    Syndicator("Lokmat Times", ("Lokmat", "Lokmat Times"), ("lokmattimes.com",)),
    Syndicator("Zee News", ("Zee News", "Zee"), ("zeenews.india.com",)),
    Syndicator("Free Press Journal", ("FPJ", "Free Press Journal"), ("freepressjournal.in",)),
]


def _key(name: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


_BY_NAME = {_key(n): s.name for s in SYNDICATORS for n in (s.name, *s.aliases)}
_BY_DOMAIN = {d: s.name for s in SYNDICATORS for d in s.domains}


def canonical(name: str | None) -> str | None:
    """Canonical syndicator name for an outlet name; unknown names are kept as given."""
    if not name or not name.strip():
        return None
    return _BY_NAME.get(_key(name), name.strip())


def host_of(url: str | None) -> str:
    """Lower-case host name of a URL, "" when there is none or the URL is malformed."""
    if not url:
        return ""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def from_url(url: str | None) -> str | None:
    """Syndicator whose domain (or a subdomain of it) serves ``url``."""
    host = host_of(url)
    while host:
        if host in _BY_DOMAIN:
            return _BY_DOMAIN[host]
        _, _, host = host.partition(".")
    return None
