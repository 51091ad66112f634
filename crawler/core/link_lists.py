"""A label over a list of links to other pages: "Read more CNBC tech news", "Key events".

trafilatura drops a list whose items are links from end to end (other stories, a live
page's key events, a table of contents) and keeps the heading or bold line over it, which
then stands alone in the text, naming a list the record does not hold. The label goes with
the list, before extraction: a heading (h2-h6), or a paragraph that is bold from end to end,
of a few words and no link, right before a list of at least two items, each wholly a link.
A list with any text of its own outside its links (a source's description, a finding) is the
article's, and stays with its heading.
"""

from __future__ import annotations

from crawler.core.boxes import SUBHEADINGS, drop_boxes

MIN_ITEMS = 2
MAX_LABEL_WORDS = 8
_BOLD = frozenset({"strong", "b"})


def drop_link_list_labels(tree) -> int:
    """Remove each label with its list of links (their tails stay); how many."""
    found = []
    for listing in tree.iter("ul", "ol"):
        label = listing.getprevious()
        if label is None or not _is_label(label) or (label.tail or "").strip():
            continue
        if _all_links(listing):
            found += (label, listing)
    return drop_boxes(found) // 2  # a label and its list each


def _is_label(element) -> bool:
    if element.tag not in SUBHEADINGS and element.tag not in ("p", "div"):
        return False
    text = " ".join(element.text_content().split())
    if not text or len(text.split()) > MAX_LABEL_WORDS or element.find(".//a") is not None:
        return False
    if element.tag in SUBHEADINGS:
        return True
    # A paragraph is a label when bold from end to end: "<p><strong>Read more</strong></p>".
    return len(element) == 1 and element[0].tag in _BOLD and not (element.text or "").strip()


def _all_links(listing) -> bool:
    items = [child for child in listing if child.tag == "li"]
    if len(items) < MIN_ITEMS or len(items) != len(listing):
        return False
    for item in items:
        text = "".join(item.text_content().split())
        linked = "".join("".join(a.text_content().split()) for a in item.iter("a"))
        if not text or linked != text:
            return False
    return True
