"""Paragraph-level clean-up of an extracted body: headline echoes and page furniture.

The generic extractor returns what sits in the article container; that often
starts with the headline again and ends with prompts that are no article text
(newsletter sign-ups, "Related:" links, follow-us lines). These rules are
generic (no publisher names) and only ever drop *short* paragraphs, so a real
paragraph that happens to mention a newsletter survives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"\w+")
MAX_FURNITURE_WORDS = 40

# A short paragraph that *is* one of these is page furniture, not article text.
_FURNITURE = re.compile(
    r"""^(?:
        (?:related(?:\s+(?:articles?|stories|news|coverage|content|reading))?|see\s+(?:more|also)|read\s+(?:more|also|next)
          |also\s+read|more|also|don'?t\s+miss|recommended(?:\s+for\s+you)?|trending(?:\s+now)?|you\s+(?:may|might)\s+also\s+like
          |more\s+from\s+[\w .'’-]+|most\s+(?:read|popular|viewed)(?:\s+[\w ]+)?|editor'?s\s+picks?|top\s+stories
          |filed\s+under|tags?|topics?|advertisement|sponsored(?:\s+content)?|comments?|\d+\s+comments?
          |share(?:\s+this)?(?:\s+(?:article|story|post))?|print(?:\s+this)?(?:\s+(?:article|story|page))?
          |tell\s+us\s+what\s+you\s+think|leave\s+a\s+(?:comment|reply)|click\s+to\s+tweet
        )\s*(?:[.…!]|\.\.\.)?\s*$
      | .*\b(?:subscribe|sign\s+up|signing\s+up|subscribing)\b.*\bnewsletters?\b.*
      | .*\bnewsletters?\b.*\b(?:subscribe|sign\s+up)\b.*
      | .*\b(?:delivered|straight|directly)\s+(?:to|in|into)\s+your\s+inbox\b.*
      | .*\bright\s+in\s+your\s+inbox\b.*
      | follow\s+(?:us|[\w.'’ -]{1,40})\s+on\s+(?:twitter|facebook|instagram|linkedin|youtube|tiktok|x)\b.*
      | if\s+you\s+(?:enjoyed|liked|value)\s+this\s+(?:article|story|post).*
    )$""",
    re.I | re.X | re.S,
)
# Labels that only make sense as headers of a link list ("Related:", "More:") are
# furniture even when followed by a headline; this is the short-prefix form.
_LABEL_ONLY = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|news|coverage|content|reading))?|see\s+more|see\s+also|read\s+(?:more|also|next)"
    r"|also\s+read|more|also|don'?t\s+miss|filed\s+under|tags?|topics?|most\s+(?:read|popular))\s*[:|>»]",
    re.I,
)

# Rules as data, one table per kind of furniture, in the languages of the pages we
# measure on (en, de, fr, es, pt, it, pl, nl). Each entry is a regular expression
# matched case-insensitively against a whole *short* paragraph (≤ MAX_FURNITURE_WORDS).

# Labels heading a link list or teaser box ("Read also", "Lesen Sie auch", "Czytaj
# też"): the label alone, or the label followed by a separator and one headline.
LINK_LIST_LABELS = (
    # de
    r"mehr\s+zum\s+thema(?:\s+auf\s+[\w.'’-]+)?",
    r"(?:zum|mehr\s+zum)\s+weiterlesen",
    r"weitere\s+artikel\s+zum\s+thema",
    r"(?:zusatz|weitere)informationen",
    r"originalpublikation",
    r"original\s+publication",
    r"kontakt",
    r"release\s+date",
    r"lesen\s+sie\s+(?:auch|mehr)",
    r"lies\s+auch",
    r"auch\s+interessant",
    r"(?:das|dies)\s+(?:thema\s+)?könnte\s+(?:sie|dich)\s+auch\s+interessieren",
    r"schon\s+gelesen\??",
    r"weitere\s+(?:themen|artikel|beiträge|nachrichten|meldungen|informationen)",
    r"(?:ähnliche|verwandte|passende)\s+(?:artikel|beiträge|themen)",
    r"passend\s+(?:dazu|zum\s+thema)",
    r"mehr\s+(?:dazu|zu\s+diesem\s+thema|aus\s+[\w '’-]+)",
    r"weiterlesen",
    r"kategorien",
    r"schlagw(?:o|ö)rter?",
    # fr
    r"(?:à\s+)?lire\s+(?:aussi|également|la\s+suite)",
    r"(?:à\s+)?voir\s+aussi",
    r"sur\s+le\s+même\s+sujet",
    r"articles?\s+(?:similaires|liés)",
    r"les\s+plus\s+lus",
    # es / pt
    r"lea\s+(?:también|además)",
    r"lee\s+(?:también|además)",
    r"(?:también\s+)?te\s+puede\s+interesar",
    r"puedes\s+ver",
    r"(?:ver|vea)\s+también",
    r"más\s+(?:sobre\s+[\w '’-]+|noticias)",
    r"noticias\s+relacionadas",
    r"leia\s+(?:também|mais)",
    r"veja\s+(?:também|mais)",
    r"saiba\s+mais",
    r"notícias\s+relacionadas",
    # it
    r"leggi\s+anche",
    r"potrebbe\s+interessarti",
    r"articoli\s+correlati",
    # pl
    r"czytaj\s+(?:też|także|również|więcej)",
    r"zobacz\s+(?:też|także|również|więcej)",
    r"dowiedz\s+się\s+więcej",
    r"polecamy",
    # nl
    r"lees\s+(?:ook|meer)",
    r"meer\s+over\s+[\w '’-]+",
)
# Photo credits and image-bank lines: a short paragraph that *is* a credit.
CREDIT_LINES = (
    r"(?:foto|fotos|bild|bilder|titelbild|titelfoto|photo|photos|image|images|credit|credits"
    r"|crédits?(?:\s+photos?)?|bildquelle|bildnachweis|fotocredit|zdjęcie|fot\.)\s*:.*",
    r"(?:©|\(c\)|copyright\b).{0,80}",
    r"beitragsbild\s*:.*",
    r".{0,60}\b(?:getty\s+images|shutterstock|istock(?:photo)?|imago(?:\s+images)?|picture[\s-]+alliance|bestimage)\b.{0,20}",
)
# Advertising and affiliate disclosures.
AD_DISCLOSURES = (
    r"\*?(?:anzeige|werbung|advertisement|advertorial|publicidad|publicité|reklama|sponsored)\s*(?:[:.,|*–-].*)?",
    r".*\b(?:enthält|contains|beinhaltet)\s+(?:affiliate|werbe|partner)[\s-]?links?\b.*",
    r".*\baffiliate[\s-]links?\b.*",
    r"bei\s+den\s+(?:verlinkungen|links)\s+handelt\s+es\s+sich\s+um\b.*",
)
# Newsletter and subscription prompts beyond the English ones.
NEWSLETTER_PROMPTS = (
    r".*\bnewsletter\b.*\b(?:abonnieren|anmelden|bestellen|erhalten|erhältst|inscri\w*|abonne\w*|suscr\w*|zapisz\w*|assine|iscriviti)\b.*",
    r".*\b(?:abonnieren|anmelden|inscri\w*|abonne\w*|suscr\w*|zapisz\w*)\b.*\bnewsletter\b.*",
    r"(?:do\s+you\s+want\s+to\s+be|stay|get)\s+informed\b.*",
    r"[\w'’ ]{1,40}\bnewsletter",
    r"sign\s+up\s+(?:to|for)\s+(?:get|receive|our)\b.*",
    r"subscribe\s+now\b.*",
    r".*\bby\s+e-?mail\b.*\bnever\s+miss\b.*",
    r"for\s+the\s+latest\b.*\b(?:download|subscribe|follow)\b.*",
)
# Comment prompts, share bars and loading placeholders.
WIDGET_LINES = (
    r".*\b(?:logged\s+in|eingeloggt|angemeldet)\b.*\b(?:comment|kommentar\w*)\b.*",
    r".*\bkommentare?\s+(?:zu\s+)?(?:schreiben|verfassen)\b.*",
    r".*\bzu\s+kommentieren\b.*",
    r"(?:write|add|post)\s+a\s+comment\b.*",
    r"(?:keine|\d+)\s+kommentare?\b.*",
    r"kommentierte\s+artikel",
    r"no\s+comments?(?:\s+yet)?",
    r"(?:teilen|share|partager|compartir|compartilhe|udostępnij)(?:\s+(?:mit|this|on|en|sur|via|ce|este))?\s*:?",
    r"(?:gefällt\s+mir|like\s+this)\s*:?(?:\s+(?:wird\s+geladen|loading).*)?",
    r"(?:wird\s+geladen|loading)\s*(?:\.\.\.|…)?",
)
# Date lines: "Aktualisiert am 19.02.2020", "Updated: 3/4/2021", a bare "23.10.2018".
DATE_LINES = (
    r"(?:(?:zuletzt\s+)?aktualisiert|(?:last\s+)?updated|mis\s+à\s+jour|actualizado|stand)"
    r"(?:\s+(?:am|on|le|el))?\s*:?\s*[\d./:, -]*(?:uhr)?\.?",
    r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}",
)
# Copyright and reprint notices.
RIGHTS_NOTICES = (
    r".*\b(?:all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés"
    r"|todos\s+los\s+derechos\s+reservados|wszelkie\s+prawa\s+zastrzeżone)\b.*",
    r".*\bcopyrighted\s+property\b.*",
    r".*\bwritten\s+permission\b.*\b(?:reprint|reproduc\w*|republish\w*)\b.*",
)


def _whole(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(patterns) + r")\s*$", re.I | re.S)


# One compiled alternation over every table: one match call per short paragraph.
_TABLES = _whole(
    CREDIT_LINES + AD_DISCLOSURES + NEWSLETTER_PROMPTS + WIDGET_LINES + DATE_LINES + RIGHTS_NOTICES
)
_LINK_LABEL = re.compile(
    r"^(?:" + "|".join(LINK_LIST_LABELS) + r")\s*(?:[.…!?:|>»]+|\.\.\.)?\s*(?:$|(?<=[:|>»])\s*\S.*$)",
    re.I | re.S,
)
_CLICK_TO_TWEET = re.compile(r"\s*Click\s+To\s+Tweet\s*$", re.I)


def _norm(text: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WORD.findall(text))


def is_furniture(paragraph: str) -> bool:
    words = len(_WORD.findall(paragraph))
    if words > MAX_FURNITURE_WORDS:
        return False
    text = paragraph.strip()
    if _FURNITURE.match(text) or _LABEL_ONLY.match(text) or _LINK_LABEL.match(text):
        return True
    return _TABLES.match(text) is not None


def clean_paragraphs(
    paragraphs: list[str], headlines: Iterable[str | None], byline: str | None = None
) -> list[str]:
    """Drop leading headline/byline echoes and short furniture paragraphs (a missing headline is skipped)."""
    heads = {h for h in (_norm(x) for x in headlines if x) if len(h) >= 3}
    out = [_CLICK_TO_TWEET.sub("", p) for p in paragraphs]
    # headline repeated at the top, possibly after a short kicker line ("2019 Awards")
    for i in range(min(2, len(out))):
        if _norm(out[i]) in heads:
            kicker = i == 1 and len(_WORD.findall(out[0])) <= 6
            out = out[i + 1 :] if kicker or i == 0 else out[:i] + out[i + 1 :]
            break
    # a "By Jane Doe" line right at the top
    if byline and out and len(_WORD.findall(out[0])) <= 12:
        first = _norm(out[0])
        if first[:1] == ("by",) and _norm(byline)[:2] == first[1:3]:
            out = out[1:]
    return [p for p in _drop_link_lists(drop_slideshows(out)) if p.strip() and not is_furniture(p)]


# A teaser headline under a link-list label: short, and not a sentence.
_TEASER_MAX_WORDS = 15
_SENTENCE_END = re.compile(r"[.!?:;\u3002][\"'”’»)\]]*\s*$")
_MAX_TEASERS = 12


def _drop_link_lists(paragraphs: list[str]) -> list[str]:
    """A bare link-list label ("Czytaj też", "Read more") and the teaser headlines under
    it: the short, unpunctuated lines that follow, up to the next sentence."""
    out: list[str] = []
    teasers = 0
    for p in paragraphs:
        text = p.strip()
        if teasers and len(_WORD.findall(text)) <= _TEASER_MAX_WORDS and not _SENTENCE_END.search(text):
            teasers -= 1
            continue
        teasers = 0
        if len(_WORD.findall(text)) <= 6 and (_LABEL_ONLY.match(text) or _LINK_LABEL.match(text)):
            if not re.search(r"[:|>»]\s*\S", text):  # a label alone, headlines follow
                teasers = _MAX_TEASERS
        out.append(p)
    return out


# A slideshow's captions, numbered as the slideshow counts its pictures ("1/50 Title
# caption", "2 of 12 ..."): a gallery beside the article (the day's business pictures
# under a story), never its text. A run of at least SLIDESHOW_MIN_RUN paragraphs
# numbered k, k+1, ... of the same total (the caption of one picture may take up to
# SLIDESHOW_MAX_GAP paragraphs more) is dropped, unless nothing else would be left:
# a page that *is* a gallery keeps its captions.
SLIDESHOW_COUNTER = re.compile(r"^(?:[-•*]\s*)?(\d{1,3})\s*(?:/|of)\s*(\d{1,3})(?!\d)(?![/.:,]\d)", re.I)
SLIDESHOW_MIN_RUN = 3
SLIDESHOW_MAX_GAP = 2
SLIDESHOW_MIN_REST_WORDS = 50


def drop_slideshows(paragraphs: list[str]) -> list[str]:
    """The paragraphs without runs of numbered slideshow captions (see above)."""
    numbered: list[tuple[int, int, int]] = []  # (paragraph index, k, total)
    for i, p in enumerate(paragraphs):
        m = SLIDESHOW_COUNTER.match(p)
        if m and 0 < int(m.group(1)) <= int(m.group(2)) >= SLIDESHOW_MIN_RUN:
            numbered.append((i, int(m.group(1)), int(m.group(2))))
    if len(numbered) < SLIDESHOW_MIN_RUN:
        return paragraphs
    drop: set[int] = set()
    run = [numbered[0]]
    for item in [*numbered[1:], None]:
        prev = run[-1]
        if (
            item is not None
            and item[2] == prev[2]
            and item[1] == prev[1] + 1
            and item[0] - prev[0] <= 1 + SLIDESHOW_MAX_GAP
        ):
            run.append(item)
            continue
        if len(run) >= SLIDESHOW_MIN_RUN:
            gap = run[-1][0] - run[-2][0] - 1  # the last caption takes as many as the one before
            drop.update(range(run[0][0], min(len(paragraphs), run[-1][0] + 1 + gap)))
        if item is not None:
            run = [item]
    if not drop:
        return paragraphs
    rest = [p for i, p in enumerate(paragraphs) if i not in drop]
    if sum(len(_WORD.findall(p)) for p in rest) < SLIDESHOW_MIN_REST_WORDS:
        return paragraphs
    return rest
