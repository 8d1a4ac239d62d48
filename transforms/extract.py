"""Article extraction: one HTML page → one ``Extracted`` record.

Pipeline (pure: no network, clock, database or Prefect):

1. decode bytes (BOM, UTF-8, declared charset, detection) and parse **once** with lxml;
2. read what the page declares about itself (JSON-LD, OpenGraph/meta, <time>,
   canonical link, <html lang>) from that tree — see ``transforms.structured``;
3. body: a publisher rule when one covers the domain and what it selects is
   plausible, else trafilatura run on the same tree, cross-checked with the
   JSON-LD ``articleBody`` when the page has one.

Why these choices is written down, with measurements, in docs/extraction.md.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime

from lxml.html import HtmlElement

from transforms import charset, htmldoc
from transforms.bodyfilter import clean_paragraphs
from transforms.lostblocks import restore_blocks
from transforms.mathtext import inline_formulas
from transforms.publishers import apply_rule, rule_for
from transforms.records import Extracted
from transforms.standfirst import with_standfirst
from transforms.structured import Structured, read_structured, strip_site_suffix

__all__ = ["extract"]

# trafilatura logs every discarded page at WARNING; a page without an article is
# an ordinary outcome here (it is reported in Extracted.reason).
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

# Settings measured on the dev sets (docs/extraction.md): no reader comments (never
# part of an article body), tables kept; precision pruning is chosen per page by
# guard_truncation.
TRAFILATURA_OPTIONS = dict(
    include_comments=False,
    include_tables=True,
)
# Cascade: trafilatura's fast mode first (its main extractor only, ~2x faster);
# its full mode (readability/justext comparison) only when the fast result is
# short or clearly shorter than the body the page declares in JSON-LD. On
# extraction-dev the full mode changed only short results; see docs/extraction.md.
ESCALATE_BELOW_CHARS = 1500
# Truncation guard: precision pruning may cost at most this share of the words of
# trafilatura's default (recall-neutral) extraction of the same page. Chosen on one
# half of extraction-dev2, confirmed on the other (docs/extraction.md).
PRECISION_MAX_LOSS = 0.02
# The default (recall) pass, which the guard compares against, costs a second
# trafilatura run; it runs only when the precise body looks truncated: fewer than
# this many words, less than this share of the words a reader sees on the page
# (htmldoc.visible_words), or a heading or paragraph missing between blocks that were
# kept (``dropped_blocks``). Chosen on the dev sets (docs/extraction.md): the second
# pass runs on about a third of the pages, truncations as with two passes everywhere.
SECOND_PASS_BELOW_WORDS = 100
SECOND_PASS_BELOW_SHARE = 0.5

_TOKENS = re.compile(r"\w+")


def _trafilatura_body(tree: HtmlElement, url: str | None, **overrides) -> str:
    """trafilatura on the shared tree (it copies it), as paragraphs separated by blank lines."""
    import trafilatura

    options = {**TRAFILATURA_OPTIONS, **overrides}
    try:
        text = trafilatura.extract(tree, url=url, output_format="txt", **options)
    except (RecursionError, ValueError, TypeError, AttributeError):  # defensive: never raise on a page
        return ""
    if not text:
        return ""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


# Dates htmldate may return are bounded by the reference time (the fetch time); without
# one, by this far-future bound rather than the clock (transforms never read the clock).
_NO_REFERENCE = datetime(2100, 1, 1)


def stated(day: datetime, page: str, url: str | None) -> bool:
    """Whether the page or its URL states this day's year (2019, or 23.09.19-style dates).

    htmldate's last-resort searches can assemble a date from a version number or a
    lone copyright year; a day whose year appears nowhere is not the page's date."""
    year = str(day.year)
    if year in page or (url and year in url):
        return True
    d, m, yy = day.day, day.month, year[2:]
    pattern = rf"(?<!\d)(?:0?{d}[./-]0?{m}|0?{m}[./-]0?{d})[./-]{yy}(?!\d)"
    return re.search(pattern, page) is not None


