"""Photo essays: a gallery page whose story is told in its captions.

A photo essay ("In Focus", "In pictures", a wire's photo gallery) is a short intro and a
run of captioned photos; the captions are what the reader reads. trafilatura leaves
captions out, and so do we on articles (crawler.core.captions), so the record was the
intro alone, often too short to keep. When the page has MIN_CAPTIONS or more captions of
sentence length, and they hold more words than the extracted text, they are appended to it
in page order, without their photo credits.
"""

from __future__ import annotations

import re

from lxml import etree

MIN_CAPTIONS = 5
MIN_CAPTION_WORDS = 8  # a sentence, not a credit or a label
_CREDIT = etree.XPath(
    ".//*[contains(translate(@class, 'CREDIT', 'credit'), 'credit')"
    " or contains(translate(@class, 'COPYRIGHT', 'copyright'), 'copyright')]"
)


def gallery_captions(tree) -> list[str]:
    """The page's caption texts, when there are enough of them to be a photo essay. Call
    on the tree before captions are removed from it."""
    captions = [_caption_text(caption) for caption in tree.iter("figcaption")]
    captions = [text for text in captions if len(text.split()) >= MIN_CAPTION_WORDS]
    return captions if len(captions) >= MIN_CAPTIONS else []


def with_captions(text: str, captions: list[str]) -> str:
    """The text with the essay's captions after it, when they outweigh it; captions it
    already holds keep their place, without their credits."""
    if not captions:
        return text
    lines = text.split("\n")
    # A caption the text already holds (a wider run kept it) loses its credit in place.
    held = {caption for caption in captions for line in lines if line.startswith(caption)}
    lines = [next((c for c in held if line.startswith(c)), line) for line in lines]
    missing = [caption for caption in captions if caption not in held]
    if sum(len(c.split()) for c in missing) <= sum(len(line.split()) for line in lines):
        return "\n".join(lines)
    return "\n".join([*lines, *missing])


def _caption_text(caption) -> str:
    skipped = set(_CREDIT(caption)) | {e for e in caption.iter() if _is_counter(e)}
    return " ".join(_text_without(caption, skipped).split())


# A slide's counter in its caption: "1 of 6", "1/5" (USA Today's `gallery-count`, the
# Guardian's `gallery__index`, audit 41): it was read into the caption's sentence. Marked
# as one: a caption's "<a>9/11</a> memorial" is its words (the review).
_COUNTER = re.compile(r"\d{1,3}\s*(of|/)\s*\d{1,3}")
_COUNTER_MARK = re.compile(r"count|index|position|slide-?num|page-?num", re.IGNORECASE)


def _is_counter(element) -> bool:
    return (
        len(element) == 0
        and _COUNTER_MARK.search(element.get("class") or "") is not None
        and _COUNTER.fullmatch((element.text or "").strip()) is not None
    )


def _text_without(element, skipped) -> str:
    """The element's text less the skipped elements' (their tails are the caption's)."""
    if element in skipped:
        return ""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(_text_without(child, skipped))
        parts.append(child.tail or "")
    return " ".join(parts)
