"""Feed HTML (content:encoded, description) to plain paragraphs.

Block elements and blank lines separate paragraphs, ``<br>`` breaks a line
inside one; scripts, styles and figures carry no story text and are dropped.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "blockquote",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "table",
        "tr",
        "header",
        "footer",
        "aside",
        "dd",
        "dt",
        "hr",
    }
)
_DROP = frozenset(
    {"script", "style", "noscript", "template", "iframe", "figure", "figcaption", "svg", "button"}
)


def html_to_text(fragment: str) -> str:
    """Plain text with paragraphs separated by blank lines."""
    if not fragment or not fragment.strip():
        return ""
    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment
    out: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _DROP or not tag:
            if el.tail:
                out.append(el.tail)
            return
        block = tag in _BLOCKS
        if block:
            out.append("\n\n")
        if tag == "br":
            out.append("\n")
        if el.text:
            out.append(el.text)
        for child in el:
            walk(child)
        if block:
            out.append("\n\n")
        if el.tail:
            out.append(el.tail)

    walk(root)
    return "".join(out)
