"""A callout's text: a note the writer sets off in a box among the story's paragraphs.

Ghost's callout card (`div.kg-callout-card > div.kg-callout-emoji + div.kg-callout-text`),
Notion's callout block as react-notion-x and Notion's own export print it
(`div.notion-callout`, `figure.callout`) and many themes' `.callout` boxes hold the note as
a div of text alone, beside an icon (an emoji, an svg). Among <p> paragraphs trafilatura
drops such a div in every mode (crawler.core.lead_text says why), so the writer's aside
("We are not lawyers, and nothing here is legal advice…") was lost.

A div of text alone is taken as a callout's text only when its box says it is one: the
box's (or the div's) class names a callout or an admonition, or the box holds nothing but
the div and an icon, an element with no letter or digit in it. A box whose other children
have words (a bio's name over its text, a sign-up box's button) is not one, nor is a text
that calls the reader to listen, subscribe, sign up or download. Whether the box
sits among the body's paragraphs is crawler.core.lead_text's test, as for its other blocks.
"""

from __future__ import annotations

import re

from crawler.core.prose import PROSE_LINE_WORDS

# Class words of a callout box: Ghost (kg-callout-card), Notion (notion-callout), Hashnode,
# Quarto, Obsidian and Bootstrap (callout), Sphinx and MkDocs (admonition).
CALLOUT_NAMES = re.compile(r"callout|admonition", re.IGNORECASE)
# Elements that show a picture and no text: an icon, when no words are set beside it.
PICTURES = frozenset({"svg", "img", "i", "picture"})
# A box that asks the reader to listen, subscribe, sign up or download is the site's promotion
# in a callout's dress ("Listen to this story read aloud by our audio team …"), not the
# writer's note.
_PROMOTION = re.compile(
    r"\W*(?:listen|subscribe|sign\s+up|signup|download|get\s+the\s+app|register|join\s+(?:us|our)"
    r"|follow\s+us|prefer\s+to\s+listen|want\s+to\s+listen|hear\s+this)\b",
    re.IGNORECASE,
)
MAX_ICON_CHARS = 2  # "ℹ️" is a letter-like symbol and a variation selector


def is_callout_text(element) -> bool:
    """A div of text alone, of a prose line's length, that is the text of a callout box."""
    if element.tag != "div" or len(element):
        return False
    if len((element.text or "").split()) < PROSE_LINE_WORDS or _PROMOTION.match(element.text):
        return False
    box = element.getparent()
    if box is None:
        return False
    others = [child for child in box if child is not element and isinstance(child.tag, str)]
    if any(_has_words(child) for child in others):
        return False  # words beside the text: a card or a bio, not a note set off
    return any(_shows_icon(child) for child in others) or any(map(_named_callout, (box, element)))


def _has_words(element) -> bool:
    """More than a glyph's worth of letters or digits: an emoji or a symbol ("💡", "ℹ️")
    is an icon, as is an empty element a style sheet draws."""
    text = "".join(element.text_content().split())
    return len(text) > MAX_ICON_CHARS and any(char.isalnum() for char in text)


def _shows_icon(element) -> bool:
    return bool(element.text_content().strip()) or (
        element.tag in PICTURES or element.find(".//svg") is not None
    )


def _named_callout(element) -> bool:
    names = " ".join(
        value for key, value in element.attrib.items() if key == "class" or key.startswith("data-")
    )
    return bool(CALLOUT_NAMES.search(names))
