"""Paragraphs precision mode drops from inside the article, taken back from the recall run.

trafilatura's precision mode sometimes drops a paragraph from the top or the middle of an
article: text that is the tail of an inline element or of an empty div, a lead paragraph
in an odd wrapper, a subheading. The article's own container still holds that text. So, on
the parsed tree (trafilatura prunes only its own copy), we note every prose text node (12+
words) with its ancestors; after the precision run, the container is the deepest element
holding most of the prose words the precision text kept, and the prose nodes in it that
the text lacks are gaps. Gaps after the last kept paragraph, and gaps inside captions,
galleries, comments, bylines, widgets or list items, do not count: precision mode drops
those on purpose. Only a page with gaps pays for the recall run, and of its text we take
only the lines that carry a gap, each placed after the kept line the recall text has
before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

PROSE_LINE_WORDS = 12  # a line or text node this long reads as prose, not navigation
CONTAINER_SHARE = 0.8  # the container holds at least this share of the kept prose words
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
    key: str  # the text, whitespace-normalized
    words: int
    ancestors: tuple  # elements from the root down to the element the text belongs to


def prose_nodes(tree: lxml_html.HtmlElement) -> list[ProseNode]:
    """Long text nodes (paragraphs, <br>-separated blocks) in document order.

    libxml2 finds the candidates, text nodes long enough to hold PROSE_LINE_WORDS words,
    so Python looks at a few dozen strings instead of visiting every element. A text node
    belongs to its element (its .text) or to the element around it (a .tail). No
    recursion: hostile pages nest elements deeper than Python's stack.
    """
    found: list[ProseNode] = []
    for text in _LONG_TEXTS(tree):
        words = text.split()
        if len(words) < PROSE_LINE_WORDS:
            continue
        owner = text.getparent() if text.is_text else text.getparent().getparent()
        if owner is None:  # the tail of the root element: outside the document
            continue
        ancestors = [owner, *owner.iterancestors()]
        if any(element.tag in SKIP_TAGS for element in ancestors):
            continue
        ancestors.reverse()
        found.append(ProseNode(" ".join(words), len(words), tuple(_from(tree, ancestors))))
    return found


# A paragraph with links or emphasis in it is several text nodes, none of them long: "No one
# was hurt. The port said the cranes <a>stopped safely</a> and containers were lowered by
# hand." It is prose all the same, read whole: an element of inline content only.
_INLINE = (
    "self::a or self::b or self::i or self::em or self::strong or self::span or self::sup"
    " or self::sub or self::code or self::small or self::mark or self::abbr or self::q"
    " or self::cite or self::time or self::u or self::s or self::font or self::br"
)
# [1]: libxml2 stops at the first block child; the length last, as it reads the subtree.
_PARAGRAPHS = etree.XPath(
    "descendant-or-self::*[self::p or self::div or self::blockquote or self::dd or self::td]"
    f"[*][not(*[not({_INLINE})][1])]"
    f"[string-length(normalize-space()) >= {2 * PROSE_LINE_WORDS - 1}]"
)
_OWN_TEXTS = etree.XPath(".//text()")


def _with_linked_paragraphs(nodes: list[ProseNode], wrapper) -> list[ProseNode]:
    linked = _linked_paragraphs(wrapper)
    if not linked:
        return nodes
    order = {id(element): index for index, element in enumerate(wrapper.iter())}
    return sorted(nodes + linked, key=lambda node: order.get(id(node.ancestors[-1]), -1))


def _linked_paragraphs(tree) -> list[ProseNode]:
    found = []
    for element in _PARAGRAPHS(tree):
        words = element.text_content().split()
        if len(words) < PROSE_LINE_WORDS:
            continue
        if any(len(piece.split()) >= PROSE_LINE_WORDS for piece in _OWN_TEXTS(element)):
            continue  # a long text node of it is a prose node already
        ancestors = [element, *element.iterancestors()]
        if any(ancestor.tag in SKIP_TAGS for ancestor in ancestors):
            continue
        ancestors.reverse()
        found.append(ProseNode(" ".join(words), len(words), tuple(ancestors)))
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


def find_gaps(nodes: list[ProseNode], text: str) -> list[ProseNode]:
    """Prose nodes inside the kept text's container, before its last kept node, that the
    text lacks and that are not captions, comments, lists or other asides; and missing
    look-alikes of the kept prose (_lookalikes)."""
    view = _view(nodes, text)
    if view is None:
        return []
    local, kept, flat, container = view
    inside = [
        node
        for node in local[: kept[-1]]
        if node.key not in flat and container in node.ancestors and not _aside(node, container)
    ]
    return inside + _lookalikes(local, kept, flat, container, inside)


MIN_TAIL_PARAGRAPHS, MIN_TAIL_WORDS = 2, 40


def missing_lookalikes(nodes: list[ProseNode], text: str) -> list[ProseNode]:
    """Prose shaped like the kept prose, in the article's wrapper, that the text lacks."""
    view = _view(nodes, text)
    return _lookalikes(*view, []) if view else []


