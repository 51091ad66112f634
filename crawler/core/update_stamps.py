"""A page's update stamp, marked as one, beside the day its meta row prints: not the
publication day htmldate is looking for.

Avada prints its post's day ("March 3rd, 2021") and keeps the last edit for search
engines in the same row, `<span class="updated rich-snippet-hidden">2021-03-04T16:20…`;
htmldate's quick search takes the marked stamp first, and the post was dated the day after
it came out (audit 45). Only a stamp whose marks say update and not publication, hidden from
the reader, and only beside another day: WordPress themes mark their one stamp hAtom
`updated` ("date updated", tagDiv's "entry-date updated"), and that one is the publication
day.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree
from lxml import html as lxml_html

from crawler.core.page_times import prints_a_day, spaced_text

# contains() first, in C: most pages have no such mark.
_CANDIDATES = etree.XPath(
    "//body//*[contains(@class, 'pdated') or contains(@class, 'odified')"
    " or @itemprop = 'dateModified']"
)
# A word of the class ("updated", "date-updated", "last_updated"), not a longer one:
# Soledad's "penci-hide-tagupdated" wraps the byline and the publication day.
_UPDATE_WORD = re.compile(r"(?:^|[\s_-])(?:updated|modified)(?:$|[\s_-])", re.IGNORECASE)
_PUBLICATION_WORD = re.compile(r"publish|posted|pubdate|created|entry-date", re.IGNORECASE)
MAX_STAMP_CHARS = 80
MAX_ROW_CHARS = 300  # a meta row: a byline, a day or two, categories
ROW_LEVELS = 2


@contextmanager
def update_stamps_hidden(tree: lxml_html.HtmlElement) -> Iterator[lxml_html.HtmlElement]:
    """The page without such stamps for the duration, put back in place afterwards."""
    stamps = [node for node in _CANDIDATES(tree) if _is_update_stamp(node)]
    stamps = [node for node in stamps if _unseen(node) and _beside_another_day(node)]
    # Emptied, not removed: the text after the stamp (its tail) is the page's and stays.
    saved = [(node, dict(node.attrib), node.text, list(node)) for node in stamps]
    for node, _, _, children in saved:
        node.attrib.clear()
        node.text = None
        for child in children:
            node.remove(child)  # each child's tail goes and comes back with it
    try:
        yield tree
    finally:
        for node, attributes, text, children in saved:
            node.attrib.update(attributes)
            node.text = text
            node.extend(children)


def _is_update_stamp(node) -> bool:
    marks = node.get("class") or ""
    if _PUBLICATION_WORD.search(f"{marks} {node.get('itemprop') or ''}"):
        return False
    if not (_UPDATE_WORD.search(marks) or node.get("itemprop") == "dateModified"):
        return False
    text = spaced_text(node)
    return len(text) <= MAX_STAMP_CHARS and prints_a_day(text)


# Kept for search engines, not shown: a class word that hides (Avada's
# "rich-snippet-hidden", "sr-only", "screen-reader-text"), `hidden`, or an inline style that
# does not display it. A stamp a reader sees, "Updated March 9" beside "March 3", is the
# theme's own to print and htmldate's to weigh.
_HIDING_CLASS = re.compile(r"hidden|\bhide\b|sr-only|screen-reader|visually-hidden", re.I)
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _unseen(node) -> bool:
    return (
        node.get("hidden") is not None
        or _HIDING_CLASS.search(node.get("class") or "") is not None
        or _HIDING_STYLE.search(node.get("style") or "") is not None
    )


def _beside_another_day(stamp) -> bool:
    """The stamp's row (its parent, or the row around that, while short) prints a day
    besides the stamp's own."""
    own = spaced_text(stamp)
    for row in itertools.islice(stamp.iterancestors(), ROW_LEVELS):
        text = spaced_text(row)
        if len(text) > MAX_ROW_CHARS:
            return False
        if prints_a_day(text.replace(own, " ", 1)):
            return True
    return False
