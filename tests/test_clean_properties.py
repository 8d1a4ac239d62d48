"""Properties of the cleaner: idempotent, total, and never cuts a plain paragraph."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.clean import clean, clean_html_fragment

PUB = datetime(2025, 7, 4, 10, 15, tzinfo=UTC)
WORDS = [
    "the",
    "minister",
    "said",
    "on",
    "friday",
    "that",
    "talks",
    "with",
    "officials",
    "would",
    "continue",
    "after",
    "reuters",
    "reported",
    "delays",
    "pti",
    "ians",
    "in",
    "tokyo",
    "new",
    "delhi",
    "and",
    "farmers",
    "rain",
    "prices",
    "rose",
    "per",
    "cent",
    "july",
    "4",
    "2025",
    "by",
    "staff",
    "end",
    "feed",
    "menafn",
]
CITIES = ["Tokyo", "London", "New Delhi", "Mumbai", "Paris", "Washington", "Doha"]


@st.composite
def sentence(draw) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=25))
    text = " ".join(words)
    if draw(st.booleans()):
        text = f"{draw(st.sampled_from(CITIES))}, {text}"  # a city and a comma: not a dateline
    return text[0].upper() + text[1:] + draw(st.sampled_from([".", ".", "?", "!"]))


@st.composite
def plain_paragraph(draw) -> str:
    return " ".join(draw(st.lists(sentence(), min_size=1, max_size=4)))


HEADS = [
    "",
    "(MENAFN- IANS) Tokyo, July 4 (IANS) ",
    "MENAFN - IANS) ",
    "NEW DELHI, Feb. 7 (Reuters) - ",
    "WASHINGTON (AP) — ",
    "Guwahati (Assam) [India], November 18 (ANI): ",
    "Riyadh, July 04, 2025, SPA -- ",
    "ABU DHABI, 5th May, 2025 (WAM) -- ",
    "MOSCOW, July 4. /TASS/. ",
    "NEW DELHI: ",
    "By Staff Reporter\n\n",
]
TAILS = [
    "",
    "\n\n--IANS\nsd/ksk",
    "\n\nPTI ABC XY",
    " Enditem",
    "\n\n(END)",
    "\n\n-- BERNAMA",
    "\n\n(Reporting by A B; Editing by C D)",
    "\n\nMENAFN04072025000231011071ID1109758421",
    "\n\n(This story has not been edited by Devdiscourse staff and is auto-generated from a syndicated feed.)",
    "\n\nAlso Read: something else entirely",
    "\n\n___\n\nAssociated Press writer Jo Li contributed.",
]


@st.composite
def article(draw) -> tuple[str, list[str]]:
    paras = draw(st.lists(plain_paragraph(), min_size=1, max_size=6))
    head, tail = draw(st.sampled_from(HEADS)), draw(st.sampled_from(TAILS))
    return head + "\n\n".join(paras) + tail, paras


# HYPOTHESIS_PROFILE=stress runs many more examples (minutes); the default keeps the suite fast.
settings.register_profile(
    "fast", max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("stress", max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))


@given(article())
def test_every_plain_paragraph_survives(doc):
    text, paras = doc
    body = clean(text, published_at=PUB).body.split("\n\n")
    assert body == paras


@given(article())
def test_idempotent_on_articles(doc):
    first = clean(doc[0], published_at=PUB).body
    assert clean(first, published_at=PUB).body == first


@given(st.text(max_size=400))
def test_idempotent_and_total_on_arbitrary_text(text):
    first = clean(text, published_at=PUB).body
    assert clean(first, published_at=PUB).body == first
    assert "\n\n\n" not in first and first == first.strip()


@given(
    st.text(
        alphabet=st.sampled_from(list("()[]/-—:.,;&#<>\n ABCDEFGHIJKLMNOPRSTUVWXYZabcdey0123456789@_")),
        max_size=300,
    ),
    st.sampled_from([None, PUB]),
)
def test_never_raises_on_wrapper_like_noise(text, pub):
    clean(
        text,
        published_at=pub,
        title="Title",
        url="https://x.example/a",
        syndicator_hint="X",
        agency_hint="pti",
    )
    clean_html_fragment(text, published_at=pub)
