"""Permalink anchors in headings: "<h2><a href="#setup"><svg/></a>Setup</h2>".

Markdown-rendered pages (blogs on GitHub-style renderers, Hugo, Docusaurus, MkDocs, the
Hugging Face blog) give every heading a link to itself, an icon or a "#" / "¶" shown on
hover. trafilatura's precision mode takes a short heading whose only link has no text for
a link-farm fragment (its link density test counts no link text at all as "all links")
and deletes it, so the article lost every subheading. The anchor is not text a reader
reads: it is removed, its tail kept.
"""

from __future__ import annotations

from lxml import etree

# The glyphs such an anchor shows, if it shows any.
PERMALINK_GLYPHS = frozenset({"", "#", "¶", "§", "🔗", "link", "permalink", "anchor"})
_SELF_LINKS = etree.XPath(
    "//body//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
    "//a[starts-with(normalize-space(@href), '#')]"
)


def drop_heading_permalinks(tree) -> int:
    """Remove in-page anchors that carry no heading text; how many there were."""
    dropped = 0
    for anchor in _SELF_LINKS(tree):
        if anchor.text_content().strip().casefold() in PERMALINK_GLYPHS:
            anchor.drop_tree()
            dropped += 1
    return dropped
