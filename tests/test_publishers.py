"""Publisher rules: each saved page in tests/data/pages has its expected record beside it."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from transforms.extract import extract
from transforms.publishers import RULES, rule_for

PAGES = Path(__file__).parent / "data" / "pages"
CASES = sorted(p.name.removesuffix(".expected.json") for p in PAGES.glob("*.expected.json"))


def _record_as_json(rec) -> dict:
    out = {}
    for name in rec.__slots__:
        value = getattr(rec, name)
        if isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[name] = value
    out["body"] = out["body"].split("\n\n") if out["body"] else []
    return out


@pytest.mark.parametrize("case", CASES)
def test_saved_page_gives_expected_record(case):
    expected = json.loads((PAGES / f"{case}.expected.json").read_text(encoding="utf-8"))
    url = expected.pop("url")
    got = _record_as_json(extract((PAGES / f"{case}.html").read_bytes(), url))
    assert got == expected


def test_every_rule_has_a_saved_page():
    covered = set()
    for case in CASES:
        expected = json.loads((PAGES / f"{case}.expected.json").read_text(encoding="utf-8"))
        covered.add(expected["method"].removeprefix("rule:"))
    assert {r.name for r in RULES} <= covered


@pytest.mark.parametrize(
    "url, name",
    [
        ("https://menafn.com/1109782211/x", "menafn"),
        ("https://www.menafn.com/1109782211/x", "menafn"),
        ("https://www.lokmattimes.com/national/x/", "in-story"),
        ("https://notmenafn.com/x", None),
        ("https://example.com/x", None),
        ("not a url", None),
        (None, None),
    ],
)
def test_rule_lookup_by_domain(url, name):
    rule = rule_for(url)
    assert (rule.name if rule else None) == name


def test_menafn_rule_drops_disclaimer_related_share_and_caption():
    body = extract((PAGES / "menafn_ians.html").read_bytes(), "https://menafn.com/1109782211/x").body
    for junk in (
        "Legal Disclaimer",
        "Related News",
        "Semiconductor Pact",
        "Representative image",
        "Facebook",
        "Subscribe",
        "Most Read",
        "Copyright",
    ):
        assert junk not in body
    # the syndication wrapper and the agency trailer stay: the wire-copy cleaner owns them
    assert body.startswith("(MENAFN - IANS) Tokyo, July 9 (IANS) India and Japan")
    assert "--IANS" in body


def test_rule_found_through_canonical_url_when_no_url_given():
    rec = extract((PAGES / "menafn_ians.html").read_bytes())
    assert rec.method == "rule:menafn"


def test_redesigned_page_falls_back_to_generic_extractor():
    html = (PAGES / "menafn_ians.html").read_text(encoding="utf-8")
    html = html.replace('id="storytext" class="article-content"', 'class="story-v2"')
    rec = extract(html, "https://menafn.com/1109782211/x")
    assert rec.method != "rule:menafn"
    assert "India and Japan on Wednesday held talks" in rec.body
