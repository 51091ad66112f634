"""A video player's card between paragraphs: its label, duration, title and show.

A template sets a video in the article as a card (CNBC's `InlineVideo-container` around a
`VideoCard`: "VIDEO 2:45 · Aurion CEO on AI chip demand · Squawk on the Street"). Without the
player's script, trafilatura read the card's title and show as two short paragraphs of the
article (the duration line went as chrome). The card is an element whose class names a
video and whose text shows a duration ("2:45"), with a few words and no paragraph of prose:
a video page's description or transcript stays.

A player's card may show no duration and carry a sentence of description (Global News'
`c-video`: "Click to play video: 'Canada's AI computing gap'", the title, "Researchers say
Canada lags its G7 peers in computing power. Simone Arsenault reports."). What makes it a
card is its play control: a button or link saying "play" (in its text, aria-label or
title), or an element classed as a play icon. Its description is the video's, not the
article's, except on a page that is itself the video (PageMeta.video_page).
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.core.boxes import drop_boxes

MAX_CARD_WORDS = 30
MAX_PLAYER_WORDS = 60  # a played card: title, control's label and a description or two
PROSE_WORDS = 12  # a paragraph this long is a description, not a card's title
# Classes holding a "v" either case, filtered on the attribute axis, then the word checked
# in Python with the same case mapping as translate(): translate() over every element's
# class, and a predicate on each element, cost 1 ms a page, this half of that.
_V_CLASSED = etree.XPath("//body//*/@class[contains(., 'v') or contains(., 'V')]/..")
_VIDEO_CASE = str.maketrans("VIDEO", "video")
_DURATION = re.compile(r"\d{1,2}:\d{2}")
_CONTROLS = etree.XPath(".//button | .//a | .//*[@role='button'] | .//*[@class]")
_SAYS_PLAY = re.compile(r"\bplay\b", re.IGNORECASE)
# A class token naming a play control: "vjs-big-play-button", "icon-play", "c-video__play",
# "PlayButton"; not "player", "playlist", "display" or "autoplay".
_PLAY_CLASS = re.compile(r"(^|[-_])play([-_]|$)|^play(button|btn|icon)", re.IGNORECASE)


def drop_video_cards(tree, video_page: bool = False) -> int:
    """Remove video cards (their tails stay); how many there were. On a video page, a
    card's description stays."""
    cards: list = []
    taken: set[int] = set()
    for element in _video_classed(tree):
        if any(id(ancestor) in taken for ancestor in element.iterancestors()):
            continue  # inside a card already taken, the outermost one
        if _is_card(element, video_page):
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


def _is_card(element, video_page: bool) -> bool:
    text = " ".join(element.text_content().split())
    words = len(text.split())
    if words > MAX_PLAYER_WORDS or element.find(".//h1") is not None:
        return False
    described = any(len(p.text_content().split()) >= PROSE_WORDS for p in element.iter("p"))
    if _DURATION.search(text) and words <= MAX_CARD_WORDS and not described:
        return True
    return _has_play_control(element) and not (described and video_page)


def _has_play_control(element) -> bool:
    """A button or link saying "play", or an element classed as a play icon."""
    for control in _CONTROLS(element):
        if any(_PLAY_CLASS.search(token) for token in (control.get("class") or "").split()):
            return True
        if control.tag == "button" or control.tag == "a" or control.get("role") == "button":
            said = (control.text_content(), control.get("aria-label"), control.get("title"))
            if any(value and _SAYS_PLAY.search(value) for value in said):
                return True
    return False
