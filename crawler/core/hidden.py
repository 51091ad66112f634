"""Elements the page marks as not rendered: the HTML `hidden` attribute.

A browser shows nothing of an element with `hidden` (the "Thank you for registering" note a
sign-up box swaps in, a modal's text). trafilatura drops `display:none` styles and
`aria-hidden`, not this attribute, so its text came out as the article's.
`hidden="until-found"` is a collapsed section the reader can open and find-in-page
searches: it stays.

A `<template>` is never rendered either: it holds markup a script clones (a share bar, a
comment, the next story's card). lxml parses its content as ordinary children, so its
paragraphs came out in the middle of the article.
"""

from __future__ import annotations

from lxml import etree

_HIDDEN = etree.XPath(
    "//body//*[@hidden][not(translate(@hidden, 'UNTILFOD', 'untilfod') = 'until-found')]"
    " | //body//template"
)


def drop_hidden(tree) -> int:
    """Remove elements marked `hidden`, and templates (their tails stay); how many there were."""
    found = _HIDDEN(tree)
    for element in found:
        if element.getparent() is not None:
            element.drop_tree()
    return len(found)
