"""Public API of the wire-copy cleaner: ``clean`` and ``clean_html_fragment``.

Pure functions: everything they need (publication time, title, URL, hints from
the source config) is passed in. The rules live in
:mod:`transforms.cleaning.rules` and :mod:`transforms.agencies`.
"""

from __future__ import annotations

from typing import Unpack

from transforms.cleaning import engine
from transforms.cleaning import text as _text
from transforms.cleaning.engine import CleanHints
from transforms.cleaning.html import html_to_text
from transforms.records import Cleaned

__all__ = ["CleanHints", "clean", "clean_html_fragment"]


def clean(text: str, **hints: Unpack[CleanHints]) -> Cleaned:
    """Strip wrappers, datelines, bylines, trailers and boilerplate from wire copy,
    returning the body and the attribution they carried.

    ``published_at`` supplies the year of a yearless dateline (None: no date);
    ``title`` drops a first paragraph that repeats it; ``syndicator_hint`` and
    ``agency_hint`` (from the source config) fill fields the text leaves empty;
    ``url`` names the outlet of an anonymous "syndicated feed" disclaimer; ``credit`` is who
    the item says wrote it outside the text (the feed's author/creator field such as ``(AFP)``
    or ``AP``, a page byline such as ``By Reuters``): an agency it names is used when the text
    itself names none, before ``agency_hint``; ``footer`` is a syndicated feed's footer or rights
    line (``© Agence France-Presse``): the agency it names comes next.
    """
    paras = _text.repair(text) if text else []
    return engine.run(paras, **hints)


def clean_html_fragment(html: str, **hints: Unpack[CleanHints]) -> Cleaned:
    """Like :func:`clean` for an HTML fragment (feed ``content:encoded`` or ``description``)."""
    return clean(html_to_text(html or ""), **hints)
