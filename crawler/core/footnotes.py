"""Footnote references in the body: "…the final run.<a href="#footnote-1">1</a> It does…".

Substack, Ghost and Markdown renderers print a footnote's reference as a bare number linked
to the note further down the page. As text the number runs into the sentence ("run.1 It",
"a year of use.2"), where it reads as part of a figure. Wikipedia prints the same link as
"[1]", which is unambiguous; bare ones get the brackets too. A reference is a link to a
fragment of the page whose text is a number of at most three digits, set right after a
word or punctuation (pagination links "1 2 3" stand apart, and their links are not to
fragments).
"""

from __future__ import annotations

import re

from lxml import etree

_IN_PAGE_NUMBER_LINKS = etree.XPath(
    "//a[starts-with(normalize-space(@href), '#')][string-length(@href) > 1]"
)
_NUMBER = re.compile(r"\d{1,3}")


def bracket_footnote_references(tree) -> int:
    """Give bare footnote numbers their brackets; how many there were."""
    marked = 0
    for link in _IN_PAGE_NUMBER_LINKS(tree):
        if len(link) or not _NUMBER.fullmatch((link.text or "").strip()):
            continue
        if not _follows_a_word(link):
            continue
        link.text = f"[{link.text.strip()}]"
        marked += 1
    return marked


def _follows_a_word(link) -> bool:
    """The text just before the link (or before its <sup>) ends in a letter or punctuation."""
    element = link
    parent = link.getparent()
    if parent is not None and parent.tag == "sup" and not (parent.text or "").strip():
        element = parent
    previous = element.getprevious()
    before = (previous.tail if previous is not None else element.getparent().text) or ""
    if previous is not None and not before:
        before = previous.text_content()
    return bool(before) and not before[-1].isspace()
