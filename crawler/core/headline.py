"""The headline the reader sees: the page's <h1> (or headline-marked heading) that agrees
with what its metadata says the title is.

Metadata titles are written for search engines and social cards ("13 Ways To …", "Headline
| Site", "Opinion | Headline (Published 2016)"); the visible heading is what the article
calls itself, and what a summarizer wants. A heading is trusted only when it agrees with a
metadata title (JSON-LD headline, og:title, twitter:title, the <title>): most of its words
are in it, or most of its words are in the heading. A site logo in an <h1>, a section label,
or a widget's heading ("More From …") does not agree, and is never the title.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

MAX_HEADINGS = 8
MAX_HEADING_CHARS = 300
MIN_AGREEMENT = 0.6  # share of the shorter one's words found in the other
_HEADLINE_MARK = re.compile(
    r"\b(headline|entry-title|post-title|article-title|story-title|article-headline)\b",
    re.IGNORECASE,
)
# Boxes of other articles: a heading in one is never this article's.
_WIDGET = re.compile(r"widget|sidebar|related|trending|popular|most-?read|more-?from|promo|teaser")
_SKIP = frozenset({"nav", "form", "aside", "footer", "button", "select"})
_WORD = re.compile(r"\w+")


def visible_headings(tree: lxml_html.HtmlElement) -> tuple[str, ...]:
    """Texts of the page's <h1> elements and of the h2/h3 marked as the headline (class or
    itemprop), in document order, outside navigation, forms, asides and widgets."""
    found: list[str] = []
    for node in tree.iter("h1", "h2", "h3"):  # by tag, in C
        if node.tag != "h1" and not _marked(node):
            continue
        if any(ancestor.tag in _SKIP or _widget(ancestor) for ancestor in node.iterancestors()):
            continue
        text = " ".join(node.text_content().split())
        if 1 < len(text) <= MAX_HEADING_CHARS and text not in found:
            found.append(text)
        if len(found) >= MAX_HEADINGS:
            break
    return tuple(found)


def _widget(element) -> bool:
    marks = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(_WIDGET.search(marks)) and element.find(".//h1") is None


def _marked(node) -> bool:
    return node.get("itemprop") == "headline" or bool(
        _HEADLINE_MARK.search(node.get("class") or "")
    )


def agrees(heading: str, title: str) -> bool:
    """True when the heading and the title name the same article: at least two shared
    words, and MIN_AGREEMENT of the shorter one's words in the other."""
    mine, theirs = _words(heading), _words(title)
    if not mine or not theirs:
        return False
    if mine == theirs:
        return True
    common = len(mine & theirs)
    return common >= 2 and common >= MIN_AGREEMENT * min(len(mine), len(theirs))


def _words(text: str) -> set[str]:
    """Lower-cased words, a plural "s" dropped, so "Millennials" meets "Millennial"."""
    words = (word.lower() for word in _WORD.findall(text))
    return {word[:-1] if len(word) > 3 and word.endswith("s") else word for word in words}
