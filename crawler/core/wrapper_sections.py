"""An aggregator's own sections above the story it credits: "Key takeaway", "Our take".

crawler.core.clean drops an aggregator's section headings and their lists from the text,
but a section holding a paragraph left the paragraph behind: the wrapper's takeaway
sentence became the record's first line. On a page that links to the story's original
(`PageMeta.original_link`: "Read the original", "Curated from <a>X</a>", JSON-LD
`isBasedOn`), a block that opens with such a heading, holds at most MAX_SECTION_WORDS words
and comes before the story's first paragraph is the wrapper's, and is removed. Sections after
the story are left to crawler.core.clean, which cuts a reprint's wrapper at their headings.
Other pages keep theirs: "Why it matters" is a section of many a newsroom's own story.
"""

from __future__ import annotations

from crawler.core.boxes import STOP_TAGS, add_box, drop_boxes, first_child
from crawler.core.chrome_patterns import AGGREGATOR_SECTION

MAX_SECTION_WORDS = 80
STORY_PARAGRAPH_WORDS = 25  # the story's first paragraph: the first <p> this long
HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def drop_wrapper_sections(tree, page) -> int:
    """Remove an aggregator's labelled sections above the story; how many there were."""
    if not page.original_link:
        return 0
    boxes: list = [box for box in map(_section_box, tree.iter(*HEADINGS)) if box is not None]
    if not boxes:
        return 0
    order = {element: index for index, element in enumerate(tree.iter())}
    story = next(
        (p for p in tree.iter("p") if len(p.text_content().split()) >= STORY_PARAGRAPH_WORDS),
        None,
    )
    kept: list = []
    for box in boxes:
        if story is not None and order[box] < order[story] and story not in box.iter("p"):
            add_box(kept, box)
    return drop_boxes(kept)


def _section_box(heading):
    """The block the heading opens, when it is labelled as an aggregator's section."""
    if not AGGREGATOR_SECTION.match(" ".join(heading.text_content().split())):
        return None
    box = heading.getparent()
    if box is None or box.tag in STOP_TAGS or first_child(box) is not heading:
        return None
    return box if len(box.text_content().split()) <= MAX_SECTION_WORDS else None
