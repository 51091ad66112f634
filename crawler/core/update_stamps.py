"""A page's update stamp, marked as one, beside the day its meta row prints: not the
publication day htmldate is looking for.

Avada prints its post's day ("March 3rd, 2021") and keeps the last edit for search
engines in the same row, `<span class="updated rich-snippet-hidden">2021-03-04T16:20…`;
htmldate's quick search takes the marked stamp first, and the post was dated the day after
it came out (audit 45). Only a stamp whose marks say update and not publication, and only
beside another day: WordPress themes mark their one stamp hAtom `updated` ("date
updated", tagDiv's "entry-date updated"), and that one is the publication day.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree
from lxml import html as lxml_html

from crawler.core.page_times import prints_a_day

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
    stamps = [node for node in stamps if _beside_another_day(node)]
    places = [(node.getparent(), node) for node in stamps]
    places = [(parent, parent.index(node), node) for parent, node in places]
    for parent, _, node in places:
        parent.remove(node)  # its tail goes with it, and comes back with it
    try:
        yield tree
    finally:
        for parent, index, node in places:  # document order: each index is right again
            parent.insert(index, node)


def _is_update_stamp(node) -> bool:
    marks = node.get("class") or ""
    if _PUBLICATION_WORD.search(f"{marks} {node.get('itemprop') or ''}"):
        return False
    if not (_UPDATE_WORD.search(marks) or node.get("itemprop") == "dateModified"):
        return False
    text = _text(node)
    return len(text) <= MAX_STAMP_CHARS and prints_a_day(text)


def _beside_another_day(stamp) -> bool:
    """The stamp's row (its parent, or the row around that, while short) prints a day
    besides the stamp's own."""
    own = _text(stamp)
    for row in itertools.islice(stamp.iterancestors(), ROW_LEVELS):
        text = _text(row)
        if len(text) > MAX_ROW_CHARS:
            return False
        if prints_a_day(text.replace(own, " ", 1)):
            return True
    return False


def _text(node) -> str:
    return " ".join(" ".join(node.itertext()).split())