def _view(nodes: list[ProseNode], text: str):
    """(prose of the article's wrapper with its linked paragraphs, indices of the kept
    ones, the text flattened, the container), or None when the text keeps no prose.

    Linked paragraphs are looked for inside the wrapper only (the container's parent), a
    fraction of the page; when no text node of the page is kept, in the whole page."""
    flat = " ".join(text.split())
    kept_nodes = [node for node in nodes if node.key in flat]
    if kept_nodes:
        wrapper = _wrapper(_container(kept_nodes))
        local = [node for node in nodes if wrapper in node.ancestors]
    elif nodes:
        wrapper, local = nodes[0].ancestors[0], list(nodes)
    else:
        return None
    local = _with_linked_paragraphs(local, wrapper)
    kept = [index for index, node in enumerate(local) if node.key in flat]
    if not kept:
        return None
    container = _container([local[index] for index in kept])
    return local, kept, flat, container


def _wrapper(container):
    """The container's parent, the article's wrapper: a body split into blocks between ads
    has them as siblings."""
    parent = container.getparent()
    return container if parent is None or parent.tag in ("body", "html") else parent


def _lookalikes(nodes, kept, flat, container, known) -> list[ProseNode]:
    """Prose the article's wrapper holds in the same kind of element as the kept prose
    (the same tag, inside the same tag with the same class), before or after the kept
    text: the rest of an article cut short, a brief's other paragraphs."""
    article = _wrapper(container)
    shapes = {_shape(nodes[index]) for index in kept}
    found = [
        (index, node)
        for index, node in enumerate(nodes)
        if node not in known
        and node.key not in flat
        and article in node.ancestors
        and _shape(node) in shapes
        and not _aside(node, article)
    ]
    before = [node for index, node in found if index < kept[-1]]
    after = [node for index, node in found if index > kept[-1]]
    # After the kept text, one paragraph is as often the writer's bio as the article's end;
    # several, with as many words as a recall run must add, are the rest of the article.
    if len(after) < MIN_TAIL_PARAGRAPHS or sum(n.words for n in after) < MIN_TAIL_WORDS:
        after = []
    return before + after


def _shape(node: ProseNode) -> tuple:
    owner = node.ancestors[-1]
    parent = node.ancestors[-2] if len(node.ancestors) > 1 else None
    if parent is None:
        return (owner.tag,)
    return (owner.tag, parent.tag, parent.get("class") or "")


def _container(kept: list[ProseNode]):
    """The deepest element holding CONTAINER_SHARE of the kept prose words."""
    weights: dict[int, int] = {}
    for node in kept:
        for element in node.ancestors:
            weights[id(element)] = weights.get(id(element), 0) + node.words
    need = CONTAINER_SHARE * sum(node.words for node in kept)
    # Heavy elements hold most of the words, so they form one chain from the root.
    deepest, depth = kept[0].ancestors[0], 0
    for node in kept:
        for level, element in enumerate(node.ancestors):
            if weights[id(element)] < need:
                break
            if level > depth:
                deepest, depth = element, level
    return deepest


def _aside(node: ProseNode, container) -> bool:
    below = node.ancestors[node.ancestors.index(container) + 1 :]
    return any(
        element.tag in ASIDE_TAGS
        or ASIDE_NAMES.search(f"{element.get('class') or ''} {element.get('id') or ''}")
        for element in below
    )


def fill_gaps(precise: str, recall: str, gaps: list[ProseNode]) -> tuple[str, int]:
    """The precision text plus the recall lines that carry a gap; and how many were added.

    A recall line that starts or ends with a precision line (precision mode kept only part
    of the paragraph) replaces it.
    """
    lines = precise.split("\n")
    keys = [" ".join(line.split()) for line in lines]
    added = 0
    anchor = -1  # the index in `lines` the next recovered line goes after
    for line in recall.split("\n"):
        key = " ".join(line.split())
        if not key:
            continue
        if key in keys:
            anchor = keys.index(key)
            continue
        if not any(gap.key in key for gap in gaps):
            continue
        partial = [
            i
            for i, k in enumerate(keys)
            if len(k.split()) >= 3 and (key.startswith(k) or key.endswith(k))
        ]
        if partial:
            anchor = partial[0]
            lines[anchor], keys[anchor] = line, key
        else:
            anchor += 1
            lines.insert(anchor, line)
            keys.insert(anchor, key)
        added += 1
    return "\n".join(lines), added
