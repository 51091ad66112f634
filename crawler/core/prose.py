"""The prose a parsed page visibly holds: long text nodes and inline-only paragraphs, each
with its ancestors, so crawler.core.gaps can tell which ones an extraction kept.

Texts are compared by key (text_key): whitespace runs as one space, and characters that
print nothing (zero-width spaces, bidi marks, soft hyphens) dropped, as trafilatura drops
them from its output; a key with them left in never matches the extracted line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

PROSE_LINE_WORDS = 12  # a line or text node this long reads as prose, not navigation
SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})
# What precision mode rightly drops from inside an article: links, lists (story highlights,
# comment threads), figures and their captions, asides; and, by class or id, captions,
# galleries, reader comments, bylines and author bios, widgets, share and related boxes.
ASIDE_TAGS = frozenset(
    {"a", "li", "figure", "figcaption", "cite", "aside", "nav", "footer", "form", "button"}
)
ASIDE_NAMES = re.compile(
    r"caption|comment|gallery|slide|byline|author|\bbio|widget|share|social|related|sidebar"
    r"|promo|newsletter|subscribe",
    re.IGNORECASE,
)


@dataclass(frozen=True, eq=False)
class ProseNode:
    key: str  # the text as text_key gives it
    words: int
    ancestors: tuple  # elements from the root down to the element the text belongs to


def is_prose(paragraph) -> bool:
    """An element whose text runs to a prose line (PROSE_LINE_WORDS words)."""
    return len(paragraph.text_content().split()) >= PROSE_LINE_WORDS


def text_owner(text):
    """The element a text node (an XPath text() result) reads as part of: its element for
    a .text, the element around it for a .tail (None past the root)."""
    return text.getparent() if text.is_text else text.getparent().getparent()


def text_before(element) -> str:
    """The text right before the element within its parent: the tail of its previous
    sibling, or the parent's own text when it comes first."""
    previous, parent = element.getprevious(), element.getparent()
    if previous is not None:
        return previous.tail or ""
    return (parent.text if parent is not None else None) or ""


def text_key(text: str) -> str:
    """Text as compared with an extraction's lines: NFC, whitespace runs as one space, and
    no character that prints nothing (trafilatura drops them: crawler.core.gaps)."""
    key = " ".join(text.split())  # first, in C: newlines and tabs do not print either
    if not key.isprintable():
        key = " ".join("".join(c for c in key if c.isprintable() or c.isspace()).split())
    if not key.isascii() and not unicodedata.is_normalized("NFC", key):
        key = unicodedata.normalize("NFC", key)
    return key


def prose_nodes(tree: lxml_html.HtmlElement) -> list[ProseNode]:
    """Long text nodes (paragraphs, <br>-separated blocks) in document order.

    libxml2 finds the candidates, text nodes long enough to hold PROSE_LINE_WORDS words,
    so Python looks at a few dozen strings instead of visiting every element. A text node
    belongs to its element (its .text) or to the element around it (a .tail). No
    recursion: hostile pages nest elements deeper than Python's stack.
    """
    found: list[ProseNode] = []
    for text in _LONG_TEXTS(tree):
        key = text_key(text)
        words = key.count(" ") + 1
        if words < PROSE_LINE_WORDS:
            continue
        owner = text_owner(text)
        if owner is None:  # the tail of the root element: outside the document
            continue
        ancestors = [owner, *owner.iterancestors()]
        if any(element.tag in SKIP_TAGS for element in ancestors):
            continue
        ancestors.reverse()
        found.append(ProseNode(key, words, tuple(_from(tree, ancestors))))
    return found


# A paragraph with links or emphasis in it is several text nodes, none of them long: "No one
# was hurt. The port said the cranes <a>stopped safely</a> and containers were lowered by
# hand." It is prose all the same, read whole: an element of inline content only.
_INLINE_ORDER = ("a", "b", "i", "em", "strong", "span", "sup", "sub", "code", "small", "mark")
_INLINE_ORDER += ("abbr", "q", "cite", "time", "u", "s", "font", "br")
INLINE_TAGS = frozenset(_INLINE_ORDER)
_INLINE = " or ".join(f"self::{tag}" for tag in _INLINE_ORDER)
# [1]: libxml2 stops at the first block child; the length last, as it reads the subtree.
# The tags as a union of name tests, not descendant-or-self::*[self::p or …], five tests
# on every element (0.9 -> 0.6 ms a page); a union comes in document order.
_PARAGRAPHS = etree.XPath(
    "(descendant-or-self::p | descendant-or-self::div | descendant-or-self::blockquote"
    " | descendant-or-self::dd | descendant-or-self::td)"
    f"[*][not(*[not({_INLINE})][1])]"
    f"[string-length(normalize-space()) >= {2 * PROSE_LINE_WORDS - 1}]"
)
_OWN_TEXTS = etree.XPath(".//text()")


def with_linked_paragraphs(nodes: list[ProseNode], wrapper) -> list[ProseNode]:
    linked = _linked_paragraphs(wrapper)
    if not linked:
        return nodes
    order = {id(element): index for index, element in enumerate(wrapper.iter())}
    return sorted(nodes + linked, key=lambda node: order.get(id(node.ancestors[-1]), -1))


def _linked_paragraphs(tree) -> list[ProseNode]:
    found = []
    for element in _PARAGRAPHS(tree):
        key = text_key(element.text_content())
        words = key.count(" ") + 1
        if words < PROSE_LINE_WORDS:
            continue
        if any(len(piece.split()) >= PROSE_LINE_WORDS for piece in _OWN_TEXTS(element)):
            continue  # a long text node of it is a prose node already
        ancestors = [element, *element.iterancestors()]
        if any(ancestor.tag in SKIP_TAGS for ancestor in ancestors):
            continue
        ancestors.reverse()
        found.append(ProseNode(key, words, tuple(ancestors)))
    return found


# Twelve words and eleven spaces are at least 23 characters; script and style text, the
# longest on most pages, is left out here already (SKIP_TAGS ancestors further up, below).
_LONG_TEXTS = etree.XPath(
    f"descendant-or-self::text()[string-length() >= {2 * PROSE_LINE_WORDS - 1}]"
    "[not(parent::script or parent::style)]"
)


def _from(tree, ancestors: list) -> list:
    """The ancestors from `tree` down: the same list when `tree` is the root."""
    if ancestors[0] is tree:
        return ancestors
    return ancestors[ancestors.index(tree) :]


def shape(element) -> tuple:
    """What a paragraph is made of: its tag, and its parent's tag and class."""
    parent = element.getparent()
    if parent is None:
        return (element.tag,)
    return (element.tag, parent.tag, parent.get("class") or "")


def is_aside(ancestors, container) -> bool:
    """True when an element below `container` on the path `ancestors` is a link, a list
    item, a caption or another aside (ASIDE_TAGS, ASIDE_NAMES)."""
    below = ancestors[ancestors.index(container) + 1 :]
    return any(
        element.tag in ASIDE_TAGS
        or ASIDE_NAMES.search(f"{element.get('class') or ''} {element.get('id') or ''}")
        for element in below
    )
