"""Author bio boxes the template names: `<div class="a_bio">`, `author-bio`, `about-the-author`,
or marks as the writer's card with a description (schema.org's Person, as `itemprop="author"`).

A box after the article tells the reader who wrote it ("Reporter covering technology
regulation … She joined in 2019"); trafilatura drops many such boxes by their class, but
not every template's ("a_bio", "c-bio"), and the bio then reads as the article's last
paragraph. A bio set as a plain paragraph stays: Dragnet's and Readability's golds keep
those, and only the template's own name for the box says what it is. At most
MAX_BIO_WORDS, and never a box that holds the headline: that is the article.
"""

from __future__ import annotations

import re

MAX_BIO_WORDS = 150
BIO_CLASS = re.compile(
    r"(^|[\s_-])(author-?bio|bio|biography|about-?the-?author)([\s_-]|$)", re.IGNORECASE
)


def drop_bio_boxes(tree) -> int:
    """Remove boxes classed as an author's bio (their tails stay); how many there were."""
    found = [
        element
        for element in tree.iter("div", "section", "aside", "p")
        if (_named_bio(element.get("class")) or _author_card(element))
        and element.find(".//h1") is None
        and len(element.text_content().split()) <= MAX_BIO_WORDS
    ]
    marked = set(found)
    outermost = [e for e in found if not any(a in marked for a in e.iterancestors())]
    for element in outermost:
        element.drop_tree()
    return len(outermost)


def _author_card(element) -> bool:
    """The writer's card in microdata, with a description: `<div itemprop="author"
    itemscope itemtype="http://schema.org/Person">` around a name and a paragraph about
    them (WordPress's Simple Author Box: audit 30). A byline so marked holds a name only."""
    if element.get("itemprop") != "author" or "Person" not in (element.get("itemtype") or ""):
        return False
    return any(len(p.text_content().split()) >= MIN_DESCRIPTION_WORDS for p in element.iter("p"))


MIN_DESCRIPTION_WORDS = 8


def _named_bio(name: str | None) -> bool:
    if not name:
        return False
    folded = name.lower()  # a cheap test first: most classes hold neither word
    return ("bio" in folded or "author" in folded) and bool(BIO_CLASS.search(name))
