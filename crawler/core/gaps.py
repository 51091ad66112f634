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

from crawler.core.chrome_patterns import EDGE_ONLY
from crawler.core.dropped_lists import is_link_text, missing_list_items, missing_list_words
from crawler.core.prose import (
    PROSE_LINE_WORDS,
    ProseNode,
    is_aside,
    shape,
    text_key,
    with_linked_paragraphs,
)
from crawler.core.short_paragraphs import short_gaps

AUTHOR_BIO = EDGE_ONLY["author_bio"]
CONTAINER_SHARE = 0.8  # the container holds at least this share of the kept prose words


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
        if node.key not in flat
        and container in node.ancestors
        and not is_aside(node.ancestors, container)
    ]
    lookalikes = _lookalikes(local, kept, flat, container, inside)
    return inside + lookalikes + short_gaps(local, kept, flat, container)


MIN_TAIL_PARAGRAPHS, MIN_TAIL_WORDS = 2, 40


def missing_words(nodes: list[ProseNode], text: str) -> int:
    """Words of the article the text lacks: prose shaped like the kept prose in the
    article's wrapper, and list items between the kept paragraphs (crawler.core.dropped_lists)."""
    view = _view(nodes, text)
    if view is None:
        return 0
    lines = frozenset(text_key(line) for line in text.split("\n"))
    lookalikes = sum(node.words for node in _lookalikes(*view, []))
    return lookalikes + missing_list_words(*view, lines)


def list_gaps(nodes: list[ProseNode], text: str) -> list[ProseNode]:
    """The list items between the kept paragraphs that the text lacks, less those that
    are mostly a link (a related story): points of the article that every run of
    precision mode dropped, for fill_gaps to take from the recall run."""
    view = _view(nodes, text)
    if view is None:
        return []
    lines = frozenset(text_key(line) for line in text.split("\n"))
    return [item for item in missing_list_items(*view, lines) if not is_link_text(item)]


def _view(nodes: list[ProseNode], text: str):
    """(prose of the article's wrapper with its linked paragraphs, indices of the kept
    ones, the text flattened, the container), or None when the text keeps no prose.

    Linked paragraphs are looked for inside the wrapper only (the container's parent), a
    fraction of the page; when no text node of the page is kept, in the whole page."""
    flat = text_key(text)
    kept_nodes = [node for node in nodes if node.key in flat]
    if kept_nodes:
        wrapper = _wrapper(_container(kept_nodes))
        local = [node for node in nodes if wrapper in node.ancestors]
    elif nodes:
        wrapper, local = nodes[0].ancestors[0], list(nodes)
    else:
        return None
    local = with_linked_paragraphs(local, wrapper)
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
    shapes = {shape(nodes[index].ancestors[-1]) for index in kept}
    found = [
        (index, node)
        for index, node in enumerate(nodes)
        if node not in known
        and node.key not in flat
        and article in node.ancestors
        and shape(node.ancestors[-1]) in shapes
        and not is_aside(node.ancestors, article)
    ]
    before = [node for index, node in found if index < kept[-1]]
    after = [node for index, node in found if index > kept[-1]]
    # After the kept text, several paragraphs with as many words as a recall run must add
    # are the rest of the article. One is its last paragraph, which precision mode drops
    # when it holds a link and sits in a wrapper of its own (a short div with a link at
    # the end of its parent reads as a link box), unless it reads as the writer's bio.
    if len(after) < MIN_TAIL_PARAGRAPHS or sum(n.words for n in after) < MIN_TAIL_WORDS:
        after = after if len(after) == 1 and not _reads_as_bio(after[0]) else []
    return before + after


def _reads_as_bio(node: ProseNode) -> bool:
    return any(pattern.search(node.key) for pattern in AUTHOR_BIO)


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


def _carries(line_key: str, gap: ProseNode) -> bool:
    """A recall line carries a prose gap inside it; a short gap only as the whole line,
    which for a list item is the line less its "- " marker."""
    if gap.words >= PROSE_LINE_WORDS:
        return gap.key in line_key
    return gap.key in (line_key, line_key.removeprefix("- "))


MAX_FILL_LINES = 5000


def fill_gaps(precise: str, recall: str, gaps: list[ProseNode]) -> tuple[str, int]:
    """The precision text plus the recall lines that carry a gap; and how many were added.

    A recall line that starts or ends with a precision line (precision mode kept only part
    of the paragraph) replaces it.
    """
    recall_lines = recall.split("\n")
    if len(recall_lines) > MAX_FILL_LINES or len(gaps) > MAX_FILL_LINES:
        # Each recall line is looked for among the text's lines and the gaps: 100,000
        # <br>-separated lines took 143 s. An article has a few hundred.
        return precise, 0
    lines = precise.split("\n")
    keys = [text_key(line) for line in lines]
    added = 0
    anchor = -1  # the index in `lines` the next recovered line goes after
    for line in recall_lines:
        key = text_key(line)
        if not key:
            continue
        if key in keys:
            anchor = keys.index(key)
            continue
        if not any(_carries(key, gap) for gap in gaps):
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
