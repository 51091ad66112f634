"""List items an extraction left out from between the article's paragraphs.

trafilatura's fast run has no second opinion: when its own extractor drops an article's
lists and subheadings (link-heavy lists, "follow us at" accounts, lists of officials)
and keeps its paragraphs, the text does not look short, and the lost part never shows as
missing prose, because list items are asides to the gap finder (story highlights, comment
threads). Between the first and the last paragraph the text kept, inside the article's
container, a list is the article's own; its items missing from the text are words the
fast run lost, and the full run (which compares with readability and justext) is asked.
"""

from __future__ import annotations

from crawler.core.prose import ASIDE_NAMES, ProseNode, is_aside, text_key


def missing_list_words(
    local: list[ProseNode], kept: list[int], flat: str, container, lines: frozenset[str]
) -> int:
    """Words of the list items between the first and last kept paragraph that the text
    lacks (missing_list_items)."""
    return sum(item.words for item in missing_list_items(local, kept, flat, container, lines))


def missing_list_items(
    local: list[ProseNode], kept: list[int], flat: str, container, lines: frozenset[str]
) -> list[ProseNode]:
    """The list items between the first and last kept paragraph that the text lacks
    (innermost items only; items inside asides other than the list do not count).
    A kept paragraph is a kept prose node, or a paragraph or heading that is a whole line
    of the text however short ("Each councillor keeps an account:")."""
    owners = {id(local[index].ancestors[-1]) for index in kept}
    missing: list[ProseNode] = []
    started, pending = False, []
    for element in container.iter():
        if id(element) in owners or (element.tag in LINE_TAGS and _is_line(element, lines)):
            started, missing, pending = True, missing + pending, []
        elif started and element.tag == "li" and element.find(".//li") is None:
            item = _missing_item(element, flat, container)
            pending += [item] if item else []
    return missing


LINE_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd"})


def _is_line(element, lines: frozenset[str]) -> bool:
    return text_key(element.text_content()) in lines


def _missing_item(item, flat: str, container) -> ProseNode | None:
    key = text_key(item.text_content())
    if not key or key in flat:
        return None
    below = [item]  # the item and its ancestors up to the container
    for ancestor in item.iterancestors():
        if ancestor is container:
            break
        below.append(ancestor)
    # The list's own tags are what the gap finder calls asides; their names still count.
    path = (container, *(element for element in reversed(below) if element.tag not in LISTS))
    if is_aside(path, container) or any(ASIDE_NAMES.search(_names(e)) for e in below):
        return None
    root_down = (*reversed(list(container.iterancestors())), container, *reversed(below))
    return ProseNode(key, key.count(" ") + 1, root_down)


def is_link_text(item: ProseNode) -> bool:
    """An item that is mostly a link's text: a related story or a menu entry, not a
    point of the article's own."""
    element = item.ancestors[-1]
    linked = sum(len(text_key(a.text_content())) for a in element.iter("a"))
    return linked > 0.5 * len(item.key)


LISTS = frozenset({"ul", "ol", "li"})


def _names(element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"
