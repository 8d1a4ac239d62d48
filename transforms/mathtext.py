"""Formulas written in MathML become plain text in the sentence they belong to.

trafilatura discards ``<math>`` elements with their content, so "When a ≠ 0, there
are two solutions to ax² + bx + c = 0" comes out as "When , there are two solutions
to": the sentence loses its subject. Before the generic extractor runs, each visible
``<math>`` element is replaced by its text (the tokens of its presentation markup,
space-separated, without the TeX source a ``<semantics>`` block carries in
``<annotation>``), placed in the flow where the formula stood. When a renderer wraps
the formula in its own custom elements (MathJax's ``<mjx-container>`` and
``<mjx-assistive-mml>``: tag names with a hyphen, which hold nothing but the formula
and its drawing), the outermost wrapper is what is replaced.

A formula that is hidden (``display:none``, ``hidden``, ``aria-hidden``: an
accessibility copy beside an image of the formula, as on Wikipedia) is left alone:
a reader does not see it as text.

Pure: edits the tree that ``transforms.htmldoc.parse`` built for this page (nothing
else reads the formulas' markup); never raises on page content.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from .htmldoc import is_hidden

__all__ = ["inline_formulas"]

# Rules as data: the MathML element and the parts of it that are no visible text.
MATH_TAG = "math"
_FORMULA_TEXT = etree.XPath(
    ".//text()[not(ancestor::annotation) and not(ancestor::*[local-name()='annotation-xml'])]"
)


def _formula_text(math: HtmlElement) -> str:
    return " ".join(t.strip() for t in _FORMULA_TEXT(math) if t.strip())


def _custom(el: HtmlElement | None) -> bool:
    return el is not None and isinstance(el.tag, str) and "-" in el.tag


def inline_formulas(tree: HtmlElement) -> int:
    """Replace each visible MathML formula by its text, in place; returns how many."""
    try:
        return _inline_formulas(tree)
    except (RecursionError, ValueError, TypeError):  # defensive: never raise on a page
        return 0


def _inline_formulas(tree: HtmlElement) -> int:
    formulas = [m for m in tree.iter(MATH_TAG) if not any(is_hidden(e) for e in (m, *m.iterancestors()))]
    done = 0
    for math in formulas:
        text = _formula_text(math)
        target = math
        while _custom(target.getparent()):
            target = target.getparent()
        parent = target.getparent()
        if parent is None:
            continue
        flow = f" {text} {target.tail or ''}"
        previous = target.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + flow
        else:
            parent.text = (parent.text or "") + flow
        parent.remove(target)
        done += 1
    return done
