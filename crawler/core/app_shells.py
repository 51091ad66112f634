"""Does an app shell's inert container hold the whole story?

An app shell prints little of its own and keeps its story where a script picks it up: a
plain `<template>` it clones (crawler.core.templates) or a `<noscript>` for readers without
JavaScript (crawler.core.noscript_text). Both are inert to extractors, and both also hold
text that is no story (comment cards, "enable JavaScript" notes). One rule for both: the
container holds MIN_STORY_PARAGRAPHS prose paragraphs and the page prints fewer of its own
(a dek at most), not counting its header's, footer's, nav's and asides' furniture (audit 43).
"""

from __future__ import annotations

from lxml import etree

from crawler.core.prose import is_prose

MIN_STORY_PARAGRAPHS = 2
# The page's own paragraphs: not a footer's copyright line, a header's or an aside's.
_PRINTED_PARAGRAPHS = etree.XPath(
    "//body//p[not(ancestor::template or ancestor::noscript or ancestor::footer"
    " or ancestor::header or ancestor::nav or ancestor::aside)]"
)


def holds_the_whole_story(container) -> bool:
    """The container holds a story's paragraphs and the page prints fewer of its own (a dek
    at most): a template of an article page's comments or cards stays inert."""
    if sum(map(is_prose, container.iter("p"))) < MIN_STORY_PARAGRAPHS:
        return False
    printed = sum(map(is_prose, _PRINTED_PARAGRAPHS(container.getroottree())))
    return printed < MIN_STORY_PARAGRAPHS
