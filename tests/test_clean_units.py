"""Unit checks for the agency table, dates, places, HTML fragments and the removal log."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from transforms.agencies import AGENCIES, agency_rows, lookup
from transforms.clean import clean, clean_html_fragment
from transforms.cleaning.dates import parse_dateline_date
from transforms.cleaning.places import render_place
from transforms.cleaning.rules import ANY_RULES, HEAD_RULES, TAIL_RULES


def test_agency_rows_shape_and_uniqueness():
    rows = agency_rows()
    assert len(rows) == len(AGENCIES) >= 24
    assert len({r["code"] for r in rows}) == len(rows)
    for r in rows:
        assert set(r) == {"code", "name", "country", "kind", "aliases"}
        assert r["kind"] in {"wire", "press-release"} and len(r["country"]) == 2
        assert isinstance(r["aliases"], list)
    assert all(a.tags or a.exact for a in AGENCIES), "every agency needs a dateline tag"


@pytest.mark.parametrize(
    "name,code",
    [
        ("IANS", "IANS"),
        ("Kuwait News Agency (KUNA)", "KUNA"),
        ("GlobeNewsWire - Nasdaq", "GNW"),
        ("Emirates News Agency", "WAM"),
        ("dpa international", "DPA"),
        ("Anadolu Agency", "AA"),
        ("PRNewswire", "PRN"),
        ("EINPresswire.com", "EIN"),
        ("Khaleej Times", None),
        ("", None),
        (None, None),
    ],
)
def test_lookup(name, code):
    assert lookup(name) == code


def test_rule_names_are_unique():
    names = [r.name for r in (*HEAD_RULES, *TAIL_RULES, *ANY_RULES)]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    "text,pub,expected",
    [
        ("July 4", datetime(2025, 7, 4, 10, tzinfo=UTC), date(2025, 7, 4)),
        ("Dec 31", datetime(2026, 1, 1, 0, 5, tzinfo=UTC), date(2025, 12, 31)),
        ("Jan. 1", datetime(2025, 12, 31, 20, tzinfo=UTC), date(2026, 1, 1)),  # one day of time-zone slack
        ("Jan 5", datetime(2025, 12, 31, 20, tzinfo=UTC), date(2025, 1, 5)),
        ("Feb 29", datetime(2025, 3, 1, tzinfo=UTC), date(2024, 2, 29)),
        ("5th May, 2025", None, date(2025, 5, 5)),
        ("July 4", None, None),
        ("July 32", datetime(2025, 7, 4, tzinfo=UTC), None),
        ("Sept. 3", datetime(2025, 9, 4), date(2025, 9, 3)),  # naive datetimes are taken as UTC
    ],
)
def test_dateline_dates(text, pub, expected):
    assert parse_dateline_date(text, pub) == expected


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("NEW DELHI", "New Delhi"),
        ("PARIS/BERLIN", "Paris/Berlin"),
        ("RIO DE JANEIRO", "Rio de Janeiro"),
        ("ST. PETERSBURG", "St. Petersburg"),
        ("AlUla", "AlUla"),
        ("Washington DC", "Washington DC"),
        ("PORT-AU-PRINCE", "Port-au-Prince"),
        (None, None),
    ],
)
def test_place_rendering(raw, expected):
    assert render_place(raw) == expected


def test_removals_are_logged_with_rule_and_text():
    got = clean(
        "(MENAFN- IANS) Tokyo, July 4 (IANS) Talks went well.\n\n--IANS\nsd/ksk\n\n"
        "MENAFN04072025000231011071ID1109758421",
        published_at=datetime(2025, 7, 4, tzinfo=UTC),
    )
    assert got.body == "Talks went well."
    assert [(r.kind, r.rule, r.text) for r in got.removed] == [
        ("id_code", "menafn_id_code", "MENAFN04072025000231011071ID1109758421"),
        ("wrapper", "menafn_wrapper", "(MENAFN- IANS)"),
        ("dateline", "dateline_paren_tag", "Tokyo, July 4 (IANS)"),
        ("trailer", "agency_dash_trailer", "--IANS sd/ksk"),
    ]


def test_html_fragment_paragraphs_and_dropped_elements():
    html = (
        "<div><p>NEW DELHI, July 3 (PTI) First <b>bold</b> line<br>same paragraph.</p>"
        "<script>alert(1)</script><figure><img src=x><figcaption>Photo: PTI</figcaption></figure>"
        "<ul><li>One</li><li>Two</li></ul><p>PTI ABC XY</p></div>"
    )
    got = clean_html_fragment(html, published_at=datetime(2025, 7, 4, tzinfo=UTC))
    assert got.body == "First bold line same paragraph.\n\nOne\n\nTwo"
    assert (got.agency, got.dateline_place, got.dateline_date) == ("PTI", "New Delhi", date(2025, 7, 3))


@pytest.mark.parametrize("html", ["", "   ", "plain &amp; simple", "<p></p>", "<<<>>>", "<p>unclosed"])
def test_html_fragment_edge_cases(html):
    assert isinstance(clean_html_fragment(html).body, str)


def test_plain_text_unchanged():
    text = "A plain paragraph with nothing to cut.\n\nAnother one, mentioning Reuters and PTI in passing."
    got = clean(text)
    assert got.body == text and got.removed == () and got.agency is None
