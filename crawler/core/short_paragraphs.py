"""Short paragraphs precision mode drops from between two paragraphs it kept.

A one-line paragraph ("He stood firm.", "Why?", "That was all.") has too few words to be a
prose node (crawler.core.prose), so crawler.core.gaps never misses it. trafilatura's
precision and default modes drop such lines from bodies laid out as a div per paragraph
(docs/upstream.md); its recall mode keeps them. A short element is a gap when it reads as
a sentence (it ends in . ? ! or an ellipsis, maybe inside quotes or brackets), is not
a link or an aside, is shaped like a kept paragraph (the same tag, inside the same tag
with the same class) and sits between two kept paragraphs with no other prose between: a
run of the article's paragraphs, not a label, a credit or a button between blocks.
"""

from __future__ import annotations

import re

from crawler.core.prose import (
    INLINE_TAGS,
    PROSE_LINE_WORDS,
    ProseNode,
    is_aside,
    shape,
    text_key,
)

_SENTENCE_END = re.compile(r"\w\W*[.?!…][\"'”’»)\]]*$")


def short_gaps(local: list[ProseNode], kept: list[int], flat: str, container) -> list[ProseNode]:
    """Short sentences between two kept paragraphs that the text lacks, shaped like one."""
    owners = {id(node.ancestors[-1]): node for node in local if container in node.ancestors}
    kept_owners = {id(local[index].ancestors[-1]) for index in kept}
    shapes = {shape(local[index].ancestors[-1]) for index in kept}
    tags = {node.ancestors[-1].tag for node in owners.values()}
    found, after_kept, pending = [], False, []
    for element in container.iter(*tags):
        if id(element) in owners:
            after_kept = id(element) in kept_owners
            found += pending if after_kept else []
            pending = []
        elif after_kept and shape(element) in shapes:
            node = _short_sentence(element, flat, container)
            # a span alone in its div is the same line as the div
            if node and not (pending and pending[-1].ancestors[-1] in node.ancestors):
                pending.append(node)
    return found


def _short_sentence(element, flat: str, container) -> ProseNode | None:
    if any(child.tag not in INLINE_TAGS for child in element.iterdescendants()):
        return None
    key = text_key(element.text_content())
    words = key.count(" ") + 1
    if not key or words >= PROSE_LINE_WORDS or key in flat or not _SENTENCE_END.search(key):
        return None
    links = "".join(a.text_content() for a in element.iter("a"))
    if links and text_key(links) == key:
        return None
    ancestors = [element, *element.iterancestors()]
    ancestors.reverse()
    if is_aside(ancestors, container):
        return None
    return ProseNode(key, words, tuple(ancestors))
