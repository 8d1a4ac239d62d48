"""Paragraph clean-up after generic extraction: headline echoes and page furniture."""

from __future__ import annotations

import pytest

from transforms.bodyfilter import clean_paragraphs, is_furniture

LEAD = "Tokyo, July 4 (IANS) India's Ambassador to Japan on Friday called on the Defence Minister."
MORE = "More than 2,500 civilians have been killed in the fighting so far this year, the UN said."


@pytest.mark.parametrize(
    "text",
    [
        "Related: The 15 Weirdest Galaxies in Our Universe",
        "More:",
        "You may also like...",
        "Subscribe to the Morning Review newsletter",
        "Get the day’s top headlines delivered to your inbox every morning by subscribing to our newsletter.",
        "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.",
        "Filed under: Politics |",
        "comments",
        "Most read in world news",
        "DON'T MISS",
        "If you enjoyed this article, we have a proposition for you: join our members' club.",
        # the same classes in the other languages of the development pages
        "Czytaj też",
        "Schon gelesen?",
        "Das Thema könnte dich auch interessieren:",
        "PUEDES VER: ¿Qué es la Sunedu y qué hace?",
        "À lire aussi : le nouveau plan du gouvernement",
        "Leia também",
        "Mehr zum Thema auf UEPO.de",
        # photo credits
        "Getty Images",
        "Crédits photos : Bestimage",
        "Foto: dpa",
        "Beitragsbild: Titelseite der Zeitung, Ausriss.",
        # advertising and affiliate disclosures
        "*Werbung. Dieser Beitrag enthält Werbung für eine Marke.",
        "Anzeige, enthält Affiliate Links",
        "ANZEIGE - Heute mal ausgehen? Wie wäre es mit:",
        # newsletters, comments, share bars, date lines, rights notices
        "Mit unserem Newsletter erhalten Sie monatlich Informationen rund um das Urlaubsland.",
        "PC Gamer Newsletter",
        "Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)",
        "Teilen mit:",
        "Wird geladen …",
        "Aktualisiert am 19.02.2020",
        "This article is the copyrighted property of Example News.",
        "Alle Rechte vorbehalten.",
    ],
)
def test_furniture(text):
    assert is_furniture(text)


@pytest.mark.parametrize(
    "text",
    [
        MORE,
        LEAD,
        "--IANS",
        "abc/xyz",
        "Click here to get more information or download this game.",
        "Related parties must disclose their holdings, the regulator said on Monday.",
        "Share prices rose 3 per cent in early trade.",
        # sentences that start like a label but are article text
        "Werbung ist für die Zeitung die wichtigste Einnahmequelle.",
        "Más de 100 personas murieron en el ataque del domingo.",
        "Stand der Verhandlungen ist offen, sagte der Minister.",
        "Updated plans are expected next week, the ministry said.",
        "Like this one, most of the bridges were built before 1950.",
        # long paragraphs are never furniture, whatever they mention
        "The newsletter, which the company asked readers to subscribe to, "
        + "grew quickly and " * 30
        + "then stopped.",
    ],
)
def test_not_furniture(text):
    assert not is_furniture(text)


def test_headline_echo_dropped_at_top_only():
    head = "India, Japan discuss defence cooperation"
    assert clean_paragraphs([head, LEAD, head], [head]) == [LEAD, head]
    # after a short kicker line both go
    assert clean_paragraphs(["Defence", head, LEAD], [head]) == [LEAD]
    # a real lead paragraph before the echo stays
    assert clean_paragraphs([LEAD, head, MORE], [head]) == [LEAD, MORE]


def test_byline_line_dropped_and_click_to_tweet_suffix_stripped():
    paras = ["By Jane Doe", "The sentence worth sharing.Click To Tweet", LEAD]
    assert clean_paragraphs(paras, [], "Jane Doe") == ["The sentence worth sharing.", LEAD]


def test_link_list_label_and_its_teaser_headlines_are_dropped():
    teaser_box = ["Czytaj też", "Były dowódca wojsk USA ostrzega", "Inny tytuł z tej samej sekcji"]
    assert clean_paragraphs([LEAD, *teaser_box, MORE], []) == [LEAD, MORE]
    # a label followed by a sentence keeps the sentence
    assert clean_paragraphs([LEAD, "Read more", MORE], []) == [LEAD, MORE]
    # a short heading inside the article with no label before it stays
    assert clean_paragraphs([LEAD, "What happens next", MORE], []) == [LEAD, "What happens next", MORE]
