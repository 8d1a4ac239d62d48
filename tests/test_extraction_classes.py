"""One test per class of real-page failure from issue 11, on small synthetic pages:
invented dates, URL dates, SEO titles, non-name bylines, truncation by precision pruning."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from transforms.extract import extract, guard_truncation, looks_truncated
from transforms.htmldoc import parse, visible_words
from transforms.structured import parse_datetime

FETCHED = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
BODY = "".join(
    f"<p>Paragraph {i} of the story says something long enough to be an article sentence, "
    f"with details about the port, the berths and the ships waiting outside.</p>"
    for i in range(6)
)


def page(head: str = "", body: str = BODY, lead: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{lead}<article>{body}</article></body></html>"


# --------------------------------------------------------------------------- dates


def test_time_only_text_is_no_date_and_the_attribute_wins():
    html = page(lead='<abbr itemprop="datePublished" title="2017-09-09T10:52:00+02:00">10:52</abbr>')
    got = extract(html, "https://example.org/news/port", reference_time=FETCHED)
    assert got.published_at == datetime(2017, 9, 9, 10, 52, tzinfo=timezone(timedelta(hours=2)))
    assert got.published_date == "2017-09-09"


def test_time_only_value_never_becomes_a_day():
    for value in ("10:52", "10.52 Uhr", "9:05 pm", "Monday"):
        assert parse_datetime(value) is None, value
    html = page(lead='<span itemprop="datePublished">10:52</span>')
    got = extract(html, "https://example.org/news/port", reference_time=FETCHED)
    assert got.published_at is None


def test_date_in_the_url_path_is_found():
    got = extract(page(), "https://blog.example.org/2014/05/18/alles-neue/", reference_time=FETCHED)
    assert got.published_date == "2014-05-18"


def test_date_after_the_reference_time_is_refused():
    got = extract(page(), "https://blog.example.org/2027/05/18/future/", reference_time=FETCHED)
    assert got.published_at is None


def test_page_offset_keeps_the_stated_day():
    html = page('<meta property="article:published_time" content="2022-05-03T23:30:00-05:00">')
    got = extract(html, "https://example.org/a", reference_time=FETCHED)
    assert got.published_date == "2022-05-03"  # 04:30 UTC on the 4th, but the page says the 3rd


# --------------------------------------------------------------------------- titles


def test_seo_title_suffix_and_og_variant_give_the_headline():
    head = (
        "<title>Port clears berth expansion | Harbour Times</title>"
        '<meta property="og:title" content="Port clears berth expansion - Harbour Times">'
    )
    got = extract(page(head, lead="<h1>Port clears berth expansion</h1>"), "https://harbourtimes.example/a")
    assert got.title == "Port clears berth expansion"


def test_site_name_prefix_and_domain_suffix_are_dropped():
    assert extract(
        page("<title>Harbour Times - Port clears berth expansion</title>"), "https://www.harbourtimes.com/a"
    ).title == ("Port clears berth expansion")
    assert extract(
        page("<title>Maulwurfkuchen mit Erdbeeren - Rezept von Backen.de</title>"), "https://www.backen.de/r"
    ).title == ("Maulwurfkuchen mit Erdbeeren")


def test_title_that_is_only_the_site_name_is_not_the_headline():
    head = (
        '<meta property="og:site_name" content="DimidoBlog"><meta property="og:title" content="DimidoBlog">'
    )
    got = extract(page(head + "<title>Was ist Virales Marketing?</title>"), "https://dimido.de/x")
    assert got.title == "Was ist Virales Marketing?"


# --------------------------------------------------------------------------- bylines


def test_byline_is_never_an_email_number_or_site_name():
    cases = {
        '<meta name="author" content="newsdesk@example.org">': None,
        '<meta name="author" content="12345">': None,
        '<meta name="author" content="Deutsche Welle (www.dw.com)">': None,
        '<meta name="author" content="Harbour Times"><meta property="og:site_name" content="Harbour Times">': None,
        '<meta name="author" content="By Jane Doe and John Roe">': "Jane Doe, John Roe",
        '<meta name="author" content="Jane Doe, jane.doe@example.org">': "Jane Doe",
    }
    for head, expected in cases.items():
        assert extract(page(head), "https://harbourtimes.example/a").byline == expected, head


def test_byline_shown_on_the_page_when_meta_tags_say_nothing():
    lead = '<div class="author-name">von Peter Addor · 31. Oktober 2023</div>'
    assert extract(page(lead=lead), "https://example.ch/a").byline == "Peter Addor"


def test_byline_found_where_the_page_declares_it_outside_the_article_node():
    """Yoast graphs with the author on the WebPage node, twitter:label/data pairs, and
    JSON-LD that does not parse (an unescaped quote in another field)."""
    graph = """<script type="application/ld+json">{"@graph":[
      {"@type":"WebPage","@id":"https://ex.example/a#webpage","author":{"@id":"https://ex.example/#p1"}},
      {"@type":"Person","@id":"https://ex.example/#p1","name":"Giovanni Rossi"}]}</script>"""
    twitter = (
        '<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Jessie">'
    )
    broken = """<script type="application/ld+json">{"@type":"NewsArticle",
      "author":{"@type":"Person","name":"Barbara Stein"},"image":{"url":"<img width="800">"}}</script>"""
    for head, expected in ((graph, "Giovanni Rossi"), (twitter, "Jessie"), (broken, "Barbara Stein")):
        assert extract(page(head), "https://ex.example/a").byline == expected, head


def test_visible_byline_decorations_are_not_part_of_the_name():
    cases = {
        '<div class="author">Von Tomas Spahn Fr, 18. Oktober 2019</div>': "Tomas Spahn",
        '<span class="byline"> | <span class="author">Klaus Quibeldey-Cirkel</span></span>': "Klaus Quibeldey-Cirkel",
        '<div class="author">Williams Perdomo @wperdomod</div>': "Williams Perdomo",
        '<div class="author">Vom Support Team</div>': "Support Team",
        '<div class="author">Auteurs</div>': None,
        '<div class="author"><a href="/archiv">Archiv anzeigen →</a></div>': None,
    }
    for lead, expected in cases.items():
        assert extract(page(lead=lead), "https://example.de/a").byline == expected, lead


# --------------------------------------------------------------------------- truncation guard


def test_second_pass_only_when_the_precise_body_looks_truncated():
    article = " ".join(f"Sentence {i} of the story is about the port and its ships." for i in range(60))
    tree = parse(f"<html><body><nav>Home News Sport</nav><article><p>{article}</p></article></body></html>")
    assert visible_words(tree) == len(article.split())  # the nav is not counted
    assert not looks_truncated(article, tree)  # the body is most of what a reader sees
    assert looks_truncated(article[: len(article) // 4], tree)  # a quarter of it: compare with the default
    assert looks_truncated("Short text of a few words.", tree)  # short bodies are always checked


def test_precision_pruning_that_cuts_real_text_falls_back():
    complete = "\n\n".join(f"Paragraph {i} " + "word " * 40 + "ends." for i in range(10))
    trimmed = "\n\n".join(complete.split("\n\n")[:9])  # one of ten paragraphs gone: real text cut
    assert guard_truncation(trimmed, complete) == complete
    junk_free = complete.rsplit(" ", 4)[0]  # a few words of furniture gone: precision kept
    assert guard_truncation(junk_free, complete) == junk_free


# --------------------------------------------------------------------------- lead paragraph (standfirst)

LEAD = (
    "Der Hafen von Kiel hat im Herbst mehr Schiffe abgefertigt als je zuvor, "
    "und die Stadt will die Liegeplätze bis zum Sommer erweitern."
)
GERMAN_BODY = "".join(
    f"<p>Absatz {i} des Berichts erzählt von den Kränen, den Liegeplätzen und den Schiffen, "
    f"die draußen vor der Förde auf einen freien Platz am Kai warten müssen.</p>"
    for i in range(6)
)


def lead_page(lang: str, lead_class: str, lead: str = LEAD) -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><title>Kiel baut aus</title></head><body>'
        '<nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>'
        "<main><article><header><h1>Kiel baut aus</h1>"
        f'<div class="{lead_class}"><p>{lead}</p></div></header>'
        f'<div class="article-body">{GERMAN_BODY}</div></article></main></body></html>'
    )


def test_lead_paragraph_in_the_header_is_put_back_in_front():
    got = extract(lead_page("de", "article__intro"), "https://example.de/kiel", reference_time=FETCHED)
    assert got.body.split("\n\n")[0] == LEAD
    assert got.body.count("Absatz") == 6
    # once: a lead the extractor already kept is not added again
    assert got.body.count("Der Hafen von Kiel") == 1


def test_english_subtitle_and_related_teaser_lists_are_not_a_lead():
    # English pages put a subeditor's subtitle there, which the reference sets leave out
    got = extract(lead_page("en", "article__intro"), "https://example.com/kiel", reference_time=FETCHED)
    assert not got.body.startswith("Der Hafen")
    # a box of other articles named "teaser" is no lead
    got = extract(lead_page("de", "teaser-list"), "https://example.de/kiel", reference_time=FETCHED)
    assert not got.body.startswith("Der Hafen")
    # a kicker of a few words is no lead either
    got = extract(
        lead_page("de", "intro", "Hafen Kiel, Herbst."), "https://example.de/kiel", reference_time=FETCHED
    )
    assert not got.body.startswith("Hafen Kiel")


# --------------------------------------------------------------------------- subheadings pruned from inside


def test_subheadings_dropped_between_kept_paragraphs_are_restored():
    from transforms.extract import restore_headings

    tree = parse(
        "<html><body><article><h2>Gift guide</h2><p>Intro paragraph of the guide.</p>"
        "<h3>Car charger <a href='/shop'>(buy)</a></h3><p>A charger for the car, small and fast.</p>"
        "<h3>Wireless pad</h3><p>A pad that charges three devices at once.</p>"
        "<a href='/other'><h3>Another story entirely</h3></a><p>Closing words of the guide.</p>"
        "<h3>Read next</h3></article></body></html>"
    )
    precise = "\n\n".join(
        [
            "Intro paragraph of the guide.",
            "A charger for the car, small and fast.",
            "A pad that charges three devices at once.",
            "Closing words of the guide.",
        ]
    )
    complete = "\n\n".join(
        [
            "Gift guide",
            "Intro paragraph of the guide.",
            "Car charger (buy)",
            "A charger for the car, small and fast.",
            "Wireless pad",
            "A pad that charges three devices at once.",
            "Another story entirely",
            "Closing words of the guide.",
            "Read next",
        ]
    )
    got = restore_headings(precise, complete, tree).split("\n\n")
    # interior headings come back in place; a heading inside a link (a teaser card) and
    # headings before the first or after the last kept paragraph do not
    assert got == [
        "Intro paragraph of the guide.",
        "Car charger (buy)",
        "A charger for the car, small and fast.",
        "Wireless pad",
        "A pad that charges three devices at once.",
        "Closing words of the guide.",
    ]
    # when the passes disagree on a paragraph's text, the precise body stays as it is
    assert restore_headings(precise + "\n\nOnly here.", complete, tree) == precise + "\n\nOnly here."


# --------------------------------------------------------------------------- lists and headings lost with the container

# A blog layout trafilatura's container XPaths do not know ("span12 blog-post"): its
# fallback keeps the paragraphs and drops the lists and subheadings between them.
RELEASE_NOTES = (
    '<!doctype html><html><head><title>Weekly notes</title></head><body><div class="container">'
    '<div class="row"><div class="span12 blog-post"><h2>Weekly notes #12</h2>'
    "<p>This week the team closed every item that goes into the next release of the game.</p>"
    "<p>Not everything we planned is done, but what is left can wait for a later update.</p>"
    "<h3>After the release</h3>"
    "<p>Smaller releases will follow every few weeks after this one, and they will contain mainly:</p>"
    "<ul><li>Final looks of the new screens.</li><li>New graphics.</li><li>New sounds.</li></ul>"
    "<p>This is a large change to how we work, and we will try to make each update count.</p>"
    '<div class="share-bar"><ul><li><a href="/t">Tweet</a></li><li>Print this page</li></ul></div>'
    '<h3>More posts</h3><ul><li><a href="/a">Older notes number eleven</a></li>'
    '<li><a href="/b">Older notes number ten</a></li></ul>'
    "<p>Thanks for reading, and see you next week with more news from the studio floor.</p>"
    "</div></div></div></body></html>"
)


def test_lists_and_subheadings_lost_with_an_unknown_container_are_put_back():
    got = extract(RELEASE_NOTES, "https://blog.example.org/notes-12", reference_time=FETCHED)
    paras = got.body.split("\n\n")
    at = paras.index("After the release")
    assert paras[at - 1].startswith("Not everything we planned")
    assert paras[at + 1].startswith("Smaller releases will follow")
    assert paras[at + 2 : at + 5] == ["- Final looks of the new screens.", "- New graphics.", "- New sounds."]
    assert paras[at + 5].startswith("This is a large change")
    # a share bar, a list of links and the heading over it are not the article
    for furniture in ("Tweet", "Print this page", "Older notes", "More posts"):
        assert furniture not in got.body, furniture


def test_blocks_are_not_restored_outside_the_kept_paragraphs_or_twice():
    from transforms.lostblocks import restore_blocks

    tree = parse(
        "<html><body><div class='x'><ul><li>Before the article starts, a menu item here</li></ul>"
        "<p>First kept paragraph of the article with enough words in it.</p>"
        "<ol><li>Step one of the recipe, already in the body.</li><li>Step two.</li></ol>"
        "<p>Second kept paragraph of the article with enough words in it.</p>"
        "<p style='display:none'>Hidden paragraph</p><ul hidden><li>Hidden list item here</li></ul>"
        "<p>Third kept paragraph of the article with enough words in it.</p>"
        "<ul><li>After the article ends, a footer item</li></ul></div></body></html>"
    )
    body = "\n\n".join(
        [
            "First kept paragraph of the article with enough words in it.",
            "- Step one of the recipe, already in the body.",
            "- Step two.",
            "Second kept paragraph of the article with enough words in it.",
            "Third kept paragraph of the article with enough words in it.",
        ]
    )
    # the list is there already, hidden blocks are not seen, and nothing comes from
    # before the first or after the last kept paragraph
    assert restore_blocks(tree, body) == body


# --------------------------------------------------------------------------- formulas


def test_mathml_formulas_stay_in_their_sentence_and_hidden_copies_do_not():
    formula = (
        "<mjx-container><mjx-math aria-hidden='true'><mjx-mi></mjx-mi></mjx-math>"
        "<mjx-assistive-mml><math><mi>a</mi><mo>≠</mo><mn>0</mn></math></mjx-assistive-mml></mjx-container>"
    )
    hidden = (
        "<span style='display: none'><math><semantics><mi>z</mi>"
        "<annotation encoding='application/x-tex'>{\\displaystyle zeta}</annotation></semantics></math></span>"
    )
    html = page(
        body=BODY
        + f"<p>When {formula}, there are two solutions to the equation {hidden} in the plane.</p>"
        + BODY
    )
    got = extract(html, "https://example.org/maths", reference_time=FETCHED)
    assert "When a ≠ 0 , there are two solutions to the equation in the plane." in got.body
    assert "zeta" not in got.body and "displaystyle" not in got.body


# --------------------------------------------------------------------------- slideshow captions


def test_numbered_slideshow_captions_beside_the_article_are_dropped():
    from transforms.bodyfilter import drop_slideshows

    story = [f"Paragraph {i} of the story, long enough to be the article about the port." for i in range(6)]
    gallery = [f"- {k}/12 Picture {k} A caption about something else entirely." for k in range(1, 13)]
    assert drop_slideshows([*story, *gallery]) == story
    # "2 of 5" counts too, and a two-paragraph caption goes with its picture
    two_part = ["1 of 5 Harbour", "Cranes at dawn.", "2 of 5 Quay", "Ships waiting.", "3 of 5 Pier", "Fog."]
    assert drop_slideshows([*story, *two_part, "Closing line of the article itself."]) == [
        *story,
        "Closing line of the article itself.",
    ]
    # a page that is only the gallery keeps it; fractions in a recipe are no counter
    assert drop_slideshows(gallery[:4]) == gallery[:4]
    recipe = [*story, "1/2 cup of flour", "2/2 done", "Add the eggs."]
    assert drop_slideshows(recipe) == recipe
