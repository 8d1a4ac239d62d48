"""Feed HTML (content:encoded, description) to plain paragraphs, with BeautifulSoup.

Feed items carry small, often broken HTML fragments (entity-escaped markup,
unclosed tags, stray ``<br>`` runs). BeautifulSoup is the tool made for such tag
soup and its cost is small here (a fragment is a few kB; see the README's
dependency table for the measurement); whole article pages stay on the single
lxml parse in transforms/htmldoc.py, where speed matters.

Block elements and blank lines separate paragraphs, ``<br>`` breaks a line
inside one; scripts, styles and figures carry no story text and are dropped.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Doctype, ProcessingInstruction

_BLOCKS = frozenset(
    "p div section article blockquote li ul ol h1 h2 h3 h4 h5 h6 pre table tr header footer aside dd dt hr".split()
)
_DROP = frozenset("script style noscript template iframe figure figcaption svg button".split())


def html_to_text(fragment: str) -> str:
    """Plain text with paragraphs separated by blank lines (iterative: no recursion limit)."""
    if not fragment or not fragment.strip():
        return ""
    if "<" not in fragment:
        return fragment
    soup = BeautifulSoup(fragment, "html.parser")
    for el in soup.find_all(_DROP):
        el.decompose()
    out: list[str] = []
    for node in soup.descendants:
        if isinstance(node, (Comment, Doctype, ProcessingInstruction)):
            continue
        if isinstance(node, NavigableString):
            out.append(str(node))
        elif isinstance(node, Tag):
            if node.name in _BLOCKS:
                out.append("\n\n")
                # the paragraph also ends after the block: mark its last descendant
                node.append(NavigableString("\n\n"))
            elif node.name == "br":
                out.append("\n")
    return "".join(out)
