"""Footnote references in the body: "…the final run.<a href="#footnote-1">1</a> It does…".

Substack, Ghost and Markdown renderers print a footnote's reference as a bare number linked
to the note further down the page. As text the number runs into the sentence ("run.1 It",
"a year of use.2"), where it reads as part of a figure, and the notes themselves are not
kept (they sit below the story, with the page's chrome), so the number points at nothing:
it is removed. A reference is a link to a fragment of the page whose text is a number of at
most three digits, set right after a word or punctuation (pagination links "1 2 3" stand
apart, and their links are not to fragments). Wikipedia's "[1]" is left as it is.
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.core.prose import text_before

_IN_PAGE_LINKS = etree.XPath(
    "//a[starts-with(normalize-space(@href), '#')][string-length(@href) > 1]"
)
_NUMBER = re.compile(r"\d{1,3}")


def drop_footnote_references(tree) -> int:
    """Remove bare footnote numbers (with a <sup> that holds only one); how many."""
    dropped = 0
    for link in _IN_PAGE_LINKS(tree):
        if len(link) or not _NUMBER.fullmatch((link.text or "").strip()):
            continue
        reference = _reference(link)
        if reference is not None:
            reference.drop_tree()  # its tail, the sentence after it, stays
            dropped += 1
    return dropped


def _reference(link):
    """The link, or the <sup> around it, when the text just before ends in a letter or a
    stop; None when something else precedes it (a space, nothing)."""
    element = link
    parent = link.getparent()
    if (
        parent is not None
        and parent.tag == "sup"
        and len(parent) == 1
        and not (parent.text or "").strip()
        and not (link.tail or "").strip()
    ):
        element = parent
    before = text_before(element)
    previous = element.getprevious()
    if previous is not None and not before:
        before = previous.text_content()  # "<b>run.</b><a>1</a>": the text is the sibling's
    return element if before and not before[-1].isspace() else None
