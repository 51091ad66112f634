"""Shopping boxes set in an article: a product card with its specs, pros and cons and "$549
at Amazon" buttons, or a lone deal line; and sponsors' boxes the template marks as such.

Their sign is the link itself: an affiliate or paid link carries `rel="sponsored"`, as
search engines require of it. The box is the largest ancestor of such a link that holds
no paragraph of prose (PROSE_WORDS or more words), no heading of the page's top levels, no
time and at most MAX_BOX_WORDS: the card, never the article around it. A sponsored link
inside a sentence of the article stays, with its sentence: that paragraph is prose.
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.core.boxes import add_box, drop_boxes, largest_box

MAX_BOX_WORDS = 150
PROSE_WORDS = 25  # a card's one-line blurb is shorter; a paragraph of the article is not
_SPONSORED = etree.XPath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' sponsored ')]")
_TOP_HEADING_OR_TIME = etree.XPath("boolean(self::h1 | self::h2 | .//h1 | .//h2 | .//time)")


def drop_product_boxes(tree) -> int:
    """Remove the boxes around sponsored links (their tails stay); how many there were."""
    boxes: list = []
    for link in _SPONSORED(tree):
        if not _is_small_box(link):
            continue
        box = largest_box(link, _is_small_box)  # up to the article
        if box is not link:  # else the link's block is prose or the page: no box of its own
            add_box(boxes, box)
    return drop_boxes(boxes)


def _is_small_box(element) -> bool:
    if len(element.text_content().split()) > MAX_BOX_WORDS or _TOP_HEADING_OR_TIME(element):
        return False
    blocks = element.iter("p", "li", "blockquote") if element.tag not in ("p", "li") else [element]
    return all(len(block.text_content().split()) < PROSE_WORDS for block in blocks)


# A sponsor's box set in the article, marked by the template: `<div class="sponsored">` or
# "advertorial" as a word of its class, holding an ad's copy ("Discover how … Request a
# demo today."). Small, and inside more text than its own: never the sponsored post itself.
_SPONSOR_MARK = re.compile(r"(?<![a-z0-9])(?:sponsored|advertorial)(?![a-z0-9])", re.IGNORECASE)
# The class attributes that hold a stem, in either case; the word itself is checked in
# Python on the few found. Every element's class through translate() cost 3.6 ms a page,
# the ids as well twice this.
_MARKED = etree.XPath(
    "//@class[contains(., 'ponsor') or contains(., 'PONSOR') or contains(., 'dvertorial')"
    " or contains(., 'DVERTORIAL')]/.."
)
MAX_SPONSOR_WORDS = 80
SURROUNDING_SHARE = 3  # the box's parent holds at least this many times its words


def drop_sponsor_boxes(tree) -> int:
    """Remove the template's sponsor boxes (their tails stay); how many there were."""
    boxes: list = []
    for element in _MARKED(tree):
        marks = element.get("class") or ""
        if element.tag in ("html", "body", "article", "main") or not _SPONSOR_MARK.search(marks):
            continue
        words = len(element.text_content().split())
        parent = element.getparent()
        if words > MAX_SPONSOR_WORDS or parent is None or _TOP_HEADING_OR_TIME(element):
            continue
        if len(parent.text_content().split()) >= SURROUNDING_SHARE * max(words, 1):
            add_box(boxes, element)
    return drop_boxes(boxes)
