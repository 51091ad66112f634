"""The article's sections: its text split at the headings trafilatura kept.

trafilatura turns h1-h6, `<summary>` and Yoast's FAQ questions into `<head>` elements and
writes each kept one as a line of its own; it adds no heading and drops the ones it
judges chrome. So a line of our text is a heading when it is the whole text of one of
those elements in the page. The page's tree is read rather than trafilatura's output
because the text may come from several of its runs (fast, full, recall, gaps filled) or
from JSON-LD; tests/test_sections.py checks the two readings agree on every test page.

Two kinds of heading element are not headings of the text: the standfirst (a dek set in
an h2 is article text, crawler.core.standfirst) and an "h2" holding a whole paragraph
(some themes style lead paragraphs so).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable

from lxml import html as lxml_html

from crawler.core.model import Section

HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "summary")
FAQ_QUESTION = "schema-faq-question"  # trafilatura's one heading that is not h1-h6
MAX_HEADING_WORDS = 20  # a longer "heading" is a paragraph in a heading's style


def line_key(text: str) -> str:
    """A heading's text as the cleaned text holds it: NFC, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def heading_texts(tree: lxml_html.HtmlElement, not_headings: Iterable[str] = ()) -> frozenset:
    """The texts of the page's heading elements, less `not_headings` (the standfirst)."""
    elements = [*tree.iter(*HEADING_TAGS)]
    elements += [el for el in tree.iter("strong") if FAQ_QUESTION in (el.get("class") or "")]
    texts = {line_key(el.text_content()) for el in elements}
    texts -= {line_key(text) for text in not_headings}
    return frozenset(t for t in texts if t and len(t.split()) <= MAX_HEADING_WORDS)


def split_sections(lines: list[str], headings: Collection[str]) -> list[Section]:
    """Each heading line starts a section; the lines before the first one are the lead
    (heading None). The sections hold exactly `lines`, in order."""
    sections: list[Section] = []
    for line in lines:
        if line in headings:
            sections.append(Section(heading=line, paragraphs=[]))
        elif sections:
            sections[-1].paragraphs.append(line)
        else:
            sections.append(Section(heading=None, paragraphs=[line]))
    return sections


def headings_of(sections: Iterable[Section] | None) -> frozenset[str]:
    """The heading lines of a record's sections (to split an edited text again)."""
    return frozenset(s.heading for s in sections or () if s.heading is not None)


def kept_headings(lines: list[str], removed: list[bool], headings: Collection[str]) -> list[bool]:
    """`removed` with the headings whose section keeps a line un-removed: a cleaning
    step may drop a section's heading only together with the whole section."""
    result = list(removed)
    for index, line in enumerate(lines):
        if not (removed[index] and line in headings):
            continue
        end = index + 1
        while end < len(lines) and lines[end] not in headings:
            end += 1
        if not all(removed[index + 1 : end]):
            result[index] = False
    return result
