"""A paragraph of the story that is one link from end to end.

trafilatura drops a `<p>` whose whole text is one link, as a link list's item (its link
density is 1), in every mode (docs/upstream.md). Stories set a sentence so: "The full staff
report, including the vendor's testing, is available on the library's website." and lost
it (audit 21). A paragraph that is a whole sentence (PROSE_LINE_WORDS words or more,
ending as a sentence ends), among the body's prose paragraphs, has its link unwrapped
before extraction: the text is the same, and trafilatura reads it as text. A teaser's
headline ("Rival unveils a cheaper model") ends with no full stop and stays a link, as
does one the template marks as a teaser or sets in bold.
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.core.prose import PROSE_LINE_WORDS

# A <p> with one element child, the rest checked by _linked_only (the same query finds them
# for crawler.core.extract's shared walk).
_LINKED_PARAGRAPHS = etree.XPath("//body//a/parent::p[count(*) = 1]")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?$")


def unlink_prose_paragraphs(tree, paragraphs: list | None = None) -> int:
    """Unwrap the link of each paragraph that is a whole sentence between prose paragraphs;
    how many. `paragraphs`: the page's `<p>` with one child, an `<a>`, found before the
    tree was reshaped (those still in it and still so are looked at)."""
    unlinked = 0
    root = tree.getroottree().getroot()
    for paragraph in _LINKED_PARAGRAPHS(tree) if paragraphs is None else paragraphs:
        if not _linked_only(paragraph, root):
            continue
        text = " ".join(paragraph.text_content().split())
        if len(text.split()) < PROSE_LINE_WORDS or not _SENTENCE_END.search(text):
            continue
        if _set_as_a_teaser(paragraph) or not _beside_prose(paragraph):
            continue
        paragraph[0].drop_tag()
        unlinked += 1
    return unlinked


def _linked_only(paragraph, root) -> bool:
    """Still in the page, and still one link with no text of its own beside it."""
    if (
        len(paragraph) != 1
        or paragraph[0].tag != "a"
        or paragraph.getroottree().getroot() is not root
    ):
        return False
    return not (paragraph.text or "").strip() and not (paragraph[0].tail or "").strip()


_TEASER_CLASS = re.compile(r"interstitial|related|promo|recirc|teaser|read-?more|more-?on", re.I)


def _set_as_a_teaser(paragraph) -> bool:
    """Another story's headline set between paragraphs: the template names it (The
    Washington Post's "interstitial" link), or the link's whole text is bold, as a
    headline is ("<a><b>Tech giants want power plants. Regulators aren't sure.</b></a>")."""
    link = paragraph[0]
    marks = f"{paragraph.get('class', '')} {link.get('class', '')} {paragraph.get('data-qa', '')}"
    if _TEASER_CLASS.search(marks):
        return True
    text = " ".join(link.text_content().split())
    return any(" ".join(bold.text_content().split()) == text for bold in link.iter("b", "strong"))


def _beside_prose(paragraph) -> bool:
    """A prose paragraph right before it, mostly not links: the story's body, not a list
    of linked teasers set as paragraphs."""
    previous = paragraph.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    if previous is None or previous.tag != "p":
        return False
    words = len(previous.text_content().split())
    linked = sum(len(link.text_content().split()) for link in previous.iter("a"))
    return words >= PROSE_LINE_WORDS and linked * 2 < words
