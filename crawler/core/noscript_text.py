"""Paragraphs a page serves only inside `<noscript>`.

A lazy-loading template prints some of a story's paragraphs for its script (in a data
attribute, or fetched later) and, for readers without JavaScript, inside `<noscript>`.
A crawler runs no script, so the noscript copy is the only text there is; trafilatura
drops every `<noscript>` (it holds tracking pixels, "enable JavaScript" notes and the
images a lazy loader swaps in), and those paragraphs were lost (audit 21: four of a
story's seven paragraphs). A noscript is unwrapped only when it holds prose, sits among
the body's prose paragraphs, says nothing about JavaScript, and its text is not printed
outside it too (a fallback copy of a paragraph shown anyway would be read twice).

An app shell serves the whole story so: a noscript holding a story's paragraphs on a page
that prints at most a dek of its own (crawler.core.app_shells; audit 43: the record was
`no_text`). That noscript is unwrapped too.
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.core.app_shells import holds_the_whole_story
from crawler.core.prose import PROSE_LINE_WORDS

_NOSCRIPTS = etree.XPath("//body//noscript")
_JAVASCRIPT_NOTE = re.compile(r"\bjavascript\b|\bjs\b|\benable\b.{0,30}\bbrowser\b", re.I)
MIN_BODY_PARAGRAPHS = 2  # prose paragraphs outside noscripts around it: the story's body
ANCESTOR_LEVELS = 3  # how far up the body's container is looked for


def show_noscript_paragraphs(tree, noscripts: list | None = None) -> int:
    """Unwrap the noscripts that hold a story's paragraphs; how many. `noscripts`: the
    page's, when the caller has them already."""
    shown = 0
    for noscript in _NOSCRIPTS(tree) if noscripts is None else noscripts:
        text = " ".join(noscript.text_content().split())
        if len(text.split()) < PROSE_LINE_WORDS or _JAVASCRIPT_NOTE.search(text):
            continue
        printed = _body_around(noscript)
        if printed is None and holds_the_whole_story(noscript):
            printed = set()
        if printed is None:
            continue
        inner = [" ".join(p.text_content().split()) for p in noscript.iter("p")] or [text]
        if any(paragraph in printed for paragraph in inner):
            continue  # a fallback copy of paragraphs the page prints anyway
        if noscript.getparent().tag == "p" or any(child.tag == "p" for child in noscript):
            noscript.drop_tag()
        else:  # bare text: a paragraph of its own, as the script would have set it
            noscript.tag = "p"
        shown += 1
    return shown


def _body_around(noscript) -> set[str] | None:
    """The prose paragraphs of the nearest ancestor (within ANCESTOR_LEVELS) that holds
    MIN_BODY_PARAGRAPHS of them outside noscripts: the article's body, not a header's or a
    footer's; None when there is none."""
    element = noscript.getparent()
    for _ in range(ANCESTOR_LEVELS):
        if element is None or element.tag in ("body", "html"):
            return None
        printed = _printed_outside_noscripts(element)
        if len(printed) >= MIN_BODY_PARAGRAPHS:
            return printed
        element = element.getparent()
    return None


# descendant::, not .//, as crawler.core.bylines' _TEXTS: 0.7 of the time.
_TEXT_OUTSIDE_NOSCRIPTS = etree.XPath("descendant::text()[not(ancestor::noscript)]")


def _printed_outside_noscripts(element) -> set[str]:
    """The prose paragraphs of `element` as a reader without JavaScript sees them printed
    anyway: their text outside any noscript."""
    texts = set()
    for paragraph in element.iter("p"):
        if any(ancestor.tag == "noscript" for ancestor in paragraph.iterancestors()):
            continue
        text = " ".join("".join(_TEXT_OUTSIDE_NOSCRIPTS(paragraph)).split())
        if len(text.split()) >= PROSE_LINE_WORDS:
            texts.add(text)
    return texts
