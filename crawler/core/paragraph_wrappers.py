"""One wrapper per paragraph: Arc XP's `<div class="article-body"><p>…</p></div>`, repeated.

The Washington Post's template (Arc XP) and others wrap every paragraph of the story in a div
of its own, all with the body's class. trafilatura's first body XPath finds the first such
div, keeps its one paragraph, finds that too little and moves to the next XPath, the whole
`<article>`: the rest of the story follows, but so do the headline, the dek and the byline,
between the first paragraph and the second (docs/upstream.md). A run of at least
MIN_WRAPPERS sibling elements of one tag and class, each holding one paragraph and nothing
else, is unwrapped (with the siblings of that kind that hold a subhead or a list instead):
the paragraphs become the container's own, as on most templates.
"""

from __future__ import annotations

from collections import defaultdict

MIN_WRAPPERS = 3
# What else such a wrapper may hold instead of its paragraph: the story's subheads and lists.
BLOCKS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "table"})


def unwrap_paragraph_wrappers(tree) -> int:
    """Replace each one-block wrapper of a run of paragraph wrappers by its block; how many."""
    counts: dict = defaultdict(int)
    for paragraph in tree.iter("p"):  # fewer than the divs, and every run holds some
        wrapper = paragraph.getparent()
        if wrapper is not None and _holds_one_block(wrapper):
            parent = wrapper.getparent()
            if parent is not None:
                counts[(parent, wrapper.tag, wrapper.get("class"))] += 1
    unwrapped = 0
    for (parent, tag, css_class), paragraphs in counts.items():
        if paragraphs < MIN_WRAPPERS:
            continue
        for wrapper in list(parent):
            if (
                wrapper.tag == tag
                and wrapper.get("class") == css_class
                and _holds_one_block(wrapper)
            ):
                wrapper.drop_tag()
                unwrapped += 1
    return unwrapped


def _holds_one_block(wrapper) -> bool:
    if wrapper.tag not in ("div", "section") or len(wrapper) != 1 or (wrapper.text or "").strip():
        return False
    block = wrapper[0]
    return block.tag in BLOCKS and not (block.tail or "").strip()
