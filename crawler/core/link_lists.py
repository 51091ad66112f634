"""A label over a list of links to other pages: "Read more CNBC tech news", "Key events".

trafilatura drops a list whose items are links from end to end (other stories, a live
page's key events, a table of contents) and keeps the heading or bold line over it, which
then stands alone in the text, naming a list the record does not hold. The label goes with
the list, before extraction: a heading (h2-h6), or a paragraph that is bold from end to end,
of a few words and no link, right before a list of at least two items, each wholly a link.
A list with any text of its own outside its links (a source's description, a finding) is the
article's, and stays with its heading.

The list may be items with no list around them: al-folio's related posts print an empty
`<ul>`, then "Enjoy Reading This Article?" (h2), "Here are some more articles you might like
to read next:" and the `<li>`s right in the post's div. And the label may be a lead-in, a
short paragraph ending in a colon, with a label over it: both go with the list.
"""

from __future__ import annotations

from lxml import etree

from crawler.core.boxes import SUBHEADINGS, drop_boxes, next_element, previous_element

MIN_ITEMS = 2
MAX_LABEL_WORDS = 8
MAX_LEAD_IN_WORDS = 15
_BOLD = frozenset({"strong", "b"})
_LISTS = frozenset({"ul", "ol", "menu"})
# Found in C: a page has hundreds of items in its menus, and few out of any list.
_LOOSE_ITEMS = etree.XPath("//li[not(parent::ul or parent::ol or parent::menu)]")


def drop_link_list_labels(tree) -> int:
    """Remove each label with its list of links (their tails stay); how many lists."""
    found, lists = [], 0
    for listing in _lists(tree):
        # The label first: most lists have none, and reading a list's links costs more.
        labels = _labels_before(listing[0])
        if labels and _all_links(listing):
            found += labels + listing
            lists += 1
    drop_boxes(found)
    return lists


def _lists(tree) -> list[list]:
    """Each list: a `<ul>` or `<ol>` alone, or a run of `<li>` siblings no list holds."""
    found = [[listing] for listing in tree.iter("ul", "ol")]
    for item in _LOOSE_ITEMS(tree):
        before = previous_element(item)
        if before is not None and before.tag == "li":
            continue  # inside a run found from its first item
        run = [item]
        while (after := next_element(run[-1])) is not None and after.tag == "li":
            run.append(after)
        found.append(run)
    return found


def _labels_before(first) -> list:
    """The label right before a list (and the label over a lead-in), or none."""
    label = _previous_block(first)
    if label is None or (label.tail or "").strip():
        return []
    if _is_label(label):
        return [label]
    if not _is_lead_in(label):
        return []
    # A lead-in alone before a list of links may be the article's ("Sources:" over its
    # links, which trafilatura drops): only a label over it makes the two a widget's.
    over = _previous_block(label)
    if over is not None and not (over.tail or "").strip() and _is_label(over):
        return [over, label]
    return []


def _previous_block(element):
    """The element before `element`, past comments and the `<br>`s set between blocks (the
    tree's separate_block_runs puts one before a run of items that no list holds)."""
    before = element.getprevious()
    while (
        before is not None
        and not (before.tail or "").strip()
        and (before.tag == "br" or not isinstance(before.tag, str))
    ):
        before = before.getprevious()
    return before


def _is_lead_in(element) -> bool:
    """A short paragraph ending in a colon, with no link: "Here are some more articles you
    might like to read next:"."""
    text = " ".join(element.text_content().split())
    return (
        element.tag == "p"
        and text.endswith(":")
        and len(text.split()) <= MAX_LEAD_IN_WORDS
        and element.find(".//a") is None
    )


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


def _all_links(listing: list) -> bool:
    """The list (a `<ul>` or `<ol>` alone, or a run of items) holds at least MIN_ITEMS items,
    each wholly a link, and nothing else."""
    items = list(listing[0]) if listing[0].tag in _LISTS else listing
    if len(items) < MIN_ITEMS or any(item.tag != "li" for item in items):
        return False  # a comment or another element among the items is no list of links
    if any((item.tail or "").strip() for item in items[:-1]):
        return False
    for item in items:
        text = "".join(item.text_content().split())
        linked = "".join("".join(a.text_content().split()) for a in item.iter("a"))
        if not text or linked != text:
            return False
    return True
