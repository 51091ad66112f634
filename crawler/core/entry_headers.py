"""Headings set in a `<header>` inside the article: a live blog's entry titles, a section's.

trafilatura's precision mode deletes every `<header>` (it is where a site keeps its logo and
menus), and its recall mode often keeps the header's time stamp and byline with it. HTML5
articles put a heading there too: each live-blog entry opens with `<header>` holding its time,
its title and its writer, and a `<section>` may open with `<header><h2>`. Those titles are
the article's subheadings, and the reader sees them.

A header nested in an `<article>` or `<section>`, without the page's `<h1>`, is replaced by its
headings (h2-h6), each of at most MAX_HEADING_WORDS and not a link: a teaser card's headline
is a link to another story, and those cards are not the article. The header's other content
(times, bylines, share buttons) goes with it, as precision mode would have it. Entries and
sections come in numbers: a page with a single such header (the article's own, holding a
dek and the byline the metadata is read from) is left alone.
"""

from __future__ import annotations

from lxml import etree

MAX_HEADING_WORDS = 20
MIN_HEADERS = 2
_NESTED_HEADERS = etree.XPath(
    "//header[ancestor::article or ancestor::section][not(ancestor::header)][not(.//h1)]"
    "[.//h2 or .//h3 or .//h4 or .//h5 or .//h6]"
)
_HEADINGS = etree.XPath(".//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6]")


def keep_entry_headings(tree) -> int:
    """Replace nested headers by their own headings; how many headers were replaced."""
    found = []
    for header in _NESTED_HEADERS(tree):
        headings = [h for h in _HEADINGS(header) if _is_entry_heading(h)]
        if headings and header.getparent() is not None:
            found.append((header, headings))
    if len(found) < MIN_HEADERS:
        return 0
    # Headers inside headers are not selected, so each one still has its parent here.
    for header, headings in found:
        parent = header.getparent()
        position = parent.index(header)
        tail = header.tail
        for heading in headings:
            heading.getparent().remove(heading)
            heading.tail = None
        parent.remove(header)
        for offset, heading in enumerate(headings):
            parent.insert(position + offset, heading)
        headings[-1].tail = tail
    return len(found)


def _is_entry_heading(heading) -> bool:
    text = heading.text_content().strip()
    if not text or len(text.split()) > MAX_HEADING_WORDS:
        return False
    linked = "".join(a.text_content() for a in heading.iter("a")).strip()
    return len(linked) < 0.5 * len(text)
