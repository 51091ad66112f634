"""`<template>` content a browser shows without the page's own scripts.

Three kinds of a page's text sit in `<template>`s, which HTML parsers keep and extractors
drop as inert (audit 43):

- a declarative shadow root, `<sw-article-body><template shadowrootmode="open"><p>…`: the
  browser renders it in place, as the element's content, with no script at all. Its
  content is unwrapped where it stands;
- a streamed boundary of React's server rendering (Next.js's App Router): the paragraphs
  that were ready later come at the end of the document as `<div hidden id="S:0">`, and
  React's inline `$RC("B:0", "S:0")` moves them into the `<template id="B:0">` left where
  they belong. The segment is moved there and shown; without it the article ended where
  the server paused;
- an app shell's story, a plain `<template>` a script clones into an empty container: the
  page prints at most one prose paragraph (a dek) outside its templates and noscripts, and
  the template holds two or more (crawler.core.app_shells). Unwrapped; the record was a
  `language_undetermined` reject (audit 43).
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.core.app_shells import holds_the_whole_story

_BOUNDARY = re.compile(r"B:\d{1,6}")
_BY_ID = etree.XPath("//*[@id = $id]")


def show_template_content(templates: list) -> int:
    """Unwrap shadow roots and fill React's streamed boundaries; how many."""
    shown = 0
    for template in templates:
        if template.getparent() is None:
            continue
        if template.get("shadowrootmode") is not None or template.get("shadowroot") is not None:
            template.drop_tag()
            shown += 1
        elif _BOUNDARY.fullmatch(template.get("id") or "") and _fill(template):
            shown += 1
        elif holds_the_whole_story(template):
            template.drop_tag()
            shown += 1
    return shown


def _fill(boundary) -> bool:
    """Move the hidden segment React streamed for this boundary into its place."""
    found = _BY_ID(boundary, id="S:" + boundary.get("id")[2:])
    segment = found[0] if found else None
    if segment is None or segment.get("hidden") is None:
        return False
    del segment.attrib["hidden"]
    tail, segment.tail = segment.tail, None
    previous, parent = segment.getprevious(), segment.getparent()
    boundary.addnext(segment)  # moves it, without its tail
    if tail:  # the text after the segment stays where it was
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    boundary.drop_tree()  # its tail stays
    return True
