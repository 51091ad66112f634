"""A video player's card between paragraphs: its label, duration, title and show.

A template sets a video in the article as a card (CNBC's `InlineVideo-container` around a
`VideoCard`: "VIDEO 2:45 · Aurion CEO on AI chip demand · Squawk on the Street"). Without the
player's script, trafilatura read the card's title and show as two short paragraphs of the
article (the duration line went as chrome). The card is an element whose class names a
video and whose text shows a duration ("2:45"), with a few words and no paragraph of prose:
a video page's description or transcript stays.
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.core.boxes import drop_boxes

MAX_CARD_WORDS = 30
PROSE_WORDS = 12  # a paragraph this long is a description, not a card's title
# Classes holding a "v" either case, filtered on the attribute axis, then the word checked
# in Python with the same case mapping as translate(): translate() over every element's
# class, and a predicate on each element, cost 1 ms a page, this half of that.
_V_CLASSED = etree.XPath("//body//*/@class[contains(., 'v') or contains(., 'V')]/..")
_VIDEO_CASE = str.maketrans("VIDEO", "video")
_DURATION = re.compile(r"\d{1,2}:\d{2}")


def drop_video_cards(tree) -> int:
    """Remove video cards (their tails stay); how many there were."""
    cards: list = []
    taken: set[int] = set()
    for element in _video_classed(tree):
        if any(id(ancestor) in taken for ancestor in element.iterancestors()):
            continue  # inside a card already taken, the outermost one
        if _is_card(element):
            cards.append(element)
            taken.add(id(element))
    return drop_boxes(cards)


def _video_classed(tree) -> list:
    """Elements in the body whose class holds "video" in any case, but <video>, in
    document order."""
    return [
        element
        for element in _V_CLASSED(tree)
        if element.tag != "video" and "video" in element.get("class").translate(_VIDEO_CASE)
    ]


def _is_card(element) -> bool:
    text = " ".join(element.text_content().split())
    if not _DURATION.search(text) or len(text.split()) > MAX_CARD_WORDS:
        return False
    if element.find(".//h1") is not None:
        return False
    return not any(len(p.text_content().split()) >= PROSE_WORDS for p in element.iter("p"))
