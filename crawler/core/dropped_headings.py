"""Subheadings trafilatura drops when it cannot name the article's container.

When none of trafilatura's body XPaths matches (a body in a div with hashed class names,
as Next.js and styled-components templates print it), it falls back to collecting the
page's wild text, and in its precision and default modes that search takes paragraphs,
quotes, code and tables but no headings: an AP story on such a template lost all three of
its subheads. A heading element whose next paragraph and the paragraph before it are kept
as consecutive lines of the text is put back between them.

The paragraphs need not be its siblings: a live blog's entry is `<article><h2/><div><p/>`
and the entry before it ends in a share bar, and its titles were lost but the first. In
document order, the last paragraph before the heading and the first after it are
consecutive lines of the text, with at most GAP_WORDS words of other text on either side
(a time stamp, "Share this entry"; a related-links box holds more), and the heading's
parent holds the paragraph after it: a related story's or a video's title sits in a box of
its own, and the body goes on outside it.
"""

from __future__ import annotations

from lxml import etree

from crawler.core.sections import line_key

HEADING_TAGS = ("h2", "h3", "h4")
MAX_HEADING_WORDS = 20
SIBLINGS_BEFORE = 3  # an ad slot or a related-story card may sit between them
GAP_WORDS = 8  # other text between a heading and the paragraphs around it, in document order


def restore_headings(tree, text: str) -> str:
    """The text with the subheadings it lacks between two of its own paragraphs."""
    lines = text.split("\n")
    index_of = {line_key(line): index for index, line in enumerate(lines)}
    inserts: dict[int, str] = {}
    orders: dict = {}
    for heading in tree.iter(*HEADING_TAGS):
        key = line_key(heading.text_content())
        if not key or key in index_of or len(key.split()) > MAX_HEADING_WORDS:
            continue
        after = _between_siblings(heading, index_of)
        if after is None:
            after = _after_in_document_order(heading, index_of, orders)
        if after is not None and after not in inserts:
            inserts[after] = key
    out: list[str] = []
    for index, line in enumerate(lines):
        if index in inserts:
            out.append(inserts[index])
        out.append(line)
    return "\n".join(out)


def _between_siblings(heading, index_of: dict[str, int]) -> int | None:
    after = _kept_index(heading.getnext(), index_of)
    if after is None:
        return None
    siblings = heading.itersiblings(preceding=True)
    before = [_kept_index(next(siblings, None), index_of) for _ in range(SIBLINGS_BEFORE)]
    return after if after - 1 in before else None


_PREVIOUS_PARAGRAPH = etree.XPath("preceding::p[1]")


def _after_in_document_order(heading, index_of: dict[str, int], orders: dict) -> int | None:
    following = _next_paragraph(heading)
    if _kept_index(following, index_of) is None:
        return None  # none in its box (a card's or a video's title), or not in the text
    previous = next(iter(_PREVIOUS_PARAGRAPH(heading)), None)
    if _kept_index(previous, index_of) is None:
        return None
    # The words between are counted in the smallest subtree holding both: the entries.
    ancestors = set(heading.iterancestors())
    scope = next(a for a in previous.iterancestors() if a in ancestors)
    if scope not in orders:
        orders[scope] = _DocumentOrder(scope)
    return orders[scope].line_after(heading, previous, following, index_of)


def _next_paragraph(heading):
    """The first paragraph after the heading inside its parent: a related story's or a
    video's title sits in a box of its own, and the body goes on outside it."""
    for sibling in heading.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag == "p":
            return sibling
        found = next(sibling.iter("p"), None)
        if found is not None:
            return found
    return None


class _DocumentOrder:
    """Where each element of a subtree starts and ends in its text, in words."""

    def __init__(self, scope):
        self.words = [0]  # words of text before each position
        self.start: dict = {}
        self.end: dict = {}
        count = 0
        for event, element in etree.iterwalk(scope, events=("start", "end")):
            if not isinstance(element.tag, str):
                continue
            if event == "start":
                self.start[element] = len(self.words) - 1
                count += len((element.text or "").split())
            else:
                self.end[element] = len(self.words) - 1
                count += len((element.tail or "").split())
            self.words.append(count)

    def line_after(self, heading, previous, following, index_of: dict[str, int]) -> int | None:
        """The line index of the paragraph after the heading, when the paragraph before it
        is the line before that and little other text lies on either side."""
        start, end = self.start[heading], self.end[heading]
        gap_before = self.words[start] - self.words[self.end[previous]]
        gap_after = self.words[self.start[following]] - self.words[end]
        if max(gap_before, gap_after) > GAP_WORDS:
            return None
        index = _kept_index(following, index_of)
        return index if _kept_index(previous, index_of) == index - 1 else None


def _kept_index(element, index_of: dict[str, int]) -> int | None:
    if element is None or element.tag != "p":
        return None
    return index_of.get(line_key(element.text_content()))
