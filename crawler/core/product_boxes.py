"""Shopping boxes set in an article: a product card with its specs, pros and cons and "$549
at Amazon" buttons, or a lone deal line.

Their sign is the link itself: an affiliate or paid link carries `rel="sponsored"`, as
search engines require of it. The box is the largest ancestor of such a link that holds
no paragraph of prose (PROSE_WORDS or more words), no heading of the page's top levels, no
time and at most MAX_BOX_WORDS: the card, never the article around it. A sponsored link
inside a sentence of the article stays, with its sentence: that paragraph is prose.
"""

from __future__ import annotations

from lxml import etree

MAX_BOX_WORDS = 150
PROSE_WORDS = 25  # a card's one-line blurb is shorter; a paragraph of the article is not
STOP_TAGS = frozenset({"body", "html", "main", "article"})
_SPONSORED = etree.XPath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' sponsored ')]")
_TOP_HEADING_OR_TIME = etree.XPath("boolean(self::h1 | self::h2 | .//h1 | .//h2 | .//time)")


def drop_product_boxes(tree) -> int:
    """Remove the boxes around sponsored links (their tails stay); how many there were."""
    boxes: list = []
    for link in _SPONSORED(tree):
        box = _box_of(link)
        if box is None or any(box is other or _contains(other, box) for other in boxes):
            continue
        boxes = [other for other in boxes if not _contains(box, other)] + [box]
    for box in boxes:
        if box.getparent() is not None:
            box.drop_tree()
    return len(boxes)


def _box_of(link):
    """The largest small box around a sponsored link; None when even the link's own block
    is prose (a link in a sentence)."""
    box, element = None, link
    while element is not None and element.tag not in STOP_TAGS and _is_small_box(element):
        box, element = element, element.getparent()
    if box is link:
        return None  # the link's parent is prose or the page: not a box of its own
    return box


def _is_small_box(element) -> bool:
    if len(element.text_content().split()) > MAX_BOX_WORDS or _TOP_HEADING_OR_TIME(element):
        return False
    blocks = element.iter("p", "li", "blockquote") if element.tag not in ("p", "li") else [element]
    return all(len(block.text_content().split()) < PROSE_WORDS for block in blocks)


def _contains(ancestor, element) -> bool:
    return any(parent is ancestor for parent in element.iterancestors())
