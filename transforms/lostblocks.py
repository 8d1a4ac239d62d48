"""Lists and subheadings the generic extractor lost from inside the article.

When trafilatura does not recognise the article container (its body XPaths know
``entry-content``, ``post-body``, ``article-body`` ..., not ``span12 blog-post`` or a
bare ``<body>``), it falls back to collecting the page's paragraphs, and that
fallback keeps ``<p>``, quotes, code and tables but not lists or headings: a release
note's bullet points, a how-to's steps, the subheadings of a long post vanish while
the paragraphs around them are kept.

This rule puts them back. The paragraphs the body kept are found in the tree
("anchors"); the container is their lowest common ancestor; walking that container
in document order, a list (``<ul>``/``<ol>``) or a short heading (``<h2>``-``<h6>``)
that lies *between* two anchors, is not already in the body, is visible, is not
mostly links and is not inside furniture (nav, aside, figure, a box whose class says
related/share/newsletter/...) is inserted after the anchor before it. A heading is
only put back when what follows it in the article is a paragraph the body kept or a
list put back (a heading over a link list stays out), and nothing is added before
the first or after the last kept paragraph (teasers and related-article headers live
there).

Pure: works on the tree that ``transforms.htmldoc.parse`` built, reads nothing else;
never raises on page content.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml.html import HtmlElement

from .htmldoc import common_ancestor, is_hidden

__all__ = ["NOT_ARTICLE_WORDS", "restore_blocks"]

# Rules as data. Elements whose subtree is never article text.
SKIP_TAGS = frozenset(
    "script style noscript template nav aside footer header form figure figcaption "
    "button select textarea iframe svg table a".split()
)
# A class or id *word* (split at spaces, "-", "_") naming a box of other things than
# the article's own text; its subtree is skipped.
NOT_ARTICLE_WORDS = frozenset(
    {
        "related",
        "share",
        "sharing",
        "social",
        "newsletter",
        "subscribe",
        "subscription",
        "promo",
        "advert",
        "advertisement",
        "ad",
        "ads",
        "sponsor",
        "sponsored",
        "tags",
        "tag",
        "toc",
        "breadcrumb",
        "breadcrumbs",
        "menu",
        "nav",
        "navigation",
        "comment",
        "comments",
        "caption",
        "gallery",
        "slideshow",
        "carousel",
        "sidebar",
        "widget",
        "recommended",
        "popular",
        "trending",
        "footer",
        "byline",
        "author",
        "pagination",
        "pager",
        "hidden",
        "meta",
        "toolbar",
    }
)
LIST_TAGS = ("ul", "ol")
HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
HEADING_MAX_WORDS = 12
# A list is article text when under this share of its words are link text (a list of
# links is navigation or related articles) ...
LIST_MAX_LINK_SHARE = 0.5
# ... and it is a list of points, not a page in a list: at most this many items, each
# at most this many words.
LIST_MAX_ITEMS = 40
ITEM_MAX_WORDS = 120
# A restored block stands among the kept paragraphs, in at most this many thin wrappers.
FLOW_MAX_WRAPPERS = 2
# Anchors: body paragraphs are found in the tree by their first words.
ANCHOR_WORDS = 6

_WORD = re.compile(r"\w+")
_SPLIT = re.compile(r"[\s_-]+")


def _first_words(text: str, n: int = 0) -> tuple[str, ...]:
    """The first ``n`` words of a text, casefolded (the regex runs no further)."""
    return tuple(m.group().casefold() for m in islice(_WORD.finditer(text), n))


def _key(text: str) -> str:
    """Words without the spaces between them: inline markup (``A<sup>H</sup>``) splits
    or joins words differently in the tree and in the extracted text."""
    return "".join(_WORD.findall(text)).casefold()


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _skipped(el: HtmlElement) -> bool:
    """Whether an element's subtree is furniture or hidden (never restored from)."""
    if el.tag in SKIP_TAGS or is_hidden(el):
        return True
    for attr in ("class", "id"):
        value = el.get(attr)
        if value and any(w.casefold() in NOT_ARTICLE_WORDS for w in _SPLIT.split(value) if w):
            return True
    return False


# Never text a reader sees: code, hidden copies (MathML's TeX annotation, a11y copies).
_INVISIBLE_TAGS = frozenset("script style noscript template annotation annotation-xml".split())


def _visible_text(el: HtmlElement, skip: tuple[str, ...] = ()) -> str:
    """Text of an element without scripts, hidden elements and the subtrees of ``skip``
    tags (an item's nested lists are items of their own), whitespace collapsed."""
    parts: list[str] = []
    stack: list[HtmlElement | str] = [el]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            parts.append(node)
            continue
        if node is not el and node.tail:
            stack.append(node.tail)  # comes after the node's own text and children
        if not isinstance(node.tag, str) or node.tag in _INVISIBLE_TAGS or node.tag in skip:
            continue
        if node is not el and is_hidden(node):
            continue
        stack.extend(reversed(node))
        if node.text:
            stack.append(node.text)
    return " ".join("".join(parts).split())


def _list_items(lst: HtmlElement) -> list[str] | None:
    """The items of a list worth restoring, or None when it is no list of points."""
    items = [text for li in lst.iter("li") if (text := _visible_text(li, LIST_TAGS))]
    if not items or len(items) > LIST_MAX_ITEMS:
        return None
    counts = [len(_words(t)) for t in items]
    if not all(0 < n <= ITEM_MAX_WORDS for n in counts):  # "/" items: a share or profile bar
        return None
    words = sum(counts)
    linked = sum(len(_words(_visible_text(a))) for a in lst.iter("a"))
    if linked / words >= LIST_MAX_LINK_SHARE:
        return None
    return items


