"""Permalink anchors in headings: "<h2><a href="#setup"><svg/></a>Setup</h2>".

Markdown-rendered pages (blogs on GitHub-style renderers, Hugo, Docusaurus, MkDocs, the
Hugging Face blog) give every heading a link to itself, an icon or a "#" / "¶" shown on
hover. trafilatura's precision mode takes a short heading whose only link has no text for
a link-farm fragment (its link density test counts no link text at all as "all links")
and deletes it, so the article lost every subheading. The anchor is not text a reader
reads: it is removed, its tail kept.
"""

from __future__ import annotations

# The glyphs such an anchor shows, if it shows any.
PERMALINK_GLYPHS = frozenset({"", "#", "¶", "§", "🔗", "link", "permalink", "anchor"})
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def drop_heading_permalinks(tree) -> int:
    """Remove in-page anchors that carry no heading text; how many there were."""
    anchors = [
        anchor
        for heading in tree.iter(*HEADINGS)
        for anchor in heading.iter("a")
        if (anchor.get("href") or "").strip().startswith("#")
        and anchor.text_content().strip().casefold() in PERMALINK_GLYPHS
    ]
    for anchor in anchors:
        anchor.drop_tree()
    return len(anchors)