def find_date(
    tree: HtmlElement, url: str | None, reference_time: datetime | None, page: str = ""
) -> datetime | None:
    """htmldate on our tree (URL path, meta tags it knows and we do not, abbr/time
    elements, visible date lines), as a day at 00:00 UTC; None when it finds nothing
    or finds a day the page does not state (see ``stated``)."""
    from htmldate import find_date as _find_date

    bound = reference_time.astimezone(UTC).replace(tzinfo=None) if reference_time else _NO_REFERENCE
    try:
        found = _find_date(tree, url=url, original_date=True, extensive_search=True, max_date=bound)
    except (RecursionError, ValueError, TypeError, AttributeError):  # defensive: never raise on a page
        return None
    if not found:
        return None
    try:
        day = datetime.strptime(found, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        return None
    return day if stated(day, page, url) else None


def _cascade(
    tree: HtmlElement, url: str | None, declared_words: int, full: bool = False, **options
) -> tuple[str, bool]:
    """trafilatura fast mode; its full mode only when the result is short or clearly
    shorter than the body the page declares in JSON-LD (or straight away with ``full``).
    Returns the body and whether full mode ran."""
    body = ""
    if not full:
        body = _trafilatura_body(tree, url, fast=True, **options)
        if len(body) >= ESCALATE_BELOW_CHARS and _words(body) >= 0.8 * declared_words:
            return body, False
    fuller = _trafilatura_body(tree, url, fast=False, **options)
    return fuller or body, True


def looks_truncated(precise: str, tree: HtmlElement) -> bool:
    """Whether the precision-pruned body may have lost article text, so that the
    default extraction is worth running to compare (see ``guard_truncation``)."""
    words = _words(precise)
    if words < SECOND_PASS_BELOW_WORDS or words < SECOND_PASS_BELOW_SHARE * htmldoc.visible_words(tree):
        return True
    return dropped_blocks(tree, precise)


_HEADINGS = ("h2", "h3", "h4", "h5")


def _norm_words(text: str) -> str:
    return " ".join(_TOKENS.findall(text)).casefold()


def dropped_blocks(tree: HtmlElement, body: str) -> bool:
    """Whether the body skips a block of the article it was taken from: a subheading
    (<h2>-<h5>, or a paragraph that is only <strong> text) or a paragraph of 15+ words,
    right before a paragraph the body kept. Precision pruning drops exactly these
    (question headings of an interview, a lead paragraph), with the rest intact."""
    kept = _norm_words(body)

    def in_body(el: HtmlElement | None, min_words: int, probe: int) -> bool | None:
        """True/False when ``el`` is a paragraph long enough to test, else None."""
        if el is None or el.tag != "p":
            return None
        words = _norm_words(el.text_content()).split()
        if len(words) < min_words:
            return None
        return " ".join(words[:probe]) in kept

    for el in tree.iter("p", *_HEADINGS, "strong"):
        block = el
        if el.tag == "strong":  # <p><strong>Question?</strong></p>
            parent = el.getparent()
            if parent is None or parent.tag != "p" or len(parent) != 1:
                continue
            if (parent.text or "").strip() or (el.tail or "").strip():
                continue
            block = parent
        if not in_body(block.getnext(), 10, 10):
            continue
        if el.tag == "p":
            if in_body(el, 15, 12) is False:
                return True
        else:
            heading = _norm_words(el.text_content())
            if len(heading.split()) >= 2 and heading not in kept:
                return True
    return False


def guard_truncation(precise: str, complete: str) -> str:
    """The precision-pruned body unless the pruning cost real text.

    Precision pruning removes link lists and teasers, a few words; when it removes
    more than ``PRECISION_MAX_LOSS`` of the default extraction's words it has cut
    paragraphs of the article (headings, short paragraphs, whole sections: seen
    cutting real articles to 13 % of their text), so the default extraction wins."""
    if _words(precise) >= (1 - PRECISION_MAX_LOSS) * _words(complete):
        return precise
    kept = set(precise.split("\n\n"))
    removed = [p for p in complete.split("\n\n") if p not in kept]
    if not any(_is_sentence(p) for p in removed):
        return precise  # what pruning removed is no prose (a link list, a menu, headlines)
    return complete


# Subheadings precision pruning drops from inside the article (a gift guide's product
# names, an interview's numbered sections): restored when they sit between paragraphs
# both passes kept, are a heading element of the page (these tags, not inside a link: a
# teaser card)
# and are short. Measured on the dev sets (docs/extraction.md).
RESTORE_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
RESTORE_HEADING_MAX_WORDS = 12


def restore_headings(precise: str, complete: str, tree: HtmlElement) -> str:
    """The precise body with the subheadings it lost between kept paragraphs put back,
    in the default extraction's order; unchanged when the two passes disagree on a
    paragraph's text (then the order cannot be trusted)."""
    kept = precise.split("\n\n")
    full = complete.split("\n\n")
    present = set(full)
    if any(p not in present for p in kept):
        return precise
    wanted = set(kept)
    at = [k for k, p in enumerate(full) if p in wanted]
    if len(at) < 2:
        return precise
    headings: dict[str, bool] = {}
    for el in tree.iter(*RESTORE_HEADING_TAGS):
        text = _norm_words(el.text_content())
        linked = any(a.tag == "a" for a in el.iterancestors())  # a teaser card, not a heading
        headings[text] = headings.get(text, True) and not linked
    if not any(headings.values()):
        return precise
    out = []
    for k, p in enumerate(full):
        if p in wanted:
            out.append(p)
        elif at[0] < k < at[-1] and _words(p) <= RESTORE_HEADING_MAX_WORDS and headings.get(_norm_words(p)):
            out.append(p)
    return "\n\n".join(out)


# A paragraph of running text: enough words, ending like a sentence (a closing
# quote or bracket may follow). Headlines in a link list are short or unpunctuated.
_PROSE_MIN_WORDS = 10
_ENDS_SENTENCE = re.compile(r"[.!?\u3002\u061f\u0964\uff01\uff1f][\"'”’»)\]]*\s*$")


def _is_sentence(paragraph: str) -> bool:
    return _words(paragraph) >= _PROSE_MIN_WORDS and _ENDS_SENTENCE.search(paragraph) is not None


def _words(text: str) -> int:
    return len(_TOKENS.findall(text))


_SENTENCE_END = re.compile(r"[.!?\u3002\u061f\u0964\uff01\uff1f]")


def plausible_body(body: str) -> bool:
    """Reject what is no article at all: a handful of menu words without a single sentence."""
    words = _words(body)
    if words < 5:
        return False
    return words >= 30 or _SENTENCE_END.search(body) is not None


def choose_body(generic: str, declared: str | None) -> tuple[str, str]:
    """Pick between trafilatura's body and the JSON-LD articleBody; returns (body, method).

    The declared body wins when it is a real article (not a teaser) and the generic
    body is not clearly more complete; its paragraph breaks are often lost, so when
    both agree on length the generic text (which keeps paragraphs) is preferred.
    """
    if not declared:
        return generic, "trafilatura"
    d_words, g_words = _words(declared), _words(generic)
    if d_words < 50:
        return generic, "trafilatura"
    if g_words < 0.5 * d_words:
        return declared, "jsonld"
    return generic, "trafilatura"


def extract(
    html: str | bytes,
    url: str | None = None,
    content_type: str | None = None,
    reference_time: datetime | None = None,
) -> Extracted:
    """Extract title, body and metadata from one article page; never raises on page content.

    Bytes are decoded here (the Content-Type's charset, when given, is one piece of
    evidence among the page's own declarations: see transforms.charset)."""
    if html is None:
        return Extracted(reason="empty input")
    if isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
        if not data:
            return Extracted(reason="empty input")
        if not htmldoc.has_bom(data) and htmldoc.looks_binary(data):
            return Extracted(reason="not HTML (binary content)")
        text, _encoding = charset.decode(data, content_type)
    elif isinstance(html, str):
        text = html
    else:
        return Extracted(reason=f"not HTML (unsupported input type {type(html).__name__})")
    if not text.strip():
        return Extracted(reason="empty input")
    if not htmldoc.looks_like_html(text):
        return Extracted(reason="not HTML")

    tree = htmldoc.parse(text)
    if tree is None:
        return Extracted(reason="not HTML (unparseable)")

    try:
        meta = read_structured(tree, url)
    except (RecursionError, ValueError, TypeError):  # defensive: metadata is best effort
        meta = Structured()

    title = meta.title
    body, method = "", ""
    rule = rule_for(url) or rule_for(meta.canonical_url)
    if rule is not None:
        result = apply_rule(rule, tree)
        if result is not None:
            rule_title, body = result
            method = f"rule:{rule.name}"
            title = rule_title or title
    if not body:
        inline_formulas(tree)
        declared_words = _words(meta.article_body) if meta.article_body else 0
        generic, escalated = _cascade(tree, url, declared_words, favor_precision=True)
        if looks_truncated(generic, tree):
            # a short precise result needed full mode: the default pass will too, so skip its fast run
            complete, _ = _cascade(tree, url, declared_words, full=escalated, favor_precision=False)
            guarded = guard_truncation(generic, complete)
            generic = restore_headings(generic, complete, tree) if guarded == generic else guarded
        generic = restore_blocks(tree, generic)
        body, method = choose_body(generic, meta.article_body)
        headlines = [meta.title, *meta.headline_sources.values()]
        if meta.site_name:
            headlines += [strip_site_suffix(h, meta.site_name) for h in meta.headline_sources.values()]
        body = "\n\n".join(clean_paragraphs(body.split("\n\n"), headlines, meta.byline))
        body = with_standfirst(tree, body, meta.title, meta.language)

    published_at = meta.published_at or find_date(tree, url or meta.canonical_url, reference_time, text)
    if body and not plausible_body(body):
        body = ""

    return Extracted(
        title=title,
        body=body,
        published_at=published_at,
        modified_at=meta.modified_at,
        byline=meta.byline,
        canonical_url=meta.canonical_url,
        language=meta.language,
        section=meta.section,
        tags=meta.tags,
        image=meta.image,
        method=method if body else "",
        reason=None if body else "no article content found",
    )