def _in_flow(el: HtmlElement, flows: list[HtmlElement | None]) -> bool:
    """Whether an element stands among the kept paragraphs: its parent holds one of
    them, or it sits in thin wrappers (one child each, at most two) that such a
    parent holds. A list in a share bar or a heading in a teaser card does not."""
    e = el
    for _ in range(1 + FLOW_MAX_WRAPPERS):
        parent = e.getparent()
        if parent is None:
            return False
        if any(parent is f for f in flows):
            return True
        if len(parent) != 1:
            return False
        e = parent
    return False


def restore_blocks(tree: HtmlElement, body: str) -> str:
    """The body with the lists and subheadings it lost between kept paragraphs put back
    (each list item as a "- item" paragraph, as trafilatura writes lists); unchanged
    when nothing was lost or the kept paragraphs cannot be found in the tree."""
    try:
        return _restore_blocks(tree, body)
    except (RecursionError, ValueError, TypeError):  # defensive: never raise on a page
        return body


def _restore_blocks(tree: HtmlElement, body: str) -> str:
    paras = body.split("\n\n")
    if len(paras) < 2:
        return body
    keys: dict[tuple[str, ...], list[int]] = {}
    for i, p in enumerate(paras):
        words = _first_words(p, ANCHOR_WORDS)
        if len(words) == ANCHOR_WORDS:
            keys.setdefault(words, []).append(i)
    if len(keys) < 2:
        return body
    # element -> paragraph index, increasing in document order (a paragraph repeated in
    # the body is matched to its next occurrence); the dict holds the lxml proxies, so
    # each node keeps its one proxy object while the walk below compares them
    anchors: dict[HtmlElement, int] = {}
    first = last = None
    last_index = -1
    for p_el in tree.iter("p"):
        words = _first_words(p_el.text_content(), ANCHOR_WORDS)
        if len(words) < ANCHOR_WORDS or words not in keys:
            continue
        index = next((i for i in keys[words] if i > last_index), None)
        if index is None:
            continue
        anchors[p_el] = index
        last_index = index
        first = first if first is not None else p_el
        last = p_el
    if first is None or last is None or first is last:
        return body
    container = common_ancestor(first, last)
    if container is None:
        return body

    flows = [a.getparent() for a in anchors]  # the elements holding the article's paragraphs
    kept = ""  # the body's words and its paragraphs' words, computed at the first candidate
    kept_paras: dict[str, int] | None = None
    # events in document order between the first and the last anchor:
    # ("anchor", index) | ("heading", text) | ("list", items) | ("furniture", 0)
    events: list[tuple[str, int | str | list[str]]] = []
    started = False
    stack = [container]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str):
            continue
        index = anchors.get(el)
        if index is not None:
            events.append(("anchor", index))
            started = True
            if el is last:
                break
            continue
        if el is not container and _skipped(el):
            continue
        if started and el.tag in LIST_TAGS + HEADING_TAGS and not _in_flow(el, flows):
            continue
        if started and kept_paras is None and el.tag in LIST_TAGS + HEADING_TAGS:
            kept = _key(body)
            kept_paras = {_key(p): i for i, p in enumerate(paras)}
        if started and el.tag in LIST_TAGS:
            assert kept_paras is not None
            items = _list_items(el)
            at = [j for t in items or () if (j := kept_paras.get(_key(t))) is not None]
            if at:  # the body has this list (or part of it): later blocks go after it
                events.append(("anchor", max(at)))
            elif items is not None and not any(len(_words(t)) >= 4 and _key(t) in kept for t in items):
                events.append(("list", items))
            else:
                events.append(("furniture", 0))  # a link list: a heading over it stays out
            continue
        if started and el.tag in HEADING_TAGS:
            assert kept_paras is not None
            text = _visible_text(el)
            n = len(_words(text))
            key = _key(text)
            if key in kept_paras:
                events.append(("anchor", kept_paras[key]))
            elif 0 < n <= HEADING_MAX_WORDS:
                linked = sum(len(_words(_visible_text(a))) for a in el.iter("a"))
                if 2 * linked < n:  # a linked heading is a teaser; a "#" permalink is not
                    events.append(("heading", text))
            continue
        stack.extend(reversed(el))

    inserts: dict[int, list[str]] = {}
    position = -1
    for k, (kind, value) in enumerate(events):
        if kind == "anchor":
            assert isinstance(value, int)
            position = max(position, value)
            continue
        if kind == "furniture":
            continue
        if kind == "heading":
            kind_after, after = events[k + 1] if k + 1 < len(events) else ("", None)
            if not (
                kind_after == "list"
                or (kind_after == "anchor" and isinstance(after, int) and after > position)
            ):
                continue  # a heading over nothing the article keeps (or over a repeat)
            assert isinstance(value, str)
            inserts.setdefault(position, []).append(value)
        else:
            assert isinstance(value, list)
            inserts.setdefault(position, []).extend(f"- {t}" for t in value)
    if not inserts:
        return body
    out: list[str] = []
    for i, p in enumerate(paras):
        out.append(p)
        out.extend(inserts.get(i, ()))
    return "\n\n".join(out)
