"""Permalink anchors in headings: "<h2><a href="#setup"><svg/></a>Setup</h2>".

Markdown-rendered pages (blogs on GitHub-style renderers, Hugo, Docusaurus, MkDocs, the
Hugging Face blog) give every heading a link to itself, an icon or a "#" / "¶" shown on
hover. trafilatura's precision mode takes a short heading whose only link has no text for
a link-farm fragment (its link density test counts no link text at all as "all links")
and deletes it, so the article lost every subheading. The anchor is not text a reader
reads: it is removed, its tail kept.

Wikis set an edit link in every section heading ("Patterns[edit]", MediaWiki's
`mw-editsection`): a control, not a word of the heading, removed the same way.
"""

from __future__ import annotations

import re

# The glyphs such an anchor shows, if it shows any.
PERMALINK_GLYPHS = frozenset({"", "#", "¶", "§", "🔗", "link", "permalink", "anchor"})
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# MediaWiki's mw-editsection, DokuWiki's and others' edit-section marks.
_EDIT_SECTION = re.compile(r"edit-?section", re.IGNORECASE)


def drop_heading_permalinks(tree) -> int:
    """Remove in-page anchors that carry no heading text, and section edit links; how many
    there were."""
    controls = [
        element
        for heading in tree.iter(*HEADINGS)
        for element in heading.iter("a", "span")
        if is_permalink(element) or _edit_section(element)
    ]
    outermost = [element for element in controls if not _edit_section(element.getparent())]
    for element in outermost:
        element.drop_tree()
    return len(outermost)


def _edit_section(element) -> bool:
    return element is not None and bool(_EDIT_SECTION.search(element.get("class") or ""))


def is_permalink(anchor) -> bool:
    """An in-page link showing at most a permalink glyph: not a word of its heading."""
    return (
        anchor.tag == "a"
        and (anchor.get("href") or "").strip().startswith("#")
        and anchor.text_content().strip().casefold() in PERMALINK_GLYPHS
    )
